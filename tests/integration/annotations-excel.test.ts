// The Excel share of annotations: reviewers export, the secretariat imports several files and merges
// them by id. Covers the merge rules end to end (two reviewers, the same file twice, an edit on both
// sides, a deletion on one side, replies), text that looks like a formula, and bad files.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Service } from '../../src/main/api/service';
import { api, exportFor } from './excel-helpers';
import { seededService, tempDir } from './helpers';
import { editCells, readZip, writeZip } from './xlsx-tools';

const dir = tempDir();
const secretariat = seededService();
const reviewerA = seededService();
const reviewerB = seededService();

async function shareFile(svc: Service, name: string): Promise<string> {
  const file = path.join(dir, name);
  const r = await api(svc, 'annotations.export', { outPath: file });
  expect(r.file).toBe(file);
  return file;
}

async function importFiles(svc: Service, ...files: string[]) {
  return api(svc, 'annotations.import', { files });
}

const tables = (svc: Service) =>
  JSON.stringify(
    ['annotations', 'annotation_replies', 'annotation_history'].map((t) => svc.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()),
  );

const byId = async (svc: Service, id: string) => (await api(svc, 'annotations.list', { includeDeleted: true })).find((a) => a.id === id)!;

describe('annotations: Excel share and merge', () => {
  let a1: string; // reviewer A's comment
  let fileA1: string;

  it('merges two reviewers\u2019 files into the secretariat\u2019s store', async () => {
    a1 = (
      await api(reviewerA, 'annotations.create', {
        itemKey: '1-1-1',
        field: 'actions',
        quote: '先端ゲノム研究',
        comment: '規模は?',
        tags: ['要確認'],
        author: '委員A',
      })
    ).id;
    await api(reviewerA, 'annotations.reply', { id: a1, text: '補足: 昨年度との比較も', author: '委員A' });
    const b1 = (
      await api(reviewerB, 'annotations.create', { itemKey: '1-1-2', field: null, comment: '全体に賛成', color: 'green', author: '委員B' })
    ).id;
    fileA1 = await shareFile(reviewerA, '委員A.xlsx');
    // Reviewer B shares through the web host: no path, the workbook comes back as base64.
    const b = await api(reviewerB, 'annotations.export', {});
    expect(b).toMatchObject({ file: null, fileName: expect.stringMatching(/^注釈_\d{4}-\d{2}-\d{2}\.xlsx$/), annotations: 1, replies: 0 });
    const out = await api(secretariat, 'annotations.import', {
      uploads: [{ name: '委員B.xlsx', dataBase64: b.dataBase64! }],
      files: [fileA1],
    });
    expect(out.map((o) => [o.file, o.error, o.annotations.created, o.replies.created])).toEqual([
      ['委員A.xlsx', null, 1, 1],
      ['委員B.xlsx', null, 1, 0],
    ]);
    const list = await api(secretariat, 'annotations.list', {});
    expect(list.map((a) => a.id).sort()).toEqual([a1, b1].sort());
    const a = list.find((x) => x.id === a1)!;
    expect(a).toMatchObject({ comment: '規模は?', tags: ['要確認'], author: '委員A', anchorState: { state: 'anchored', bulletIndex: 0 } });
    expect(a.replies.map((r) => r.text)).toEqual(['補足: 昨年度との比較も']);
  });

  it('importing the same file twice creates nothing new', async () => {
    const before = tables(secretariat);
    const [again] = await importFiles(secretariat, fileA1);
    expect(again).toMatchObject({
      error: null,
      annotations: { created: 0, updated: 0, unchanged: 1 },
      replies: { created: 0, updated: 0, unchanged: 1 },
    });
    expect(tables(secretariat)).toBe(before);
  });

  it('an edit on both sides: the later one wins and the earlier is kept in history', async () => {
    await api(secretariat, 'annotations.update', { id: a1, status: 'resolved', comment: '事務局で回答済み', author: '事務局' });
    await new Promise((r) => setTimeout(r, 5));
    await api(reviewerA, 'annotations.update', { id: a1, comment: '規模と期間は?', author: '委員A' });
    const file = await shareFile(reviewerA, '委員A_2.xlsx');
    const [out] = await importFiles(secretariat, file);
    expect(out!.annotations).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const a = await byId(secretariat, a1);
    expect(a).toMatchObject({ comment: '規模と期間は?', status: 'open' });
    const history = await api(secretariat, 'annotations.history', { id: a1 });
    expect(history.map((h) => h.value)).toContainEqual(expect.objectContaining({ comment: '事務局で回答済み', status: 'resolved' }));
    // The older file again: its version is already in history, and it does not win.
    const count = history.length;
    await importFiles(secretariat, fileA1, file);
    expect((await byId(secretariat, a1)).comment).toBe('規模と期間は?');
    expect(await api(secretariat, 'annotations.history', { id: a1 })).toHaveLength(count);
  });

  it('replies from both sides are merged by id', async () => {
    await api(secretariat, 'annotations.reply', { id: a1, text: '事務局: 担当府省に照会します', author: '事務局' });
    await api(reviewerA, 'annotations.reply', { id: a1, text: 'よろしくお願いします', author: '委員A' });
    const [out] = await importFiles(secretariat, await shareFile(reviewerA, '委員A_3.xlsx'));
    expect(out!.replies).toEqual({ created: 1, updated: 0, unchanged: 1 });
    expect((await byId(secretariat, a1)).replies.map((r) => r.text)).toEqual([
      '補足: 昨年度との比較も',
      '事務局: 担当府省に照会します',
      'よろしくお願いします',
    ]);
  });

  it('a deletion on one side is merged, and an older copy does not resurrect it', async () => {
    await api(reviewerA, 'annotations.delete', { id: a1 });
    const file = await shareFile(reviewerA, '委員A_削除.xlsx');
    await importFiles(secretariat, file);
    expect((await byId(secretariat, a1)).deletedAt).not.toBeNull();
    expect((await api(secretariat, 'annotations.list', {})).map((a) => a.id)).not.toContain(a1);
    await importFiles(secretariat, fileA1);
    expect((await byId(secretariat, a1)).deletedAt).not.toBeNull();
    // The secretariat's export carries the tombstone on to the next reviewer.
    const [toB] = await importFiles(reviewerB, await shareFile(secretariat, '事務局.xlsx'));
    expect(toB!.error).toBeNull();
    expect((await byId(reviewerB, a1)).deletedAt).not.toBeNull();
  });

  it('writes a readable sheet: Japanese headers, frozen header, hidden id and record columns, no formulas', async () => {
    const tricky = ['=SUM(A1:A9)', '+81 3 1234', '-12', '@cmd'];
    for (const comment of tricky) await api(reviewerB, 'annotations.create', { itemKey: '1-1-3', field: null, comment, author: '委員B' });
    const file = await shareFile(reviewerB, '数式.xlsx');
    const parts = readZip(fs.readFileSync(file));
    const sheet = parts.get('xl/worksheets/sheet1.xml')!.toString('utf8');
    expect(sheet).not.toMatch(/<f[ >]/);
    expect(sheet).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    expect(sheet).toMatch(/<col [^>]*hidden="1"/);
    const strings = parts.get('xl/sharedStrings.xml')!.toString('utf8');
    for (const h of ['管理番号', '小項目', '引用', 'コメント', '返信', 'タグ', '状態', '作成者', '更新日時', '注釈ID'])
      expect(strings).toContain(`>${h}<`);
    const [out] = await importFiles(secretariat, file);
    expect(out!.error).toBeNull();
    const comments = (await api(secretariat, 'annotations.list', { itemKey: '1-1-3' })).map((a) => a.comment);
    expect(comments).toEqual(expect.arrayContaining(tricky));
  });

  it('says so when a comment was edited by hand in Excel, and keeps the recorded one', async () => {
    const bytes = fs.readFileSync(await shareFile(reviewerB, '手直し.xlsx'));
    const edited = path.join(dir, '手直し後.xlsx');
    fs.writeFileSync(edited, editCells(bytes, { I2: 'Excel で書き換えた' }));
    const [out] = await importFiles(secretariat, edited);
    expect(out!.error).toBeNull();
    expect(out!.warnings.join()).toMatch(/手直し後\.xlsx: コメントの列が 1 件、書き出した後に Excel で書き換えられています/);
  });

  describe('bad files change nothing and name the file', () => {
    async function refused(name: string, bytes: Buffer, expected: RegExp) {
      const before = tables(secretariat);
      const [out] = await api(secretariat, 'annotations.import', { uploads: [{ name, dataBase64: bytes.toString('base64') }] });
      expect(out!.error).toMatch(new RegExp(`^${name.replace(/[.()]/g, '\\$&')}`));
      expect(out!.error).toMatch(expected);
      expect(out!.annotations).toEqual({ created: 0, updated: 0, unchanged: 0 });
      expect(tables(secretariat)).toBe(before);
    }

    it('not an xlsx', () => refused('メモ.xlsx', Buffer.from('管理番号,コメント\n1-1-1,テスト\n'), /Excel のファイルではありません/));

    it('an xlsx without the annotation columns (a ministry inquiry workbook)', async () =>
      refused('照会_厚.xlsx', await exportFor(secretariat, '厚'), /注釈の書き出しファイルではありません/));

    it('a hostile zip (bomb)', async () => {
      const parts = readZip(fs.readFileSync(fileA1));
      parts.set('xl/media/bomb.bin', Buffer.alloc(64 * 2 ** 20));
      await refused('爆弾.xlsx', writeZip(parts), /ZIP 爆弾/);
    });

    it('a broken record, with its row', async () => {
      const bytes = editCells(fs.readFileSync(fileA1), { Q2: '{"id": "壊れた' });
      await refused('壊れた記録.xlsx', bytes, /「注釈」シート 2 行目: 記録の列が読めません/);
    });

    it('a record that does not pass the checks', async () => {
      const record = JSON.parse(readRecord(fs.readFileSync(fileA1))) as Record<string, unknown>;
      const bytes = editCells(fs.readFileSync(fileA1), { Q2: JSON.stringify({ ...record, color: 'red' }) });
      await refused('不正な色.xlsx', bytes, /2 行目: 記録の内容が正しくありません\(color/);
    });

    it('a missing file given by path', async () => {
      const [out] = await importFiles(secretariat, path.join(dir, 'ない.xlsx'));
      expect(out!.error).toMatch(/^ない\.xlsx: ファイルが見つかりません/);
    });
  });
});

/** The record cell (column Q) of row 2, read from the sheet XML via the shared strings. */
function readRecord(xlsx: Buffer): string {
  const parts = readZip(xlsx);
  const sheet = parts.get('xl/worksheets/sheet1.xml')!.toString('utf8');
  const cell = /<c r="Q2"[^>]*t="s"[^>]*><v>(\d+)<\/v>/.exec(sheet)!;
  const strings = [
    ...parts
      .get('xl/sharedStrings.xml')!
      .toString('utf8')
      .matchAll(/<si><t[^>]*>([^<]*)<\/t><\/si>/g),
  ].map((m) => m[1]!);
  return strings[Number(cell[1])]!.replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}
