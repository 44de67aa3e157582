// Every item's facets (quality labels, future-direction kinds, commitment years, unchecked warnings,
// annotations) in one pass over the store. Reading an item's text (compareItem) is the costly part, so
// its bullets and analysis are kept per database and item version: an edit bumps the version and only
// that item is read again.
import type { AnnotationFacet, FacetsByKey, ItemFacets } from '../../shared/dashboard/facets';
import type { ItemRound } from '../../shared/dashboard/round';
import { matchesItemFilter, type ItemFilter } from '../../shared/item-filter';
import type { ItemSummary, MinistryCode, TaggedBullet } from '../../shared/domain';
import { analyseItem, qualityLabels, type ItemAnalysis } from '../../shared/quality';
import { editionItems, editionRow, asItem } from '../editions/edition-items';
import { annotationEdition } from './annotation-store';
import type { Db } from './database';
import { currentFiscalYear } from './edition-store';
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

/** An edition's annotations (default: the current one's, like the items listed). */
function annotationsByItem(db: Db, edition?: number): Map<string, AnnotationFacet[]> {
  const rows = db
    .prepare('SELECT item_key, status, tags, author FROM annotations WHERE deleted_at IS NULL AND fiscal_year = ?')
    .all(annotationEdition(db, edition)) as {
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

/**
 * The last result per database and edition, valid while nothing is written (the list's start and the
 * dashboard share it).
 */
const resultCache = new WeakMap<Db, Map<number | 'current', { token: string; value: PlanFacets }>>();

/** True when `edition` names an edition other than the current one (its items are in edition_items). */
export function isOtherEdition(db: Db, edition: number | undefined): edition is number {
  return edition !== undefined && edition !== currentFiscalYear(db);
}

/**
 * The items (in plan order) with their facets, read in one transaction so both agree: the current
 * edition's by default, or those of another edition held (archived or draft). Do not mutate the result.
 */
export function planFacets(db: Db, edition?: number): PlanFacets {
  const other = isOtherEdition(db, edition);
  const slot = other ? edition : 'current';
  const token = changeToken(db);
  let perEdition = resultCache.get(db);
  if (!perEdition) resultCache.set(db, (perEdition = new Map()));
  const hit = perEdition.get(slot);
  if (hit && hit.token === token) return hit.value;
  const value = other ? readEditionFacets(db, edition) : readPlanFacets(db);
  perEdition.set(slot, { token, value });
  return value;
}

/**
 * Another edition's items, analysed like the current ones, with that edition's annotations. The round
 * with the ministries and the ingest warnings belong to the current items only: none here.
 */
function readEditionFacets(db: Db, edition: number): PlanFacets {
  return db.transaction(() => {
    const loadedAt = editionRow(db, edition).loaded_at;
    const notes = annotationsByItem(db, edition);
    const items: ItemSummary[] = [];
    const facets: FacetsByKey = {};
    for (const plain of editionItems(db, edition)) {
      const { actions, future, version: _v, updatedAt: _u, ...summary } = asItem(plain, loadedAt);
      items.push(summary);
      facets[summary.key] = itemFacets(summary, actions, future, [], NO_ROUND, notes.get(summary.key) ?? []);
    }
    return { items, facets };
  })();
}

/** One item's facets from its bullets, the warnings not yet confirmed, its round and annotations. */
function itemFacets(
  it: ItemSummary,
  actions: TaggedBullet[],
  future: TaggedBullet[],
  uncheckedWarnings: string[],
  round: ItemRound,
  annotations: AnnotationFacet[],
  analysis: ItemAnalysis = analyseItem(actions, future),
): ItemFacets {
  return {
    quality: qualityLabels({
      item: { ministries: it.ministries, lead: it.lead, warnings: it.warnings, actions, future },
      analysis,
      uncheckedWarnings,
      round,
    }),
    futureLabels: [...new Set(analysis.futureLabels)],
    boilerplateOnly: analysis.boilerplateOnly,
    commitmentYears: [...new Set(analysis.commitments.map((c) => c.year))],
    uncheckedWarnings,
    annotations,
  };
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
      const checked = new Set((checks.get(it.key) ?? []).map((c) => c.warning));
      const uncheckedWarnings = it.warnings.filter((w) => !checked.has(w));
      const round = rounds.get(it.key) ?? NO_ROUND;
      facets[it.key] = itemFacets(it, text.actions, text.future, uncheckedWarnings, round, notes.get(it.key) ?? [], text.analysis);
    }
    return { items, facets };
  })();
}

/** items.list with a filter that asks about facets: the same rule, over an edition's items with their facets. */
export function filterByFacets(db: Db, filter: ItemFilter, edition?: number): ItemSummary[] {
  const { items, facets } = planFacets(db, edition);
  return items.filter((it) => matchesItemFilter(it, filter, facets[it.key]));
}
