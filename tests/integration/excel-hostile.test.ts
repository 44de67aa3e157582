// A corpus of broken and hostile files, generated here. Each must fail (or be read safely) with a
// Japanese message naming the file, and leave the plan exactly as it was.
import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedStringWorkbook } from '../../src/main/bench/hostile-files';
import { stageWorkbook } from '../../src/main/excel/import-workbook';
import { api, exportFor, planSnapshot, stage } from './excel-helpers';
import { seededService } from './helpers';
import { injectAfterSheetData, readZip, writeZip } from './xlsx-tools';

const svc = seededService();
const before = planSnapshot(svc);
const batchesBefore = () => (svc.db.prepare('SELECT COUNT(*) AS n FROM import_batches').get() as { n: number }).n;

afterAll(() => {
  expect(planSnapshot(svc)).toBe(before);
});

async function refused(name: string, bytes: Buffer, expected: RegExp, ministry?: '厚') {
  const n = batchesBefore();
  const out = await stage(svc, name, bytes, ministry);
  expect(out.batch).toBeNull();
  expect(out.error).toMatch(new RegExp(`^${name.replace(/[.()]/g, '\\$&')}: `));
  expect(out.error).toMatch(expected);
  expect(batchesBefore()).toBe(n);
  expect(planSnapshot(svc)).toBe(before);
}

describe('broken and hostile workbooks', () => {
  it('empty file', () => refused('空.xlsx', Buffer.alloc(0), /ファイルが空です/));

  it('CSV renamed .xlsx', () => refused('回答.csv.xlsx', Buffer.from('管理番号,令和7年度の取組\n1-1-1,・取組\n'), /テキストや CSV/));

  it('old .xls or encrypted workbook (OLE header)', () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]);
    return refused('古い形式.xlsx', ole, /古い Excel 形式\(\.xls\)か、パスワードで保護\(暗号化\)されたブック/);
  });

  it('truncated zip', async () => {
    const good = await exportFor(svc, '厚');
    await refused('途中まで.xlsx', good.subarray(0, Math.floor(good.length / 2)), /途中で切れて/);
  });

  it('zip bomb: a huge, highly compressed entry', async () => {
    const parts = readZip(await exportFor(svc, '厚'));
    parts.set('xl/media/bomb.bin', Buffer.alloc(64 * 2 ** 20));
    await refused('爆弾.xlsx', writeZip(parts), /圧縮率が異常です.*ZIP 爆弾/);
  });

  it('zip bomb that lies about its sizes', async () => {
    const parts = readZip(await exportFor(svc, '厚'));
    parts.set('xl/media/liar.bin', Buffer.alloc(8 * 2 ** 20));
    await refused(
      '偽装.xlsx',
      writeZip(parts, (name, n) => (name === 'xl/media/liar.bin' ? 1000 : n)),
      /申告より大きく展開されます/,
    );
  });

  it('too many entries', async () => {
    const parts = readZip(await exportFor(svc, '厚'));
    for (let i = 0; i < 2100; i++) parts.set(`xl/junk/${i}.xml`, Buffer.from('x'));
    await refused('部品だらけ.xlsx', writeZip(parts), /部品が多すぎます/);
  });

  it('a workbook without the expected columns', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRows([
      ['氏名', '所属'],
      ['山田', '厚労省'],
    ]);
    await refused('別の表.xlsx', Buffer.from(await wb.xlsx.writeBuffer()), /回答欄が見つかりません/);
  });

  it("another ministry's file", async () => {
    await refused(
      '文の回答.xlsx',
      await exportFor(svc, '文'),
      /文部科学省\(文\)向けに出力した回答票です。厚生労働省\(厚\)の回答として/,
      '厚',
    );
  });

  it('a million-row merge and a whole-sheet validation are skipped, in seconds, with a warning', async () => {
    const hostile = injectAfterSheetData(
      await exportFor(svc, '厚'),
      '<mergeCells count="1"><mergeCell ref="A2:Z1000000"/></mergeCells><dataValidations count="1"><dataValidation type="list" sqref="A1:Z1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>',
    );
    expect(hostile.length).toBeLessThan(200_000);
    const t = Date.now();
    const out = await stage(svc, '結合.xlsx', hostile);
    expect(Date.now() - t).toBeLessThan(10_000);
    const batch = await api(svc, 'imports.get', { batch: out.batch! });
    expect(batch.counts).toEqual({});
    const w = batch.report.warnings.join('\n');
    expect(w).toContain('結合.xlsx: 異常に大きな結合セル(A2:Z1000000');
    expect(w).toContain('結合.xlsx: 広い範囲の入力規則(A1:Z1048576');
    await api(svc, 'imports.discard', { batch: batch.id });
    expect(planSnapshot(svc)).toBe(before);
  });

  it('a file that needs more memory than the worker may use, or more time, ends only the worker, with a clear message', async () => {
    // 30 MB of distinct Japanese shared strings: under every cap, so the checks pass and the reader
    // holds them all (10 million characters, 20 MB as the reader's strings).
    const text = () => String.fromCharCode(...Array.from(randomBytes(1000), (b, k) => 0x4e00 + b * 7 + k));
    const big = sharedStringWorkbook([{ name: '回答', rows: Array.from({ length: 10_000 }, () => ['', text()]) }]);
    const n = batchesBefore();
    const t = Date.now();
    await expect(stageWorkbook(svc.db, '大きい.xlsx', big, { limits: { timeoutMs: 20_000, memoryMb: 16 } })).rejects.toThrow(
      /^大きい\.xlsx: 読み込みに必要なメモリが上限\(16 MB\)を超えたため中止しました/,
    );
    expect(Date.now() - t).toBeLessThan(20_000);
    await expect(stageWorkbook(svc.db, '遅い.xlsx', big, { limits: { timeoutMs: 50, memoryMb: 512 } })).rejects.toThrow(
      /^遅い\.xlsx: 読み込みが 0\.05 秒で終わらない/,
    );
    expect(batchesBefore()).toBe(n);
    expect(planSnapshot(svc)).toBe(before);
    // The process carries on: a real returned file is read as usual, even under that same small cap.
    const ok = await stageWorkbook(svc.db, '厚.xlsx', await exportFor(svc, '厚'), { limits: { timeoutMs: 20_000, memoryMb: 16 } });
    await api(svc, 'imports.discard', { batch: ok.batch });
  });

  it('garbage inside a valid zip', async () => {
    const parts = readZip(await exportFor(svc, '厚'));
    parts.set('xl/worksheets/sheet1.xml', zlib.gzipSync(Buffer.from('not xml')));
    const out = await stage(svc, '中身が壊れた.xlsx', writeZip(parts));
    expect(out.batch).toBeNull();
    expect(out.error).toMatch(
      /^中身が壊れた\.xlsx: Excel ファイルとして読み込めません\(xl\/worksheets\/sheet1\.xml の XML が壊れています: /,
    );
  });
});
