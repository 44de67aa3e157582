// The list filters (ministry, lead only, disease area, PJ, outline section): what they mean, how they
// read as chips, and the item counts the outline shows. Filtering runs here, in the page, over the
// item summaries already loaded, so a change of filter costs no round trip even on a large plan.
// The rules are shared with the API's `items.list` (src/shared/item-filter.ts).
import { matchesItemFilter, sectionIdsOf } from '../../../shared/item-filter';
import { DISEASE_AREAS, MINISTRY_NAMES, PROJECT_NAMES, type ItemSummary, type MinistryCode, type Section } from '../../../shared/domain';

export interface Filters {
  ministry: MinistryCode | null;
  /** With a ministry: only items it leads (◎). Without: only items that name a lead at all. */
  lead: boolean;
  area: number | null;
  pj: number | null;
  /** Outline section id: `1`, `1-2` or `1-2-3`. */
  section: string | null;
  /** A set of items opened from elsewhere (a count of the follow-up overview), named for its chip. */
  keys: { label: string; keys: string[] } | null;
}

export const NO_FILTERS: Filters = { ministry: null, lead: false, area: null, pj: null, section: null, keys: null };

export type FilterKey = keyof Filters;

export { sectionIdsOf };

export function matchesFilters(it: ItemSummary, f: Filters, options: { ignoreSection?: boolean } = {}): boolean {
  return matchesItemFilter(it, { ...f, keys: f.keys?.keys ?? null, ...(options.ignoreSection ? { section: null } : {}) });
}

export function hasFilters(f: Filters): boolean {
  return f.ministry !== null || f.lead || f.area !== null || f.pj !== null || f.section !== null || f.keys !== null;
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
  if (f.keys !== null) chips.push({ key: 'keys', label: `${f.keys.label}(${f.keys.keys.length} 項目)` });
  return chips;
}
