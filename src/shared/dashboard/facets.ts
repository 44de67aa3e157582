// What the list can be filtered by beyond the plan's own columns: an item's quality labels, the kinds
// of its future directions, the fiscal years it commits to, unchecked ingest warnings and its
// annotations. The main side computes them (src/main/store/item-facets.ts); the dashboard counts them
// and the list filters by them with the same rule (src/shared/item-filter.ts).
import type { AnnotationStatus } from '../annotations';
import type { FutureLabel } from '../compare';
import type { CommitmentYear, QualityLabel } from '../quality';

export interface AnnotationFacet {
  status: AnnotationStatus;
  tags: string[];
  author: string;
}

export interface ItemFacets {
  quality: QualityLabel[];
  /** The kinds of the item's future directions, each once. */
  futureLabels: FutureLabel[];
  boilerplateOnly: boolean;
  /** Fiscal years (令和N as a string) or `relative`, each once. */
  commitmentYears: CommitmentYear[];
  uncheckedWarnings: string[];
  /** Annotations on the item (not deleted). */
  annotations: AnnotationFacet[];
}

export type FacetsByKey = Record<string, ItemFacets>;
