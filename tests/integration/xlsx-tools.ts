// Test tools for workbooks, independent of exceljs: read and write the zip container and edit
// sheet XML directly, as a second writer would. Used to build edited, broken and hostile files.
import zlib from 'node:zlib';
import { inflateEntry, readCentralDirectory } from '../../src/main/excel/zip-check';

export function readZip(buf: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of readCentralDirectory(buf, 'test')) out.set(e.name, inflateEntry(buf, e, 'test'));
  return out;
}

/** A plain zip (deflate), optionally lying about an entry's uncompressed size. */
export function writeZip(entries: Map<string, Buffer>, declaredSize: (name: string, real: number) => number = (_, n) => n): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBuf = Buffer.from(name, 'utf8');
    const comp = zlib.deflateRawSync(data);
    const crc = zlib.crc32(data);
    const size = declaredSize(name, data.length);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(comp.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(comp.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, comp);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.size, 8);
  end.writeUInt16LE(entries.size, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const xmlEscape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Replace (or add) one cell of a sheet's XML with an inline string, keeping its style. */
export function setCellXml(sheetXml: string, address: string, text: string): string {
  const row = Number(/\d+$/.exec(address)![0]);
  const cellRe = new RegExp(`<c r="${address}"([^>]*?)(?:/>|>[\\s\\S]*?</c>)`);
  const inline = (attrs: string) =>
    `<c r="${address}"${attrs.replace(/\s*t="[^"]*"/, '')} t="inlineStr"><is><t xml:space="preserve">${xmlEscape(text)}</t></is></c>`;
  if (cellRe.test(sheetXml)) return sheetXml.replace(cellRe, (_m, attrs: string) => inline(attrs));
  return sheetXml.replace(new RegExp(`(<row r="${row}"[^>]*>)`), `$1${inline('')}`);
}

/** Edit cells of the first worksheet of a workbook without exceljs. */
export function editCells(xlsx: Buffer, edits: Record<string, string>, sheetPart = 'xl/worksheets/sheet1.xml'): Buffer {
  const parts = readZip(xlsx);
  let xml = parts.get(sheetPart)!.toString('utf8');
  for (const [addr, text] of Object.entries(edits)) xml = setCellXml(xml, addr, text);
  parts.set(sheetPart, Buffer.from(xml, 'utf8'));
  return writeZip(parts);
}

/** Add a raw XML fragment to a sheet, right after </sheetData> (merges, validations). */
export function injectAfterSheetData(xlsx: Buffer, fragment: string, sheetPart = 'xl/worksheets/sheet1.xml'): Buffer {
  const parts = readZip(xlsx);
  parts.set(sheetPart, Buffer.from(parts.get(sheetPart)!.toString('utf8').replace('</sheetData>', `</sheetData>${fragment}`), 'utf8'));
  return writeZip(parts);
}
