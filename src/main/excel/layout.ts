// The shape of the workbooks Council Desk writes and reads back: sheet names, header texts and the
// hidden metadata sheet. Export and import both use these, so they cannot drift apart.
import { actionsColumnHeader, actionsLabel } from '../../shared/editions/fiscal-year';
import { createHash } from 'node:crypto';
import type { ItemSummary } from '../../shared/domain';
import { foldForMatch } from '../../shared/text/normalize';

export const ANSWER_SHEET = '回答';
export const GUIDE_SHEET = '記入要領';
export const META_SHEET = '_meta';
export const TABLE_SHEET = '協議会資料';
export const META_FORMAT = 'council-desk/ministry-inquiry/1';

/** Columns of the answer sheet, in order. `answer` columns are the only ones left unlocked. */
export const ANSWER_COLUMNS = [
  { id: 'key', header: '管理番号', width: 10 },
  { id: 'major', header: '大項目', width: 8 },
  { id: 'middle', header: '中項目', width: 8 },
  { id: 'area', header: '分野', width: 12 },
  { id: 'item', header: '小項目', width: 40 },
  { id: 'ministries', header: '担当府省', width: 12 },
  { id: 'actions', header: '', width: 60, answer: true }, // named by the edition: see columnHeader
  { id: 'future', header: '今後の方向性・課題など', width: 50, answer: true },
  { id: 'comment', header: '府省からの補足', width: 30, answer: true },
] as const;
export type AnswerColumnId = (typeof ANSWER_COLUMNS)[number]['id'];

/** Columns of the consolidated table (the original three-column layout). */
export const TABLE_COLUMNS = [
  { id: 'item', header: '小項目【担当府省・AMED】', width: 45 },
  { id: 'actions', header: '', width: 65 }, // named by the edition: see columnHeader
  { id: 'future', header: '今後の方向性・課題など', width: 55 },
] as const;

/**
 * A column's header for an edition of the given fiscal year: the actions column names the year
 * (令和7年度の取組 in the answer sheet, 各府省・AMEDの令和7年度の取組 in the consolidated table).
 */
export function columnHeader(c: { id: string; header: string }, layout: 'answer' | 'table', fiscalYear: number | null): string {
  if (c.id !== 'actions') return c.header;
  return layout === 'answer' ? actionsLabel(fiscalYear) : actionsColumnHeader(fiscalYear);
}

/** The answer fields a file can carry; `comment` is the ministry's free note. */
export const ANSWER_FIELDS = ['actions', 'future', 'comment'] as const;
export type AnswerField = (typeof ANSWER_FIELDS)[number];

/**
 * Header recognition: a header cell is matched by its folded text, so a re-typed header with
 * different spaces or widths (令和７年度 の取組) still counts. Several spellings per column.
 */
const HEADER_ALIASES: Record<string, string[]> = {
  key: ['管理番号', '項目番号', 'key'],
  major: ['大項目'],
  middle: ['中項目'],
  area: ['分野', '疾患領域'],
  item: ['小項目', '小項目【担当府省・amed】', '項目'],
  ministries: ['担当府省', '担当府省・amed', '関係府省'],
  actions: ['actions'],
  future: ['今後の方向性・課題など', '今後の方向性', '今後の方向性・課題'],
  comment: ['府省からの補足', '補足', '備考'],
};

export function headerId(cellText: string): string | undefined {
  const folded = foldForMatch(cellText);
  if (!folded) return undefined;
  // The actions column of any edition's year: 令和7年度の取組, 各府省・AMEDの令和8年度の取組, …
  if (/^(各府省・amedの)?令和(\d+|元)年度の取組$/.test(folded)) return 'actions';
  for (const [id, names] of Object.entries(HEADER_ALIASES)) {
    if (names.some((n) => foldForMatch(n) === folded)) return id;
  }
  return undefined;
}

export { formatMinistries as ministriesLabel } from '../cli/format';

/** The item cell: circled number and title (the label is '' for the untabled 中項目). */
export function itemLabelTitle(it: Pick<ItemSummary, 'label' | 'title'>): string {
  return `${it.label}${it.title}`;
}

/** The base values of one exported row, as written in the _meta sheet. */
export interface MetaValues {
  key: string;
  actions: string;
  future: string;
  comment: string;
}

/**
 * A digest of the _meta sheet's values, written beside them at export and checked on import, so a
 * _meta sheet that was unhidden and edited, or mangled on the way, is not taken for the export's base.
 * (Not a signature: anyone can recompute it. The export record in the database stays the authority.)
 */
export function metaDigest(rows: readonly MetaValues[]): string {
  const h = createHash('sha256');
  for (const r of rows) h.update(`${r.key}\u0000${r.actions}\u0000${r.future}\u0000${r.comment}\u0001`);
  return `sha256:${h.digest('hex')}`;
}

/**
 * Excel's limit on the text of one cell. A longer text is not refused by exceljs: it writes it, and
 * Excel then reports the workbook as damaged and cuts the text when it repairs it. So exports check.
 */
export const EXCEL_MAX_CELL_CHARS = 32_767;

export interface OverlongCell {
  key: string;
  /** Label and title of the item, for the message. */
  item: string;
  /** The column's header text. */
  column: string;
  length: number;
}

/** The message refusing an export whose cells do not fit, naming the first few items. */
export function overlongMessage(what: string, cells: readonly OverlongCell[]): string {
  const list = cells
    .slice(0, 5)
    .map((c) => `${c.key}「${c.item.length > 30 ? `${c.item.slice(0, 30)}…` : c.item}」の「${c.column}」(${c.length.toLocaleString('ja-JP')} 文字)`)
    .join('、');
  return (
    `${what}を出力できません。Excel の1つのセルに入る文字数(${EXCEL_MAX_CELL_CHARS.toLocaleString('ja-JP')} 文字)を超える欄が ${cells.length} か所あります: ` +
    `${list}${cells.length > 5 ? ' ほか' : ''}。そのまま出力すると Excel がファイルを壊れたものとして扱い、文章を途中で切ってしまいます。箇条書きを短くするか項目を分けてから、もう一度出力してください。`
  );
}
