// Turn a workbook into plain text grids: what the import needs and nothing else. Runs inside the
// parse worker (parse-in-worker.ts), so whatever a hostile file does, to the unzipping or to the XML
// parser, happens there, under the worker's memory cap and deadline.
// The worker first checks and unpacks the zip (zip-check.ts, unpackForReading), then reads only the
// parts the import needs with one streaming pass each (read-parts.ts). exceljs is not used here: it
// built a whole object model (styles, merges, every cell object) only for the import to keep the
// texts, and a fresh thread took ~0.3 s just to load it.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
// The explicit extensions let Node run this worker from source (type stripping); bundlers accept them.
import { readParts, type ParsedWorkbook, type SheetGrid } from './read-parts.ts';
import { storedZip, unpackForReading, ZipCheckError, type SheetCaps } from './zip-check.ts';

export type { GridRow, ParsedWorkbook, SheetGrid } from './read-parts.ts';

/**
 * What crosses from the worker to the main thread: each distinct text once, cells as indexes into
 * that table (0 is the empty cell). A returned sheet repeats a lot (the _meta sheet holds the export's
 * values again; boilerplate answers recur), and the structured clone copies every string it is given.
 */
export interface CompactWorkbook {
  strings: string[];
  sheets: {
    name: string;
    state: SheetGrid['state'];
    rows: { row: number; hidden: boolean; cells: number[] }[];
    pageHeader?: string;
  }[];
  formulas: string[];
  warnings: string[];
}

/** Check, unpack and read a workbook: the whole job of the worker, callable in-thread by tests. */
export function readWorkbookCells(bytes: Buffer, file = 'workbook.xlsx', caps?: SheetCaps): ParsedWorkbook {
  const { parts, warnings } = unpackForReading(bytes, file, caps);
  return readParts(parts, warnings);
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
    sheets: wb.sheets.map((s) => ({
      name: s.name,
      state: s.state,
      rows: s.rows.map((r) => ({ row: r.row, hidden: r.hidden, cells: r.cells.map(ref) })),
      ...(s.pageHeader === undefined ? {} : { pageHeader: s.pageHeader }),
    })),
    formulas: wb.formulas,
    warnings: wb.warnings,
  };
}

export function expandWorkbook(c: CompactWorkbook): ParsedWorkbook {
  const text = (i: number) => c.strings[i] ?? '';
  return {
    sheets: c.sheets.map((s) => ({
      name: s.name,
      state: s.state,
      rows: s.rows.map((r) => ({ row: r.row, hidden: r.hidden, cells: r.cells.map(text) })),
      ...(s.pageHeader === undefined ? {} : { pageHeader: s.pageHeader }),
    })),
    formulas: c.formulas,
    warnings: c.warnings,
  };
}

/** Messages of the worker protocol (parse-in-worker.ts). */
export interface ReadJob {
  /** The file's bytes, transferred (not copied) to the worker. */
  bytes: ArrayBuffer;
  file: string;
  /** Rows and cells allowed for this kind of file (zip-check.ts, SHEET_CAPS by default). */
  caps?: SheetCaps;
}
export type ReadReply =
  | { ok: true; result: CompactWorkbook }
  /** `refused`: the checks turned the file down; the message is for people as it stands. */
  | { ok: false; refused: boolean; message: string };

/**
 * A small workbook made here, from nothing a user sent: a spare worker reads it a few times while it
 * waits, so that V8 has compiled the reader's hot paths (XML parsing, shared strings, rich text,
 * styles, formulas) before the real file comes. A fresh thread runs that code unoptimised. The
 * content mimics an answer sheet, and the reader's tests use it for every kind of cell.
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
    [
      'xl/sharedStrings.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst ${ns} count="${n}" uniqueCount="${n}">${strings.join('')}</sst>`,
    ],
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

/** Rounds of the warm-up: enough for V8 to optimise the hot paths, each short (a few ms). */
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
    for (let i = 0; bytes && i < WARM_ROUNDS && !stop(); i++) {
      compactWorkbook(readWorkbookCells(bytes));
      // Let a job that arrives between rounds be seen.
      await new Promise((r) => setImmediate(r));
    }
  } catch {
    // A warm-up is an optimisation only.
  }
}

// Worker thread entry (see parse-in-worker.ts). This module imports nothing but saxes, Node and
// modules of its own that do the same, so from source Node 24 runs it directly with its built-in type
// stripping. In the app a spare worker is started ahead of time, warms up on its own workbook while
// it waits, and then reads its one job. A job arriving during the warm-up waits at most for the round
// under way (the wait before it is cut short).
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
      reply = { ok: true, result: compactWorkbook(readWorkbookCells(Buffer.from(job.bytes), job.file, job.caps)) };
    } catch (err) {
      reply = { ok: false, refused: err instanceof ZipCheckError, message: (err as Error).message };
    }
    parentPort?.postMessage(reply);
  });
}
