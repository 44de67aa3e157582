// Types of the Excel round trip as seen through the API: exports, staged import batches, per-cell
// changes and decisions, backups. Pure types: the logic is in src/main/excel and src/main/store.
import type { MinistryCode } from './domain';
import type { MergeKind } from './merge/three-way';

export type AnswerFieldName = 'actions' | 'future' | 'comment';
export type Decision = 'theirs' | 'ours' | 'edit';
export type BatchStatus = 'staged' | 'applied' | 'discarded';

export interface ExportedFileInfo {
  /** The file written, or the suggested file name when the workbook is returned as data. */
  file: string;
  exportId: string;
  ministry: MinistryCode | null;
  items: number;
  /** The workbook's bytes (base64), when no path was given: the page saves them as a download. */
  dataBase64?: string;
}

/** One answer cell that came back, with the three values as cell text (bullets as `・` lines). */
export interface CellChange {
  id: number;
  key: string;
  field: AnswerFieldName;
  row: number;
  kind: MergeKind;
  /** True when no base was known and the merge fell back to comparing file and store. */
  twoWay: boolean;
  /** Why a conflict is one: `ministries_disagree`, `changed_since_staging`, `no_base`. */
  reason: string | null;
  base: string | null;
  ours: string;
  theirs: string;
  decision: Decision | null;
  edited: string | null;
  /** True once an apply carried the cell's decision out (its batch may still be staged for others). */
  applied: boolean;
}

/** One answer cell of an item. */
export interface CellRef {
  key: string;
  field: AnswerFieldName;
}

export interface ProposedItem {
  row: number;
  title: string;
  actions: string;
  future: string;
  comment: string;
}

export interface BatchReport {
  warnings: string[];
  proposals: ProposedItem[];
  /**
   * Where the base values of the three-way merge came from: this database's record of the export,
   * the file's own _meta sheet (an export from another installation), or nowhere (two-way).
   * Absent in reports staged before it was recorded.
   */
  baseSource?: 'export' | 'file' | 'none';
}

export interface BatchSummary {
  id: number;
  fileName: string;
  sha256: string;
  layout: 'ministry' | 'table';
  ministry: MinistryCode | null;
  exportId: string | null;
  status: BatchStatus;
  createdAt: string;
  appliedAt: string | null;
  backup: string | null;
  /** Counts by kind, over the cells that differ from the store or the base. */
  counts: Partial<Record<MergeKind, number>>;
  undecidedConflicts: number;
  /** The draft edition (令和N) the answers merge into; null: the current edition (the live plan). */
  draftYear: number | null;
}

export interface BatchItemChanges {
  key: string;
  label: string;
  title: string;
  changes: CellChange[];
}

export interface BatchDetail extends BatchSummary {
  report: BatchReport;
  items: BatchItemChanges[];
}

export interface StageOutcome {
  file: string;
  batch: number | null;
  error: string | null;
}

export interface ApplyResult {
  batch: number;
  written: number;
  kept: number;
  notes: number;
  backup: string;
  /**
   * Cells not written because their value here changed after the decision was taken (or a conflict
   * appeared meanwhile): they are conflicts again, and the batch stays staged until they are decided.
   */
  heldBack: CellRef[];
  /** Cells the file would have emptied or cut down (`cleared`, `shrunk`), kept as nobody chose them. */
  untaken: CellRef[];
}

export interface BackupInfo {
  name: string;
  path: string;
  bytes: number;
  createdAt: string;
  /** Why it was taken, from its name: `before-import-<batch>`, `before-restore`, `manual`. */
  reason: string;
  /** Taken by the app before an apply or a restore: only the newest ones are kept. */
  automatic: boolean;
  /** Items in the backup and its schema version, read when it was verified. */
  items: number;
  schemaVersion: number;
}

/** A file in backups/ that is not listed as a backup, and why (empty, cut short, not ours, newer). */
export interface SetAsideBackup {
  name: string;
  bytes: number;
  problem: string;
}

export interface BackupListing {
  /** The backups/ folder beside the database. */
  dir: string;
  /** Verified backups, newest first: only these can be restored. */
  backups: BackupInfo[];
  setAside: SetAsideBackup[];
  /** Everything in the folder, set-aside files included. */
  totalBytes: number;
  /** How many automatic backups are kept (manual ones are all kept). */
  keepAutomatic: number;
}

/** A ministry's note (府省からの補足) recorded when its answers were applied. */
export interface MinistryNote {
  id: number;
  itemKey: string;
  /** The ministry code the batch answered for, or null (consolidated layout). */
  ministry: string | null;
  text: string;
  /** The returned workbook the note came from. */
  fileName: string;
  batchId: number;
  createdAt: string;
}
