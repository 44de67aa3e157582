// Words and rules of the import review: kind and field names, what a cell's decision is in effect
// (an undecided change the ministry alone made is taken; an undecided conflict blocks the apply),
// and the rows of the (virtualised) change list.
import { MERGE_KINDS, losesText, type MergeKind } from '../../../../shared/merge/three-way';
import type { BatchDetail, BatchItemChanges, BatchSummary, CellChange, Decision } from '../../../../shared/imports';

/** The order of the kind filters, and which are shown at first. */
export const KIND_ORDER = MERGE_KINDS;
export const DEFAULT_SHOWN: Record<MergeKind, boolean> = {
  conflict: true,
  cleared: true,
  shrunk: true,
  theirs: true,
  same: true,
  ours: true,
  whitespace: false,
  unchanged: false,
};

export const REASON_NAMES: Record<string, string> = {
  ministries_disagree: '別の府省の回答と食い違っています',
  changed_since_staging: '取り込んだ後に事務局で変更されました',
  no_base: '送付時の値が分からないため、現在の値とだけ比べています',
};

/** How the returned values were compared, in words a ministry liaison's counterpart reads at a glance. */
export const BASE_SOURCE_NAMES = {
  export: '送付したときの値と比べて、誰が変えたかを判定',
  file: 'ファイルに残る送付時の値と比べて、誰が変えたかを判定',
  none: '送付したときの値が不明(現在の値とだけ比較)',
} as const;

/** The one-line explanation shown on hover. */
export const BASE_SOURCE_HELP: Record<keyof typeof BASE_SOURCE_NAMES, string> = {
  export:
    'この端末で照会シートを出力したときの記録を使い、送付時の値・現在の値・府省の値の3つを比べます。府省だけが変えた欄、事務局だけが変えた欄、両方が変えた欄(競合)を見分けられます。',
  file: 'この端末に出力の記録がないため、照会シートの中に保存された送付時の値(管理情報)を使って同じ3つを比べます。',
  none: '送付時の値が分からないため、現在の値と府省の値の違いをすべて確認が必要な変更として示します。',
};

/** The decision in effect: an explicit one, else the default (null: a conflict nobody decided). */
export function effectiveDecision(c: CellChange): Decision | null {
  if (c.decision) return c.decision;
  if (c.kind === 'conflict') return null;
  return c.kind === 'theirs' ? 'theirs' : 'ours';
}

export interface ApplyPreview {
  written: number;
  kept: number;
  notes: number;
  undecided: number;
  /** Cells that would be emptied or cut down, kept because nobody chose to take them. */
  untaken: number;
}

export function applyPreview(detail: BatchDetail): ApplyPreview {
  const out: ApplyPreview = { written: 0, kept: 0, notes: 0, undecided: 0, untaken: 0 };
  for (const it of detail.items) {
    for (const c of it.changes) {
      if (c.applied) continue;
      if (losesText(c.kind) && c.decision === null) out.untaken += 1;
      const d = effectiveDecision(c);
      if (d === null) out.undecided += 1;
      else if (d === 'ours') out.kept += 1;
      else if (c.field === 'comment') out.notes += (d === 'edit' ? (c.edited ?? '') : c.theirs).trim() ? 1 : 0;
      else out.written += 1;
    }
  }
  return out;
}

export type ReviewRow =
  { type: 'item'; group: BatchItemChanges; shown: number } | { type: 'cell'; group: BatchItemChanges; change: CellChange };

export function reviewRows(detail: BatchDetail, shown: Record<MergeKind, boolean>, onlyUndecided: boolean): ReviewRow[] {
  const rows: ReviewRow[] = [];
  for (const group of detail.items) {
    const cells = group.changes.filter((c) => shown[c.kind] && (!onlyUndecided || effectiveDecision(c) === null));
    if (cells.length === 0) continue;
    rows.push({ type: 'item', group, shown: cells.length });
    for (const change of cells) rows.push({ type: 'cell', group, change });
  }
  return rows;
}

/** A batch's state, as the batch list and the review header show it. */
export const STATUS_NAMES: Record<BatchSummary['status'], string> = { staged: '確認待ち', applied: '反映済み', discarded: '破棄' };
