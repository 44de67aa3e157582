// The draft edition's results, as the API returns them (src/main/editions/draft-edition.ts and
// publish-edition.ts do the work).

/** 「新年度の照会を始める」: the draft edition created from the current one. */
export interface DraftStartResult {
  fiscalYear: number;
  title: string;
  items: number;
}

/** 「公開する」: the draft became the current edition, the previous one archived. */
export interface DraftPublishResult {
  fiscalYear: number;
  /** The edition archived by the publish. */
  previousYear: number;
  /** Items whose text, number or place changed. */
  updated: number;
  /** Revisions written (source `edition:publish#YEAR`). */
  revisions: number;
  /** Items of the live plan the draft no longer had (retired, their keys kept). */
  dropped: string[];
  backup: string;
}
