// Every item's facets (quality labels, future-direction kinds, commitment years, unchecked warnings,
// annotations) in one pass over the store. Reading an item's text (compareItem) is the costly part, so
// its bullets and analysis are kept per database and item version: an edit bumps the version and only
// that item is read again.
import type { AnnotationFacet, FacetsByKey } from '../../shared/dashboard/facets';
import type { ItemRound } from '../../shared/dashboard/round';
import { matchesItemFilter, type ItemFilter } from '../../shared/item-filter';
import type { ItemSummary, MinistryCode, TaggedBullet } from '../../shared/domain';
import { analyseItem, qualityLabels, type ItemAnalysis } from '../../shared/quality';
import { annotationEdition } from './annotation-store';
import type { Db } from './database';
import { changeToken } from './import-store';
import { listItems } from './plan-store';
import { itemRounds } from './round-status';
import { warningChecksByItem } from './warning-checks';

interface ItemText {
  /** Version and time of the last change: a re-created item restarts at version 1. */
  stamp: string;
  actions: TaggedBullet[];
  future: TaggedBullet[];
  analysis: ItemAnalysis;
}

/** Per database: each item's bullets and their analysis, as of a stamp. */
const textCache = new WeakMap<Db, Map<string, ItemText>>();

interface BulletRow {
  item_key: string;
  field: 'actions' | 'future';
  level: number;
  text: string;
  ministries: string;
  pj: string;
}

/** Beyond this many changed items, one read of every bullet beats a read per item. */
const BULK_READ = 200;

/** Every item's bullets and analysis; only items changed since the last call are read and analysed again. */
function itemTexts(db: Db): Map<string, ItemText> {
  let cache = textCache.get(db);
  if (!cache) textCache.set(db, (cache = new Map()));
  const stamps = db.prepare('SELECT key, version, updated_at FROM items').all() as { key: string; version: number; updated_at: string }[];
  const stale = stamps.filter((r) => cache.get(r.key)?.stamp !== `${r.version}@${r.updated_at}`);
  if (stale.length > 0) {
    const rows: BulletRow[] =
      stale.length > BULK_READ
        ? (db
            .prepare('SELECT item_key, field, level, text, ministries, pj FROM bullets ORDER BY item_key, field, ord')
            .all() as BulletRow[])
        : stale.flatMap(
            (r) =>
              db
                .prepare('SELECT item_key, field, level, text, ministries, pj FROM bullets WHERE item_key = ? ORDER BY field, ord')
                .all(r.key) as BulletRow[],
          );
    const fresh = new Map<string, { actions: TaggedBullet[]; future: TaggedBullet[] }>(
      stale.map((r) => [r.key, { actions: [], future: [] }]),
    );
    for (const b of rows) {
      fresh.get(b.item_key)?.[b.field].push({
        text: b.text,
        level: b.level,
        ministries: JSON.parse(b.ministries) as MinistryCode[],
        pj: JSON.parse(b.pj) as number[],
      });
    }
    for (const r of stale) {
      const { actions, future } = fresh.get(r.key)!;
      cache.set(r.key, { stamp: `${r.version}@${r.updated_at}`, actions, future, analysis: analyseItem(actions, future) });
    }
  }
  if (cache.size > stamps.length) {
    const live = new Set(stamps.map((r) => r.key));
    for (const key of cache.keys()) if (!live.has(key)) cache.delete(key);
  }
  return cache;
}

/** The current edition's annotations (the items listed are the current edition's too). */
function annotationsByItem(db: Db): Map<string, AnnotationFacet[]> {
  const rows = db
    .prepare('SELECT item_key, status, tags, author FROM annotations WHERE deleted_at IS NULL AND fiscal_year = ?')
    .all(annotationEdition(db)) as {
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

/** The last result per database, valid while nothing is written (the list's start and the dashboard share it). */
const resultCache = new WeakMap<Db, { token: string; value: PlanFacets }>();

/** The items (in plan order) with their facets, read in one transaction so both agree. Do not mutate the result. */
export function planFacets(db: Db): PlanFacets {
  const token = changeToken(db);
  const hit = resultCache.get(db);
  if (hit && hit.token === token) return hit.value;
  const value = readPlanFacets(db);
  resultCache.set(db, { token, value });
  return value;
}

function readPlanFacets(db: Db): PlanFacets {
  return db.transaction(() => {
    const items = listItems(db);
    const texts = itemTexts(db);
    const checks = warningChecksByItem(db);
    const rounds = itemRounds(db);
    const notes = annotationsByItem(db);
    const facets: FacetsByKey = {};
    for (const it of items) {
      const text = texts.get(it.key)!;
      const analysis = text.analysis;
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
