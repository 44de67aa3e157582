// What the list filters mean (ministry, lead only, disease area, PJ, outline section, and the facets
// the dashboard's charts open: quality label, future-direction kind, commitment year, unchecked ingest
// warnings, annotations): one rule for the API's items.list, for the page, which filters the summaries
// it already holds, and for the dashboard, whose every figure is the count of this filter.
import type { AnnotationStatus } from './annotations';
import type { FutureLabel } from './compare';
import type { ItemFacets } from './dashboard/facets';
import type { ItemSummary, MinistryCode } from './domain';

export interface ItemFilter {
  ministry?: MinistryCode | null;
  /** With a ministry: only items it leads (◎). Without: only items that name a lead at all. */
  lead?: boolean;
  area?: number | null;
  pj?: number | null;
  /** Outline section id: `1`, `1-2` or `1-2-3`. */
  section?: string | null;
  /** Items that earn this quality label (id from src/shared/quality/rules.ts). */
  quality?: string | null;
  /** Items with at least one future direction of this kind. */
  futureLabel?: FutureLabel | null;
  /** Items whose future directions are boilerplate only. */
  boilerplateOnly?: boolean;
  /** Items that commit to a date in this fiscal year (令和N as a string) or `relative`. */
  commitmentYear?: string | null;
  /** Items with ingest warnings no one has confirmed. */
  uncheckedWarnings?: boolean;
  /** Items with an annotation in this status (and, when given, with this tag / by this author). */
  annotationStatus?: AnnotationStatus | null;
  annotationTag?: string | null;
  annotationAuthor?: string | null;
  /** Only these items (a set picked elsewhere, e.g. the follow-up overview's unreported items). */
  keys?: readonly string[] | null;
}

/** The outline section ids an item belongs to, from the 大項目 down. */
export function sectionIdsOf(it: Pick<ItemSummary, 'major' | 'middle' | 'area'>): string[] {
  const ids = [`${it.major}`, `${it.major}-${it.middle}`];
  if (it.area !== null) ids.push(`${it.major}-${it.middle}-${it.area}`);
  return ids;
}

const SECTION_PARTS = new Map<string, number[]>();

/** Whether the item sits in the section (`1`, `1-2`, `1-2-3`): sectionIdsOf without building ids, for counting over large plans. */
function inSection(it: Pick<ItemSummary, 'major' | 'middle' | 'area'>, id: string): boolean {
  let parts = SECTION_PARTS.get(id);
  if (!parts) SECTION_PARTS.set(id, (parts = id.split('-').map(Number)));
  return parts[0] === it.major && (parts.length < 2 || parts[1] === it.middle) && (parts.length < 3 || parts[2] === it.area);
}

/** Whether the filter asks about facets (then matching needs the item's facets). */
export function needsFacets(f: ItemFilter): boolean {
  return (
    f.quality != null ||
    f.futureLabel != null ||
    f.boilerplateOnly === true ||
    f.commitmentYear != null ||
    f.uncheckedWarnings === true ||
    f.annotationStatus != null ||
    f.annotationTag != null ||
    f.annotationAuthor != null
  );
}

function matchesFacets(x: ItemFacets, f: ItemFilter): boolean {
  if (f.quality != null && !x.quality.some((l) => l.id === f.quality)) return false;
  if (f.futureLabel != null && !x.futureLabels.includes(f.futureLabel)) return false;
  if (f.boilerplateOnly === true && !x.boilerplateOnly) return false;
  if (f.commitmentYear != null && !x.commitmentYears.includes(f.commitmentYear)) return false;
  if (f.uncheckedWarnings === true && x.uncheckedWarnings.length === 0) return false;
  if (f.annotationStatus != null || f.annotationTag != null || f.annotationAuthor != null) {
    const hit = x.annotations.some(
      (a) =>
        (f.annotationStatus == null || a.status === f.annotationStatus) &&
        (f.annotationTag == null || a.tags.includes(f.annotationTag)) &&
        (f.annotationAuthor == null || a.author === f.annotationAuthor),
    );
    if (!hit) return false;
  }
  return true;
}

/** `facets` is the item's facets; a filter that asks about facets matches nothing without them. */
export function matchesItemFilter(it: ItemSummary, f: ItemFilter, facets?: ItemFacets): boolean {
  if (f.ministry) {
    if (!(f.lead ? it.lead : it.ministries).includes(f.ministry)) return false;
  } else if (f.lead && it.lead.length === 0) return false;
  if (f.area != null && it.area !== f.area) return false;
  if (f.pj != null && !it.pj.includes(f.pj)) return false;
  if (f.section != null && !inSection(it, f.section)) return false;
  if (f.keys != null && !f.keys.includes(it.key)) return false;
  if (needsFacets(f)) return facets !== undefined && matchesFacets(facets, f);
  return true;
}
