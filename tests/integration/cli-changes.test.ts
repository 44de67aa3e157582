// The change list from the CLI on a real SQLite file: filters, --json, the 「前回会議」 date, the
// workbook, and bad input refused with a message (exit 1 or 2) without changing anything.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openService } from '../../src/main/api/service';
import { writeField } from '../../src/main/store/plan-store';
import type { ChangeRow } from '../../src/shared/change-log';
import { cli } from './cli-helpers';
import { tempDbPath, tempDir } from './helpers';

function changedDb(): string {
  const db = tempDbPath();
  const svc = openService(db);
  writeField(svc.db, '1-1-8', 'title', '直した小項目名', { author: '佐藤', source: 'edit' });
  writeField(svc.db, '1-1-9', 'future', [{ text: '今後は拡充する', level: 0 }], { author: '鈴木', source: 'edit' });
  writeField(svc.db, '1-1-8', 'title', '版で直した小項目名', { author: '事務局', source: 'edition:r7.txt#1' });
  // The first edit was made before the last meeting.
  svc.db.prepare('UPDATE revisions SET created_at = ? WHERE id = 1').run(new Date(2026, 10, 1, 12).toISOString());
  svc.close();
  return db;
}

describe('CLI changes', () => {
  it('lists changes newest first, filtered, as text and as JSON', async () => {
    const db = changedDb();
    const text = await cli(['--db', db, 'changes']);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/#3 .*1-1-8 .*版で直した小項目名.*版の更新\(r7\.txt#1\).*事務局/u);
    expect(text.out).toContain('    + ・今後は拡充する');
    expect(text.out.indexOf('#3 ')).toBeLessThan(text.out.indexOf('#2 '));
    expect(text.out.trim().endsWith('3 件')).toBe(true);

    const json = async (...args: string[]) => {
      const res = await cli(['--db', db, 'changes', '--json', ...args]);
      expect(res.code).toBe(0);
      return (JSON.parse(res.out) as ChangeRow[]).map((r) => r.id);
    };
    expect(await json()).toEqual([3, 2, 1]);
    expect(await json('--key', '1-1-8')).toEqual([3, 1]);
    expect(await json('--source', 'edition')).toEqual([3]);
    expect(await json('--field', 'future')).toEqual([2]);
    expect(await json('--author', '佐藤')).toEqual([1]);
    expect(await json('--ministry', '総')).toEqual([3, 1]);
    expect(await json('--since', '2026-11-15')).toEqual([3, 2]);
    expect(await json('--until', '2026-11-01')).toEqual([1]);
  });

  it('sets the 前回会議 date and lists changes since it', async () => {
    const db = changedDb();
    const refused = await cli(['--db', db, 'changes', '--since-meeting']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('前回会議の日付が設定されていません');
    expect((await cli(['--db', db, 'changes', 'meeting', '2026-11-20'])).out).toBe('前回会議: 2026-11-20');
    expect((await cli(['--db', db, 'changes', 'meeting'])).out).toBe('前回会議: 2026-11-20');
    const since = await cli(['--db', db, 'changes', '--since-meeting']);
    expect(since.out.split('\n')[0]).toBe('前回会議(2026-11-20)以降の変更');
    expect(since.out.trim().endsWith('2 件')).toBe(true);
    const bad = await cli(['--db', db, 'changes', 'meeting', '2026-13-01']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/存在しない日付|YYYY-MM-DD/u);
    expect((await cli(['--db', db, 'changes', 'meeting'])).out).toBe('前回会議: 2026-11-20');
    expect((await cli(['--db', db, 'changes', 'meeting', 'none'])).out).toBe('前回会議の日付は設定されていません');
  });

  it('--out writes the filtered rows as a workbook', async () => {
    const db = changedDb();
    const file = path.join(tempDir(), 'changes.xlsx');
    const res = await cli(['--db', db, 'changes', '--key', '1-1-8', '--out', file]);
    expect(res).toMatchObject({ code: 0, out: `変更一覧を書き出しました: ${file}` });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('変更一覧')!;
    expect(ws.rowCount).toBe(3);
    expect(ws.getCell('B2').value).toBe('1-1-8');
    expect(ws.getCell('F2').value).toBe('版で直した小項目名');
  });

  it('refuses bad options with a usage error and bad values with a message', async () => {
    const db = changedDb();
    const usage = await cli(['--db', db, 'changes', '--source', 'mail']);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('--source must be one of edit, import, restore, edition, seed');
    expect((await cli(['--db', db, 'changes', '--since', '2026-11-01', '--since-meeting'])).code).toBe(2);
    expect((await cli(['--db', db, 'changes', 'extra'])).code).toBe(2);
    const bad = await cli(['--db', db, 'changes', '--since', '11/01']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('YYYY-MM-DD');
    const file = path.join(tempDir(), 'none.xlsx');
    expect((await cli(['--db', db, 'changes', '--key', 'abc', '--out', file])).code).toBe(1);
    expect(fs.existsSync(file)).toBe(false);
  });
});
