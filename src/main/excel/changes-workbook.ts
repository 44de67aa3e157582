// The change list (変更一覧) as a workbook: one row per revision, newest first, the old and new value
// as the cells of the inquiry workbook show them (bullets as 「・」 lines), the filter in the header.
import ExcelJS from 'exceljs';
import { localMinute, sourceName, type ChangeRow } from '../../shared/change-log';
import { AppError } from '../../shared/errors';
import { fieldLabel } from '../../shared/fields';
import { EXCEL_MAX_CELL_CHARS, overlongMessage, type OverlongCell } from './layout';
import { BODY_FONT, setupHeader, setupPrint, WRAP_TOP, writeBodyRow } from './sheet-style';

const COLUMNS = [
  { header: '日時', width: 17 },
  { header: '管理番号', width: 11 },
  { header: '項目', width: 30 },
  { header: '欄', width: 16 },
  { header: '変更前', width: 50 },
  { header: '変更後', width: 50 },
  { header: '変更元', width: 24 },
  { header: '作成者', width: 14 },
] as const;

function cellsOf(r: ChangeRow, fiscalYear: number | null): string[] {
  return [
    localMinute(r.createdAt),
    r.itemKey,
    `${r.label} ${r.title}`.trim(),
    fieldLabel(r.field, fiscalYear),
    r.oldText,
    r.newText,
    sourceName(r.source),
    r.author,
  ];
}

/** The rows as a workbook; `heading` (the filter in words) goes in the printed page header. */
export function buildChangesWorkbook(rows: readonly ChangeRow[], fiscalYear: number | null, heading: string): ExcelJS.Workbook {
  const values = rows.map((r) => cellsOf(r, fiscalYear));
  const overlong: OverlongCell[] = [];
  values.forEach((cells, i) =>
    cells.forEach((text, c) => {
      if (text.length > EXCEL_MAX_CELL_CHARS)
        overlong.push({ key: rows[i]!.itemKey, item: cells[2]!, column: COLUMNS[c]!.header, length: text.length });
    }),
  );
  if (overlong.length) throw new AppError('bad_request', overlongMessage('変更一覧', overlong));
  const wb = new ExcelJS.Workbook();
  wb.creator = '協議会デスク';
  const ws = wb.addWorksheet('変更一覧');
  setupHeader(
    ws,
    COLUMNS.map((c) => c.header),
    values.length > 0,
  );
  values.forEach((cells, r) => writeBodyRow(ws.getRow(r + 2), cells, BODY_FONT, WRAP_TOP));
  COLUMNS.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  setupPrint(ws, heading);
  return wb;
}

export function changesFileName(date: string): string {
  return `変更一覧_${date.slice(0, 10)}.xlsx`;
}
