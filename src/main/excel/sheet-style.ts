// Look and print setup shared by the workbooks Council Desk writes: a Japanese font, wrapped text,
// a frozen header repeated on every printed page, A4 landscape fitted to the page width.
import type ExcelJS from 'exceljs';

export const FONT_NAME = 'Meiryo UI';
export const BODY_FONT: Partial<ExcelJS.Font> = { name: FONT_NAME, size: 10 };
export const HEADER_FONT: Partial<ExcelJS.Font> = { name: FONT_NAME, size: 10, bold: true, color: { argb: 'FFFFFFFF' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF9AA5B1' } };
export const GRID: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
export const WRAP_TOP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };

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

export function setupPrint(ws: ExcelJS.Worksheet, headerText: string): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:1',
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddHeader: `&L&"${FONT_NAME}"&9${headerText}`, oddFooter: '&C&P / &N' };
}

/** Display width of a line in Excel column units: CJK and full-width characters count about 2. */
function lineWidth(line: string): number {
  let w = 0;
  for (const ch of line) w += (ch.codePointAt(0) ?? 0) > 0xff ? 1.9 : 1;
  return w;
}

/**
 * A row height that shows every wrapped line of the tallest cell. Excel does not grow rows to fit
 * wrapped text written by a program, so without this the answers would print cut off. Capped at
 * Excel's maximum of 409 points.
 */
export function fittingHeight(cells: { text: string; width: number }[], minLines = 1): number {
  let lines = minLines;
  for (const { text, width } of cells) {
    const usable = Math.max(4, width - 1.5);
    const n = text.split('\n').reduce((sum, l) => sum + Math.max(1, Math.ceil(lineWidth(l) / usable)), 0);
    lines = Math.max(lines, n);
  }
  return Math.min(409, lines * 14 + 6);
}
