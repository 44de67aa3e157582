// Turn a workbook into plain text grids: what the import needs and nothing else. Runs inside the
// parse worker (read-worker.ts), so whatever exceljs does with a hostile file happens there.
// exceljs skips the parts listed in IGNORED_NODES: merges, data validations and conditional formats
// are where a few bytes of XML declare a million cells (architecture.md, "Reading untrusted
// workbooks"), and the import has no use for any of them.
import ExcelJS from 'exceljs';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';

export interface GridRow {
  /** 1-based row number in the sheet. */
  row: number;
  hidden: boolean;
  /** Cell text by 0-based column index, up to MAX_COLUMNS. */
  cells: string[];
}

export interface SheetGrid {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  rows: GridRow[];
}

export interface ParsedWorkbook {
  sheets: SheetGrid[];
  /** Cells that held a formula: their cached result was used. `sheet!A1`. */
  formulas: string[];
}

export const IGNORED_NODES = [
  'mergeCells',
  'dataValidations',
  'conditionalFormatting',
  'extLst',
  'hyperlinks',
  'drawing',
  'picture',
  'tableParts',
  'rowBreaks',
  'cols',
  'autoFilter',
  'pageSetup',
  'printOptions',
  'pageMargins',
  'headerFooter',
  'sheetProtection',
];

export const READ_LIMITS = { maxRows: 100_000, maxCols: 300 };
const MAX_COLUMNS = 40;

/** The text a person sees in the cell: rich text runs joined, a formula's cached result. */
export function cellText(value: ExcelJS.CellValue): { text: string; formula: boolean } {
  if (value === null || value === undefined) return { text: '', formula: false };
  if (typeof value === 'string') return { text: value, formula: false };
  if (typeof value === 'number' || typeof value === 'boolean') return { text: String(value), formula: false };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), formula: false };
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join(''), formula: false };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return { text: cellText(result as ExcelJS.CellValue).text, formula: true };
  }
  if ('error' in value) return { text: value.error, formula: false };
  if ('text' in value) return cellText((value as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
  return { text: '', formula: false };
}

export async function loadWorkbook(bytes: Buffer, ignoreNodes: string[] = IGNORED_NODES): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // exceljs types predate Node 22 generic Buffers.
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer, { ignoreNodes, ...READ_LIMITS });
  return wb;
}

export function workbookToGrids(wb: ExcelJS.Workbook): ParsedWorkbook {
  const formulas: string[] = [];
  const sheets = wb.worksheets.map((ws): SheetGrid => {
    const rows: GridRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNo) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        if (col > MAX_COLUMNS) return;
        const { text, formula } = cellText(cell.value);
        if (formula) formulas.push(`${ws.name}!${cell.address}`);
        cells[col - 1] = text;
      });
      rows.push({ row: rowNo, hidden: row.hidden === true, cells: Array.from(cells, (c) => c ?? '') });
    });
    return { name: ws.name, state: (ws.state ?? 'visible') as SheetGrid['state'], rows };
  });
  return { sheets, formulas };
}

export async function readWorkbookCells(bytes: Buffer, ignoreNodes?: string[]): Promise<ParsedWorkbook> {
  return workbookToGrids(await loadWorkbook(bytes, ignoreNodes));
}

// Worker thread entry (see parse-in-worker.ts). This module imports nothing but exceljs and Node, so
// from source Node 24 runs it directly with its built-in type stripping. The worker may be started
// ahead of time (exceljs takes ~0.5 s to load in a fresh thread) and waits for its one job.
if (!isMainThread && (workerData as { readCells?: boolean } | null)?.readCells) {
  parentPort?.once('message', async (job: { bytes: Uint8Array; ignoreNodes?: string[] }) => {
    try {
      const result = await readWorkbookCells(Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength), job.ignoreNodes);
      parentPort?.postMessage({ ok: true, result });
    } catch (err) {
      parentPort?.postMessage({ ok: false, message: (err as Error).message });
    }
  });
}
