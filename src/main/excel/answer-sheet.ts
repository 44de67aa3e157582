// Find the answers inside a parsed workbook, whatever happened to it on the way back: the answer
// sheet is found by its header row (not its name, which people rename), columns by their header text
// (not their position, which people move), and the metadata from the _meta sheet when it survived.
// Two layouts are understood: the per-ministry answer sheet, and the consolidated three-column table
// (headings 大項目… / 中項目… / 1) … above the item rows, no metadata).
import { AppError } from '../../shared/errors';
import { normalizeNewlines } from '../../shared/merge/cell-text';
import { META_FORMAT, META_SHEET, headerId, sectionNumbers } from './layout';
import type { GridRow, ParsedWorkbook, SheetGrid } from './read-cells';

export interface FileMeta {
  format: string;
  exportId: string;
  ministry: string;
  exportedAt: string;
  /** Keys listed in the metadata, in export order. */
  keys: string[];
  /**
   * The value of each answer cell when the file was exported, as written in the _meta sheet (raw
   * cell text, line ends normalised), by key. Null when the sheet lists keys only.
   */
  bases: Map<string, MetaBase> | null;
  /** The digest written beside the values at export (metaDigest), or null for older files. */
  basesDigest: string | null;
  /** The draft edition (令和N) the workbook asks about; null: the current edition (and older files). */
  draftYear: number | null;
}

export interface MetaBase {
  actions: string;
  future: string;
  comment: string;
}

/** One row of answers as found in the file. */
export interface FileRow {
  row: number;
  key: string;
  /** Section numbers when the file shows them (大項目/中項目 columns or heading rows). */
  major: number | null;
  middle: number | null;
  area: number | null;
  /** The item cell: label + title (the consolidated layout adds 【ministries】, stripped here). */
  item: string;
  actions: string;
  future: string;
  comment: string;
}

export interface AnswerSheet {
  layout: 'ministry' | 'table';
  sheetName: string;
  meta: FileMeta | null;
  hasKeyColumn: boolean;
  hasCommentColumn: boolean;
  rows: FileRow[];
}

const HEADER_SCAN_ROWS = 15;

function readMeta(sheet: SheetGrid | undefined): FileMeta | null {
  if (!sheet) return null;
  const header = new Map<string, string>();
  const keys: string[] = [];
  const bases = new Map<string, MetaBase>();
  let columns: Map<string, number> | null = null;
  for (const r of sheet.rows) {
    const [a = '', b = ''] = r.cells;
    if (columns) {
      const key = a.trim();
      if (!key) continue;
      keys.push(key);
      const cell = (id: string) => {
        const i = columns!.get(id);
        return i === undefined ? '' : normalizeNewlines(r.cells[i] ?? '');
      };
      if (!bases.has(key)) bases.set(key, { actions: cell('actions'), future: cell('future'), comment: cell('comment') });
    } else if (a === 'key') {
      // Workbooks exported before editions name the actions column `r7` here.
      columns = new Map(r.cells.map((text, i) => [text.trim() === 'r7' ? 'actions' : text.trim(), i]));
    } else if (a) header.set(a, b);
  }
  if (header.get('format') !== META_FORMAT || !header.get('exportId')) return null;
  const hasValues = columns !== null && columns.has('actions') && columns.has('future');
  return {
    format: META_FORMAT,
    exportId: header.get('exportId') ?? '',
    ministry: header.get('ministry') ?? '',
    exportedAt: header.get('exportedAt') ?? '',
    keys,
    bases: hasValues ? bases : null,
    basesDigest: header.get('basesDigest') || null,
    draftYear: /^\d+$/.test(header.get('draftYear') ?? '') ? Number(header.get('draftYear')) : null,
  };
}

function findHeader(sheet: SheetGrid): { row: GridRow; columns: Map<string, number> } | null {
  for (const r of sheet.rows.slice(0, HEADER_SCAN_ROWS)) {
    const columns = new Map<string, number>();
    r.cells.forEach((text, i) => {
      const id = headerId(text);
      if (id && !columns.has(id)) columns.set(id, i);
    });
    if (columns.has('actions') && columns.has('future') && (columns.has('key') || columns.has('item'))) return { row: r, columns };
  }
  return null;
}

const firstNumber = (text: string): number | null => {
  const m = /\d+/.exec(text.normalize('NFKC'));
  return m ? Number(m[0]) : null;
};

/** Strip the trailing 【ministries】 of the consolidated layout's item cell. */
export function stripMinistryTag(text: string): string {
  return text.replace(/\s*【[^】]*】\s*$/u, '');
}

function cleanCell(text: string | undefined): string {
  return normalizeNewlines(text ?? '').trim();
}

export function findAnswerSheet(wb: ParsedWorkbook, file: string): AnswerSheet {
  const meta = readMeta(wb.sheets.find((s) => s.name === META_SHEET));
  const candidates = wb.sheets.filter((s) => s.name !== META_SHEET);
  for (const sheet of candidates) {
    const header = findHeader(sheet);
    if (!header) continue;
    const col = (id: string) => header.columns.get(id);
    const get = (r: GridRow, id: string) => {
      const i = col(id);
      return i === undefined ? '' : cleanCell(r.cells[i]);
    };
    const isMinistryLayout =
      meta !== null ||
      col('key') !== undefined ||
      col('comment') !== undefined ||
      col('major') !== undefined ||
      col('section') !== undefined;
    // The 区分 column (「1-1 …」) of current workbooks, or the 大項目 / 中項目 / 分野 columns of older ones.
    const ministrySection = (r: GridRow) =>
      col('section') !== undefined
        ? sectionNumbers(get(r, 'section'))
        : { major: firstNumber(get(r, 'major')), middle: firstNumber(get(r, 'middle')), area: firstNumber(get(r, 'area')) };
    const rows: FileRow[] = [];
    let heading = { major: null as number | null, middle: null as number | null, area: null as number | null };
    for (const r of sheet.rows) {
      if (r.row <= header.row.row) continue;
      const item = get(r, 'item');
      const actions = get(r, 'actions');
      const future = get(r, 'future');
      if (!isMinistryLayout) {
        // Heading rows of the consolidated table: text in the first column only.
        const h = item.normalize('NFKC');
        if (!actions && !future) {
          if (/^大項目\s*\d/.test(h)) heading = { major: firstNumber(h), middle: null, area: null };
          else if (/^中項目\s*\d/.test(h)) heading = { ...heading, middle: firstNumber(h), area: null };
          else if (/^\d+\)\s*/.test(h)) heading = { ...heading, area: firstNumber(h) };
          if (h) continue;
        }
      }
      const row: FileRow = {
        row: r.row,
        key: get(r, 'key').normalize('NFKC').replace(/\s/g, ''),
        ...(isMinistryLayout ? ministrySection(r) : heading),
        item: isMinistryLayout ? item : stripMinistryTag(item),
        actions,
        future,
        comment: get(r, 'comment'),
      };
      if (row.key || row.item || row.actions || row.future || row.comment) rows.push(row);
    }
    return {
      layout: isMinistryLayout ? 'ministry' : 'table',
      sheetName: sheet.name,
      meta,
      hasKeyColumn: col('key') !== undefined,
      hasCommentColumn: col('comment') !== undefined,
      rows,
    };
  }
  throw new AppError(
    'bad_request',
    `${file}: 回答欄が見つかりません。見出し行(「令和○年度の取組」「今後の方向性・課題など」と「管理番号」または「小項目」)のあるシートがありません。協議会デスクで出力した回答票を使ってください。`,
  );
}
