// Turn a workbook into plain text grids: what the import needs and nothing else. Runs inside the
// parse worker (parse-in-worker.ts), so whatever a hostile file does, to the unzipping or to exceljs,
// happens there, under the worker's memory cap and deadline.
// The worker first checks and unpacks the zip (zip-check.ts, unpackForReading): exceljs only ever
// sees an uncompressed zip of the parts the import reads. exceljs then skips the parts listed in
// IGNORED_NODES: merges, data validations and conditional formats are where a few bytes of XML
// declare a million cells (architecture.md, "Reading untrusted workbooks"), and the import has no
// use for any of them. Rich text (shared or inline strings) and formulas' cached results are cell
// values, read from sheetData and sharedStrings, which are never skipped.
import ExcelJS from 'exceljs';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
// The explicit extension lets Node run this worker from source (type stripping); bundlers accept it.
import { storedZip, unpackForReading, ZipCheckError, type SheetCaps } from './zip-check.ts';

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
  /** Odd things the checks saw and the reader skipped (zip-check.ts). */
  warnings: string[];
}

/**
 * What crosses from the worker to the main thread: each distinct text once, cells as indexes into
 * that table (0 is the empty cell). A returned sheet repeats a lot (the _meta sheet holds the export's
 * values again; boilerplate answers recur), and the structured clone copies every string it is given.
 */
export interface CompactWorkbook {
  strings: string[];
  sheets: { name: string; state: SheetGrid['state']; rows: { row: number; hidden: boolean; cells: number[] }[] }[];
  formulas: string[];
  warnings: string[];
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
  // Given as a plain Uint8Array, not a Buffer: JSZip (inside exceljs) copies a Buffer's stored
  // entries byte by byte into new arrays before decoding them, and a view over them it uses as is.
  const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // exceljs types predate Node 22 generic Buffers.
  await wb.xlsx.load(view as unknown as ExcelJS.Buffer, { ignoreNodes, ...READ_LIMITS });
  return wb;
}

export function workbookToGrids(wb: ExcelJS.Workbook, warnings: string[] = []): ParsedWorkbook {
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
  return { sheets, formulas, warnings };
}

/** Check, unpack and read a workbook: the whole job of the worker, callable in-thread by tests. */
export async function readWorkbookCells(bytes: Buffer, file = 'workbook.xlsx', ignoreNodes?: string[], caps?: SheetCaps): Promise<ParsedWorkbook> {
  const { zip, warnings } = unpackForReading(bytes, file, caps);
  return workbookToGrids(await loadWorkbook(zip, ignoreNodes), warnings);
}

export function compactWorkbook(wb: ParsedWorkbook): CompactWorkbook {
  const strings = [''];
  const index = new Map<string, number>([['', 0]]);
  const ref = (text: string) => {
    let i = index.get(text);
    if (i === undefined) {
      i = strings.length;
      strings.push(text);
      index.set(text, i);
    }
    return i;
  };
  return {
    strings,
    sheets: wb.sheets.map((s) => ({ name: s.name, state: s.state, rows: s.rows.map((r) => ({ row: r.row, hidden: r.hidden, cells: r.cells.map(ref) })) })),
    formulas: wb.formulas,
    warnings: wb.warnings,
  };
}

export function expandWorkbook(c: CompactWorkbook): ParsedWorkbook {
  const text = (i: number) => c.strings[i] ?? '';
  return {
    sheets: c.sheets.map((s) => ({ name: s.name, state: s.state, rows: s.rows.map((r) => ({ row: r.row, hidden: r.hidden, cells: r.cells.map(text) })) })),
    formulas: c.formulas,
    warnings: c.warnings,
  };
}

/** Messages of the worker protocol (parse-in-worker.ts). */
export interface ReadJob {
  /** The file's bytes, transferred (not copied) to the worker. */
  bytes: ArrayBuffer;
  file: string;
  ignoreNodes?: string[];
  /** Rows and cells allowed for this kind of file (zip-check.ts, SHEET_CAPS by default). */
  caps?: SheetCaps;
}
export type ReadReply =
  | { ok: true; result: CompactWorkbook }
  /** `refused`: the checks turned the file down; the message is for people as it stands. */
  | { ok: false; refused: boolean; message: string };

/**
 * A small workbook made here, from nothing a user sent: a spare worker reads it a few times while it
 * waits, so that V8 has compiled exceljs's hot paths (XML parsing, shared strings, rich text, styles,
 * formulas) before the real file comes. A fresh thread runs that code unoptimised, and exceljs took
 * about twice as long on its first file as on its third. The content mimics an answer sheet.
 */
export function warmUpWorkbook(rows = 150): Buffer {
  const text = (i: number) => `・令和${i % 9}年度に取組を推進する【厚】。\n\u3000・下位の取組 ${i} & <続き>`;
  const strings: string[] = [];
  for (let i = 0; i < rows; i++) strings.push(`<si><t xml:space="preserve">${xml(text(i))}</t></si>`);
  strings.push('<si><r><rPr><b/><sz val="10"/></rPr><t>太字の</t></r><r><t>取組</t></r></si>');
  strings.push('<si><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh><phoneticPr fontId="1"/></si>');
  const n = strings.length;
  const sheet = (withStyles: boolean) => {
    const out: string[] = [];
    for (let r = 1; r <= rows; r++) {
      const s = withStyles ? ` s="${1 + (r % 2)}"` : '';
      const cells = [
        `<c r="A${r}"${s} t="inlineStr"><is><t>1-1-${r}</t></is></c>`,
        `<c r="B${r}"${s}><v>${r}</v></c>`,
        `<c r="C${r}"${s} t="s"><v>${r % n}</v></c>`,
        `<c r="D${r}"${s} t="s"><v>${(r * 7) % n}</v></c>`,
        `<c r="E${r}"${s} t="s"><v>${n - 1 - (r % 2)}</v></c>`,
        `<c r="F${r}"${s} t="str"><f>"・"&amp;"式"</f><v>・式</v></c>`,
        `<c r="G${r}" s="3"><v>${45000 + r}</v></c>`,
        `<c r="H${r}"${s} t="inlineStr"><is><r><t>・</t></r><r><rPr><b/></rPr><t>富</t></r></is></c>`,
        `<c r="I${r}"${s} t="b"><v>1</v></c>`,
      ];
      out.push(`<row r="${r}"${r % 17 === 0 ? ' hidden="1"' : ''}>${cells.join('')}</row>`);
    }
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1:I1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>' +
      `<sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="9" width="20" customWidth="1"/></cols><sheetData>${out.join('')}</sheetData>` +
      '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/></worksheet>'
    );
  };
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const parts: [string, string][] = [
    [
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook ${ns} xmlns:r="${rel}"><sheets>` +
        '<sheet name="回答" sheetId="1" r:id="rId1"/><sheet name="_meta" sheetId="2" state="veryHidden" r:id="rId2"/></sheets>' +
        '<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">\'回答\'!$1:$1</definedName></definedNames></workbook>',
    ],
    [
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/worksheet" Target="worksheets/sheet2.xml"/>` +
        `<Relationship Id="rId3" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="${rel}/styles" Target="styles.xml"/></Relationships>`,
    ],
    ['xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst ${ns} count="${n}" uniqueCount="${n}">${strings.join('')}</sst>`],
    [
      'xl/styles.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet ${ns}><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy/m/d"/></numFmts>` +
        '<fonts count="2"><font><sz val="10"/><name val="Meiryo UI"/></font><font><b/><sz val="10"/><color rgb="FFFFFFFF"/><name val="Meiryo UI"/></font></fonts>' +
        '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFFDE7"/></patternFill></fill></fills>' +
        '<borders count="2"><border/><border><left style="thin"><color rgb="FF9AA5B1"/></left><right style="thin"><color rgb="FF9AA5B1"/></right><top style="thin"><color rgb="FF9AA5B1"/></top><bottom style="thin"><color rgb="FF9AA5B1"/></bottom></border></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
        '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyProtection="1"><protection locked="0"/></xf>' +
        '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>',
    ],
    ['xl/worksheets/sheet1.xml', sheet(true)],
    ['xl/worksheets/sheet2.xml', sheet(false)],
  ];
  return storedZip(parts.map(([name, body]) => [name, Buffer.from(body, 'utf8')]));
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Rounds of the warm-up: enough for V8 to optimise the hot paths, each short (~20–60 ms). */
const WARM_ROUNDS = 5;

/**
 * Wait before warming up: a spare is started as the previous file's staging ends, and should not
 * compete with the next steps for the CPU; when files come back to back, the job arrives first and
 * no warm-up runs.
 */
const WARM_DELAY_MS = 1000;

async function warmUp(stop: () => boolean, jobArrived: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([jobArrived, new Promise<void>((r) => (timer = setTimeout(r, WARM_DELAY_MS)))]);
  clearTimeout(timer);
  try {
    const bytes = stop() ? null : warmUpWorkbook();
    for (let i = 0; bytes && i < WARM_ROUNDS && !stop(); i++) compactWorkbook(workbookToGrids(await loadWorkbook(bytes)));
  } catch {
    // A warm-up is an optimisation only.
  }
}

// Worker thread entry (see parse-in-worker.ts). This module imports nothing but exceljs, Node and
// zip-check.ts (itself Node only), so from source Node 24 runs it directly with its built-in type
// stripping. A spare worker is started ahead of time (exceljs takes ~0.3 s to load in a fresh
// thread), warms up on its own workbook while it waits, and then reads its one job. A job arriving
// during the warm-up waits at most for the round under way (the wait before it is cut short).
if (!isMainThread && (workerData as { readCells?: boolean } | null)?.readCells) {
  let job: ReadJob | null = null;
  let arrived = () => {};
  const jobArrived = new Promise<void>((r) => (arrived = r));
  const warming = (workerData as { warm?: boolean }).warm ? warmUp(() => job !== null, jobArrived) : Promise.resolve();
  parentPort?.once('message', async (received: ReadJob) => {
    job = received;
    arrived();
    await warming;
    let reply: ReadReply;
    try {
      reply = { ok: true, result: compactWorkbook(await readWorkbookCells(Buffer.from(job.bytes), job.file, job.ignoreNodes, job.caps)) };
    } catch (err) {
      reply = { ok: false, refused: err instanceof ZipCheckError, message: (err as Error).message };
    }
    parentPort?.postMessage(reply);
  });
}
