// Editions through the API and the CLI, on real SQLite files: the 令和8 table built from the seed the
// way a real revision looks (tests/fixtures/editions/build.ts) is staged against 令和7, reviewed,
// applied; the two editions are compared; last year's promises are followed up; nothing is ever
// written before apply, and nothing at all when apply is refused.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Service } from '../../src/main/api/service';
import { listBackups } from '../../src/main/store/backups';
import { getItem, listItems, writeField } from '../../src/main/store/plan-store';
import type { ArgsOf, MethodName, ResultOf } from '../../src/shared/api';
import { buildR8Edition, buildTypoFixEdition, SEED_TEXT } from '../fixtures/editions/build';
import { cli } from './cli-helpers';
import { count, seededService, tempDir, tempDbPath } from './helpers';

async function api<M extends MethodName>(svc: Service, method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
  const res = await svc.dispatch(method, args);
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return res.result as ResultOf<M>;
}

function writeSource(name: string, text: string): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, text);
  return file;
}

const R8 = buildR8Edition();

/** Everything a person sees of the plan, to prove a refused or staged call changed nothing. */
function planState(svc: Service): string {
  return JSON.stringify({
    items: listItems(svc.db).map((it) => getItem(svc.db, it.key)),
    editions: svc.db.prepare('SELECT * FROM editions').all(),
    revisions: count(svc, 'SELECT COUNT(*) AS n FROM revisions'),
    issued: count(svc, 'SELECT COUNT(*) AS n FROM issued_keys'),
  });
}

describe('edition import of the 令和8 table', () => {
  it('classifies every item by content, and writes nothing', async () => {
    const svc = seededService();
    const before = planState(svc);
    const [b] = await api(svc, 'editions.stage', { files: [writeSource('r8.txt', R8)] });
    expect(b).toMatchObject({ fiscalYear: 8, baseYear: 7, kind: 'new', status: 'staged' });
    const change = Object.fromEntries(b!.matched.filter((m) => m.change !== 'same').map((m) => [m.key, m.change]));
    expect(change).toMatchObject({
      '3-2-1': 'renumbered',
      '3-2-2': 'renumbered',
      '4-1-5': 'moved',
      '1-2-2-3': 'edited',
    });
    expect(b!.matched.find((m) => m.key === '1-2-2-3')!.fields).toEqual(['title']);
    expect(b!.matched.find((m) => m.key === '4-1-5')).toMatchObject({ fromSection: '4-1', toSection: '3-2' });
    // The new ⑯ takes neither key of the seed's second ⑩ ⑪ (1-1-16, 1-1-17), which stay the same items.
    expect(b!.added.map((a) => [a.key, a.label])).toEqual([
      ['1-1-18', '⑯'],
      ['1-2-3-4', '④'],
    ]);
    expect(b!.matched.filter((m) => ['1-1-16', '1-1-17'].includes(m.key)).map((m) => m.change)).toEqual(['same', 'same']);
    expect(b!.dropped.map((d) => d.key)).toEqual(['3-3-2']);
    expect(b!.splits.map((s) => [s.key, s.into.length])).toEqual([['1-2-3-3', 2]]);
    expect(b!.ambiguous).toEqual([]);
    // A changed field comes with its text before and after, for the word diff.
    const edited = b!.matched.find((m) => m.key === '1-2-2-3')!.changes[0]!;
    expect(edited.field).toBe('title');
    expect(edited.before).not.toBe(edited.after);
    expect(planState(svc)).toBe(before);
    svc.close();
  });

  it('applied: 令和8 becomes current, 令和7 is archived as it was, keys are kept, dropped keys never reused', async () => {
    const svc = seededService();
    const r7 = listItems(svc.db).map((it) => getItem(svc.db, it.key));
    const [b] = await api(svc, 'editions.stage', { files: [writeSource('r8.txt', R8)] });
    const result = await api(svc, 'editions.apply', { batch: b!.id, author: '事務局' });
    expect(result).toMatchObject({ fiscalYear: 8, kind: 'new', dropped: ['3-3-2'] });
    expect(result.added.map((a) => a.key)).toEqual(['1-1-18', '1-2-3-4']);
    expect(listBackups(svc.db).backups.map((x) => x.name)).toContain(result.backup);

    const editions = await api(svc, 'editions.list', {});
    expect(editions.map((e) => [e.fiscalYear, e.status, e.items])).toEqual([
      [7, 'archived', 56],
      [8, 'current', 57],
    ]);
    const overview = await api(svc, 'plan.overview', {});
    expect(overview.edition?.fiscalYear).toBe(8);
    expect(overview.itemCount).toBe(57);
    // The swap: each key still holds its own item, under its new number.
    const was = (key: string) => r7.find((it) => it.key === key)!;
    expect(getItem(svc.db, '3-2-1')).toMatchObject({ title: was('3-2-1').title, label: '②' });
    expect(getItem(svc.db, '3-2-2')).toMatchObject({ title: was('3-2-2').title, label: '①' });
    // 令和7 reads as published, dropped item included, through the same methods.
    const old = await api(svc, 'items.list', { edition: 7 });
    expect(old).toHaveLength(56);
    const dropped = await api(svc, 'items.get', { key: '3-3-2', edition: 7 });
    expect(dropped.title).toBe(was('3-3-2').title);
    expect(dropped.actions.map((x) => x.text)).toEqual(was('3-3-2').actions.map((x) => x.text));
    expect((await api(svc, 'items.list', {})).map((it) => it.key)).not.toContain('3-3-2');
    expect(count(svc, 'SELECT COUNT(*) AS n FROM issued_keys')).toBe(58);
    // The changed texts are revisions naming the edition import.
    const history = await api(svc, 'items.history', { key: '1-2-2-3' });
    expect(history[0]).toMatchObject({ field: 'title', source: `edition:r8.txt#${b!.id}`, author: '事務局' });
    svc.close();
  });

  it('the same file twice, or the 令和7 table after 令和8, is refused and changes nothing', async () => {
    const svc = seededService();
    const [b] = await api(svc, 'editions.stage', { files: [writeSource('r8.txt', R8)] });
    await api(svc, 'editions.apply', { batch: b!.id, author: '事務局' });
    const after = planState(svc);
    const batches = count(svc, 'SELECT COUNT(*) AS n FROM edition_batches');
    const again = await svc.dispatch('editions.stage', { files: [writeSource('r8-again.txt', R8)] });
    expect(again).toMatchObject({ ok: false, error: { message: expect.stringMatching(/現在の版\(令和8年度版\)と同じ内容です/) } });
    const older = await svc.dispatch('editions.stage', { files: [writeSource('r7.txt', SEED_TEXT)] });
    expect(older).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/令和7年度版の資料です。現在の版\(令和8年度版\)より前の年度の版は取り込めません/) },
    });
    expect(planState(svc)).toBe(after);
    expect(count(svc, 'SELECT COUNT(*) AS n FROM edition_batches')).toBe(batches);
    svc.close();
  });

  it('apply is refused, with nothing written and no backup left, when the plan changed after staging', async () => {
    const svc = seededService();
    const [b] = await api(svc, 'editions.stage', { files: [writeSource('r8.txt', R8)] });
    writeField(svc.db, '1-1-1', 'title', '事務局が直した小項目名', { author: '事務局', source: 'edit' });
    const before = planState(svc);
    const backups = listBackups(svc.db).backups.length;
    const res = await svc.dispatch('editions.apply', { batch: b!.id, author: '事務局' });
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/準備した後に、現在の版の項目が変更されました/) },
    });
    expect(planState(svc)).toBe(before);
    expect(listBackups(svc.db).backups).toHaveLength(backups);
    expect((await api(svc, 'editions.get', { batch: b!.id })).status).toBe('staged');
    svc.close();
  });

  it('an item rewritten beyond recognition waits for a person: paired, it keeps its key; apply refuses while undecided', async () => {
    const svc = seededService();
    const title = getItem(svc.db, '3-2-5').title;
    const [b] = await api(svc, 'editions.stage', { files: [writeSource('r8b.txt', R8.replace(title, 'バイオスタティスティシャン養成'))] });
    expect(b!.ambiguous.map((a) => [a.title, a.candidates[0]!.key])).toEqual([['バイオスタティスティシャン養成', '3-2-5']]);
    const refused = await svc.dispatch('editions.apply', { batch: b!.id, author: '事務局' });
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/決まっていない項目が 1 件/) } });
    const wrong = await svc.dispatch('editions.pair', { batch: b!.id, index: b!.ambiguous[0]!.index, decision: '1-1-1' });
    expect(wrong).toMatchObject({ ok: false, error: { message: expect.stringMatching(/1-1-1 は対応付けの候補ではありません/) } });
    const paired = await api(svc, 'editions.pair', { batch: b!.id, index: b!.ambiguous[0]!.index, decision: '3-2-5' });
    expect(paired.ambiguous[0]!.decision).toBe('3-2-5');
    expect(paired.matched.find((m) => m.key === '3-2-5')).toMatchObject({ paired: true, fields: expect.arrayContaining(['title']) });
    await api(svc, 'editions.apply', { batch: b!.id, author: '事務局' });
    expect(getItem(svc.db, '3-2-5').title).toBe('バイオスタティスティシャン養成');
    svc.close();
  });

  it('a table that only fixes typos is a revision of the current edition: the two edits, nothing else', async () => {
    const svc = seededService();
    const [b] = await api(svc, 'editions.stage', { files: [writeSource('r7-typo.txt', buildTypoFixEdition())] });
    expect(b).toMatchObject({ kind: 'revision', fiscalYear: 7, counts: { added: 0, dropped: 0, ambiguous: 0 } });
    expect(b!.matched.filter((m) => m.change !== 'same')).toHaveLength(2);
    const result = await api(svc, 'editions.apply', { batch: b!.id, author: '事務局' });
    expect(result).toMatchObject({ kind: 'revision', updated: 2 });
    expect((await api(svc, 'editions.list', {})).map((e) => [e.fiscalYear, e.status])).toEqual([[7, 'current']]);
    svc.close();
  });
});

describe('comparing editions', () => {
  async function twoEditions(): Promise<Service> {
    const svc = seededService();
    const [b] = await api(svc, 'editions.stage', { files: [writeSource('r8.txt', R8)] });
    await api(svc, 'editions.apply', { batch: b!.id, author: '事務局' });
    return svc;
  }

  it('edition diff lists added, dropped, renumbered, moved and changed items', async () => {
    const svc = await twoEditions();
    const d = await api(svc, 'editions.diff', { from: 7, to: 8 });
    expect(d.added.map((a) => a.key)).toEqual(['1-1-18', '1-2-3-4']);
    expect(d.dropped.map((a) => a.key)).toEqual(['3-3-2']);
    expect(d.renumbered).toEqual(expect.arrayContaining([expect.objectContaining({ key: '3-2-1', from: '①', to: '②' })]));
    expect(d.moved).toEqual([expect.objectContaining({ key: '4-1-5', from: '4-1', to: '3-2' })]);
    expect(d.changed).toEqual(expect.arrayContaining([expect.objectContaining({ key: '1-2-2-3', field: 'title' })]));
    svc.close();
  });

  it('follow-up: a promise the actions report on is reported; a dated one nobody reports is overdue in its year', async () => {
    const svc = await twoEditions();
    const report = await api(svc, 'editions.followup', { fiscalYear: 8 });
    expect(report).toMatchObject({ fiscalYear: 8, previousYear: 7 });
    const item = (key: string) => report.items.find((it) => it.key === key)!;
    expect(item('1-1-3').promises.some((p) => p.status === 'reported' && p.actions.length > 0)).toBe(true);
    expect(item('1-1-11').promises.some((p) => p.overdue && p.due === 8)).toBe(true);
    expect(report.items.map((it) => it.key)).not.toContain('1-1-18'); // new items have no promises
    expect(report.summary.total.overdue).toBeGreaterThan(0);
    const none = await svc.dispatch('editions.followup', { fiscalYear: 7 });
    expect(none).toMatchObject({ ok: false, error: { message: expect.stringMatching(/令和7年度版の前の版がこのデータベースにない/) } });
    svc.close();
  });

  it('the 新旧対照表 workbook: 新 and 旧 side by side, changes underlined, added and dropped items marked', async () => {
    const svc = await twoEditions();
    const out = path.join(tempDir(), '新旧対照表.xlsx');
    const r = await api(svc, 'editions.exportComparison', { from: 7, to: 8, outFile: out });
    expect(r.items).toBeGreaterThan(5);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('新旧対照表')!;
    expect(ws.getRow(1).values).toEqual([undefined, '管理番号', '区分', '欄', '新(令和8年度版)', '旧(令和7年度版)', '備考']);
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, printTitlesRow: '1:1' });
    const rows = ws.getRows(2, ws.rowCount - 1)!;
    const byKey = (key: string) => rows.find((row) => row.getCell(1).value === key)!;
    const title = byKey('1-2-2-3');
    const rich = (title.getCell(4).value as ExcelJS.CellRichTextValue).richText;
    expect(rich.some((run) => Boolean(run.font?.underline))).toBe(true); // written 'single', read back as true
    expect(rich.some((run) => !run.font?.underline)).toBe(true);
    expect(byKey('1-1-18').getCell(5).value).toBe('(新設)');
    expect(byKey('3-3-2').getCell(4).value).toBe('(削除)');
    expect(byKey('4-1-5').getCell(6).value).toMatch(/移動 4-1→3-2/);
    for (const row of rows) for (let c = 1; c <= 6; c++) expect(row.getCell(c).font?.size ?? 10.5).toBeGreaterThanOrEqual(9);
    svc.close();
  });
});

describe('CLI: the yearly cycle', () => {
  it('edition import --json, apply, editions, items/show/search by edition, diff, followup, export comparison', async () => {
    const db = tempDbPath();
    const file = writeSource('r8.txt', R8);
    const staged = await cli(['--db', db, 'edition', 'import', file, '--json']);
    expect(staged.code).toBe(0);
    const j = JSON.parse(staged.out) as {
      batch: number;
      fiscalYear: number;
      matched: Record<string, unknown>[];
      added: unknown[];
      dropped: unknown[];
      ambiguous: unknown[];
    };
    expect(j.fiscalYear).toBe(8);
    expect(Object.keys(j.matched[0]!).sort()).toEqual([
      'change',
      'confidence',
      'fields',
      'fromLabel',
      'fromSection',
      'key',
      'toLabel',
      'toSection',
    ]);
    expect(j.added).toEqual([
      expect.objectContaining({ key: '1-1-18', label: '⑯', section: '1-1' }),
      expect.objectContaining({ key: '1-2-3-4', label: '④', section: '1-2-3' }),
    ]);
    expect(j.dropped).toEqual([expect.objectContaining({ key: '3-3-2', label: '②' })]);
    expect(j.ambiguous).toEqual([]);

    const applied = await cli(['--db', db, 'edition', 'apply', String(j.batch)]);
    expect(applied.out).toMatch(/令和8年度版を現在の版にしました: .*追加 2 件、削除 1 件/);
    const editions = JSON.parse((await cli(['--db', db, 'editions', '--json'])).out) as unknown[];
    expect(editions).toEqual([
      expect.objectContaining({ fiscalYear: 7, label: '令和7年度版', status: 'archived', items: 56 }),
      expect.objectContaining({ fiscalYear: 8, label: '令和8年度版', status: 'current', items: 57 }),
    ]);
    expect((await cli(['--db', db, 'items', '--edition', '7'])).out).toMatch(/56 件$/);
    expect((await cli(['--db', db, 'items'])).out).toMatch(/57 件$/);
    expect((await cli(['--db', db, 'show', '1-1-1'])).out).toContain('■ 令和8年度の取組');
    expect((await cli(['--db', db, 'show', '3-3-2', '--edition', 'R7'])).out).toContain('■ 令和7年度の取組');
    const all = await cli(['--db', db, 'search', '次世代医療基盤法', '--all-editions', '--json']);
    const editionsHit = new Set((JSON.parse(all.out) as { edition?: number }[]).map((h) => h.edition));
    expect([...editionsHit].sort()).toEqual([7, 8]);

    const diff = JSON.parse((await cli(['--db', db, 'edition', 'diff', '7', '8', '--json'])).out) as Record<string, unknown[]>;
    expect(Object.keys(diff)).toEqual(['added', 'dropped', 'renumbered', 'moved', 'changed']);
    expect(diff.moved).toEqual([{ key: '4-1-5', from: '4-1', to: '3-2' }]);
    const follow = JSON.parse((await cli(['--db', db, 'followup', '8', '--json'])).out) as {
      key: string;
      promises: { status: string; actions: unknown[] }[];
    }[];
    expect(Object.keys(follow[0]!)).toEqual(['key', 'title', 'promises']);
    expect(follow.find((f) => f.key === '1-1-3')!.promises.some((p) => p.status === 'reported')).toBe(true);
    const out = path.join(tempDir(), 'cmp.xlsx');
    const exported = await cli(['--db', db, 'export', 'comparison', '7', '8', '--out', out]);
    expect(exported.code).toBe(0);
    expect(fs.statSync(out).size).toBeGreaterThan(5000);

    // Usage and bad input.
    expect((await cli(['--db', db, 'followup', 'next'])).code).toBe(2);
    const old = await cli(['--db', db, 'edition', 'import', writeSource('r7.txt', SEED_TEXT)]);
    expect(old).toMatchObject({ code: 1, err: expect.stringMatching(/^error: r7\.txt: 令和7年度版の資料です/) });
  });

  it('edition apply --pair decides an ambiguous item by its title', async () => {
    const db = tempDbPath();
    const svc0 = seededService();
    const title = getItem(svc0.db, '3-2-5').title;
    svc0.close();
    const file = writeSource('r8b.txt', R8.replace(title, 'バイオスタティスティシャン養成'));
    const j = JSON.parse((await cli(['--db', db, 'edition', 'import', file, '--json'])).out) as {
      batch: number;
      ambiguous: { title: string }[];
    };
    expect(j.ambiguous.map((a) => a.title)).toEqual(['バイオスタティスティシャン養成']);
    const undecided = await cli(['--db', db, 'edition', 'apply', String(j.batch)]);
    expect(undecided.code).toBe(1);
    const applied = await cli(['--db', db, 'edition', 'apply', String(j.batch), '--pair', 'バイオスタティスティシャン養成=3-2-5']);
    expect(applied.code).toBe(0);
    expect((await cli(['--db', db, 'show', '3-2-5'])).out).toContain('バイオスタティスティシャン養成');
  });
});
