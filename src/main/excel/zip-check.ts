// The gate a returned file passes before its XML is parsed (read-parts.ts). Unzipping without a size
// check is how a 200 KB zip bomb took 550 MB (exceljs did that), so the zip's central directory is read here, the
// limits are checked on the declared sizes, and then every entry is inflated with a hard output cap,
// because a hostile zip can declare small sizes and inflate to gigabytes anyway.
// Also tells apart the files people send by mistake: an empty file, a CSV or text file renamed
// .xlsx, an old .xls or a password-encrypted workbook (both OLE compound files), a truncated copy.
//
// Two steps, two threads:
//  - checkContainer(): the cheap checks on the header and the central directory, no inflating. The
//    main thread runs it so the common mistakes fail at once, without starting a worker.
//  - unpackForReading(): runs checkContainer() again (the worker trusts nobody), inflates every entry
//    with its cap, and hands the reader only the parts the import reads, inflated. It runs inside the
//    parse worker (read-cells.ts), so even inflating happens under the worker's memory cap and deadline.
// This module imports nothing but Node (the worker runs it from source with type stripping), so it
// throws ZipCheckError; the caller turns that into an AppError.
import zlib from 'node:zlib';

export const ZIP_LIMITS = {
  maxFileBytes: 50 * 2 ** 20,
  maxEntries: 2000,
  maxEntryBytes: 100 * 2 ** 20,
  maxTotalBytes: 250 * 2 ** 20,
  /** Compression ratio allowed for entries above `ratioFloorBytes`; real sheet XML is ~5–40×. */
  maxRatio: 200,
  ratioFloorBytes: 4 * 2 ** 20,
  /**
   * The parts exceljs parses (workbook, shared strings, styles, sheets), uncompressed, together.
   * exceljs holds ~9× a part's size while parsing it (99 MB of shared strings took 960 MB), so this is
   * what bounds the reader's memory. The export of a plan 100× the real one has ~4 MB of them.
   */
  maxReadBytes: 64 * 2 ** 20,
  /** workbook.xml holds the sheet list and defined names: ~1 KB in a real file. */
  maxWorkbookXmlBytes: 2 ** 20,
};

/**
 * Rows per sheet and cells in all, counted in the sheet XML before exceljs builds a single cell (it
 * takes ~1 KB per cell: 60,000 rows of 16 cells peaked at 890 MB). The answer sheet of a plan 100×
 * the real one has ~5,600 rows. `note` ends the refusal: what the limit means for this kind of file.
 */
export interface SheetCaps {
  maxRows: number;
  maxCells: number;
  note?: string;
}

export const SHEET_CAPS: SheetCaps = { maxRows: 20_000, maxCells: 500_000 };

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** A file refused by the checks. The message names the file and says what to do, in Japanese. */
export class ZipCheckError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipCheckError';
  }
}

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;

function fail(file: string, problem: string): never {
  throw new ZipCheckError(`${file}: ${problem}`);
}

function looksLikeText(buf: Buffer): boolean {
  const sample = buf.subarray(0, 4096);
  let printable = 0;
  for (const b of sample) if (b === 9 || b === 10 || b === 13 || b >= 32) printable += 1;
  return printable / sample.length > 0.95;
}

/** The entries of the central directory, checked against the file's bounds. */
export function readCentralDirectory(buf: Buffer, file: string): ZipEntry[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) fail(file, 'ファイルが途中で切れているか壊れています(ZIP の終端がありません)。送り主に再送を依頼してください。');
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) fail(file, 'ZIP64 形式のファイルには対応していません(回答票としては大きすぎます)。');
  if (count > ZIP_LIMITS.maxEntries)
    fail(file, `ファイル内の部品が多すぎます(${count} 個、上限 ${ZIP_LIMITS.maxEntries} 個)。不正なファイルの可能性があります。`);
  if (cdOffset + cdSize > eocd) fail(file, 'ファイルが途中で切れているか壊れています(目次が範囲外です)。送り主に再送を依頼してください。');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CEN_SIG) fail(file, 'ファイルが壊れています(ZIP の目次が読めません)。');
    const nameLen = buf.readUInt16LE(p + 28);
    entries.push({
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
    });
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}

/** The stored bytes of one entry, inflated with a cap of its declared size. */
export function inflateEntry(buf: Buffer, e: ZipEntry, file: string): Buffer {
  const at = e.localOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOC_SIG) fail(file, `ファイルが壊れています(${e.name} が読めません)。`);
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const end = start + e.compressedSize;
  if (end > buf.length) fail(file, 'ファイルが途中で切れています。送り主に再送を依頼してください。');
  const data = buf.subarray(start, end);
  if (e.method === 0) return data;
  if (e.method !== 8) fail(file, `対応していない圧縮方式です(${e.name}: 方式 ${e.method})。暗号化されている可能性があります。`);
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      fail(file, `${e.name} が申告より大きく展開されます。ZIP 爆弾などの不正なファイルの可能性があるため読み込みません。`);
    }
    fail(file, `ファイルが壊れています(${e.name} を展開できません)。`);
  }
}

/**
 * The cheap checks: that the bytes are a plausible, bounded .xlsx by their header and central
 * directory, before any inflating. Throws a ZipCheckError whose message names the file and says what
 * is wrong in words a secretariat member can act on.
 */
export function checkContainer(buf: Buffer, file: string): ZipEntry[] {
  if (buf.length === 0) fail(file, 'ファイルが空です(0 バイト)。');
  if (buf.length > ZIP_LIMITS.maxFileBytes)
    fail(file, `ファイルが大きすぎます(${(buf.length / 2 ** 20).toFixed(1)} MB、上限 ${ZIP_LIMITS.maxFileBytes / 2 ** 20} MB)。`);
  if (buf.length >= 8 && buf.subarray(0, 8).equals(OLE)) {
    fail(
      file,
      '古い Excel 形式(.xls)か、パスワードで保護(暗号化)されたブックです。Excel で開き、パスワードを解除して .xlsx 形式で保存し直してください。',
    );
  }
  if (buf.length < 4 || buf.readUInt32LE(0) !== LOC_SIG) {
    fail(
      file,
      looksLikeText(buf)
        ? 'Excel のファイルではありません(テキストや CSV の中身に .xlsx の名前が付いています)。Excel で .xlsx 形式で保存したファイルを使ってください。'
        : 'Excel (.xlsx) のファイルではありません。',
    );
  }
  const entries = readCentralDirectory(buf, file);
  let total = 0;
  for (const e of entries) {
    total += e.size;
    if (e.size > ZIP_LIMITS.maxEntryBytes || total > ZIP_LIMITS.maxTotalBytes) {
      fail(file, `展開後の大きさが上限を超えます(${e.name})。ZIP 爆弾などの不正なファイルの可能性があるため読み込みません。`);
    }
    if (e.size > ZIP_LIMITS.ratioFloorBytes && e.size / Math.max(1, e.compressedSize) > ZIP_LIMITS.maxRatio) {
      fail(
        file,
        `圧縮率が異常です(${e.name}: ${Math.round(e.size / Math.max(1, e.compressedSize))} 倍)。ZIP 爆弾などの不正なファイルの可能性があるため読み込みません。`,
      );
    }
  }
  const workbookXml = entries.find((e) => partName(e.name) === 'xl/workbook.xml');
  if (!workbookXml) fail(file, 'Excel のブックではありません(ZIP ですが xl/workbook.xml がありません)。');
  if (workbookXml.size > ZIP_LIMITS.maxWorkbookXmlBytes) {
    fail(
      file,
      `ブックの定義(xl/workbook.xml)が大きすぎます(${mb(workbookXml.size)}、上限 ${mb(ZIP_LIMITS.maxWorkbookXmlBytes)})。名前の定義などが異常に大きく、不正なファイルの可能性があるため読み込みません。`,
    );
  }
  const readBytes = entries.filter((e) => READ_PARTS.test(partName(e.name))).reduce((n, e) => n + e.size, 0);
  if (readBytes > ZIP_LIMITS.maxReadBytes) {
    fail(
      file,
      `シートと文字列の部分が大きすぎます(展開後 ${mb(readBytes)}、上限 ${mb(ZIP_LIMITS.maxReadBytes)})。協議会デスクの回答票や注釈ファイルとしては大きすぎるため読み込みません。`,
    );
  }
  return entries;
}

const partName = (name: string) => name.replace(/^\//, '');
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const count = (n: number) => n.toLocaleString('en-US');

/** Start tags `<name ` / `<name>` (or with a namespace prefix, `:name `) in an XML part, counted on the bytes. */
export function countTags(xml: Buffer, name: string): number {
  let n = 0;
  for (const open of ['<', ':']) {
    const needle = Buffer.from(open + name, 'latin1');
    for (let at = xml.indexOf(needle); at >= 0; at = xml.indexOf(needle, at + needle.length)) {
      const next = xml[at + needle.length];
      // `<c ` but not `<cols`; `:row` only as a prefixed start tag, not an attribute value like `x:row`.
      if (
        (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) &&
        (open === '<' || isPrefixedStart(xml, at))
      )
        n += 1;
    }
  }
  return n;
}

function isPrefixedStart(xml: Buffer, colon: number): boolean {
  let i = colon - 1;
  while (i >= 0 && /[\w.-]/.test(String.fromCharCode(xml[i]!))) i -= 1;
  return i >= 0 && i < colon - 1 && xml[i] === 0x3c;
}

/**
 * The longest stretch of a part between two `<`: a text (a cell's value, a shared string) or one tag
 * with its attributes. exceljs (its XML parser) holds a single long value many times over: one shared
 * string of 62 MB took the process to 3.1 GB, although 62 MB in 19,000 strings took 630 MB. A cell
 * holds at most 32,767 characters (Excel's limit), ~100 KB as escaped UTF-8.
 */
export const MAX_XML_RUN_BYTES = 256 * 2 ** 10;

function checkLongestRun(xml: Buffer, part: string, file: string): void {
  // From each `<` (or the start), the last `<` within the next MAX_XML_RUN_BYTES is looked for
  // backwards: one native search per window instead of one call per tag, as tags are dense. None
  // there means the stretch after this `<` is longer than allowed.
  for (let from = 0; from + MAX_XML_RUN_BYTES < xml.length;) {
    const last = xml.lastIndexOf(0x3c, from + MAX_XML_RUN_BYTES);
    if (last <= from) {
      const next = xml.indexOf(0x3c, from + 1);
      const run = (next < 0 ? xml.length : next) - from;
      fail(
        file,
        `値が長すぎます(${part} に ${mb(run)} の値、上限 ${MAX_XML_RUN_BYTES / 2 ** 10} KB。Excel のセルは 32,767 文字までです)。不正なファイルの可能性があるため読み込みません。`,
      );
    }
    from = last;
  }
}

/** Refuse a sheet with more rows, or a workbook with more cells, than `caps` allow. */
function checkSheetSize(xml: Buffer, part: string, file: string, caps: SheetCaps, cellsSoFar: number): number {
  const rows = countTags(xml, 'row');
  if (rows > caps.maxRows) fail(file, `行が多すぎます(${part} に ${count(rows)} 行、上限 ${count(caps.maxRows)} 行)。${caps.note ?? ''}`);
  const cells = cellsSoFar + countTags(xml, 'c');
  if (cells > caps.maxCells) fail(file, `セルが多すぎます(${count(cells)} 個以上、上限 ${count(caps.maxCells)} 個)。${caps.note ?? ''}`);
  return cells;
}

/**
 * The parts the reader is given: the workbook and its relationships (sheet names, order and state),
 * the shared strings, the styles (which number formats are dates) and the worksheets. Everything else
 * (themes, drawings, images, comments, printer settings, the worksheets' relationships, document
 * properties) is checked but not passed on: the import reads none of it.
 */
const READ_PARTS = /^xl\/(?:workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/sheet\d+\.xml)$/;
const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/;

export interface UnpackedWorkbook {
  /** The inflated parts the import reads (READ_PARTS), by part name. */
  parts: Map<string, Buffer>;
  /** Odd things seen that the reader skips anyway (huge merges, whole-sheet validations). */
  warnings: string[];
}

/** Check the bytes fully (every entry inflated under its cap) and keep the parts to read. */
export function unpackForReading(buf: Buffer, file: string, caps: SheetCaps = SHEET_CAPS): UnpackedWorkbook {
  const entries = checkContainer(buf, file);
  const warnings: string[] = [];
  const parts = new Map<string, Buffer>();
  let cells = 0;
  for (const e of entries) {
    const data = inflateEntry(buf, e, file);
    const name = partName(e.name);
    if (SHEET_PART.test(name)) warnings.push(...hugeRanges(data, name, file));
    if (READ_PARTS.test(name)) checkLongestRun(data, name, file);
    if (READ_PARTS.test(name) && SHEET_PART.test(name)) cells = checkSheetSize(data, name, file, caps, cells);
    if (READ_PARTS.test(name) && !parts.has(name)) parts.set(name, data);
  }
  return { parts, warnings };
}

/**
 * A zip of the given parts, uncompressed (stored), or compressed as Excel does with `deflate`: the
 * generated warm-up, test and benchmark files.
 */
export function storedZip(parts: readonly [string, Buffer][], deflate = false): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const method = deflate ? 8 : 0;
  for (const [name, raw] of parts) {
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(raw);
    const data = deflate ? zlib.deflateRawSync(raw) : raw;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOC_SIG, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(CEN_SIG, 0);
    cen.writeUInt16LE(20, 4);
    cen.writeUInt16LE(20, 6);
    cen.writeUInt16LE(0x0800, 8);
    cen.writeUInt16LE(method, 10);
    cen.writeUInt32LE(crc, 16);
    cen.writeUInt32LE(data.length, 20);
    cen.writeUInt32LE(raw.length, 24);
    cen.writeUInt16LE(nameBuf.length, 28);
    cen.writeUInt32LE(offset, 42);
    chunks.push(local, nameBuf, data);
    central.push(cen, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD_SIG, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, cd, end]);
}

/** Cells covered by a reference like `A1:Z1048576`, `G:G` or `3:3` (Excel's maximum sheet size). */
export function rangeArea(ref: string): number {
  const parts = ref.replace(/\$/g, '').split(':');
  const col = (s: string) => [...(/^[A-Z]+/i.exec(s)?.[0] ?? '')].reduce((n, c) => n * 26 + (c.toUpperCase().charCodeAt(0) - 64), 0);
  const row = (s: string) => Number(/\d+$/.exec(s)?.[0] ?? 0);
  const a = parts[0] ?? '';
  const b = parts[1] ?? a;
  const cols = col(a) && col(b) ? Math.abs(col(b) - col(a)) + 1 : 16384;
  const rows = row(a) && row(b) ? Math.abs(row(b) - row(a)) + 1 : 1048576;
  return cols * rows;
}

const HUGE_AREA = 100_000;

/**
 * Merges and data validations over huge ranges are how a tiny file makes exceljs build millions of
 * cells. The reader skips those parts anyway; they are reported so the secretariat knows the file
 * was odd. Only sheets that contain such a tag are decoded.
 */
function hugeRanges(xml: Buffer, part: string, file: string): string[] {
  if (xml.indexOf('<mergeCell ') < 0 && xml.indexOf('<dataValidation ') < 0 && xml.indexOf(':dataValidation ') < 0) return [];
  const text = xml.toString('utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/<mergeCell\s+ref="([^"]+)"/g)) {
    if (rangeArea(m[1]!) > HUGE_AREA) {
      out.push(`${file}: 異常に大きな結合セル(${m[1]}、${part})があります。結合は無視して読み込みました。`);
      break;
    }
  }
  for (const m of text.matchAll(/<(?:\w+:)?dataValidation\b[^>]*\bsqref="([^"]+)"/g)) {
    if (m[1]!.split(/\s+/).some((r) => rangeArea(r) > HUGE_AREA)) {
      out.push(`${file}: 広い範囲の入力規則(${m[1]}、${part})があります。入力規則は無視して読み込みました。`);
      break;
    }
  }
  return out;
}
