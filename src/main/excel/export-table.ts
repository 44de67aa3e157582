// The consolidated council table (協議会資料): the whole plan in the original three-column layout,
// with 大項目 / 中項目 / 分野 heading rows above their items, ready to print and hand out: bullets
// hang-indented under their 「・」 (hanging-wrap.ts), the title and 「n / N ページ」 on every page, and
// page breaks placed by the program so that a heading is never left at the foot of a page without
// its first item (every row has an explicit height, so where a page ends can be computed).
import { currentFiscalYear } from '../store/edition-store';
import { asItem, editionItems, editionRow, editionSections } from '../editions/edition-items';
import { editionLabel } from '../../shared/editions/fiscal-year';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Section } from '../../shared/domain';
import { bulletsToCell } from '../../shared/merge/cell-text';
import type { Db } from '../store/database';
import { listItems, listSections, nowIso } from '../store/plan-store';
import { withBullets, type ExportItem as Item } from './bulk-items';
import { workbookBase64, writeWorkbookFile, type ExportedFile } from './export-ministry';
import { AppError } from '../../shared/errors';
import type { MinistryNote } from '../../shared/imports';
import { warekiDate } from '../../shared/wareki';
import { notesOf } from '../store/ministry-notes';
import {
  EXCEL_MAX_CELL_CHARS,
  PRINT_WIDTH,
  TABLE_COLUMNS,
  TABLE_COLUMNS_WITH_NOTES,
  TABLE_SHEET,
  columnHeader,
  itemLabelTitle,
  ministriesLabel,
  overlongMessage,
  type OverlongCell,
  type TableColumn,
} from './layout';
import { hangingCell } from './hanging-wrap';
import { BODY_FONT, GRID, PAGE_MARGINS, WRAP_TOP, fittingHeight, setupHeader, setupPrint, solidFill, writeBodyRow } from './sheet-style';

const HEADING_STYLE: Record<Section['level'], { fill: string; size: number }> = {
  major: { fill: 'FFBDD7EE', size: 12 },
  middle: { fill: 'FFDDEBF7', size: 11 },
  area: { fill: 'FFF2F2F2', size: 10 },
};

/** Heading text as printed in the source, which the consolidated import reads back. */
export function headingText(s: Section): string {
  if (s.level === 'major') return `大項目${s.major}：${s.title}`;
  if (s.level === 'middle') return `中項目${s.middle ?? ''}：${s.title}`;
  return `${s.area ?? ''}) ${s.title}`;
}

function addHeading(ws: ExcelJS.Worksheet, rowNo: number, s: Section, columns: readonly TableColumn[]): number {
  const style = HEADING_STYLE[s.level];
  const row = ws.getRow(rowNo);
  const cell = row.getCell(1);
  cell.value = headingText(s);
  cell.font = { ...BODY_FONT, bold: true, size: style.size };
  cell.fill = solidFill(style.fill);
  cell.alignment = { vertical: 'middle', wrapText: true };
  for (let c = 1; c <= columns.length; c++) row.getCell(c).border = GRID;
  ws.mergeCells(rowNo, 1, rowNo, columns.length);
  row.height = fittingHeight([{ text: cell.value, width: PRINT_WIDTH }], 1, style.size);
  return row.height;
}

/** The notes cell: one paragraph per note, 「【厚】補足の文(令和8年12月2日)」. */
function notesCell(notes: readonly MinistryNote[]): string {
  return notes.map((n) => `【${n.ministry ?? '資料'}】${n.text}(${warekiDate(n.createdAt)})`).join('\n');
}

/** The item's cells as stored (what the Excel cell limit is checked on). */
function itemTexts(it: Item, notes: string | null): string[] {
  return [
    `${itemLabelTitle(it)}${ministriesLabel(it)}`,
    bulletsToCell(it.actions),
    bulletsToCell(it.future),
    ...(notes === null ? [] : [notes]),
  ];
}

/** The item's cells as printed: the bullets hang-indented for their columns. */
function printedTexts(it: Item, notes: string | null, columns: readonly TableColumn[]): string[] {
  const [, actions, future] = columns;
  return [
    `${itemLabelTitle(it)}${ministriesLabel(it)}`,
    hangingCell(it.actions, actions!.width),
    hangingCell(it.future, future!.width),
    ...(notes === null ? [] : [notes]),
  ];
}

function addItem(ws: ExcelJS.Worksheet, rowNo: number, it: Item, notes: string | null, columns: readonly TableColumn[]): number {
  const texts = printedTexts(it, notes, columns);
  const row = ws.getRow(rowNo);
  writeBodyRow(row, texts, BODY_FONT, WRAP_TOP);
  row.height = fittingHeight(texts.map((text, i) => ({ text, width: columns[i]!.width })));
  return row.height;
}

/** Points of an A4 landscape page left for rows below the repeated header row, with some slack. */
function pageRoom(headerRowHeight: number): number {
  const A4_SHORT_SIDE = 595.3;
  const { top, bottom } = PAGE_MARGINS;
  // 2 % slack for rounding of row heights (Excel keeps them in pixels).
  return (A4_SHORT_SIDE - (top + bottom) * 72 - headerRowHeight) * 0.98;
}

export interface TableOptions {
  /** Add 府省からの補足 (the notes recorded at apply) as a fourth column. */
  ministryNotes?: boolean;
  /** An archived edition's table (its year); absent or the current year: the live plan. */
  edition?: number;
}

/** What the table prints: the live plan, or an archived edition exactly as it was published. */
interface TableSource {
  fiscalYear: number | null;
  title: string;
  items: Item[];
  sections: Section[];
}

function tableSource(db: Db, opts: TableOptions): TableSource {
  const current = currentFiscalYear(db);
  if (opts.edition === undefined || opts.edition === current) {
    return { fiscalYear: current, title: planTitle(db), items: withBullets(db, listItems(db)), sections: listSections(db) };
  }
  const edition = editionRow(db, opts.edition);
  if (edition.status !== 'archived') {
    throw new AppError(
      'bad_request',
      `${editionLabel(opts.edition)}は作成中の版です。協議会資料は現在の版か過去の版について出力できます。`,
    );
  }
  if (opts.ministryNotes) {
    // Notes are recorded against the live plan's round, not kept per archived edition.
    throw new AppError(
      'bad_request',
      `府省からの補足は現在の版にだけ記録されています。${editionLabel(opts.edition)}の協議会資料には付けられません。`,
    );
  }
  return {
    fiscalYear: opts.edition,
    title: edition.title,
    items: editionItems(db, opts.edition).map((it) => asItem(it, edition.loaded_at)),
    sections: editionSections(db, opts.edition),
  };
}

export function buildTableWorkbook(db: Db, opts: TableOptions = {}): { wb: ExcelJS.Workbook; items: number } {
  const { fiscalYear, title, items, sections } = tableSource(db, opts);
  const columns: readonly TableColumn[] = opts.ministryNotes ? TABLE_COLUMNS_WITH_NOTES : TABLE_COLUMNS;
  const notes = opts.ministryNotes
    ? notesOf(
        db,
        items.map((it) => it.key),
      )
    : null;
  const notesText = (it: Item) => (notes === null ? null : notesCell(notes[it.key] ?? []));
  const overlong: OverlongCell[] = [];
  for (const it of items) {
    itemTexts(it, notesText(it)).forEach((text, i) => {
      if (text.length > EXCEL_MAX_CELL_CHARS)
        overlong.push({
          key: it.key,
          item: itemLabelTitle(it),
          column: columnHeader(columns[i]!, 'table', fiscalYear),
          length: text.length,
        });
    });
  }
  if (overlong.length) throw new AppError('bad_request', overlongMessage('協議会資料', overlong));
  const wb = new ExcelJS.Workbook();
  wb.creator = '協議会デスク';
  const ws = wb.addWorksheet(TABLE_SHEET);
  columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  setupHeader(
    ws,
    columns.map((c) => columnHeader(c, 'table', fiscalYear)),
    false,
  );
  setupPrint(ws, title);
  // Rows are laid out in blocks: the headings a section opens with go in one block with the item
  // below them, so a page break never falls between a heading and its first item.
  const room = pageRoom(ws.getRow(1).height);
  let rowNo = 2;
  let used = 0;
  /** Start a new page above the block at `first` when the block does not fit on this one. */
  const keepTogether = (first: number, blockHeight: number) => {
    if (used > 0 && used + blockHeight > room) {
      ws.getRow(first - 1).addPageBreak();
      used = 0;
    }
    used += blockHeight;
  };
  const printed = new Set<string>();
  let current = '';
  for (const it of items) {
    const opening: Section[] = [];
    const where = `${it.major}-${it.middle}-${it.area ?? ''}`;
    if (where !== current) {
      // Items are in plan order; a heading repeats only if the plan really returns to a section.
      current = where;
      for (const id of [`${it.major}`, `${it.major}-${it.middle}`, ...(it.area === null ? [] : [`${it.major}-${it.middle}-${it.area}`])]) {
        const s = printed.has(id) ? undefined : sections.find((x) => x.id === id);
        if (s) {
          printed.add(id);
          opening.push(s);
        }
      }
    }
    const first = rowNo;
    let height = 0;
    for (const s of opening) height += addHeading(ws, rowNo++, s, columns);
    height += addItem(ws, rowNo++, it, notesText(it), columns);
    keepTogether(first, height);
  }
  return { wb, items: items.length };
}

export async function exportTable(db: Db, file: string, opts: TableOptions = {}): Promise<ExportedFile> {
  const { wb, items } = buildTableWorkbook(db, opts);
  await writeWorkbookFile(wb, file);
  return recordTableExport(db, file, path.basename(file), items);
}

/** The consolidated table as bytes (base64) under a suggested file name, for the page to save. */
export async function exportTableData(db: Db, fileName: string, opts: TableOptions = {}): Promise<ExportedFile & { dataBase64: string }> {
  const { wb, items } = buildTableWorkbook(db, opts);
  const dataBase64 = await workbookBase64(wb);
  return { ...recordTableExport(db, fileName, fileName, items), dataBase64 };
}

/** The file name of a consolidated table exported as data. */
export function tableFileName(date: string, edition?: number): string {
  return `協議会資料_${edition === undefined ? '' : `令和${edition}年度版_`}${date.slice(0, 10)}.xlsx`;
}

function planTitle(db: Db): string {
  return (
    (db.prepare("SELECT title FROM documents WHERE kind = 'plan' LIMIT 1").get() as { title: string } | undefined)?.title ?? '協議会資料'
  );
}

function recordTableExport(db: Db, file: string, fileName: string, items: number): ExportedFile {
  const id = randomUUID();
  db.prepare("INSERT INTO exports (id, kind, ministry, options, file_name, created_at) VALUES (?, 'table', NULL, '{}', ?, ?)").run(
    id,
    fileName,
    nowIso(),
  );
  return { file, exportId: id, ministry: null, items };
}
