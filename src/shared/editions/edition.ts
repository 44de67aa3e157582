// An edition: one fiscal year's follow-up table (令和7年度の実施と今後の方向性等, then 令和8, …), as the
// store holds it. The store is src/main/store/edition-store.ts.

export const EDITION_STATUSES = ['draft', 'current', 'archived'] as const;
export type EditionStatus = (typeof EDITION_STATUSES)[number];

export const EDITION_STATUS_NAMES: Record<EditionStatus, string> = { draft: '作成中', current: '現行', archived: '過去の版' };

export interface EditionInfo {
  /** N of 令和N: 7 for the 令和7年度 edition (fiscal 2025). */
  fiscalYear: number;
  /** 「令和7年度版」 */
  label: string;
  title: string;
  sourceName: string | null;
  sourceSha256: string | null;
  loadedAt: string;
  status: EditionStatus;
  items: number;
}
