// Next year's round from the app, on real SQLite files and real workbooks: `edition start 8` makes the
// draft 令和8 edition from 令和7; `export ministry CODE --edition 8` writes its inquiry workbook (令和8年度
// の取組 to fill in, last year's directions beside it, locked); the ministry's answer (filled in with
// exceljs) is imported and applied into the draft, never the live plan; `edition publish 8` makes the
// draft current, after which `followup 8` compares last year's promises with the answers. Every refusal
// leaves every table as it was.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openService, type Service } from '../../src/main/api/service';
import { listBackups } from '../../src/main/store/backups';
import { buildR8Edition } from '../fixtures/editions/build';
import { cli } from './cli-helpers';
import { api, apiError, planSnapshot } from './excel-helpers';
import { tempDbPath, tempDir } from './helpers';

/** Every row of every table: what "nothing was written" means. */
function everything(svc: Service): string {
  const tables = svc.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  return JSON.stringify(tables.map((t) => [t, svc.db.prepare(`SELECT * FROM "${t}"`).raw().all()]));
}

function withDb<T>(db: string, f: (svc: Service) => T): T {
  const svc = openService(db, { seed: false });
  try {
    return f(svc);
  } finally {
    svc.close();
  }
}

/** A seeded database file, closed (the CLI opens it per command). */
async function seededDb(): Promise<string> {
  const db = tempDbPath();
  expect((await cli(['--db', db, 'editions'])).code).toBe(0);
  return db;
}

async function ok(args: string[]): Promise<string> {
  const r = await cli(args);
  if (r.code !== 0) throw new Error(`${args.join(' ')} → ${r.code}: ${r.err}`);
  return r.out;
}

/** Column number (1-based) of a header in the answer sheet. */
function column(ws: ExcelJS.Worksheet, header: string): number {
  const row = ws.getRow(1);
  for (let c = 1; c <= row.cellCount; c++) if (String(row.getCell(c).value ?? '') === header) return c;
  throw new Error(`no column ${header}`);
}

async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** The _meta sheet's header rows as a map. */
function metaOf(wb: ExcelJS.Workbook): Map<string, string> {
  const out = new Map<string, string>();
  wb.getWorksheet('_meta')!.eachRow((r) => {
    const [a, b] = [r.getCell(1).value, r.getCell(2).value];
    if (typeof a === 'string' && a !== 'key' && b !== null && b !== undefined) out.set(a, String(b));
  });
  return out;
}

/** Fill in the answer cells of the row whose 管理番号 is `key`, as a ministry does in Excel. */
async function answer(file: string, key: string, cells: Record<string, string>, out: string): Promise<void> {
  const wb = await readBook(file);
  const ws = wb.getWorksheet('回答')!;
  let rowNo = 0;
  ws.eachRow((r, n) => {
    if (r.getCell(1).value === key) rowNo = n;
  });
  if (!rowNo) throw new Error(`${key} not in ${file}`);
  for (const [header, text] of Object.entries(cells)) ws.getRow(rowNo).getCell(column(ws, header)).value = text;
  await wb.xlsx.writeFile(out);
}

const ACTIONS_R8 = '・令和8年度は、ゲノム医療の提供体制を整備した。';

describe('edition start', () => {
  it('creates the draft 令和8 edition from 令和7: titles, placement and ministries kept, actions empty, directions copied; the live plan unchanged', async () => {
    const db = await seededDb();
    const before = withDb(db, planSnapshot);
    const started = JSON.parse(await ok(['--db', db, 'edition', 'start', '8', '--json'])) as { fiscalYear: number; items: number };
    expect(started).toMatchObject({ fiscalYear: 8, items: 56 });
    const editions = JSON.parse(await ok(['--db', db, 'editions', '--json'])) as { fiscalYear: number; status: string; items: number }[];
    expect(editions.map((e) => [e.fiscalYear, e.status, e.items])).toEqual([
      [7, 'current', 56],
      [8, 'draft', 56],
    ]);
    withDb(db, (svc) => {
      expect(planSnapshot(svc)).toBe(before);
      const live = svc.db.prepare('SELECT key, label, section_id, title, ministries, lead FROM items ORDER BY position').all();
      const draft = svc.db
        .prepare('SELECT key, label, section_id, title, ministries, lead FROM edition_items WHERE fiscal_year = 8 ORDER BY position')
        .all();
      expect(draft).toEqual(live);
    });
    const r7 = JSON.parse(await ok(['--db', db, 'show', '1-1-1', '--json'])) as { actions: string[]; future: string[] };
    const r8 = JSON.parse(await ok(['--db', db, 'show', '1-1-1', '--edition', '8', '--json'])) as typeof r7;
    expect(r7.actions.length).toBeGreaterThan(0);
    expect(r8.actions).toEqual([]);
    expect(r8.future).toEqual(r7.future);
    expect(r8.future.length).toBeGreaterThan(0);
    expect(await ok(['--db', db, 'items', '--edition', '8'])).toMatch(/56 件$/);
  });

  it('refuses while the 令和8 table is staged as an edition import, writing nothing', async () => {
    const db = await seededDb();
    const r8 = path.join(tempDir(), 'r8.txt');
    fs.writeFileSync(r8, buildR8Edition());
    await ok(['--db', db, 'edition', 'import', r8]);
    const before = withDb(db, everything);
    const r = await cli(['--db', db, 'edition', 'start', '8']);
    expect(r).toMatchObject({ code: 1, err: expect.stringContaining('令和8年度版の資料の取り込み(#1 r8.txt)が確認待ちです') });
    expect(withDb(db, everything)).toBe(before);
  });

  it('refuses another year than the current + 1, and a second draft, writing nothing', async () => {
    const db = await seededDb();
    for (const year of ['9', '7', '6']) {
      const before = withDb(db, everything);
      const r = await cli(['--db', db, 'edition', 'start', year]);
      expect(r.code).toBe(1);
      expect(r.err).toContain(`現在の版(令和7年度版)の次の年度(令和8年度)についてだけ始められます`);
      expect(withDb(db, everything)).toBe(before);
    }
    await ok(['--db', db, 'edition', 'start', '8']);
    const before = withDb(db, everything);
    const again = await cli(['--db', db, 'edition', 'start', '8']);
    expect(again).toMatchObject({ code: 1, err: expect.stringContaining('令和8年度版の作成中の版がすでにあります') });
    expect(withDb(db, everything)).toBe(before);
    // Nor can the 令和8 table be loaded as an edition while 令和8 is a draft.
    const r8 = path.join(tempDir(), 'r8.txt');
    fs.writeFileSync(r8, buildR8Edition());
    const loaded = await cli(['--db', db, 'edition', 'import', r8]);
    expect(loaded).toMatchObject({ code: 1, err: expect.stringContaining('r8.txt: 令和8年度版は作成中の版として照会中です') });
    expect(withDb(db, everything)).toBe(before);
  });
});

describe("the draft's inquiry workbook", () => {
  it("asks for 令和8年度の取組 with last year's directions beside, locked and greyed; _meta names the draft", async () => {
    const db = await seededDb();
    await ok(['--db', db, 'edition', 'start', '8']);
    const file = path.join(tempDir(), 'draft-厚.xlsx');
    await ok(['--db', db, 'export', 'ministry', '厚', '--edition', '8', '--out', file]);
    const wb = await readBook(file);
    const ws = wb.getWorksheet('回答')!;
    const headers = (ws.getRow(1).values as unknown[]).filter(Boolean);
    expect(headers).toEqual([
      '管理番号',
      '区分',
      '小項目',
      '担当府省',
      '前年度に示した今後の方向性',
      '令和8年度の取組',
      '今後の方向性・課題など',
      '府省からの補足',
    ]);
    const ref = column(ws, '前年度に示した今後の方向性');
    const r7future = withDb(db, (svc) => svc.db.prepare("SELECT COUNT(*) FROM bullets WHERE field = 'future'").pluck().get() as number);
    expect(r7future).toBeGreaterThan(0);
    let rows = 0;
    ws.eachRow((r, n) => {
      if (n === 1 || !r.getCell(1).value) return;
      rows += 1;
      const cell = r.getCell(ref);
      // Locked (no protection set means locked in Excel), greyed, and the same text as the directions beside at start.
      expect(cell.protection?.locked).not.toBe(false);
      expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFEDEDED');
      expect(r.getCell(column(ws, '令和8年度の取組')).protection?.locked).toBe(false);
      expect(r.getCell(column(ws, '令和8年度の取組')).value).toBe('');
      expect(String(cell.value)).toBe(String(r.getCell(column(ws, '今後の方向性・課題など')).value));
    });
    expect(rows).toBeGreaterThan(5);
    expect((ws as unknown as { sheetProtection: { sheet: boolean; password?: string } }).sheetProtection).toMatchObject({ sheet: true });
    expect((ws as unknown as { sheetProtection: { password?: string } }).sheetProtection.password).toBeUndefined();
    const meta = metaOf(wb);
    expect(meta.get('draftYear')).toBe('8');
    // An archived or unknown edition has no inquiry.
    const bad = await cli(['--db', db, 'export', 'ministry', '厚', '--edition', '6', '--out', path.join(tempDir(), 'x.xlsx')]);
    expect(bad).toMatchObject({ code: 1, err: expect.stringContaining('令和6年度版はこのデータベースにありません') });
  });
});

describe('returned workbooks of the draft', () => {
  it('merge into the draft with the three-way merge, not the live plan; publish makes the draft current; followup 8 reads the answers', async () => {
    const db = await seededDb();
    await ok(['--db', db, 'edition', 'start', '8']);
    const dir = tempDir();
    const sent = path.join(dir, 'sent.xlsx');
    await ok(['--db', db, 'export', 'ministry', '厚', '--edition', '8', '--out', sent]);
    const wb = await readBook(sent);
    const key = String(wb.getWorksheet('回答')!.getRow(2).getCell(1).value);
    const returned = path.join(dir, 'returned.xlsx');
    await answer(sent, key, { 令和8年度の取組: ACTIONS_R8 }, returned);
    // A second workbook of the same draft, sent before the publish and returned after it.
    const late = path.join(dir, 'late.xlsx');
    await ok(['--db', db, 'export', 'ministry', '文', '--edition', '8', '--out', late]);

    const livePlan = withDb(db, planSnapshot);
    const staged = JSON.parse(await ok(['--db', db, 'import', returned, '--json'])) as {
      batch: number;
      changes: { key: string; field: string; kind: string; base: string; theirs: string }[];
    };
    // Three-way: the base is the draft's empty cell as sent, the ministry's answer is theirs.
    expect(staged.changes).toEqual([{ key, field: 'actions', kind: 'theirs', base: '', ours: '', theirs: ACTIONS_R8 }]);
    const batches = JSON.parse(await ok(['--db', db, 'batches', '--json'])) as { id: number; draftYear: number | null }[];
    expect(batches.find((b) => b.id === staged.batch)!.draftYear).toBe(8);
    await ok(['--db', db, 'apply', String(staged.batch)]);
    withDb(db, (svc) => expect(planSnapshot(svc)).toBe(livePlan));
    const r8 = JSON.parse(await ok(['--db', db, 'show', key, '--edition', '8', '--json'])) as { actions: string[] };
    expect(r8.actions).toEqual([ACTIONS_R8.slice(1)]);
    // The batch records what was applied.
    withDb(db, (svc) => {
      const applied = svc.db
        .prepare('SELECT item_key, field, theirs FROM import_changes WHERE batch_id = ? AND applied_at IS NOT NULL')
        .all(staged.batch);
      expect(applied).toEqual([{ item_key: key, field: 'actions', theirs: ACTIONS_R8 }]);
    });

    // A workbook of the current edition still merges into the live plan.
    const current = path.join(dir, 'current.xlsx');
    await ok(['--db', db, 'export', 'ministry', '厚', '--out', current]);
    const currentWb = await readBook(current);
    expect(metaOf(currentWb).has('draftYear')).toBe(false);
    const currentKey = String(currentWb.getWorksheet('回答')!.getRow(2).getCell(1).value);
    const liveBefore = JSON.parse(await ok(['--db', db, 'show', currentKey, '--json'])) as { future: string[] };
    const currentAnswer = path.join(dir, 'current-answer.xlsx');
    const futureCol = '今後の方向性・課題など';
    const extra = '・令和8年度に検証結果を取りまとめる。';
    const liveFutureCell = String(
      currentWb
        .getWorksheet('回答')!
        .getRow(2)
        .getCell(column(currentWb.getWorksheet('回答')!, futureCol)).value,
    );
    await answer(current, currentKey, { [futureCol]: `${liveFutureCell}\n${extra}` }, currentAnswer);
    const currentBatch = JSON.parse(await ok(['--db', db, 'import', currentAnswer, '--json'])) as { batch: number };
    await ok(['--db', db, 'apply', String(currentBatch.batch)]);
    const liveAfter = JSON.parse(await ok(['--db', db, 'show', currentKey, '--json'])) as { future: string[] };
    expect(liveAfter.future.length).toBe(liveBefore.future.length + 1);
    const draftStill = JSON.parse(await ok(['--db', db, 'show', currentKey, '--edition', '8', '--json'])) as { future: string[] };
    expect(draftStill.future).toEqual(liveBefore.future);

    // Publish: 令和7 archived as it was, the draft's content live under the same keys.
    const r7item = JSON.parse(await ok(['--db', db, 'show', key, '--json'])) as { actions: string[]; future: string[] };
    const published = JSON.parse(await ok(['--db', db, 'edition', 'publish', '8', '--json'])) as {
      fiscalYear: number;
      previousYear: number;
      revisions: number;
      backup: string;
    };
    expect(published).toMatchObject({ fiscalYear: 8, previousYear: 7 });
    expect(published.revisions).toBeGreaterThan(0);
    const editions = JSON.parse(await ok(['--db', db, 'editions', '--json'])) as { fiscalYear: number; status: string; items: number }[];
    expect(editions.map((e) => [e.fiscalYear, e.status, e.items])).toEqual([
      [7, 'archived', 56],
      [8, 'current', 56],
    ]);
    const live = JSON.parse(await ok(['--db', db, 'show', key, '--json'])) as typeof r7item;
    expect(live.actions).toEqual([ACTIONS_R8.slice(1)]);
    const archived = JSON.parse(await ok(['--db', db, 'show', key, '--edition', '7', '--json'])) as typeof r7item;
    expect(archived.actions).toEqual(r7item.actions);
    expect(archived.actions.length).toBeGreaterThan(0);
    // The live edit made to 令和7 after the draft started stays with 令和7; 令和8 is the draft's text.
    const archivedCurrent = JSON.parse(await ok(['--db', db, 'show', currentKey, '--edition', '7', '--json'])) as typeof r7item;
    expect(archivedCurrent.future.length).toBe(liveBefore.future.length + 1);
    withDb(db, (svc) => {
      const sources = svc.db.prepare("SELECT DISTINCT source FROM revisions WHERE source LIKE 'edition:%'").pluck().all();
      expect(sources).toEqual(['edition:publish#8']);
      expect(svc.db.prepare('SELECT COUNT(*) FROM edition_items WHERE fiscal_year = 8').pluck().get()).toBe(0);
    });
    // The search index has the published text.
    const hits = JSON.parse(await ok(['--db', db, 'search', 'ゲノム医療の提供体制を整備した', '--json'])) as { key: string }[];
    expect(hits.map((h) => h.key)).toContain(key);
    // followup 8, as after edition import/apply: the item with an answer has its promises; items without none reported.
    const follow = JSON.parse(await ok(['--db', db, 'followup', '8', '--json'])) as {
      key: string;
      promises: { status: string; actions: { text: string }[] }[];
    }[];
    expect(follow.length).toBe(56);
    expect(follow.find((f) => f.key === key)!.promises.length).toBeGreaterThan(0);
    const empty = follow.filter((f) => f.key !== key);
    expect(empty.every((f) => f.promises.every((p) => p.actions.length === 0))).toBe(true);

    // The draft's workbook returned after the publish is refused; nothing written.
    const lateAnswer = path.join(dir, 'late-answer.xlsx');
    const lateWb = await readBook(late);
    const lateKey = String(lateWb.getWorksheet('回答')!.getRow(2).getCell(1).value);
    await answer(late, lateKey, { 令和8年度の取組: '・遅れて届いた回答。' }, lateAnswer);
    const before = withDb(db, everything);
    const refused = await cli(['--db', db, 'import', lateAnswer]);
    expect(refused.code).not.toBe(0);
    expect(refused.err + refused.out).toContain(
      '令和8年度版はすでに公開され、現在の版になっています。late-answer.xlsx(令和8年度版の照会の回答票)を取り込むことはできません。',
    );
    expect(withDb(db, everything)).toBe(before);
  });

  it('publish is refused while an answer to the draft waits for review (its answers would be lost), writing nothing', async () => {
    const db = await seededDb();
    await ok(['--db', db, 'edition', 'start', '8']);
    const dir = tempDir();
    const sent = path.join(dir, 'sent.xlsx');
    await ok(['--db', db, 'export', 'ministry', '厚', '--edition', '8', '--out', sent]);
    const key = String((await readBook(sent)).getWorksheet('回答')!.getRow(2).getCell(1).value);
    const returned = path.join(dir, 'returned.xlsx');
    await answer(sent, key, { 令和8年度の取組: ACTIONS_R8 }, returned);
    const staged = JSON.parse(await ok(['--db', db, 'import', returned, '--json'])) as { batch: number };
    const before = withDb(db, everything);
    const refused = await cli(['--db', db, 'edition', 'publish', '8']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(
      `令和8年度版に取り込む照会票が確認待ちです(#${staged.batch} returned.xlsx)。「取り込み」で反映するか破棄してから公開してください。データベースは変更していません。`,
    );
    expect(withDb(db, everything)).toBe(before);
    withDb(db, (svc) => expect(listBackups(svc.db).backups.filter((b) => b.name.includes('publish'))).toEqual([]));
    // Applied, the answer is in the draft and publishing goes ahead with it.
    await ok(['--db', db, 'apply', String(staged.batch), '--accept', 'all']);
    await ok(['--db', db, 'edition', 'publish', '8']);
    const shown = JSON.parse(await ok(['--db', db, 'show', key, '--json'])) as { actions: string[] };
    expect(shown.actions).toEqual([ACTIONS_R8.slice(1)]);
  });
});

describe('edition discard-draft', () => {
  it('drops the draft, the live plan untouched; its workbook returned later is refused; a new round can start', async () => {
    const db = await seededDb();
    const before = withDb(db, everything);
    await ok(['--db', db, 'edition', 'start', '8']);
    const dir = tempDir();
    const sent = path.join(dir, 'sent.xlsx');
    await ok(['--db', db, 'export', 'ministry', '厚', '--edition', '8', '--out', sent]);
    const key = String((await readBook(sent)).getWorksheet('回答')!.getRow(2).getCell(1).value);
    const returned = path.join(dir, 'returned.xlsx');
    await answer(sent, key, { 令和8年度の取組: ACTIONS_R8 }, returned);
    // An answer staged for the draft goes with it: it could never be applied.
    const staged = JSON.parse(await ok(['--db', db, 'import', returned, '--json'])) as { batch: number };
    await ok(['--db', db, 'edition', 'discard-draft', '8']);
    const batches = JSON.parse(await ok(['--db', db, 'batches', '--json'])) as { id: number; status: string }[];
    expect(batches.find((b) => b.id === staged.batch)?.status).toBe('discarded');
    const editions = JSON.parse(await ok(['--db', db, 'editions', '--json'])) as { fiscalYear: number }[];
    expect(editions.map((e) => e.fiscalYear)).toEqual([7]);
    const dropped = withDb(db, everything);
    const refused = await cli(['--db', db, 'import', returned]);
    expect(refused.code).not.toBe(0);
    expect(refused.err + refused.out).toContain(
      '令和8年度版の作成中の版はありません(破棄されたか、まだ始めていません)。returned.xlsx(令和8年度版の照会の回答票)を取り込むことはできません。',
    );
    expect(withDb(db, everything)).toBe(dropped);
    // Only the records of the abandoned round's export and its discarded answer remain; everything else
    // is as before the start.
    withDb(db, (svc) => {
      for (const table of ['exports', 'import_changes', 'import_batches']) svc.db.prepare(`DELETE FROM ${table}`).run();
      expect(everything(svc)).toBe(before);
    });
    await ok(['--db', db, 'edition', 'start', '8']);
  });
});

describe('edition publish', () => {
  it('refuses a year that is not a draft, writing nothing', async () => {
    const db = await seededDb();
    const svc = openService(db, { seed: false });
    try {
      const before = everything(svc);
      expect(await apiError(svc, 'editions.publish', { fiscalYear: 8, author: '事務局' })).toBe(
        '令和8年度版の作成中の版はありません(破棄されたか、まだ始めていません)。公開することはできません。データベースは変更していません。',
      );
      expect(await apiError(svc, 'editions.publish', { fiscalYear: 7, author: '事務局' })).toContain('令和7年度版はすでに公開され');
      expect(everything(svc)).toBe(before);
      expect(listBackups(svc.db).backups.filter((b) => b.name.includes('publish'))).toEqual([]);
      // Started, then published twice: the second is refused.
      await api(svc, 'editions.start', { fiscalYear: 8 });
      await api(svc, 'editions.publish', { fiscalYear: 8, author: '事務局' });
      const after = everything(svc);
      expect(await apiError(svc, 'editions.publish', { fiscalYear: 8, author: '事務局' })).toContain('令和8年度版はすでに公開され');
      expect(everything(svc)).toBe(after);
    } finally {
      svc.close();
    }
  });
});
