// Migration 6 (editions): a database written before editions existed keeps every row a person made,
// its `r7` field becomes `actions` everywhere (tables, stored JSON), and the loaded plan becomes the
// 令和7 edition. The rows are written in the old vocabulary, as that version of the app wrote them.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/store/database';
import { listEditions } from '../../src/main/store/edition-store';
import { MIGRATIONS } from '../../src/main/store/migrations';
import { getItem, listRevisions } from '../../src/main/store/plan-store';
import { tempDbPath } from './helpers';

const TITLE =
  '健康・医療戦略及び医療分野研究開発推進計画のうち特にデータ利活用・ライフコースの観点から進めるべき事項の令和７年度の実施と今後の方向性等';
const AT = '2025-06-01T00:00:00.000Z';

function writeVersion5Database(file: string): void {
  const db = openDatabase(file, { migrations: MIGRATIONS.slice(0, 5) });
  const run = (sql: string, ...params: unknown[]) => db.prepare(sql).run(...params);
  run("INSERT INTO documents (name, kind, title, sha256, ingested_at) VALUES ('000_a.txt', 'plan', ?, 'abc', ?)", TITLE, AT);
  run(
    "INSERT INTO sections (id, level, major, middle, title, position) VALUES ('1', 'major', 1, NULL, '大項目', 0), ('1-1', 'middle', 1, 1, '中項目', 1)",
  );
  run("INSERT INTO issued_keys (key, issued_at) VALUES ('1-1-1', ?)", AT);
  run(
    `INSERT INTO items (key, origin, seed_json, section_id, major, middle, label, position, title, version, created_at, updated_at)
     VALUES ('1-1-1', 'plan:1-1-1', ?, '1-1', 1, 1, '①', 0, 'ゲノム研究の推進', 3, ?, ?)`,
    JSON.stringify({ title: '"ゲノム研究の推進"', r7: '[]', future: '[]' }),
    AT,
    AT,
  );
  run(
    "INSERT INTO bullets (item_key, field, ord, text) VALUES ('1-1-1', 'r7', 0, '試料を活用した研究を推進する【文】。'), ('1-1-1', 'future', 0, '引き続き推進する。')",
  );
  run(
    "INSERT INTO revisions (item_key, field, old_value, new_value, source, author, created_at) VALUES ('1-1-1', 'r7', '[]', '[]', 'edit', '事務局', ?)",
    AT,
  );
  run("INSERT INTO search_docs (item_key, field, ord, text, folded) VALUES ('1-1-1', 'r7', 0, '試料', '試料')");
  run("INSERT INTO exports (id, kind, ministry, created_at) VALUES ('e1', 'ministry', '文', ?)", AT);
  run("INSERT INTO export_values (export_id, item_key, field, value) VALUES ('e1', '1-1-1', 'r7', '[]'), ('e1', '1-1-1', 'comment', '')");
  run(
    "INSERT INTO import_batches (file_name, sha256, layout, ministry, export_id, status, report, created_at) VALUES ('文.xlsx', 's', 'ministry', '文', 'e1', 'staged', ?, ?)",
    JSON.stringify({ warnings: [], proposals: [{ row: 9, title: '新しい項目', r7: '・取組', future: '', comment: '' }] }),
    AT,
  );
  run(
    "INSERT INTO import_changes (batch_id, item_key, field, row, kind, ours, theirs) VALUES (1, '1-1-1', 'r7', 2, 'theirs', '・A', '・B')",
  );
  run(
    `INSERT INTO annotations (id, item_key, field, bullet_index, quote, prefix, suffix, start_offset, end_offset, revision, kind, color, status, author, created_at, updated_at)
     VALUES ('a1', '1-1-1', 'r7', 0, '試料', '', 'を活用', 0, 2, 3, 'comment', 'yellow', 'open', '委員', ?, ?)`,
    AT,
    AT,
  );
  run(
    "INSERT INTO annotation_replies (id, annotation_id, author, text, created_at, updated_at) VALUES ('r1', 'a1', '事務局', '確認します', ?, ?)",
    AT,
    AT,
  );
  run(
    "INSERT INTO annotation_history (annotation_id, source, value, replaced_at) VALUES ('a1', 'edit:委員', ?, ?)",
    JSON.stringify({ id: 'a1', field: 'r7', comment: '前の版' }),
    AT,
  );
  db.close();
}

describe('migration 6: editions', () => {
  it('renames the r7 field everywhere, keeps every row, and makes the loaded plan the 令和7 edition', () => {
    const file = tempDbPath();
    writeVersion5Database(file);
    const db = openDatabase(file);
    const fields = (table: string) => db.prepare(`SELECT DISTINCT field FROM ${table} ORDER BY field`).pluck().all();
    expect(fields('bullets')).toEqual(['actions', 'future']);
    expect(fields('revisions')).toEqual(['actions']);
    expect(fields('search_docs')).toEqual(['actions']);
    expect(fields('export_values')).toEqual(['actions', 'comment']);
    expect(fields('import_changes')).toEqual(['actions']);
    expect(fields('annotations')).toEqual(['actions']);
    // Children of rebuilt tables still point at their rows.
    expect(db.prepare('SELECT COUNT(*) FROM annotation_replies r JOIN annotations a ON a.id = r.annotation_id').pluck().get()).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

    const item = getItem(db, '1-1-1');
    expect(item.actions.map((b) => b.text)).toEqual(['試料を活用した研究を推進する【文】。']);
    expect(item.version).toBe(3);
    expect(listRevisions(db, '1-1-1').map((r) => r.field)).toEqual(['actions']);
    expect(JSON.parse(db.prepare('SELECT seed_json FROM items').pluck().get() as string)).toHaveProperty('actions', '[]');
    const report = JSON.parse(db.prepare('SELECT report FROM import_batches').pluck().get() as string) as {
      proposals: Record<string, unknown>[];
    };
    expect(report.proposals[0]).toMatchObject({ title: '新しい項目', actions: '・取組' });
    expect(report.proposals[0]).not.toHaveProperty('r7');
    expect(JSON.parse(db.prepare('SELECT value FROM annotation_history').pluck().get() as string)).toMatchObject({
      field: 'actions',
      comment: '前の版',
    });

    expect(listEditions(db)).toMatchObject([
      { fiscalYear: 7, label: '令和7年度版', title: TITLE, sourceName: '000_a.txt', status: 'current', items: 1 },
    ]);
    // The new CHECK constraints speak the new vocabulary only.
    expect(() => db.prepare("INSERT INTO bullets (item_key, field, ord, text) VALUES ('1-1-1', 'r7', 5, 'x')").run()).toThrow(
      /CHECK constraint/,
    );
    db.close();
  });

  it('an empty database gets no edition until a plan is loaded', () => {
    const db = openDatabase(tempDbPath());
    expect(listEditions(db)).toEqual([]);
    db.close();
  });
});
