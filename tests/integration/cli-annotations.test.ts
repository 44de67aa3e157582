import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openService } from '../../src/main/api/service';
import { readField, writeField } from '../../src/main/store/plan-store';
import type { Bullet } from '../../src/shared/domain';
import { cli } from './cli-helpers';
import { tempDbPath, tempDir } from './helpers';

describe('CLI: annotations', () => {
  const db = tempDbPath();
  const dir = tempDir();
  const file = path.join(dir, '注釈.xlsx');

  it('annotate KEY --field --quote --comment --tag… --json anchors on the quote', async () => {
    const res = await cli([
      '--db',
      db,
      'annotate',
      '1-1-1',
      '--field',
      'actions',
      '--quote',
      'ファーマコゲノミクス研究',
      '--comment',
      '対象疾患は?',
      '--tag',
      '要確認',
      '--tag',
      'ゲノム',
      '--json',
    ]);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.out)).toMatchObject({
      itemKey: '1-1-1',
      field: 'actions',
      bulletIndex: 1,
      comment: '対象疾患は?',
      tags: ['要確認', 'ゲノム'],
      state: 'anchored',
    });
    const text = await cli(['--db', db, 'annotate', '1-1-1', '--field', 'title', '--quote', '病態の解明', '--comment', '範囲が広い']);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^注釈を付けました: 1-1-1 +小項目名 \[本文中\] «病態の解明» 範囲が広い/);
  });

  it('annotate refuses a quote not in the field (exit 1, one line) and bad usage (exit 2)', async () => {
    const missing = await cli(['--db', db, 'annotate', '1-1-1', '--field', 'future', '--quote', 'どこにもない', '--comment', 'x']);
    expect(missing.code).toBe(1);
    expect(missing.err).toBe('error: 項目 1-1-1 の「今後の方向性・課題など」に「どこにもない」が見つかりません');
    const badField = await cli(['--db', db, 'annotate', '1-1-1', '--field', 'r8', '--quote', 'x']);
    expect(badField.code).toBe(1);
    expect(badField.err).toMatch(/^error: 入力が正しくありません: field/);
    const badKey = await cli(['--db', db, 'annotate', '9-9-9', '--field', 'actions', '--quote', 'x']);
    expect(badKey).toMatchObject({ code: 1, err: 'error: 項目が見つかりません: 9-9-9' });
    expect((await cli(['--db', db, 'annotate', '1-1-1', '--quote', 'x'])).code).toBe(2);
    expect((await cli(['--db', db, 'annotate', '1-1-1', '--field', 'actions'])).code).toBe(2);
    expect((await cli(['--db', db, 'annotate', '--field', 'actions', '--quote', 'x'])).code).toBe(2);
    expect((await cli(['--db', db, 'annotate', '1-1-1', '--field', 'actions', '--quote', 'x', '--out', 'a.xlsx'])).code).toBe(2);
  });

  it('annotations [--json] lists each one anchored or orphan', async () => {
    const before = JSON.parse((await cli(['--db', db, 'annotations', '--json'])).out) as { state: string }[];
    expect(before.map((a) => a.state)).toEqual(['anchored', 'anchored']);
    // The ministry's answer drops the quoted words: the annotation becomes an orphan.
    const svc = openService(db);
    const actions = readField(svc.db, '1-1-1', 'actions') as Bullet[];
    writeField(
      svc.db,
      '1-1-1',
      'actions',
      actions.map((b) => ({ ...b, text: b.text.replace('ファーマコゲノミクス研究や', '') })),
      { author: 't', source: 'edit' },
    );
    svc.close();
    const after = JSON.parse((await cli(['--db', db, 'annotations', '--json'])).out) as { state: string; anchor: { quote: string } }[];
    expect(after.map((a) => a.state).sort()).toEqual(['anchored', 'orphan']);
    const text = await cli(['--db', db, 'annotations']);
    expect(text.out).toContain('[元の文言なし] «ファーマコゲノミクス研究»');
    expect(text.out).toMatch(/2 件\(元の文言なし 1 件\)$/);
  });

  it('annotations export --out FILE.xlsx, then import FILE… [--json]', async () => {
    const exported = await cli(['--db', db, 'annotations', 'export', '--out', file]);
    expect(exported).toMatchObject({ code: 0, out: `${file}: 注釈 2 件(返信 0 件)を書き出しました` });
    expect(fs.existsSync(file)).toBe(true);
    const other = tempDbPath();
    const imported = await cli(['--db', other, 'annotations', 'import', file, '--json']);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.out)).toMatchObject([
      { file: '注釈.xlsx', error: null, annotations: { created: 2, updated: 0, unchanged: 0 } },
    ]);
    const again = await cli(['--db', other, 'annotations', 'import', file, file]);
    expect(again.code).toBe(0);
    expect(again.out.split('\n')).toEqual([
      '注釈.xlsx: 注釈 新規 0 件・更新 0 件・変更なし 2 件、返信 新規 0 件・更新 0 件・変更なし 0 件',
      '注釈.xlsx: 注釈 新規 0 件・更新 0 件・変更なし 2 件、返信 新規 0 件・更新 0 件・変更なし 0 件',
    ]);
  });

  it('annotations import refuses bad files with one line (exit 1), and bad usage with exit 2', async () => {
    const bad = path.join(dir, 'bad.xlsx');
    fs.writeFileSync(bad, 'これは Excel ではない\n');
    const res = await cli(['--db', db, 'annotations', 'import', bad, path.join(dir, 'ない.xlsx')]);
    expect(res.code).toBe(1);
    expect(res.err.split('\n')).toHaveLength(1);
    expect(res.err).toMatch(/^error: bad\.xlsx: Excel のファイルではありません.*(ほかに 1 件のファイルも取り込めませんでした)/);
    expect((await cli(['--db', db, 'annotations', 'import'])).code).toBe(2);
    expect((await cli(['--db', db, 'annotations', 'export'])).code).toBe(2);
    expect((await cli(['--db', db, 'annotations', 'export', '--out', file, '--json'])).code).toBe(2);
    expect((await cli(['--db', db, 'annotations', '--out', file])).code).toBe(2);
    expect((await cli(['--db', db, 'annotations', 'purge'])).code).toBe(2);
  });
});
