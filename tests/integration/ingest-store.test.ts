import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openService } from '../../src/main/api/service';
import { ingestDir, ingestText } from '../../src/main/ingest/ingest';
import { getItem, listItems, listRevisions, writeField } from '../../src/main/store/plan-store';
import { count, PLAN_FILE, PROJECT_FILE, SEED_DIR, seededService, tempDbPath } from './helpers';

const planText = fs.readFileSync(path.join(SEED_DIR, PLAN_FILE), 'utf8');

describe('first start', () => {
  it('fills an empty database from seeds/ so the app opens on the real plan', () => {
    const svc = seededService();
    expect(svc.seeded?.map((r) => r.document)).toEqual([PLAN_FILE, PROJECT_FILE]);
    expect(count(svc, 'SELECT COUNT(*) AS n FROM items')).toBe(56);
    expect(count(svc, 'SELECT COUNT(*) AS n FROM projects')).toBe(1);
    expect(count(svc, "SELECT COUNT(*) AS n FROM sections WHERE level = 'major'")).toBe(4);
    // Creation is not a change: no revisions yet.
    expect(count(svc, 'SELECT COUNT(*) AS n FROM revisions')).toBe(0);
    svc.close();
  });

  it('does not seed again when the store already has data', () => {
    const file = tempDbPath();
    openService(file).close();
    const again = openService(file);
    expect(again.seeded).toBeNull();
    again.close();
  });
});

describe('ingest', () => {
  it('is idempotent: the same files again change nothing and write no revision', () => {
    const svc = seededService();
    const snapshot = JSON.stringify(listItems(svc.db).map((it) => getItem(svc.db, it.key)));
    const reports = ingestDir(svc.db, SEED_DIR);
    expect(reports.every((r) => r.unchanged)).toBe(true);
    // Even with the shortcut on the file hash out of the way, a full re-ingest writes nothing.
    svc.db.prepare("UPDATE documents SET sha256 = 'stale'").run();
    const full = ingestDir(svc.db, SEED_DIR);
    expect(full.map((r) => [r.created, r.updated, r.revisions])).toEqual([[0, 0, 0], [0, 0, 0]]);
    expect(count(svc, 'SELECT COUNT(*) AS n FROM revisions')).toBe(0);
    expect(JSON.stringify(listItems(svc.db).map((it) => getItem(svc.db, it.key)))).toBe(snapshot);
    svc.close();
  });

  it('updates a changed item in place by key and writes a revision naming the source', () => {
    const svc = seededService();
    const target = getItem(svc.db, '1-1-4');
    const firstBullet = target.actions[0]!.text;
    const changed = planText.replace(firstBullet.slice(0, 20), `${firstBullet.slice(0, 20)}【改訂】`);
    expect(changed).not.toBe(planText);
    const report = ingestText(svc.db, PLAN_FILE, changed);
    expect(report.created).toBe(0);
    expect(report.updated).toBe(1);
    const after = getItem(svc.db, '1-1-4');
    expect(after.actions[0]!.text).toContain('【改訂】');
    expect(after.version).toBe(target.version + 1);
    const [rev] = listRevisions(svc.db, '1-1-4');
    expect(rev).toMatchObject({ field: 'actions', source: `seed:${PLAN_FILE}` });
    expect(rev!.oldValue).toContain(firstBullet.slice(0, 20));
    expect(count(svc, 'SELECT COUNT(*) AS n FROM items')).toBe(56);
    svc.close();
  });

  it('keeps an item the new source no longer has, with a warning, and drops the warning when it returns', () => {
    const svc = seededService();
    const row = planText.split('\n').find((l) => l.startsWith('⑤') && l.includes('多層的なデータ'))!;
    expect(row).toBeDefined();
    const report = ingestText(svc.db, PLAN_FILE, planText.replace(row, ''));
    expect(count(svc, 'SELECT COUNT(*) AS n FROM items')).toBe(56);
    expect(getItem(svc.db, '1-1-5').warnings.at(-1)).toMatch(/最新の資料.*見当たりません/);
    expect(report.warnings.some((w) => w.startsWith('1-1-5:'))).toBe(true);
    ingestText(svc.db, PLAN_FILE, planText);
    expect(getItem(svc.db, '1-1-5').warnings.some((w) => w.includes('見当たりません'))).toBe(false);
    svc.close();
  });

  it('keeps an edit made in the app when the source text of that field did not change', () => {
    const svc = seededService();
    writeField(svc.db, '1-1-3', 'title', '編集後の小項目名', { author: '事務局 山田', source: 'edit' });
    svc.db.prepare("UPDATE documents SET sha256 = 'stale'").run();
    ingestDir(svc.db, SEED_DIR);
    expect(getItem(svc.db, '1-1-3').title).toBe('編集後の小項目名');
    svc.close();
  });

  it('never reuses a key: a new item whose proposed key was issued before gets the next free number', () => {
    const svc = seededService();
    const keys = listItems(svc.db).map((it) => it.key);
    expect(new Set(keys).size).toBe(56);
    expect(count(svc, 'SELECT COUNT(*) AS n FROM issued_keys')).toBe(56);
    // Two items vanish from the store (one in a middle section, one under a disease area) …
    const titles = { '1-1-3': getItem(svc.db, '1-1-3').title, '1-2-2-2': getItem(svc.db, '1-2-2-2').title };
    svc.db.prepare("DELETE FROM items WHERE key IN ('1-1-3', '1-2-2-2')").run();
    // … and come back from the source as new items: 1-1-3 … 1-1-17 and 1-2-2-1 … 1-2-2-5 were all issued.
    const report = ingestText(svc.db, PLAN_FILE, `${planText}\n`);
    expect(report.created).toBe(2);
    const origin = (o: string) => svc.db.prepare('SELECT key, title FROM items WHERE origin = ?').get(o);
    expect(origin('plan:1-1-3')).toEqual({ key: '1-1-18', title: titles['1-1-3'] });
    expect(origin('plan:1-2-2-2')).toEqual({ key: '1-2-2-6', title: titles['1-2-2-2'] });
    expect(count(svc, "SELECT COUNT(*) AS n FROM items WHERE key IN ('1-1-3', '1-2-2-2')")).toBe(0);
    expect(count(svc, 'SELECT COUNT(*) AS n FROM issued_keys')).toBe(58);
    svc.close();
  });

  it('refuses a text that is neither document, with a message naming the file, and changes nothing', () => {
    const svc = seededService();
    const before = count(svc, 'SELECT total_changes() AS n');
    expect(() => ingestText(svc.db, 'memo.txt', 'ただのメモです。')).toThrow(/memo\.txt.*取り込めません/);
    expect(count(svc, 'SELECT COUNT(*) AS n FROM documents')).toBe(2);
    expect(count(svc, 'SELECT total_changes() AS n')).toBe(before);
    svc.close();
  });
});

describe('item edits', () => {
  it('write one revision per changed field with old, new, source, author and time', () => {
    const svc = seededService();
    const item = getItem(svc.db, '1-1-1');
    const actions = [...item.actions.map(({ text, level }) => ({ text, level })), { text: '新しい取組を追加する【文】。', level: 0 }];
    expect(writeField(svc.db, '1-1-1', 'actions', actions, { author: '委員 佐藤', source: 'edit' })).toBe(true);
    // Saving the same value again is not a change.
    expect(writeField(svc.db, '1-1-1', 'actions', actions, { author: '委員 佐藤', source: 'edit' })).toBe(false);
    const revs = listRevisions(svc.db, '1-1-1');
    expect(revs).toHaveLength(1);
    expect(revs[0]).toMatchObject({ field: 'actions', author: '委員 佐藤', source: 'edit' });
    expect(JSON.parse(revs[0]!.newValue)).toHaveLength(item.actions.length + 1);
    expect(revs[0]!.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    // The new bullet's own ministry tag is read from its text.
    expect(getItem(svc.db, '1-1-1').actions.at(-1)).toMatchObject({ ministries: ['文'] });
    svc.close();
  });
});
