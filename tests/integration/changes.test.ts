// The change list (変更一覧) through the API on a real SQLite file: edits, a restore, an applied Excel
// answer and an edition revision, every filter, paging, the 「前回会議」 date, the export workbook, and
// bad input refused with a Japanese message leaving the data as it was.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { pathFieldsOf } from '../../src/main/api/dispatch';
import type { Service } from '../../src/main/api/service';
import { writeField } from '../../src/main/store/plan-store';
import { buildTypoFixEdition } from '../fixtures/editions/build';
import { COL, api, apiError, answerAdding, answerRow, exportFor, planSnapshot, stageOk } from './excel-helpers';
import { seededService, tempDir } from './helpers';
import { editCells } from './xlsx-tools';

/** A plan with one change of every kind; returns the service and the batch ids. */
async function changedPlan(): Promise<{ svc: Service; importBatch: number; editionBatch: number }> {
  const svc = seededService();
  writeField(svc.db, '1-1-8', 'title', '旧い小項目名', { author: '佐藤', source: 'seed:000_plan.txt' });
  writeField(svc.db, '1-1-8', 'title', '直した小項目名', { author: '佐藤', source: 'edit' });
  writeField(
    svc.db,
    '1-1-9',
    'future',
    [
      { text: '今後は拡充する', level: 0 },
      { text: '下位の方向性', level: 1 },
    ],
    { author: '鈴木', source: 'edit' },
  );
  const edits = (await api(svc, 'items.history', { key: '1-1-8' })).filter((r) => r.source === 'edit');
  await api(svc, 'items.restore', { revisionId: edits[0]!.id, author: '鈴木' });

  const original = await exportFor(svc, '厚');
  const row = answerRow(svc, '厚', '1-1-3');
  const batch = await stageOk(
    svc,
    '厚_回答.xlsx',
    editCells(original, { [`${COL.actions}${row}`]: answerAdding(svc, '1-1-3', 'actions', '・厚労省が加えた取組') }),
  );
  await api(svc, 'imports.apply', { batch: batch.id, author: '事務局' });

  const file = path.join(tempDir(), 'r7-typo.txt');
  fs.writeFileSync(file, buildTypoFixEdition());
  const [eb] = await api(svc, 'editions.stage', { files: [file] });
  await api(svc, 'editions.apply', { batch: eb!.id, author: '事務局' });
  return { svc, importBatch: batch.id, editionBatch: eb!.id };
}

describe('changes.list', () => {
  it('lists every kind of change newest first, with cell text, label and title', async () => {
    const { svc, importBatch, editionBatch } = await changedPlan();
    const page = await api(svc, 'changes.list', {});
    const kinds = page.rows.map((r) => r.sourceKind);
    expect(page.total).toBe(page.rows.length);
    expect(new Set(kinds)).toEqual(new Set(['seed', 'edit', 'restore', 'import', 'edition']));
    expect(page.rows.map((r) => r.id)).toEqual([...page.rows.map((r) => r.id)].sort((a, b) => b - a));
    expect(kinds.at(-1)).toBe('seed');
    expect(
      page.rows
        .filter((r) => r.sourceKind === 'edition')
        .every((r) => r.source.startsWith('edition:') && r.source.endsWith(`#${editionBatch}`)),
    ).toBe(true);

    const future = page.rows.find((r) => r.itemKey === '1-1-9' && r.field === 'future')!;
    expect(future).toMatchObject({ label: expect.any(String), title: expect.any(String), author: '鈴木', source: 'edit' });
    expect(future.newText).toBe('・今後は拡充する\n\u3000・下位の方向性');
    const imported = page.rows.find((r) => r.sourceKind === 'import')!;
    expect(imported).toMatchObject({ itemKey: '1-1-3', field: 'actions', source: `import:厚_回答.xlsx#${importBatch}`, author: '事務局' });
    expect(imported.newText.endsWith('\n・厚労省が加えた取組')).toBe(true);
    expect(imported.newText.startsWith(imported.oldText)).toBe(true);
    const restore = page.rows.find((r) => r.sourceKind === 'restore')!;
    expect(restore).toMatchObject({ itemKey: '1-1-8', oldText: '直した小項目名', newText: '旧い小項目名' });
    svc.close();
  });

  it('filters by key, ministry, field, source, author, and pages', async () => {
    const { svc } = await changedPlan();
    const all = (await api(svc, 'changes.list', {})).rows;
    const keys = async (args: Parameters<typeof api<'changes.list'>>[2]) => (await api(svc, 'changes.list', args)).rows.map((r) => r.id);
    expect(await keys({ key: '1-1-8' })).toEqual(all.filter((r) => r.itemKey === '1-1-8').map((r) => r.id));
    expect(await keys({ field: 'future' })).toEqual(all.filter((r) => r.field === 'future').map((r) => r.id));
    expect(await keys({ source: 'import' })).toEqual(all.filter((r) => r.sourceKind === 'import').map((r) => r.id));
    expect(await keys({ source: 'edit' })).toHaveLength(2);
    expect(await keys({ author: '鈴木' })).toEqual(all.filter((r) => r.author === '鈴木').map((r) => r.id));
    const ministryOf = new Map((await api(svc, 'items.list', {})).map((it) => [it.key, it.ministries as string[]]));
    const kou = await keys({ ministry: '厚' });
    expect(kou.length).toBeGreaterThan(0);
    expect(kou).toEqual(all.filter((r) => ministryOf.get(r.itemKey)?.includes('厚')).map((r) => r.id));
    expect(kou.length).toBeLessThan(all.length);
    const page2 = await api(svc, 'changes.list', { limit: 2, offset: 2 });
    expect(page2.rows.map((r) => r.id)).toEqual(all.slice(2, 4).map((r) => r.id));
    expect(page2.total).toBe(all.length);
    svc.close();
  });

  it('filters by date range and since the last meeting (a stored preference)', async () => {
    const { svc } = await changedPlan();
    const set = (id: number, iso: string) => svc.db.prepare('UPDATE revisions SET created_at = ? WHERE id = ?').run(iso, id);
    const all = (await api(svc, 'changes.list', {})).rows;
    const local = (y: number, m: number, d: number, h: number) => new Date(y, m - 1, d, h).toISOString();
    all.forEach((r, i) => set(r.id, local(2026, 11, i < 2 ? 25 : 10, 12)));
    set(all[2]!.id, local(2026, 11, 20, 0));

    expect((await api(svc, 'changes.lastMeeting', {})).lastMeeting).toBeNull();
    expect(await apiError(svc, 'changes.list', { sinceMeeting: true })).toContain('前回会議の日付が設定されていません');
    expect(await api(svc, 'changes.setLastMeeting', { date: '2026-11-20' })).toEqual({ lastMeeting: '2026-11-20' });
    const since = await api(svc, 'changes.list', { sinceMeeting: true });
    expect(since.rows.map((r) => r.id)).toEqual(all.slice(0, 3).map((r) => r.id));
    expect(since.lastMeeting).toBe('2026-11-20');
    expect((await api(svc, 'changes.list', { from: '2026-11-10', to: '2026-11-20' })).rows.map((r) => r.id)).toEqual(
      all.slice(2).map((r) => r.id),
    );
    expect((await api(svc, 'changes.list', { to: '2026-11-19' })).rows.map((r) => r.id)).toEqual(all.slice(3).map((r) => r.id));
    expect(await api(svc, 'changes.setLastMeeting', { date: null })).toEqual({ lastMeeting: null });
    svc.close();
  });

  it('refuses bad input in Japanese and changes nothing', async () => {
    const { svc } = await changedPlan();
    await api(svc, 'changes.setLastMeeting', { date: '2026-11-20' });
    const before = planSnapshot(svc);
    expect(await apiError(svc, 'changes.list', { from: '2026/11/01' })).toContain('YYYY-MM-DD');
    expect(await apiError(svc, 'changes.list', { from: '2026-11-20', to: '2026-11-01' })).toContain('開始日が終了日より後');
    expect(await apiError(svc, 'changes.list', { source: 'mail' })).toContain('入力が正しくありません');
    expect(await apiError(svc, 'changes.setLastMeeting', { date: '2026-02-30' })).toContain('存在しない日付');
    const file = path.join(tempDir(), 'refused.xlsx');
    expect(await apiError(svc, 'changes.export', { from: '2026-11-20', to: '2026-11-01', outFile: file })).toContain(
      '開始日が終了日より後',
    );
    expect(fs.existsSync(file)).toBe(false);
    expect((await api(svc, 'changes.lastMeeting', {})).lastMeeting).toBe('2026-11-20');
    expect(planSnapshot(svc)).toBe(before);
    svc.close();
  });
});

describe('changes.export', () => {
  it('writes the filtered rows as a workbook, and returns bytes for the page', async () => {
    const { svc } = await changedPlan();
    const file = path.join(tempDir(), '変更一覧.xlsx');
    expect(await api(svc, 'changes.export', { source: 'edit', outFile: file })).toEqual({ file });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('変更一覧')!;
    const rows = ws.getSheetValues().slice(2) as string[][];
    expect(ws.getRow(1).values).toEqual([undefined, '日時', '管理番号', '項目', '欄', '変更前', '変更後', '変更元', '作成者']);
    expect(rows.map((r) => [r[2], r[7], r[8]])).toEqual([
      ['1-1-9', '編集', '鈴木'],
      ['1-1-8', '編集', '佐藤'],
    ]);
    expect(rows[0]![6]).toBe('・今後は拡充する\n\u3000・下位の方向性');
    expect(ws.headerFooter.oddHeader).toContain('編集');

    const bytes = await api(svc, 'changes.export', { key: '1-1-3' });
    // The page may not name a file: the web host and IPC refuse outFile.
    expect(pathFieldsOf('changes.export')).toEqual(['outFile']);
    expect(bytes.file).toMatch(/^変更一覧_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(Buffer.from(bytes.dataBase64!, 'base64') as unknown as ExcelJS.Buffer);
    expect(wb2.getWorksheet('変更一覧')!.rowCount).toBe(1 + (await api(svc, 'changes.list', { key: '1-1-3' })).total);
    svc.close();
  });
});
