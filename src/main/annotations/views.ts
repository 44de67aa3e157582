// Reading annotations for the UI and the CLI: filters, and where each annotation sits in the text of
// its edition (the live plan for the current edition, the frozen text of an archived one).
// The anchor state is computed on every read rather than cached: resolving is a string compare when
// the text did not change (the common case), and a cache would have to be invalidated by every path
// that writes item fields (edits, restores, applied imports, re-seeding).
import {
  fieldSegments,
  type Annotation,
  type AnnotationColor,
  type AnnotationCounts,
  type AnnotationKind,
  type AnnotationStatus,
  type AnnotationView,
  type AnchorState,
} from '../../shared/annotations';
import { resolveAnchor } from '../../shared/annotations/anchor';
import type { Item, MinistryCode } from '../../shared/domain';
import type { Db } from '../store/database';
import { annotationEdition, historyCounts, readAllAnnotations } from '../store/annotation-store';
import { currentFiscalYear } from '../store/edition-store';
import { getItem, sectionContains } from '../store/plan-store';
import { asItem, editionItems } from '../editions/edition-items';

export interface AnnotationFilter {
  /** The edition whose annotations are read (default: the current one). */
  edition?: number;
  itemKey?: string;
  tag?: string;
  color?: AnnotationColor;
  status?: AnnotationStatus;
  kind?: AnnotationKind;
  author?: string;
  ministry?: MinistryCode;
  section?: string;
  /** Tombstones are left out unless asked for. */
  includeDeleted?: boolean;
}

/** Whether an edition's text is the live plan: the current edition's, or the plan's before any edition is recorded. */
function isLive(db: Db, fiscalYear: number): boolean {
  const current = currentFiscalYear(db);
  return current === null ? fiscalYear === annotationEdition(db) : fiscalYear === current;
}

/**
 * An edition's items by key, read once per listing; null when the key is not in that edition (or the
 * edition is not held here: a shared file may carry annotations of an edition this database lacks).
 */
export function editionItemLookup(db: Db, fiscalYear: number): (key: string) => Item | null {
  if (isLive(db, fiscalYear)) {
    const cache = new Map<string, Item | null>();
    // An item a later edition dropped keeps its row (retired_in), but it is not in this edition.
    const inEdition = db.prepare('SELECT 1 FROM items WHERE key = ? AND retired_in IS NULL').pluck();
    return (key) => {
      if (!cache.has(key)) cache.set(key, inEdition.get(key) ? getItem(db, key) : null);
      return cache.get(key)!;
    };
  }
  // Read on first use: an item view whose item has no annotations does not read the whole edition.
  let items: Map<string, Item> | undefined;
  return (key) => {
    if (!items) {
      const edition = db.prepare('SELECT loaded_at FROM editions WHERE fiscal_year = ?').get(fiscalYear) as
        { loaded_at: string } | undefined;
      items = new Map(edition ? editionItems(db, fiscalYear).map((it) => [it.key, asItem(it, edition.loaded_at)]) : []);
    }
    return items.get(key) ?? null;
  };
}

export function anchorState(a: Pick<Annotation, 'anchor' | 'field' | 'bulletIndex'>, item: Item | null): AnchorState {
  if (!item) return { state: 'orphan', reason: 'item_missing' };
  if (!a.anchor || !a.field) return { state: 'none' };
  const r = resolveAnchor(a.anchor, a.bulletIndex ?? 0, fieldSegments(item, a.field));
  if (r.state === 'orphan') return { state: 'orphan', reason: 'text_changed' };
  return {
    state: 'anchored',
    bulletIndex: a.field === 'title' ? null : r.bulletIndex,
    start: r.start,
    end: r.end,
    score: r.score,
    exact: r.exact,
    moved: r.moved,
  };
}

function matches(a: Annotation, item: Item | null, f: AnnotationFilter): boolean {
  if (a.deletedAt && !f.includeDeleted) return false;
  if (f.itemKey && a.itemKey !== f.itemKey) return false;
  if (f.tag && !a.tags.includes(f.tag)) return false;
  if (f.color && a.color !== f.color) return false;
  if (f.status && a.status !== f.status) return false;
  if (f.kind && a.kind !== f.kind) return false;
  if (f.author && a.author !== f.author) return false;
  if ((f.ministry || f.section) && !item) return false;
  if (f.ministry && !item!.ministries.includes(f.ministry)) return false;
  if (f.section && !sectionContains(f.section, item!)) return false;
  return true;
}

/** Annotations in plan order (by item position, then creation), each with its anchor state. */
export function listAnnotationViews(db: Db, filter: AnnotationFilter = {}): AnnotationView[] {
  const fiscalYear = annotationEdition(db, filter.edition);
  const item = editionItemLookup(db, fiscalYear);
  const history = historyCounts(db);
  const views = readAllAnnotations(db, fiscalYear)
    .filter((a) => matches(a, item(a.itemKey), filter))
    .map((a) => toView(a, item(a.itemKey), history.get(a.id) ?? 0));
  const position = (v: AnnotationView) => item(v.itemKey)?.position ?? Number.MAX_SAFE_INTEGER;
  return views.sort((x, y) => position(x) - position(y) || (x.createdAt < y.createdAt ? -1 : x.createdAt > y.createdAt ? 1 : 0));
}

function toView(a: Annotation, item: Item | null, historyCount: number): AnnotationView {
  return { ...a, anchorState: anchorState(a, item), itemTitle: item?.title ?? null, historyCount };
}

export function annotationView(db: Db, a: Annotation): AnnotationView {
  const item = editionItemLookup(db, a.fiscalYear)(a.itemKey);
  return toView(a, item, historyCounts(db).get(a.id) ?? 0);
}

/** Open, undeleted annotations of an edition per item and per enclosing section (`1`, `1-2`, `1-2-3`), placed as in that edition. */
export function annotationCounts(db: Db, edition?: number): AnnotationCounts {
  const fiscalYear = annotationEdition(db, edition);
  const items = isLive(db, fiscalYear)
    ? 'LEFT JOIN items i ON i.key = a.item_key'
    : 'LEFT JOIN edition_items i ON i.key = a.item_key AND i.fiscal_year = a.fiscal_year';
  const rows = db
    .prepare(
      `SELECT a.item_key AS key, i.major, i.middle, i.area, COUNT(*) AS n FROM annotations a ${items}
       WHERE a.fiscal_year = ? AND a.deleted_at IS NULL AND a.status = 'open' GROUP BY a.item_key`,
    )
    .all(fiscalYear) as { key: string; major: number | null; middle: number | null; area: number | null; n: number }[];
  const out: AnnotationCounts = { total: 0, sections: {}, items: {} };
  for (const r of rows) {
    out.total += r.n;
    out.items[r.key] = r.n;
    if (r.major === null) continue;
    const ids = [`${r.major}`, `${r.major}-${r.middle}`, ...(r.area === null ? [] : [`${r.major}-${r.middle}-${r.area}`])];
    for (const id of ids) out.sections[id] = (out.sections[id] ?? 0) + r.n;
  }
  return out;
}
