// The consolidated council table (協議会資料): the whole plan in the original three-column layout,
// with 大項目 / 中項目 / 分野 heading rows above their items, ready to print and hand out.
import { currentFiscalYear } from '../store/edition-store';
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
import { EXCEL_MAX_CELL_CHARS, TABLE_COLUMNS, TABLE_SHEET, columnHeader, itemLabelTitle, ministriesLabel, overlongMessage, type OverlongCell } from './layout';
import { BODY_FONT, GRID, WRAP_TOP, fittingHeight, setupHeader, setupPrint, solidFill } from './sheet-style';

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

function addHeading(ws: ExcelJS.Worksheet, rowNo: number, s: Section): void {
  const style = HEADING_STYLE[s.level];
  const row = ws.getRow(rowNo);
  const cell = row.getCell(1);
  cell.value = headingText(s);
  cell.font = { ...BODY_FONT, bold: true, size: style.size };
  cell.fill = solidFill(style.fill);
  cell.alignment = { vertical: 'middle', wrapText: true };
  for (let c = 1; c <= TABLE_COLUMNS.length; c++) row.getCell(c).border = GRID;
  ws.mergeCells(rowNo, 1, rowNo, TABLE_COLUMNS.length);
  row.height = 22;
}

function itemTexts(it: Item): string[] {
  return [`${itemLabelTitle(it)}${ministriesLabel(it)}`, bulletsToCell(it.actions), bulletsToCell(it.future)];
}

function addItem(ws: ExcelJS.Worksheet, rowNo: number, it: Item): void {
  const texts = itemTexts(it);
  const row = ws.getRow(rowNo);
  texts.forEach((t, i) => {
    const cell = row.getCell(i + 1);
    cell.value = t;
    cell.font = BODY_FONT;
    cell.alignment = WRAP_TOP;
    cell.border = GRID;
  });
  row.height = fittingHeight(texts.map((text, i) => ({ text, width: TABLE_COLUMNS[i]!.width })));
}

export function buildTableWorkbook(db: Db, title: string): ExcelJS.Workbook {
  const fiscalYear = currentFiscalYear(db);
  const items = withBullets(db, listItems(db));
  const overlong: OverlongCell[] = [];
  for (const it of items) {
    itemTexts(it).forEach((text, i) => {
      if (text.length > EXCEL_MAX_CELL_CHARS) overlong.push({ key: it.key, item: itemLabelTitle(it), column: columnHeader(TABLE_COLUMNS[i]!, 'table', fiscalYear), length: text.length });
    });
  }
  if (overlong.length) throw new AppError('bad_request', overlongMessage('協議会資料', overlong));
  const sections = listSections(db);
  const wb = new ExcelJS.Workbook();
  wb.creator = '協議会デスク';
  const ws = wb.addWorksheet(TABLE_SHEET);
  TABLE_COLUMNS.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  setupHeader(ws, TABLE_COLUMNS.map((c) => columnHeader(c, 'table', fiscalYear)), false);
  setupPrint(ws, title);
  let rowNo = 2;
  const printed = new Set<string>();
  const headingFor = (id: string) => {
    if (printed.has(id)) return;
    const s = sections.find((x) => x.id === id);
    if (!s) return;
    printed.add(id);
    addHeading(ws, rowNo++, s);
  };
  let current = '';
  for (const it of items) {
    const place = `${it.major}-${it.middle}-${it.area ?? ''}`;
    if (place !== current) {
      // Items are in plan order; a heading repeats only if the plan really returns to a section.
      current = place;
      headingFor(`${it.major}`);
      headingFor(`${it.major}-${it.middle}`);
      if (it.area !== null) headingFor(`${it.major}-${it.middle}-${it.area}`);
    }
    addItem(ws, rowNo++, it);
  }
  return wb;
}

export async function exportTable(db: Db, file: string): Promise<ExportedFile> {
  await writeWorkbookFile(buildTableWorkbook(db, planTitle(db)), file);
  return recordTableExport(db, file, path.basename(file));
}

/** The consolidated table as bytes (base64) under a suggested file name, for the page to save. */
export async function exportTableData(db: Db, fileName: string): Promise<ExportedFile & { dataBase64: string }> {
  const dataBase64 = await workbookBase64(buildTableWorkbook(db, planTitle(db)));
  return { ...recordTableExport(db, fileName, fileName), dataBase64 };
}

/** The file name of a consolidated table exported as data. */
export function tableFileName(date: string): string {
  return `協議会資料_${date.slice(0, 10)}.xlsx`;
}

function planTitle(db: Db): string {
  return (db.prepare("SELECT title FROM documents WHERE kind = 'plan' LIMIT 1").get() as { title: string } | undefined)?.title ?? '協議会資料';
}

function recordTableExport(db: Db, file: string, fileName: string): ExportedFile {
  const id = randomUUID();
  const items = (db.prepare('SELECT COUNT(*) AS n FROM items').get() as { n: number }).n;
  db.prepare("INSERT INTO exports (id, kind, ministry, options, file_name, created_at) VALUES (?, 'table', NULL, '{}', ?, ?)").run(id, fileName, nowIso());
  return { file, exportId: id, ministry: null, items };
}
