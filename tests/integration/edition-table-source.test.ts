// The consolidated table workbook (協議会資料) Council Desk exports, as an edition source: exported from
// the seed, edited for next year with exceljs the way a secretariat would (title and year's column
// header to the next year, one bullet edited, an item added, one deleted, two items' numbers swapped),
// then `edition import` — exact classification and keys, as for a text source. The unmodified export
// and its LibreOffice re-save read back as the current edition unchanged; an inquiry workbook or any
// other workbook is refused with a clear message and nothing written.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../src/main/api/service';
import { readTableSource } from '../../src/main/editions/table-source';
import { readWorkbookCells } from '../../src/main/excel/read-cells';
import { storedZip } from '../../src/main/excel/zip-check';
import { getItem, listItems, listSections } from '../../src/main/store/plan-store';
import { actionsColumnHeader, followUpTitleTail } from '../../src/shared/editions/fiscal-year';
import { cli } from './cli-helpers';
import { api, apiError } from './excel-helpers';
import { count, seededService, tempDbPath, tempDir } from './helpers';

/** A workbook whose one sheet inflates 1000-fold: refused by the zip checks before any XML is read. */
function zipBomb(): Buffer {
  const sheet = Buffer.alloc(64 * 2 ** 20, 0x20);
  return storedZip(
    [
      ['xl/workbook.xml', Buffer.from('<workbook/>')],
      ['xl/worksheets/sheet1.xml', sheet],
    ],
    true,
  );
}

const soffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();

/** Everything a person sees of the plan, to prove a refused or staged call changed nothing. */
function planState(svc: Service): string {
  return JSON.stringify({
    items: listItems(svc.db).map((it) => getItem(svc.db, it.key)),
    sections: listSections(svc.db),
    editions: svc.db.prepare('SELECT * FROM editions').all(),
    revisions: count(svc, 'SELECT COUNT(*) AS n FROM revisions'),
  });
}

async function exportTable(svc: Service): Promise<string> {
  const file = path.join(tempDir(), '協議会資料.xlsx');
  await api(svc, 'excel.exportTable', { outFile: file });
  return file;
}

/** The row of an item in the table sheet, found by its printed label and title (exactly one). */
function rowOf(ws: ExcelJS.Worksheet, svc: Service, key: string): number {
  const it = getItem(svc.db, key);
  const found: number[] = [];
  ws.eachRow((row, n) => {
    if (String(row.getCell(1).value ?? '').startsWith(`${it.label}${it.title}【`)) found.push(n);
  });
  expect(found, key).toHaveLength(1);
  return found[0]!;
}

const text = (cell: ExcelJS.Cell) => String(cell.value ?? '');

/** Next year's table prepared in Excel from this year's export. */
async function editForNextYear(svc: Service, exported: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(exported);
  const ws = wb.getWorksheet('協議会資料')!;
  // Excel moves merged headings with their rows; exceljs's spliceRows does not, so the headings are
  // unmerged first (the reader looks at cell texts only).
  for (const range of [...ws.model.merges]) ws.unMergeCells(range);
  // The title (the export prints it as the page header) and the year's column header.
  expect(ws.headerFooter.oddHeader).toContain(followUpTitleTail(7));
  ws.headerFooter.oddHeader = ws.headerFooter.oddHeader!.replace(followUpTitleTail(7), followUpTitleTail(8));
  expect(text(ws.getCell('B1'))).toBe(actionsColumnHeader(7));
  ws.getCell('B1').value = actionsColumnHeader(8);
  // One bullet edited: the first bullet of 1-1-3's actions.
  const edited = ws.getCell(rowOf(ws, svc, '1-1-3'), 2);
  expect(text(edited).startsWith('・')).toBe(true);
  edited.value = text(edited).replace(/^・/, '・新たに');
  // ① and ② of 3-2 swap numbers.
  const first = ws.getCell(rowOf(ws, svc, '3-2-1'), 1);
  const second = ws.getCell(rowOf(ws, svc, '3-2-2'), 1);
  first.value = text(first).replace(/^①/, '②');
  second.value = text(second).replace(/^②/, '①');
  // A new ⑯ after ⑮ of 1-1, and 3-3-2 deleted (the later row first, so the earlier stays put).
  const dropRow = rowOf(ws, svc, '3-3-2');
  const addAfter = rowOf(ws, svc, '1-1-15');
  expect(dropRow).toBeGreaterThan(addAfter);
  ws.spliceRows(dropRow, 1);
  ws.spliceRows(addAfter + 1, 0, [
    '⑯災害時の医療データ連携基盤の構築【◎厚・経】',
    '・災害時に診療情報を共有する仕組みの実証を開始した。',
    '・令和9年度までに全国での運用を目指す。',
  ]);
  const file = path.join(tempDir(), '協議会資料_令和8年度案.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

describe('edition import of the consolidated table workbook', () => {
  it('next year prepared in Excel: exact classification and keys; nothing written until applied', async () => {
    const svc = seededService();
    const r7 = Object.fromEntries(listItems(svc.db).map((it) => [it.key, getItem(svc.db, it.key)]));
    const file = await editForNextYear(svc, await exportTable(svc));
    const before = planState(svc);
    const [b] = await api(svc, 'editions.stage', { files: [file] });
    expect(b).toMatchObject({ fiscalYear: 8, baseYear: 7, kind: 'new', status: 'staged', warnings: [] });
    expect(b!.title).toContain(followUpTitleTail(8));
    expect(Object.fromEntries(b!.matched.filter((m) => m.change !== 'same').map((m) => [m.key, m.change]))).toEqual({
      '1-1-3': 'edited',
      '3-2-1': 'renumbered',
      '3-2-2': 'renumbered',
    });
    expect(b!.matched).toHaveLength(55);
    expect(b!.matched.find((m) => m.key === '1-1-3')).toMatchObject({ fields: ['actions'] });
    expect(b!.matched.find((m) => m.key === '1-1-3')!.changes[0]!.after).toContain('・新たに');
    expect(b!.matched.find((m) => m.key === '3-2-1')).toMatchObject({ fromLabel: '①', toLabel: '②', fields: [] });
    expect(b!.matched.find((m) => m.key === '3-2-2')).toMatchObject({ fromLabel: '②', toLabel: '①', fields: [] });
    // The new ⑯ takes neither key of the seed's second ⑩ ⑪ (1-1-16, 1-1-17).
    expect(b!.added.map((a) => [a.key, a.label, a.section, a.title])).toEqual([['1-1-18', '⑯', '1-1', '災害時の医療データ連携基盤の構築']]);
    expect(b!.dropped.map((d) => d.key)).toEqual(['3-3-2']);
    expect([b!.ambiguous, b!.splits, b!.merges]).toEqual([[], [], []]);
    expect(planState(svc)).toBe(before);

    const result = await api(svc, 'editions.apply', { batch: b!.id, author: '事務局' });
    expect(result).toMatchObject({ fiscalYear: 8, kind: 'new', dropped: ['3-3-2'] });
    expect((await api(svc, 'editions.list', {})).map((e) => [e.fiscalYear, e.status, e.items])).toEqual([
      [7, 'archived', 56],
      [8, 'current', 56],
    ]);
    expect(getItem(svc.db, '3-2-1')).toMatchObject({ title: r7['3-2-1']!.title, label: '②' });
    expect(getItem(svc.db, '1-1-18')).toMatchObject({ label: '⑯', ministries: ['厚', '経'], lead: ['厚'] });
    expect(getItem(svc.db, '1-1-3').actions[0]!.text).toBe(`新たに${r7['1-1-3']!.actions[0]!.text}`);
    // The table prints no section intros (the policy text above a 中項目's table): they are kept.
    expect(JSON.parse(before).sections).toEqual(listSections(svc.db));
    svc.close();
  });
});

describe('the current edition read back from its own table', () => {
  let svc: Service;
  let exported: string;
  beforeAll(async () => {
    svc = seededService();
    exported = await exportTable(svc);
  });

  it('every item reads back with its exact bullets, wrapped ones included', () => {
    const wb = readWorkbookCells(fs.readFileSync(exported), 'table.xlsx');
    // Bullets the export wrapped onto continuation lines (full-width spaces, no 「・」).
    const cells = wb.sheets[0]!.rows.flatMap((r) => r.cells.slice(1, 3));
    expect(cells.filter((c) => /\n\u3000+[^・\u3000]/u.test(c)).length).toBeGreaterThan(20);
    const plan = readTableSource(wb, 'table.xlsx');
    expect(plan.fiscalYear).toBe(7);
    const held = listItems(svc.db).map((it) => getItem(svc.db, it.key));
    const strip = (bs: { text: string; level: number }[]) => bs.map(({ text, level }) => ({ text, level }));
    expect(
      plan.items.map((it) => [it.label, it.title, it.ministries, it.lead, it.relistedFrom, strip(it.actions), strip(it.future)]),
    ).toEqual(held.map((it) => [it.label, it.title, it.ministries, it.lead, it.relistedFrom, strip(it.actions), strip(it.future)]));
  });

  it('the unmodified export is a revision of the current edition with zero changes', async () => {
    const before = planState(svc);
    const [b] = await api(svc, 'editions.stage', {
      uploads: [{ name: 'table.xlsx', dataBase64: fs.readFileSync(exported).toString('base64') }],
    });
    expect(b).toMatchObject({
      fiscalYear: 7,
      kind: 'revision',
      counts: { matched: 56, changed: 0, added: 0, dropped: 0, ambiguous: 0 },
      warnings: [],
    });
    expect(planState(svc)).toBe(before);
  });

  it('the year is read from the title (the page header) first; a column header left at last year is reported', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(exported);
    const ws = wb.getWorksheet('協議会資料')!;
    ws.headerFooter.oddHeader = ws.headerFooter.oddHeader!.replace(followUpTitleTail(7), followUpTitleTail(8));
    const file = path.join(tempDir(), 'title-only.xlsx');
    await wb.xlsx.writeFile(file);
    const [b] = await api(svc, 'editions.stage', { files: [file] });
    expect(b).toMatchObject({ fiscalYear: 8, kind: 'new' });
    expect(b!.warnings[0]).toBe(
      '表題は令和8年度ですが、取組の列見出しに令和7年度があります。(表題は、印刷時にページ上部に出るヘッダーの文から読みました。)',
    );
    await api(svc, 'editions.discard', { batch: b!.id });
  });

  it('a title typed in a row above the header is the title (the page header then does not count)', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(exported);
    const ws = wb.getWorksheet('協議会資料')!;
    for (const range of [...ws.model.merges]) ws.unMergeCells(range);
    const typed = `データ利活用・ライフコース協議会 ${followUpTitleTail(8)}`;
    ws.spliceRows(1, 0, [typed]);
    ws.getCell('B2').value = actionsColumnHeader(8);
    const file = path.join(tempDir(), 'title-row.xlsx');
    await wb.xlsx.writeFile(file);
    const [b] = await api(svc, 'editions.stage', { files: [file] });
    expect(b).toMatchObject({ fiscalYear: 8, kind: 'new', title: typed, warnings: [], counts: { matched: 56, changed: 0 } });
    await api(svc, 'editions.discard', { batch: b!.id });
  });

  it.skipIf(!soffice)(
    're-saved by LibreOffice, it still reads as the same edition',
    async () => {
      const out = tempDir();
      const res = spawnSync(
        soffice,
        [`-env:UserInstallation=file://${tempDir()}`, '--headless', '--convert-to', 'xlsx', '--outdir', out, exported],
        { encoding: 'utf8', timeout: 120_000 },
      );
      expect(res.status, res.stderr).toBe(0);
      const [b] = await api(svc, 'editions.stage', { files: [path.join(out, path.basename(exported))] });
      expect(b).toMatchObject({ fiscalYear: 7, kind: 'revision', counts: { matched: 56, changed: 0, added: 0, dropped: 0 } });
    },
    150_000,
  );

  it('an inquiry workbook or another workbook is refused with a clear message, and nothing is written', async () => {
    const inquiry = path.join(tempDir(), '照会.xlsx');
    await api(svc, 'excel.exportMinistry', { ministries: ['厚'], outFile: inquiry });
    const other = path.join(tempDir(), '名簿.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('名簿').addRow(['氏名', '所属']);
    await wb.xlsx.writeFile(other);
    const before = planState(svc);
    const batches = count(svc, 'SELECT COUNT(*) AS n FROM edition_batches');
    expect(await apiError(svc, 'editions.stage', { files: [inquiry] })).toMatch(
      /^照会\.xlsx: これは府省の回答様式\(照会様式\)です。府省からの回答は「取り込み」画面/,
    );
    expect(await apiError(svc, 'editions.stage', { files: [other] })).toMatch(
      /^名簿\.xlsx: 協議会デスクが出力した協議会資料\(Excel\)ではありません。/,
    );
    // The hostile-file guards of returned workbooks stand in front of the reader.
    const xls = {
      name: '古い.xls',
      dataBase64: Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]).toString('base64'),
    };
    expect(await apiError(svc, 'editions.stage', { uploads: [xls] })).toMatch(/^古い\.xls: 古い Excel 形式\(\.xls\)か、パスワードで保護/);
    const bomb = path.join(tempDir(), 'bomb.xlsx');
    fs.writeFileSync(bomb, zipBomb());
    expect(await apiError(svc, 'editions.stage', { files: [bomb] })).toMatch(
      /ZIP 爆弾などの不正なファイルの可能性があるため読み込みません/,
    );
    expect(planState(svc)).toBe(before);
    expect(count(svc, 'SELECT COUNT(*) AS n FROM edition_batches')).toBe(batches);
  });
});

describe('CLI: edition import of a workbook', () => {
  it('imports the table; refuses another workbook in English and Japanese, exit code 1', async () => {
    const db = tempDbPath();
    const svc = seededService();
    const exported = await exportTable(svc);
    svc.close();
    const staged = await cli(['--db', db, 'edition', 'import', exported, '--json']);
    expect(staged.code).toBe(0);
    expect(JSON.parse(staged.out)).toMatchObject({ fiscalYear: 7, kind: 'revision', added: [], dropped: [] });
    const other = path.join(tempDir(), 'other.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['a', 'b']);
    await wb.xlsx.writeFile(other);
    const refused = await cli(['--db', db, 'edition', 'import', other]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^error: other\.xlsx: this workbook is not a consolidated table exported by Council Desk/);
    expect(refused.err).toContain('協議会デスクが出力した協議会資料(Excel)ではありません');
  });
});
