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

/**
 * Columns of the answer sheet, in order. `answer` columns are the only ones left unlocked. The widths
 * add up to PRINT_WIDTH, so the 10 pt body prints at 9.5 pt or more (see there). One 区分 column naming
 * the section replaces the old 大項目 / 中項目 / 分野 columns, which the import still reads in
 * workbooks exported before (see HEADER_ALIASES).
 */
export const ANSWER_COLUMNS = [
  { id: 'key', header: '管理番号', width: 7 },
  { id: 'section', header: '区分', width: 10 },
  { id: 'item', header: '小項目', width: 18 },
  { id: 'ministries', header: '担当府省', width: 7 },
  { id: 'actions', header: '', width: 34, answer: true }, // named by the edition: see columnHeader
  { id: 'future', header: '今後の方向性・課題など', width: 29, answer: true },
  { id: 'comment', header: '府省からの補足', width: 13, answer: true },
] as const;
/**
 * The total column width (in Excel's units) of the printed sheets. A unit is the widest digit of the
 * workbook's default font, Calibri: 7 px (5.25 pt) in Excel, but about 7 pt in a LibreOffice without
 * Calibri or its metric twin Carlito, where DejaVu Sans stands in. 118 units fit A4 landscape's
 * 784 pt at 100 % in Excel and at 95 % in such a LibreOffice, so the 10 pt body never prints below
 * 9.5 pt (the old nine columns, 230 units, printed at about 5 pt there).
 */
export const PRINT_WIDTH = 118;

export type AnswerColumnId = (typeof ANSWER_COLUMNS)[number]['id'];

/** Columns of the consolidated table (the original three-column layout), PRINT_WIDTH in all. */
export const TABLE_COLUMNS = [
  { id: 'item', header: '小項目【担当府省・AMED】', width: 29 },
  { id: 'actions', header: '', width: 47 }, // named by the edition: see columnHeader
  { id: 'future', header: '今後の方向性・課題など', width: 42 },
] as const;

/**
 * The consolidated table with the ministries' notes (府省からの補足) as a fourth column, on request.
 * Its header is not one the import recognises (HEADER_ALIASES): the notes are shown, not read back,
 * and the file still imports as the consolidated layout.
 */
export const TABLE_COLUMNS_WITH_NOTES = [
  { id: 'item', header: '小項目【担当府省・AMED】', width: 24 },
  { id: 'actions', header: '', width: 40 },
  { id: 'future', header: '今後の方向性・課題など', width: 36 },
  { id: 'notes', header: '府省からの補足(参考)', width: 18 },
] as const;

export type TableColumn = { id: string; header: string; width: number };

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
  // 区分 (「1-1 データ利活用・ライフコースプロジェクト」) names the section in one cell; workbooks
  // exported before it have separate 大項目 / 中項目 / 分野 columns.
  section: ['区分'],
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

/**
 * The 区分 cell of the answer sheet: the section's numbers and title, 「1-1 データ利活用・ライフコース
 * プロジェクト」 (or 「1-2-3 がん」 under a disease area), read back by sectionNumbers.
 */
export function sectionCell(numbers: { major: number; middle: number; area: number | null }, title: string): string {
  const id = [numbers.major, numbers.middle, ...(numbers.area === null ? [] : [numbers.area])].join('-');
  return title ? `${id} ${title}` : id;
}

/** The section numbers at the start of a 区分 cell (「1-2-3 がん」 → 1, 2, 3); nulls where absent. */
export function sectionNumbers(text: string): { major: number | null; middle: number | null; area: number | null } {
  const m = /^\s*(\d+)(?:\s*-\s*(\d+))?(?:\s*-\s*(\d+))?/.exec(text.normalize('NFKC'));
  const n = (v: string | undefined) => (v === undefined ? null : Number(v));
  return m ? { major: n(m[1]), middle: n(m[2]), area: n(m[3]) } : { major: null, middle: null, area: null };
}

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
    .map(
      (c) =>
        `${c.key}「${c.item.length > 30 ? `${c.item.slice(0, 30)}…` : c.item}」の「${c.column}」(${c.length.toLocaleString('ja-JP')} 文字)`,
    )
    .join('、');
  return (
    `${what}を出力できません。Excel の1つのセルに入る文字数(${EXCEL_MAX_CELL_CHARS.toLocaleString('ja-JP')} 文字)を超える欄が ${cells.length} か所あります: ` +
    `${list}${cells.length > 5 ? ' ほか' : ''}。そのまま出力すると Excel がファイルを壊れたものとして扱い、文章を途中で切ってしまいます。箇条書きを短くするか項目を分けてから、もう一度出力してください。`
  );
}
