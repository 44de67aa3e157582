import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openService } from '../../src/main/api/service';
import { applyEdition } from '../../src/main/editions/apply-edition';
import { ingestText } from '../../src/main/ingest/ingest';
import { ingestDir, loadSource } from '../../src/main/ingest/seed';
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
    expect(full.map((r) => [r.created, r.updated, r.revisions])).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(count(svc, 'SELECT COUNT(*) AS n FROM revisions')).toBe(0);
    expect(JSON.stringify(listItems(svc.db).map((it) => getItem(svc.db, it.key)))).toBe(snapshot);
    svc.close();
  });

  it('stages a changed source instead of writing it; applied, the item changes in place by key with a revision naming the source', async () => {
    const svc = seededService();
    const target = getItem(svc.db, '1-1-4');
    const firstBullet = target.actions[0]!.text;
    const changed = planText.replace(firstBullet.slice(0, 20), `${firstBullet.slice(0, 20)}【改訂】`);
    expect(changed).not.toBe(planText);
    const report = loadSource(svc.db, PLAN_FILE, changed);
    expect(report.staged).not.toBeNull();
    // Nothing written yet.
    expect(getItem(svc.db, '1-1-4')).toEqual(target);
    const result = await applyEdition(svc.db, report.staged!, '事務局');
    expect(result).toMatchObject({ kind: 'revision', fiscalYear: 7, updated: 1, added: [], dropped: [] });
    const after = getItem(svc.db, '1-1-4');
    expect(after.actions[0]!.text).toContain('【改訂】');
    expect(after.version).toBe(target.version + 1);
    const [rev] = listRevisions(svc.db, '1-1-4');
    expect(rev).toMatchObject({ field: 'actions', source: `edition:${PLAN_FILE}#${report.staged}` });
    expect(rev!.oldValue).toContain(firstBullet.slice(0, 20));
    expect(count(svc, 'SELECT COUNT(*) AS n FROM items')).toBe(56);
    svc.close();
  });

  it('an item a corrected source no longer has is retired (key kept); when it comes back it gets its key again', async () => {
    const svc = seededService();
    const row = planText.split('\n').find((l) => l.startsWith('⑤') && l.includes('多層的なデータ'))!;
    expect(row).toBeDefined();
    const first = loadSource(svc.db, PLAN_FILE, planText.replace(row, ''));
    const result = await applyEdition(svc.db, first.staged!, '事務局');
    expect(result.dropped).toEqual(['1-1-5']);
    expect(listItems(svc.db).map((it) => it.key)).not.toContain('1-1-5');
    expect(count(svc, 'SELECT COUNT(*) AS n FROM items WHERE retired_in IS NULL')).toBe(55);
    // The original source again: ⑤ is matched to its old key by content, not issued a new one.
    const back = loadSource(svc.db, `${PLAN_FILE}.restored`, `${planText}\n`);
    const again = await applyEdition(svc.db, back.staged!, '事務局');
    expect(again.added).toEqual([]);
    expect(listItems(svc.db).map((it) => it.key)).toContain('1-1-5');
    expect(count(svc, 'SELECT COUNT(*) AS n FROM issued_keys')).toBe(56);
    svc.close();
  });

  it('swapping ① and ② in the source does not swap their keys: items are matched by content', async () => {
    const svc = seededService();
    const one = getItem(svc.db, '3-2-1');
    const two = getItem(svc.db, '3-2-2');
    const lines = planText.split('\n');
    const i1 = lines.findIndex((l) => l.startsWith('①') && l.includes(one.title.slice(1, 15)));
    const i2 = lines.findIndex((l) => l.startsWith('②') && l.includes(two.title.slice(1, 15)));
    expect(i1).toBeGreaterThan(0);
    expect(i2).toBeGreaterThan(i1);
    // ② moves above ① and the two numbers are exchanged, as a revision of the table would do.
    const swapped = [
      ...lines.slice(0, i1),
      lines[i2]!.replace(/^②/, '①'),
      ...lines
        .slice(i1 + 1, i2)
        .join('\n')
        .split('\n'),
      lines[i1]!.replace(/^①/, '②'),
      ...lines.slice(i2 + 1),
    ];
    const report = loadSource(svc.db, PLAN_FILE, swapped.join('\n'));
    const batch = (await svc.dispatch('editions.get', { batch: report.staged! })) as {
      ok: true;
      result: { matched: { key: string; change: string }[] };
    };
    const changes = Object.fromEntries(batch.result.matched.filter((m) => m.key.startsWith('3-2-')).map((m) => [m.key, m.change]));
    expect(changes).toMatchObject({ '3-2-1': 'renumbered', '3-2-2': 'renumbered' });
    await applyEdition(svc.db, report.staged!, '事務局');
    expect(getItem(svc.db, '3-2-1').title).toBe(one.title);
    expect(getItem(svc.db, '3-2-2').title).toBe(two.title);
    expect(getItem(svc.db, '3-2-1').label).toBe('②');
    svc.close();
  });

  it('keeps an edit made in the app when the source changed other fields only', async () => {
    const svc = seededService();
    writeField(svc.db, '1-1-3', 'title', '編集後の小項目名', { author: '事務局 山田', source: 'edit' });
    const firstBullet = getItem(svc.db, '1-1-4').actions[0]!.text;
    const report = loadSource(svc.db, PLAN_FILE, planText.replace(firstBullet.slice(0, 20), `${firstBullet.slice(0, 20)}【改訂】`));
    await applyEdition(svc.db, report.staged!, '事務局');
    expect(getItem(svc.db, '1-1-3').title).toBe('編集後の小項目名');
    svc.close();
  });

  it('never reuses a key: a new item whose proposed key was issued before gets the next free number', async () => {
    const svc = seededService();
    const keys = listItems(svc.db).map((it) => it.key);
    expect(new Set(keys).size).toBe(56);
    expect(count(svc, 'SELECT COUNT(*) AS n FROM issued_keys')).toBe(56);
    // Two items vanish from the store (one in a middle section, one under a disease area) …
    const titles = { '1-1-3': getItem(svc.db, '1-1-3').title, '1-2-2-2': getItem(svc.db, '1-2-2-2').title };
    svc.db.prepare("DELETE FROM items WHERE key IN ('1-1-3', '1-2-2-2')").run();
    // … and come back from the source as new items: 1-1-3 … 1-1-17 and 1-2-2-1 … 1-2-2-5 were all issued.
    const report = loadSource(svc.db, PLAN_FILE, `${planText}\n`);
    const result = await applyEdition(svc.db, report.staged!, '事務局');
    expect(result.added.map((a) => a.key)).toEqual(['1-1-18', '1-2-2-6']);
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
