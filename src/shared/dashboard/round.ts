// The round with the ministries (照会状況), per ministry: the secretariat's tracker.
import type { MinistryCode } from '../domain';

export interface RoundRow {
  ministry: MinistryCode;
  /** Items the ministry is named on (the list filtered by that ministry). */
  items: number;
  /** When its last inquiry workbook was exported, or null when none was. */
  exportedAt: string | null;
  /** Returned files since that export (not discarded), and when the last came in. */
  returnedFiles: number;
  returnedAt: string | null;
  staged: number;
  applied: number;
  /** Cells the returned files propose to change (not unchanged, not the same text). */
  cellsChanged: number;
  /** Conflicts not yet decided in staged files. */
  conflictsOpen: number;
  /** The items those open conflicts are on (what the list shows for them), each once. */
  conflictKeys: string[];
  /** Exported and nothing returned since. */
  awaiting: boolean;
}

/** Per item: the last export that held it and the answers applied to it since (file names). */
export interface ItemRound {
  lastExportAt: string | null;
  appliedSince: string[];
}
