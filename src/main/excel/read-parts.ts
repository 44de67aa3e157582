// Read the cell texts of a workbook straight from its XML parts with one streaming SAX pass each
// (saxes, the parser exceljs itself uses): the workbook's sheet list, the date formats of the styles,
// the shared strings and the worksheets. Nothing else is looked at. A merge, a validation or a
// conditional format, however large the range it declares, is a tag the parser walks past: no
// cell is built for it. What a cell yields is what exceljs made of it before (read-cells.ts,
// tests/integration/excel-reader.test.ts): rich text joined, phonetic guides left out, a formula's
// cached result, a number in a date format as its date, booleans as true/false.
// This module imports nothing but saxes and Node (the parse worker runs it from source with type
// stripping), and it never sees a part the zip checks have not inflated under their caps.
import { SaxesParser, type SaxesTagPlain } from 'saxes';

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
  /**
   * The printed page header (`<oddHeader>`) as written, codes included, when the sheet has one: the
   * consolidated table carries its title there (sheet-style.ts setupPrint).
   */
  pageHeader?: string;
}

export interface ParsedWorkbook {
  sheets: SheetGrid[];
  /** Cells that held a formula: their cached result was used. `sheet!A1`. */
  formulas: string[];
  /** Odd things the checks saw and the reader skipped (zip-check.ts). */
  warnings: string[];
}

/** Columns read per row: the answer sheet has 11, _meta a handful; the rest is never looked at. */
const MAX_COLUMNS = 40;

/** Text is handed to the parser in pieces of this size, so a part is never one huge string. */
const CHUNK_BYTES = 1 << 20;

type Handlers = {
  open: (name: string, tag: SaxesTagPlain) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
};

/** The local name of a tag or attribute: `x:row` → `row` (some writers prefix every tag). */
const local = (name: string) => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

// Attributes of SpreadsheetML are unprefixed (in no namespace) even where a writer prefixes the
// tags; only the relationship id of a sheet is namespaced (`r:id`, whatever the prefix).
const attr = (tag: SaxesTagPlain, name: string): string | undefined => tag.attributes[name];

function relationshipId(tag: SaxesTagPlain): string | undefined {
  for (const [k, v] of Object.entries(tag.attributes)) if (k.endsWith(':id')) return v;
  return undefined;
}

/**
 * One streaming pass over a part; malformed XML throws an error that names the part (the worker
 * reports the file as unreadable). Positions (line, column) are not tracked: counting them cost more
 * than a tenth of the pass.
 */
function walk(xml: Buffer, part: string, h: Handlers): void {
  const parser = new SaxesParser({ xmlns: false, position: false, fileName: part } as const);
  parser.on('opentag', (tag) => h.open(local(tag.name), tag));
  if (h.close) {
    const close = h.close;
    parser.on('closetag', (tag) => close(local(tag.name)));
  }
  if (h.text) {
    parser.on('text', h.text);
    parser.on('cdata', h.text);
  }
  parser.on('error', (err) => {
    throw err;
  });
  for (let at = 0; at < xml.length;) {
    let end = Math.min(xml.length, at + CHUNK_BYTES);
    // Cut before a UTF-8 continuation byte (10xxxxxx), so that no character is split between pieces.
    while (end < xml.length && end > at && (xml[end]! & 0xc0) === 0x80) end -= 1;
    parser.write(xml.toString('utf8', at, end));
    at = end;
  }
  parser.close();
}

/** OOXML escapes characters XML cannot carry as `_xHHHH_` (a carriage return is `_x000D_`). */
const unescapeOoxml = (text: string) =>
  text.includes('_x') ? text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;

/**
 * The text runs of a string item (`<si>` or an inline `<is>`): plain `<t>`, or rich text `<r><t>`,
 * joined; the phonetic reading (`<rPh><t>`) is not part of what the cell shows.
 */
class StringItem {
  private parts: string[] = [];
  private inText = false;
  private inPhonetic = false;
  open(name: string): void {
    if (name === 'rPh') this.inPhonetic = true;
    else if (name === 't' && !this.inPhonetic) this.inText = true;
  }
  close(name: string): void {
    if (name === 'rPh') this.inPhonetic = false;
    else if (name === 't') this.inText = false;
  }
  text(text: string): void {
    if (this.inText) this.parts.push(text);
  }
  take(): string {
    const out = unescapeOoxml(this.parts.join(''));
    this.parts = [];
    return out;
  }
}

export function readSharedStrings(xml: Buffer | undefined): string[] {
  const strings: string[] = [];
  if (!xml) return strings;
  const item = new StringItem();
  walk(xml, 'xl/sharedStrings.xml', {
    open: (name) => item.open(name),
    close: (name) => (name === 'si' ? strings.push(item.take()) : item.close(name)),
    text: (text) => item.text(text),
  });
  return strings;
}

export interface SheetRef {
  name: string;
  state: SheetGrid['state'];
  /** The part that holds it, from the workbook's relationships: `xl/worksheets/sheet1.xml`. */
  part: string | undefined;
}

/** The sheets in workbook order with their parts, and the workbook's date system. */
export function readWorkbook(workbookXml: Buffer, relsXml: Buffer | undefined): { sheets: SheetRef[]; date1904: boolean } {
  const targets = new Map<string, string>();
  if (relsXml) {
    walk(relsXml, 'xl/_rels/workbook.xml.rels', {
      open: (name, tag) => {
        const id = attr(tag, 'Id');
        const target = attr(tag, 'Target');
        if (name === 'Relationship' && id && target) targets.set(id, partPath(target));
      },
    });
  }
  const sheets: SheetRef[] = [];
  let date1904 = false;
  walk(workbookXml, 'xl/workbook.xml', {
    open: (name, tag) => {
      if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attr(tag, 'date1904') ?? '');
      if (name !== 'sheet') return;
      const state = attr(tag, 'state');
      sheets.push({
        name: attr(tag, 'name') ?? '',
        state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        part: targets.get(relationshipId(tag) ?? ''),
      });
    },
  });
  return { sheets, date1904 };
}

/** A relationship target as a part name: relative to xl/, or absolute from the package root. */
function partPath(target: string): string {
  const parts: string[] = [];
  for (const seg of (target.startsWith('/') ? target.slice(1) : `xl/${target}`).split('/')) {
    if (seg === '..') parts.pop();
    else if (seg && seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/** Built-in number formats that are dates or times (ECMA-376 18.8.30; those exceljs reads as dates). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** A format code shows a date or time: date letters outside quotes and brackets (as exceljs decides). */
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** For each cell style index (`s="…"`), whether numbers in it are dates. */
export function readDateStyles(xml: Buffer | undefined): boolean[] {
  if (!xml) return [];
  const custom = new Map<number, boolean>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  walk(xml, 'xl/styles.xml', {
    open: (name, tag) => {
      if (name === 'numFmt') custom.set(Number(attr(tag, 'numFmtId')), isDateFormat(attr(tag, 'formatCode') ?? ''));
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attr(tag, 'numFmtId') ?? 0);
        styles.push(custom.get(id) ?? BUILTIN_DATE_FORMATS.has(id));
      }
    },
    close: (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return styles;
}

/** A date serial as the cell's date, yyyy-mm-dd (how exceljs's Date came out of read-cells). */
function serialToDate(serial: number, date1904: boolean): string {
  const date = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  return Number.isNaN(date.getTime()) ? String(serial) : date.toISOString().slice(0, 10);
}

function columnNumber(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    n = n * 26 + (c - 0x60);
  }
  return n;
}

function columnName(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export interface SheetContext {
  strings: string[];
  dateStyles: boolean[];
  date1904: boolean;
  /** Where the addresses of formula cells go, `sheet!A1`. */
  formulas: string[];
}

/**
 * The rows of one worksheet that hold a value, in row order, each cell as the text a person sees; the
 * page header's text goes to `page` when one is given.
 */
export function readSheetRows(xml: Buffer, part: string, sheetName: string, ctx: SheetContext, page?: { header: string }): GridRow[] {
  const rows: GridRow[] = [];
  let inPageHeader = false;
  let row: GridRow | null = null;
  let rowHasValue = false;
  let lastRow = 0;
  let col = 0;
  // The cell being read.
  let type = '';
  let style = 0;
  let value: string[] = [];
  let inValue = false;
  let inInline = false;
  let hasValue = false;
  let hasFormula = false;
  const inline = new StringItem();

  const cellText = (): string => {
    const v = value.join('');
    switch (type) {
      case 's':
        return v === '' ? '' : (ctx.strings[Number(v)] ?? '');
      case 'inlineStr':
        return inline.take();
      case 'str':
      case 'e':
        return v;
      case 'b':
        return v === '1' || v === 'true' ? 'true' : 'false';
      case 'd':
        return Number.isNaN(Date.parse(v)) ? v : new Date(v).toISOString().slice(0, 10);
      default: {
        if (v.trim() === '') return '';
        const n = parseFloat(v);
        return ctx.dateStyles[style] ? serialToDate(n, ctx.date1904) : String(n);
      }
    }
  };

  walk(xml, part, {
    open: (name, tag) => {
      switch (name) {
        case 'row': {
          const r = Number(attr(tag, 'r'));
          lastRow = Number.isInteger(r) && r > 0 ? r : lastRow + 1;
          const hidden = attr(tag, 'hidden');
          row = { row: lastRow, hidden: hidden === '1' || hidden === 'true', cells: [] };
          rowHasValue = false;
          col = 0;
          return;
        }
        case 'c': {
          const ref = attr(tag, 'r');
          const n = ref ? columnNumber(ref) : 0;
          col = n > 0 ? n : col + 1;
          type = attr(tag, 't') ?? '';
          style = Number(attr(tag, 's') ?? 0);
          value = [];
          hasValue = false;
          hasFormula = false;
          inline.take();
          return;
        }
        case 'v':
          inValue = true;
          hasValue = true;
          return;
        case 'f':
          hasFormula = true;
          return;
        case 'is':
          inInline = true;
          hasValue = true;
          return;
        case 'oddHeader':
          inPageHeader = page !== undefined;
          return;
        default:
          if (inInline) inline.open(name);
      }
    },
    close: (name) => {
      if (name === 'v') inValue = false;
      else if (name === 'oddHeader') inPageHeader = false;
      else if (name === 'is') inInline = false;
      else if (inInline) inline.close(name);
      else if (name === 'c' && row && (hasValue || hasFormula)) {
        rowHasValue = true;
        if (hasFormula) ctx.formulas.push(`${sheetName}!${columnName(col)}${row.row}`);
        const text = cellText();
        if (col <= MAX_COLUMNS) row.cells[col - 1] = text;
      } else if (name === 'row' && row) {
        if (rowHasValue) rows.push({ ...row, cells: Array.from(row.cells, (c) => c ?? '') });
        row = null;
      }
    },
    text: (text) => {
      if (inValue) value.push(text);
      else if (inInline) inline.text(text);
      else if (inPageHeader) page!.header += text;
    },
  });
  return inRowOrder(rows);
}

/**
 * Rows as a spreadsheet holds them: by number, one per number (a later `<row>` with the same number
 * fills in the same row). Every writer we know stores them in order; a file that does not is put
 * right here rather than misread.
 */
function inRowOrder(rows: GridRow[]): GridRow[] {
  if (rows.every((r, i) => i === 0 || r.row > rows[i - 1]!.row)) return rows;
  const byNumber = new Map<number, GridRow>();
  for (const r of rows) {
    const seen = byNumber.get(r.row);
    if (!seen) byNumber.set(r.row, { ...r, cells: [...r.cells] });
    else
      r.cells.forEach((c, i) => {
        if (c !== '' || seen.cells[i] === undefined) seen.cells[i] = c;
      });
  }
  return [...byNumber.values()].sort((a, b) => a.row - b.row);
}

/**
 * Every sheet's rows from the inflated parts (zip-check.ts, unpackParts). Each part is released
 * once read, so the largest thing held is one part and the grids built so far.
 */
export function readParts(parts: Map<string, Buffer>, warnings: string[] = []): ParsedWorkbook {
  const take = (name: string) => {
    const data = parts.get(name);
    parts.delete(name);
    return data;
  };
  const { sheets, date1904 } = readWorkbook(take('xl/workbook.xml') ?? Buffer.alloc(0), take('xl/_rels/workbook.xml.rels'));
  const ctx: SheetContext = {
    dateStyles: readDateStyles(take('xl/styles.xml')),
    strings: readSharedStrings(take('xl/sharedStrings.xml')),
    date1904,
    formulas: [],
  };
  const grids: SheetGrid[] = [];
  for (const s of sheets) {
    const xml = s.part === undefined ? undefined : take(s.part);
    if (!xml) continue;
    const page = { header: '' };
    const rows = readSheetRows(xml, s.part!, s.name, ctx, page);
    grids.push({ name: s.name, state: s.state, rows, ...(page.header ? { pageHeader: page.header } : {}) });
  }
  return { sheets: grids, formulas: ctx.formulas, warnings };
}
