// The rows of an edition import's review, by class: every item of either edition falls in one class
// (a matched item in its most important change), and the page filters them per class.
import type { EditionBatchDetail } from '../../../../shared/editions/batch';
import type { MatchKind } from '../../../../shared/editions/vocabulary';

/** The order classes are listed in: what needs a person first, unchanged items last. */
export const CLASS_ORDER: MatchKind[] = ['ambiguous', 'split', 'merged', 'added', 'dropped', 'renumbered', 'moved', 'edited', 'same'];

export type ClassCounts = Record<MatchKind, number>;

export function classCounts(d: EditionBatchDetail): ClassCounts {
  const counts = Object.fromEntries(CLASS_ORDER.map((k) => [k, 0])) as ClassCounts;
  for (const m of d.matched) counts[m.change] += 1;
  counts.added = d.added.length;
  counts.dropped = d.dropped.length;
  counts.ambiguous = d.ambiguous.length;
  counts.split = d.splits.length;
  counts.merged = d.merges.length;
  return counts;
}

/** Shown at first: every class but the unchanged items. */
export const DEFAULT_CLASSES: Record<MatchKind, boolean> = Object.fromEntries(CLASS_ORDER.map((k) => [k, k !== 'same'])) as Record<
  MatchKind,
  boolean
>;

/** 0.87 → 「87%」 */
export function percent(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}
