// What the list filters mean (ministry, lead only, disease area, PJ, outline section): one rule for
// the API's items.list and for the page, which filters the summaries it already holds.
import type { ItemSummary, MinistryCode } from './domain';

export interface ItemFilter {
  ministry?: MinistryCode | null;
  /** With a ministry: only items it leads (◎). Without: only items that name a lead at all. */
  lead?: boolean;
  area?: number | null;
  pj?: number | null;
  /** Outline section id: `1`, `1-2` or `1-2-3`. */
  section?: string | null;
  /** Only these items (a set picked elsewhere, e.g. the follow-up overview's unreported items). */
  keys?: readonly string[] | null;
}

/** The outline section ids an item belongs to, from the 大項目 down. */
export function sectionIdsOf(it: Pick<ItemSummary, 'major' | 'middle' | 'area'>): string[] {
  const ids = [`${it.major}`, `${it.major}-${it.middle}`];
  if (it.area !== null) ids.push(`${it.major}-${it.middle}-${it.area}`);
  return ids;
}

export function matchesItemFilter(it: ItemSummary, f: ItemFilter): boolean {
  if (f.ministry) {
    if (!(f.lead ? it.lead : it.ministries).includes(f.ministry)) return false;
  } else if (f.lead && it.lead.length === 0) return false;
  if (f.area != null && it.area !== f.area) return false;
  if (f.pj != null && !it.pj.includes(f.pj)) return false;
  if (f.section != null && !sectionIdsOf(it).includes(f.section)) return false;
  if (f.keys != null && !f.keys.includes(it.key)) return false;
  return true;
}
