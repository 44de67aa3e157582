import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/main';
import { COL } from './excel-helpers';
import { tempDbPath, tempDir } from './helpers';
import { editCells } from './xlsx-tools';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('CLI: Excel round trip', () => {
  const db = tempDbPath();
  const dir = tempDir();
  const sheet = path.join(dir, '厚.xlsx');

  it('export ministry CODE --out / export table --out', async () => {
    const res = await cli(['--db', db, 'export', 'ministry', '厚', '--out', sheet, '--due', '12月1日']);
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/厚 の \d+ 項目を書き出しました/);
    expect(fs.existsSync(sheet)).toBe(true);
    const lead = await cli(['--db', db, 'export', 'ministry', '厚', '--lead', '--out', path.join(dir, 'lead.xlsx')]);
    expect(lead.code).toBe(0);
    const table = await cli(['--db', db, 'export', 'table', '--out', path.join(dir, 'table.xlsx')]);
    expect(table).toMatchObject({ code: 0 });
    expect(table.out).toContain('56 項目');
  });

  it('import FILE --json stages and prints { batch, ministry, changes, warnings, errors }; apply --accept all', async () => {
    const edited = path.join(dir, '厚_回答.xlsx');
    // The ministry adds a line to each answer (keeping the text: a cut-down cell needs its own choice).
    const cell = async (key: string, field: 'actions' | 'future') => {
      const item = JSON.parse((await cli(['--db', db, 'show', key, '--json'])).out) as Record<string, string[]>;
      return item[field]!.map((t) => `・${t}`).join('\n');
    };
    const theirsActions = `${await cell('1-1-1', 'actions')}\n・CLI で直した取組`;
    const theirsFuture = `${await cell('1-1-3', 'future')}\n・CLI で直した方向性`;
    fs.writeFileSync(edited, editCells(fs.readFileSync(sheet), { [`${COL.actions}2`]: theirsActions, [`${COL.future}4`]: theirsFuture }));
    const res = await cli(['--db', db, 'import', edited, '--json']);
    expect(res.code).toBe(0);
    const staged = JSON.parse(res.out) as { batch: number; ministry: string; changes: unknown[]; warnings: string[]; errors: string[] };
    expect(staged).toMatchObject({ ministry: '厚', warnings: [], errors: [] });
    expect(staged.changes).toEqual([
      {
        key: '1-1-1',
        field: 'actions',
        kind: 'theirs',
        base: expect.any(String),
        ours: expect.any(String),
        theirs: expect.stringMatching(/\n・CLI で直した取組$/),
      },
      {
        key: '1-1-3',
        field: 'future',
        kind: 'theirs',
        base: expect.any(String),
        ours: expect.any(String),
        theirs: expect.stringMatching(/\n・CLI で直した方向性$/),
      },
    ]);
    const list = JSON.parse((await cli(['--db', db, 'batches', '--json'])).out) as { id: number; status: string }[];
    expect(list[0]).toMatchObject({ id: staged.batch, status: 'staged' });

    const applied = await cli(['--db', db, 'apply', String(staged.batch), '--accept', '1-1-1', '--reject', '1-1-3', '--json']);
    expect(applied.code).toBe(0);
    expect(JSON.parse(applied.out)).toMatchObject({ batch: staged.batch, written: 1, kept: 1 });
    const shown = JSON.parse((await cli(['--db', db, 'show', '1-1-1', '--json'])).out) as { actions: string[] };
    expect(shown.actions.at(-1)).toBe('CLI で直した取組');

    const twice = await cli(['--db', db, 'import', edited]);
    expect(twice.code).toBe(1);
    expect(twice.err.split('\n')).toHaveLength(1);
    expect(twice.err).toMatch(/^error: 厚_回答\.xlsx: このファイルは既に取り込まれています/);
    expect((await cli(['--db', db, 'apply', String(staged.batch)])).code).toBe(1);
  });

  it('backups --json and restore BACKUP', async () => {
    const { backups } = JSON.parse((await cli(['--db', db, 'backups', '--json'])).out) as { backups: { name: string }[] };
    expect(backups).toHaveLength(1);
    const res = await cli(['--db', db, 'restore', backups[0]!.name]);
    expect(res.code).toBe(0);
    expect(res.out).toContain('の内容に戻しました');
    const shown = JSON.parse((await cli(['--db', db, 'show', '1-1-1', '--json'])).out) as { actions: string[] };
    expect(shown.actions).not.toContain('CLI で直した取組');
    expect((await cli(['--db', db, 'backups'])).out).toMatch(/: 2 件、合計 \d+ KB\(自動バックアップは新しい 20 件を保持\)$/);
  });

  it('discard BATCH; a broken file is one line on stderr with exit 1; usage errors exit 2', async () => {
    const text = path.join(dir, 'text.xlsx');
    fs.writeFileSync(text, 'これは表ではありません\n');
    const bad = await cli(['--db', db, 'import', text]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^error: text\.xlsx: Excel のファイルではありません/);
    const badJson = await cli(['--db', db, 'import', text, '--json']);
    expect(JSON.parse(badJson.out)).toMatchObject({ batch: null, errors: [expect.stringContaining('text.xlsx')] });

    const other = path.join(dir, '厚2.xlsx');
    fs.writeFileSync(other, editCells(fs.readFileSync(sheet), { [`${COL.actions}3`]: '・破棄する' }));
    const staged = JSON.parse((await cli(['--db', db, 'import', other, '--json'])).out) as { batch: number };
    const discarded = await cli(['--db', db, 'discard', String(staged.batch)]);
    expect(discarded.code).toBe(0);
    expect(discarded.out).toContain('破棄しました');
    expect((await cli(['--db', db, 'batches'])).out).toContain('discarded');

    expect((await cli(['--db', db, 'export', 'ministry', '厚'])).code).toBe(2); // no --out
    expect((await cli(['--db', db, 'export', 'table', '--lead', '--out', 'x.xlsx'])).code).toBe(2);
    expect((await cli(['--db', db, 'export', 'nonsense', '--out', 'x.xlsx'])).code).toBe(2);
    expect((await cli(['--db', db, 'import'])).code).toBe(2);
    expect((await cli(['--db', db, 'apply', '1', '--lead'])).code).toBe(2);
    expect((await cli(['--db', db, 'apply', 'abc'])).code).toBe(1);
    expect((await cli(['--db', db, 'export', 'ministry', '財', '--out', path.join(dir, 'z.xlsx')])).code).toBe(1);
    expect((await cli(['--db', db, 'restore', 'nope.db'])).code).toBe(1);
  });
});

describe('CLI: cells a file would empty or cut down', () => {
  const db = tempDbPath();
  const dir = tempDir();
  const sheet = path.join(dir, '厚.xlsx');
  const rowOf = async (key: string) => {
    const keys = (JSON.parse((await cli(['--db', db, 'items', '--ministry', '厚', '--json'])).out) as { key: string }[]).map((i) => i.key);
    return keys.indexOf(key) + 2;
  };
  const future113 = async () => (JSON.parse((await cli(['--db', db, 'show', '1-1-13', '--json'])).out) as { future: string[] }).future;

  it('import --json lists them as cleared and shrunk; apply --accept all leaves them undecided and says so', async () => {
    expect((await cli(['--db', db, 'export', 'ministry', '厚', '--out', sheet])).code).toBe(0);
    const before = await future113();
    expect(before.length).toBeGreaterThan(0);
    const edited = path.join(dir, '厚_回答.xlsx');
    fs.writeFileSync(
      edited,
      editCells(fs.readFileSync(sheet), {
        [`${COL.future}${await rowOf('1-1-13')}`]: '',
        [`${COL.actions}${await rowOf('1-1-5')}`]: '・データベースを構築する。',
      }),
    );
    const staged = JSON.parse((await cli(['--db', db, 'import', edited, '--json'])).out) as {
      batch: number;
      changes: { key: string; field: string; kind: string }[];
    };
    expect(staged.changes.map((c) => `${c.key}/${c.field}/${c.kind}`)).toEqual(['1-1-5/actions/shrunk', '1-1-13/future/cleared']);

    const applied = await cli(['--db', db, 'apply', String(staged.batch), '--accept', 'all']);
    expect(applied.code).toBe(0);
    expect(applied.out).toContain(`取込バッチ #${staged.batch} を反映しました: 変更 0 件、現状維持 2 件`);
    expect(applied.out).toContain(
      '空になる・大きく削除される欄 2 件は採用していません(現在の値のまま。--accept all では採用されません): 1-1-5/actions、1-1-13/future。',
    );
    expect(applied.out).toContain('反映するには --accept 1-1-5/actions のように欄を指定してください。');
    expect(await future113()).toEqual(before);
  });

  it('apply --accept KEY/FIELD takes such a cell; a bad FIELD is refused and changes nothing', async () => {
    const edited = path.join(dir, '厚_回答2.xlsx');
    fs.writeFileSync(edited, editCells(fs.readFileSync(sheet), { [`${COL.future}${await rowOf('1-1-13')}`]: '・' }));
    const plain = await cli(['--db', db, 'import', edited]);
    expect(plain.out).toContain('1-1-13 future: 空になる欄(この欄が空になります)');
    const batch = /取込バッチ #(\d+)/.exec(plain.out)![1]!;
    const before = await future113();
    const bad = await cli(['--db', db, 'apply', batch, '--accept', '1-1-13/title']);
    expect(bad).toMatchObject({ code: 1 });
    expect(bad.err).toContain('欄の指定が正しくありません: 1-1-13/title');
    expect(await future113()).toEqual(before);
    expect((await cli(['--db', db, 'batches'])).out).toMatch(new RegExp(`#${batch} staged`));
    const taken = await cli(['--db', db, 'apply', batch, '--accept', '1-1-13/future', '--json']);
    expect(JSON.parse(taken.out)).toMatchObject({ written: 1, untaken: [], heldBack: [] });
    expect(await future113()).toEqual([]);
  });
});
