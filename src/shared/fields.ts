// The names of the places text lives in (an item's title, this year's actions, future directions, a
// ministry's note, a section's title or intro), in Japanese, from one function. The actions field is
// named by the fiscal year of the edition it belongs to (令和7年度の取組, 令和8年度の取組, …): the year
// is data, so every screen, export, CLI line and message asks here with the edition's year.
import { actionsLabel, futureLabel } from './editions/fiscal-year';

export type FieldId = 'title' | 'actions' | 'future' | 'comment' | 'item' | 'section' | 'intro';

const FIXED: Record<Exclude<FieldId, 'actions'>, string> = {
  title: '小項目名',
  future: futureLabel,
  comment: '府省からの補足',
  item: '項目全体',
  section: '区分名',
  intro: '区分の説明',
};

/** The Japanese name of a field, for an edition of the given fiscal year (null: not known yet). */
export function fieldLabel(field: FieldId, fiscalYear: number | null): string {
  return field === 'actions' ? actionsLabel(fiscalYear) : FIXED[field];
}
