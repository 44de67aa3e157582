// Every item's facets (quality labels, future-direction kinds, commitment years, unchecked warnings,
// annotations) in one pass over the store. Reading an item's text (compareItem) is the costly part, so
// its analysis is kept per database and item version: an edit bumps the version and is read again.
import type { AnnotationFacet, FacetsByKey } from '../../shared/dashboard/facets';
import type { ItemRound } from '../../shared/dashboard/round';
import { matchesItemFilter, type ItemFilter } from '../../shared/item-filter';
import type { ItemSummary, MinistryCode, TaggedBullet } from '../../shared/domain';
import { analyseItem, qualityLabels, type ItemAnalysis } from '../../shared/quality';
import type { Db } from './database';
import { listItems } from './plan-store';
import { itemRounds } from './round-status';
import { warningChecksByItem } from './warning-checks';

const analysisCache = new WeakMap<Db, Map<string, { stamp: string; analysis: ItemAnalysis }>>();

interface ItemText {
  /** Version and time of the last change: a re-created item restarts at version 1. */
  stamp: string;
  actions: TaggedBullet[];
  future: TaggedBullet[];
}

function itemTexts(db: Db): Map<string, ItemText> {
  const out = new Map<string, ItemText>();
  for (const r of db.prepare('SELECT key, version, updated_at FROM items').all() as { key: string; version: number; updated_at: string }[]) {
    out.set(r.key, { stamp: `${r.version}@${r.updated_at}`, actions: [], future: [] });
  }
  const bullets = db.prepare('SELECT item_key, field, level, text, ministries, pj FROM bullets ORDER BY item_key, field, ord').all() as {
    item_key: string;
    field: 'actions' | 'future';
    level: number;
    text: string;
    ministries: string;
    pj: string;
  }[];
  for (const b of bullets) {
    out.get(b.item_key)?.[b.field].push({
      text: b.text,
      level: b.level,
      ministries: JSON.parse(b.ministries) as MinistryCode[],
      pj: JSON.parse(b.pj) as number[],
    });
  }
  return out;
}

function annotationsByItem(db: Db): Map<string, AnnotationFacet[]> {
  const rows = db.prepare('SELECT item_key, status, tags, author FROM annotations WHERE deleted_at IS NULL').all() as {
    item_key: string;
    status: AnnotationFacet['status'];
    tags: string;
    author: string;
  }[];
  const out = new Map<string, AnnotationFacet[]>();
  for (const r of rows) {
    const list = out.get(r.item_key) ?? [];
    list.push({ status: r.status, tags: JSON.parse(r.tags) as string[], author: r.author });
    out.set(r.item_key, list);
  }
  return out;
}

export interface PlanFacets {
  items: ItemSummary[];
  facets: FacetsByKey;
}

const NO_ROUND: ItemRound = { lastExportAt: null, appliedSince: [] };

/** The items (in plan order) with their facets, read in one transaction so both agree. */
export function planFacets(db: Db): PlanFacets {
  return db.transaction(() => {
    const items = listItems(db);
    const texts = itemTexts(db);
    const checks = warningChecksByItem(db);
    const rounds = itemRounds(db);
    const notes = annotationsByItem(db);
    let cache = analysisCache.get(db);
    if (!cache) analysisCache.set(db, (cache = new Map()));
    const facets: FacetsByKey = {};
    for (const it of items) {
      const text = texts.get(it.key) ?? { stamp: '', actions: [], future: [] };
      let hit = cache.get(it.key);
      if (!hit || hit.stamp !== text.stamp) {
        hit = { stamp: text.stamp, analysis: analyseItem(text.actions, text.future) };
        cache.set(it.key, hit);
      }
      const analysis = hit.analysis;
      const checked = new Set((checks.get(it.key) ?? []).map((c) => c.warning));
      const uncheckedWarnings = it.warnings.filter((w) => !checked.has(w));
      facets[it.key] = {
        quality: qualityLabels({
          item: { ministries: it.ministries, lead: it.lead, warnings: it.warnings, actions: text.actions, future: text.future },
          analysis,
          uncheckedWarnings,
          round: rounds.get(it.key) ?? NO_ROUND,
        }),
        futureLabels: [...new Set(analysis.futureLabels)],
        boilerplateOnly: analysis.boilerplateOnly,
        commitmentYears: [...new Set(analysis.commitments.map((c) => c.year))],
        uncheckedWarnings,
        annotations: notes.get(it.key) ?? [],
      };
    }
    return { items, facets };
  })();
}

/** items.list with a filter that asks about facets: the same rule, over the items with their facets. */
export function filterByFacets(db: Db, filter: ItemFilter): ItemSummary[] {
  const { items, facets } = planFacets(db);
  return items.filter((it) => matchesItemFilter(it, filter, facets[it.key]));
}
