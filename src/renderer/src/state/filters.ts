// The list filters (ministry, lead only, disease area, PJ, outline section): what they mean, how they
// read as chips, and the item counts the outline shows. Filtering runs here, in the page, over the
// item summaries already loaded, so a change of filter costs no round trip even on a large plan.
// The rules are shared with the API's `items.list` (src/shared/item-filter.ts).
import type { ItemFacets } from '../../../shared/dashboard';
import type { ItemListArgs } from '../../../shared/api';
import { matchesItemFilter, sectionIdsOf, type ItemFilter } from '../../../shared/item-filter';
import {
  DISEASE_AREAS,
  MINISTRY_NAMES,
  PROJECT_NAMES,
  isMinistryCode,
  type ItemSummary,
  type MinistryCode,
  type Section,
} from '../../../shared/domain';

export interface Filters {
  ministry: MinistryCode | null;
  /** With a ministry: only items it leads (◎). Without: only items that name a lead at all. */
  lead: boolean;
  area: number | null;
  pj: number | null;
  /** Outline section id: `1`, `1-2` or `1-2-3`. */
  section: string | null;
  /** A facet (quality label, future kind, commitment year, warnings, annotations) from the quality filter or a dashboard chart, with its chip text. */
  facet: FacetFilter | null;
  /** A set of items opened from elsewhere (a count of the follow-up overview), named for its chip. */
  keys: { label: string; keys: string[] } | null;
}

export type FacetFilter = Omit<ItemFilter, 'ministry' | 'lead' | 'area' | 'pj' | 'section' | 'keys'> & { label: string };

export const NO_FILTERS: Filters = { ministry: null, lead: false, area: null, pj: null, section: null, facet: null, keys: null };

/** The page's filters for an ItemFilter (a dashboard figure's), the facet part and a set of items under its chip text. */
export function filtersFor(f: ItemFilter, label: string): Filters {
  const { ministry, lead, area, pj, section, keys, ...facet } = f;
  const hasFacet = Object.values(facet).some((v) => v != null && v !== false);
  return {
    ministry: ministry ?? null,
    lead: lead ?? false,
    area: area ?? null,
    pj: pj ?? null,
    section: section ?? null,
    facet: hasFacet ? { ...facet, label } : null,
    keys: keys ? { label, keys: [...keys] } : null,
  };
}

export type FilterKey = keyof Filters;

export { sectionIdsOf };

/** `facets`: every item's facets, or null while they load (a facet filter then matches nothing yet). */
export function matchesFilters(
  it: ItemSummary,
  f: Filters,
  facets: Record<string, ItemFacets> | null,
  options: { ignoreSection?: boolean } = {},
): boolean {
  const { facet, keys, ...plain } = f;
  const filter: ItemFilter = { ...plain, ...(facet ?? {}), keys: keys?.keys ?? null, ...(options.ignoreSection ? { section: null } : {}) };
  return matchesItemFilter(it, filter, facets?.[it.key]);
}

export function hasFilters(f: Filters): boolean {
  return f.ministry !== null || f.lead || f.area !== null || f.pj !== null || f.section !== null || f.facet !== null || f.keys !== null;
}

/** How many of the items fall in each outline section (keys as in sectionIdsOf). */
export function countBySection(items: readonly ItemSummary[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const it of items) for (const id of sectionIdsOf(it)) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

export function sectionName(s: Section): string {
  if (s.level === 'major') return `大項目${s.major}`;
  if (s.level === 'middle') return `中項目${s.middle}`;
  return `${s.area})`;
}

export function areaName(area: number, sections: readonly Section[]): string {
  return sections.find((s) => s.level === 'area' && s.area === area)?.title ?? DISEASE_AREAS[area] ?? `疾患領域${area}`;
}

export function pjName(pj: number): string {
  return `PJ${pj} ${PROJECT_NAMES[pj - 1] ?? ''}`.trim();
}

export interface FilterChip {
  key: FilterKey;
  label: string;
}

/** The active filters as removable chips, in a fixed order. */
export function filterChips(f: Filters, sections: readonly Section[]): FilterChip[] {
  const chips: FilterChip[] = [];
  if (f.section !== null) {
    const s = sections.find((x) => x.id === f.section);
    chips.push({ key: 'section', label: s ? `${sectionName(s)} ${s.title}` : `区分 ${f.section}` });
  }
  if (f.ministry) chips.push({ key: 'ministry', label: `府省: ${f.ministry}(${MINISTRY_NAMES[f.ministry]})` });
  if (f.lead) chips.push({ key: 'lead', label: '主担当(◎)のみ' });
  if (f.area !== null) chips.push({ key: 'area', label: `疾患領域: ${areaName(f.area, sections)}` });
  if (f.pj !== null) chips.push({ key: 'pj', label: pjName(f.pj) });
  if (f.facet !== null) chips.push({ key: 'facet', label: f.facet.label });
  if (f.keys !== null) chips.push({ key: 'keys', label: `${f.keys.label}(${f.keys.keys.length} 項目)` });
  return chips;
}

/** Filters as the API stores them in a saved view (no nulls, no false). */
export function filtersToArgs(f: Filters): ItemListArgs {
  const args: ItemListArgs = {};
  if (f.ministry) args.ministry = f.ministry;
  if (f.lead) args.lead = true;
  if (f.area !== null) args.area = f.area;
  if (f.pj !== null) args.pj = f.pj;
  if (f.section !== null) args.section = f.section;
  return args;
}

/** Filters from stored arguments; anything malformed is dropped rather than trusted. */
export function filtersFromArgs(a: unknown): Filters {
  const o = (a && typeof a === 'object' ? a : {}) as Record<string, unknown>;
  const int = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : null);
  return {
    ministry: typeof o.ministry === 'string' && isMinistryCode(o.ministry) ? o.ministry : null,
    lead: o.lead === true,
    area: int(o.area),
    pj: int(o.pj),
    section: typeof o.section === 'string' && /^\d+(-\d+){0,2}$/.test(o.section) ? o.section : null,
    // A dashboard facet or a picked set of items is a one-off view, not part of a saved list state.
    facet: null,
    keys: null,
  };
}

const LIST_STATE_KEY = 'council-desk.list-state';

/** Keep the filters and search text in the browser's storage, so a reload shows the same list. */
export function rememberListState(filters: Filters, query: string): void {
  try {
    localStorage.setItem(LIST_STATE_KEY, JSON.stringify({ filters: filtersToArgs(filters), query }));
  } catch {
    // Storage full or disabled: the list simply starts unfiltered next time.
  }
}

export function recallListState(): { filters: Filters; query: string } {
  try {
    const raw = JSON.parse(localStorage.getItem(LIST_STATE_KEY) ?? '{}') as { filters?: unknown; query?: unknown };
    return { filters: filtersFromArgs(raw.filters), query: typeof raw.query === 'string' ? raw.query.slice(0, 200) : '' };
  } catch {
    return { filters: NO_FILTERS, query: '' };
  }
}

/**
 * How many items each choice of one filter would show, the other filters kept: a drop-down shows
 * these and greys out the choices that would show nothing.
 */
export function countsFor<K extends 'ministry' | 'area' | 'pj'>(
  items: readonly ItemSummary[],
  f: Filters,
  key: K,
  values: readonly Filters[K][],
  facets: Record<string, ItemFacets> | null,
): Map<Filters[K], number> {
  const counts = new Map<Filters[K], number>(values.map((v) => [v, 0]));
  for (const v of values) {
    const probe = { ...f, [key]: v };
    let n = 0;
    for (const it of items) if (matchesFilters(it, probe, facets)) n++;
    counts.set(v, n);
  }
  return counts;
}
