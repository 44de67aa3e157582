// The words of editions, each defined once with the Japanese label a user reads beside it: how an item
// of a new edition relates to the previous one, which of its fields changed, and whether a promise of
// last year was followed up.
import { fieldLabel } from '../fields';

/** How a matched item changed, most important first (a moved item may also be renumbered and edited). */
export const MATCH_CHANGES = ['moved', 'renumbered', 'edited', 'same'] as const;
export type MatchChange = (typeof MATCH_CHANGES)[number];

/** Every class an item of either edition ends up in. */
export type MatchKind = MatchChange | 'added' | 'dropped' | 'ambiguous' | 'split' | 'merged';

export const MATCH_KIND_LABELS: Record<MatchKind, string> = {
  same: '変更なし',
  renumbered: '番号変更',
  moved: '移動',
  edited: '修正',
  added: '追加',
  dropped: '削除',
  ambiguous: '要確認',
  split: '分割',
  merged: '統合',
};

/** The fields of an item whose text an edition can change (label and placement are separate flags). */
export const EDITION_FIELDS = ['title', 'ministries', 'actions', 'future'] as const;
export type EditionField = (typeof EDITION_FIELDS)[number];

/** The Japanese name of a field in an edition of the given fiscal year (「令和8年度の取組」). */
export function editionFieldLabel(field: EditionField, fiscalYear: number): string {
  return field === 'ministries' ? '担当府省' : fieldLabel(field, fiscalYear);
}

/** What became of one of last year's future directions (a "promise") in this year's actions. */
export type PromiseStatus = 'reported' | 'unreported' | 'boilerplate';

export const PROMISE_STATUS_LABELS: Record<PromiseStatus, string> = {
  reported: '取組あり',
  unreported: '取組の記載なし',
  boilerplate: '定型文',
};

/** A dated promise whose year has come and that no action reports on. */
export const OVERDUE_LABEL = '期限到来・未報告';
