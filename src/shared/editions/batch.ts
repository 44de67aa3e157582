// What the API says about editions beyond the pure matching: a staged edition import (a new year's
// table, or a changed source of the current one) with every item classified, the comparison of two
// editions (新旧対照表), and the follow-up of last year's promises. Pure types.
import type { EditionStatus } from './edition';
import type { FollowUpSummary, PromiseFollowUp } from './followup';
import type { EditionField, MatchChange } from './vocabulary';

export type EditionBatchStatus = 'staged' | 'applied' | 'discarded';

/** One field of an item, before and after, as cell text (bullets as `・` lines). */
export interface FieldChange {
  field: EditionField;
  before: string;
  after: string;
}

export interface EditionMatchRow {
  /** Index of the item in the new source (source order). */
  index: number;
  key: string;
  title: string;
  fromLabel: string;
  toLabel: string;
  fromSection: string;
  toSection: string;
  change: MatchChange;
  moved: boolean;
  renumbered: boolean;
  fields: EditionField[];
  changes: FieldChange[];
  confidence: number;
  /** Paired by a person (an ambiguous item), not by the matcher. */
  paired: boolean;
}

export interface EditionAddedRow {
  index: number;
  /** The key it will be given when applied (never one issued before). */
  key: string;
  label: string;
  section: string;
  title: string;
  /** Chosen by a person for an ambiguous item ('added' instead of a pair). */
  decided: boolean;
}

export interface EditionDroppedRow {
  key: string;
  label: string;
  section: string;
  title: string;
}

export interface EditionCandidateRow {
  key: string;
  label: string;
  section: string;
  title: string;
  confidence: number;
}

export interface EditionAmbiguousRow {
  index: number;
  label: string;
  section: string;
  title: string;
  candidates: EditionCandidateRow[];
  /** A person's decision: the key it is, 'added', or null while undecided. */
  decision: string | null;
}

export interface EditionSplitRow {
  key: string;
  title: string;
  into: { index: number; label: string; title: string; confidence: number }[];
}

export interface EditionMergeRow {
  index: number;
  label: string;
  title: string;
  from: { key: string; title: string; confidence: number }[];
}

export interface EditionBatchSummary {
  id: number;
  sourceName: string;
  sha256: string;
  /** The fiscal year the source is, and the current edition it was matched against (null: none yet). */
  fiscalYear: number;
  baseYear: number | null;
  /** `new`: the next year's edition; `revision`: a changed source of the current edition. */
  kind: 'new' | 'revision';
  status: EditionBatchStatus;
  createdAt: string;
  appliedAt: string | null;
  backup: string | null;
  counts: { matched: number; changed: number; added: number; dropped: number; ambiguous: number; undecided: number };
}

export interface EditionBatchDetail extends EditionBatchSummary {
  title: string;
  warnings: string[];
  matched: EditionMatchRow[];
  added: EditionAddedRow[];
  dropped: EditionDroppedRow[];
  ambiguous: EditionAmbiguousRow[];
  splits: EditionSplitRow[];
  merges: EditionMergeRow[];
}

export interface EditionApplyResult {
  batch: number;
  fiscalYear: number;
  kind: 'new' | 'revision';
  updated: number;
  added: { key: string; label: string; title: string }[];
  dropped: string[];
  revisions: number;
  backup: string;
}

/** Two editions side by side: what the 新旧対照表 shows. `from`/`to` are labels or section paths. */
export interface EditionDiff {
  from: number;
  to: number;
  added: { key: string; label: string; section: string; title: string }[];
  dropped: { key: string; label: string; section: string; title: string }[];
  renumbered: { key: string; title: string; from: string; to: string }[];
  moved: { key: string; title: string; from: string; to: string }[];
  changed: { key: string; title: string; field: EditionField; before: string; after: string }[];
}

export interface ItemFollowUp {
  key: string;
  label: string;
  section: string;
  title: string;
  ministries: string[];
  promises: PromiseFollowUp[];
}

export interface FollowUpReport {
  fiscalYear: number;
  previousYear: number;
  items: ItemFollowUp[];
  summary: FollowUpSummary;
}

export interface EditionRef {
  fiscalYear: number;
  status: EditionStatus;
}
