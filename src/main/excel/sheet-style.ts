// Look and print setup shared by the workbooks Council Desk writes: a Japanese font, wrapped text,
// a frozen header repeated on every printed page, A4 landscape fitted to the page width.
import type ExcelJS from 'exceljs';

export const FONT_NAME = 'Meiryo UI';
export const BODY_FONT: Partial<ExcelJS.Font> = { name: FONT_NAME, size: 10 };
export const HEADER_FONT: Partial<ExcelJS.Font> = { name: FONT_NAME, size: 10, bold: true, color: { argb: 'FFFFFFFF' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF9AA5B1' } };
export const GRID: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
export const WRAP_TOP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };
/** The pale yellow of the cells a ministry types in. */
export const ANSWER_FILL = 'FFFFFDE7';

/**
 * One body row of a table: each value in its cell, framed, in `font`, and aligned (`WRAP_TOP` for text
 * that wraps; none for a sheet of figures).
 */
export function writeBodyRow(
  row: ExcelJS.Row,
  values: readonly ExcelJS.CellValue[],
  font: Partial<ExcelJS.Font> = BODY_FONT,
  alignment?: Partial<ExcelJS.Alignment>,
): void {
  values.forEach((v, i) => {
    const cell = row.getCell(i + 1);
    cell.value = v;
    cell.font = font;
    if (alignment) cell.alignment = alignment;
    cell.border = GRID;
  });
}

export function solidFill(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

/** Header row 1: bold white on dark blue, frozen, filtered, printed on every page. */
export function setupHeader(ws: ExcelJS.Worksheet, headers: readonly string[], filter: boolean): void {
  const row = ws.getRow(1);
  headers.forEach((h, i) => {
    const cell = row.getCell(i + 1);
    cell.value = h;
    cell.font = HEADER_FONT;
    cell.fill = solidFill('FF1F4E79');
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.border = GRID;
  });
  row.height = 30;
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
  if (filter) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
}

/**
 * A4 landscape, fitted to the page width (the column widths are chosen to fit at 100 %, so the body
 * prints at its own size), the document's name at the top left and 「n / N ページ」 at the bottom.
 */
export function setupPrint(ws: ExcelJS.Worksheet, headerText: string, repeatHeaderRow = true): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(repeatHeaderRow ? { printTitlesRow: '1:1' } : {}),
    margins: PAGE_MARGINS,
  };
  ws.headerFooter = { oddHeader: `&L&"${FONT_NAME}"&10${escapeHeaderText(headerText)}`, oddFooter: `&C&"${FONT_NAME}"&10&P / &N ページ` };
}

/** Page margins in inches (Excel's unit); the page-break estimate of the table uses them too. */
export const PAGE_MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };

/** A literal & in a header is written && (a single & starts a code such as &P). */
function escapeHeaderText(text: string): string {
  return text.replace(/&/g, '&&');
}

/** Display width of a line in Excel column units: CJK and full-width characters count about 2. */
export function lineWidth(line: string): number {
  let w = 0;
  for (const ch of line) w += (ch.codePointAt(0) ?? 0) > 0xff ? FULL_WIDTH_UNITS : 1;
  return w;
}

/**
 * Column units a full-width character of the 10 pt body takes: Meiryo UI's 10 pt glyph is 13.3 px,
 * and a unit is the 7 px digit of the workbook's default font. LibreOffice's substitute font is a
 * little narrower, so what fits in Excel fits there too.
 */
const FULL_WIDTH_UNITS = 1.9;

/** Column units lost to the cell's left and right padding. */
const CELL_PADDING_UNITS = 1.5;

/** The characters of a line that fit in a column, in column units. */
export function usableWidth(columnWidth: number): number {
  return Math.max(4, columnWidth - CELL_PADDING_UNITS);
}

/**
 * Height in points of one line of wrapped text at a font size: 1.45 em, the line of Noto Sans CJK
 * (LibreOffice's stand-in for Meiryo UI), a little more than Meiryo UI's own, so that lines broken by
 * the program (hanging-wrap.ts) are never cut off in either program.
 */
export function lineHeight(fontSize: number): number {
  return Math.ceil(fontSize * 1.45 * 2) / 2;
}

/** The number of lines a text takes in a column once wrapped, at a font size (10 pt body by default). */
export function wrappedLines(text: string, width: number, fontSize = 10): number {
  const usable = (usableWidth(width) * 10) / fontSize;
  return text.split('\n').reduce((sum, l) => sum + Math.max(1, Math.ceil(lineWidth(l) / usable)), 0);
}

/**
 * A row height that shows every wrapped line of the tallest cell, and no more. Excel does not grow
 * rows to fit wrapped text written by a program, so without this the answers would print cut off.
 * Capped at Excel's maximum of 409 points.
 */
export function fittingHeight(cells: { text: string; width: number }[], minLines = 1, fontSize = 10): number {
  let lines = minLines;
  for (const { text, width } of cells) lines = Math.max(lines, wrappedLines(text, width, fontSize));
  return Math.min(409, lines * lineHeight(fontSize) + 4);
}
