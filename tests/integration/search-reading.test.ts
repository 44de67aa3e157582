// Search by reading, 「もしかして」 suggestions and saved views, on the seeded store and through the API door.
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SavedView, SearchHit } from '../../src/shared/api';
import type { Service } from '../../src/main/api/service';
import { writeField } from '../../src/main/store/plan-store';
import { openDatabase } from '../../src/main/store/database';
import { search } from '../../src/main/store/search';
import { fillSearchReadings, pendingReadings } from '../../src/main/store/search-readings';
import { suggest } from '../../src/main/store/search-suggest';
import { count, ROOT, seededService, tempDbPath } from './helpers';

let svc: Service;
beforeAll(() => {
  svc = seededService();
});
afterAll(() => svc.close());

function marked(h: SearchHit): string[] {
  return h.marks.map((m) => h.snippet.slice(m.start, m.end));
}

async function call<T>(method: string, args: unknown): Promise<T> {
  const res = await svc.dispatch(method, args);
  if (!res.ok) throw new Error(res.error.message);
  return res.result as T;
}

describe('search by reading', () => {
  it.each([
    ['にんちしょう', '認知症'],
    ['げのむ', 'ゲノム'],
    ['いりょうでぃーえっくす', '医療DX'],
  ])('%s finds the texts holding %s, marked in the original text', (reading, word) => {
    const byReading = search(svc.db, reading, 500);
    const byText = search(svc.db, word, 500);
    expect(byReading.length).toBeGreaterThan(0);
    // Every text the word itself finds is found by its reading too.
    const ids = (hits: SearchHit[]) => new Set(hits.map((h) => `${h.key}/${h.field}/${h.ord}`));
    for (const id of ids(byText)) expect(ids(byReading)).toContain(id);
    // The hits mark the original words, never the reading.
    for (const h of byReading) expect(marked(h).join('')).toContain(word);
  });

  it('matches a katakana query against readings as well (ニンチショウ)', () => {
    expect(search(svc.db, 'ニンチショウ', 500).map((h) => h.key)).toEqual(search(svc.db, 'にんちしょう', 500).map((h) => h.key));
  });

  it('indexes the reading of an edited text at once', () => {
    writeField(svc.db, '1-1-1', 'title', '量子暗号の推進', { author: 'テスト', source: 'edit' });
    const hits = search(svc.db, 'りょうしあんごう');
    expect(hits.map((h) => [h.key, h.field, marked(h)])).toEqual([['1-1-1', 'title', ['量子暗号']]]);
  });
});

describe('pending readings (ingest leaves the analysis to the first search by reading)', () => {
  const ids = (hits: SearchHit[]) => hits.map((h) => `${h.key}/${h.field}/${h.ord}/${marked(h).join('|')}`);

  it('a search by reading fills every pending reading first, so it finds what it found before', () => {
    const before = ids(search(svc.db, 'にんちしょう', 500));
    fillSearchReadings(svc.db); // what the migration does: every reading pending
    expect(pendingReadings(svc.db)).toBe(count(svc, 'SELECT COUNT(*) AS n FROM search_docs'));
    expect(ids(search(svc.db, '認知症', 500)).length).toBeGreaterThan(0); // a text query does not need them
    expect(pendingReadings(svc.db)).toBeGreaterThan(0);
    expect(ids(search(svc.db, 'にんちしょう', 500))).toEqual(before);
    expect(pendingReadings(svc.db)).toBe(0);
  });

  it('もしかして fills pending readings before building its vocabulary', () => {
    fillSearchReadings(svc.db);
    expect(suggest(svc.db, 'ゲノン')).toBe('ゲノム');
    expect(pendingReadings(svc.db)).toBe(0);
  });

  it('finds texts another connection left pending after this one had filled its own', () => {
    const file = tempDbPath();
    const seeded = seededService();
    seeded.db.prepare('VACUUM INTO ?').run(file);
    seeded.close();
    const app = openDatabase(file);
    const cli = openDatabase(file);
    try {
      const before = ids(search(app, 'げのむ', 500));
      expect(before.length).toBeGreaterThan(0);
      fillSearchReadings(cli);
      expect(pendingReadings(app)).toBeGreaterThan(0);
      expect(ids(search(app, 'げのむ', 500))).toEqual(before);
      expect(pendingReadings(app)).toBe(0);
    } finally {
      app.close();
      cli.close();
    }
  });
});

describe('pending readings written by another process', () => {
  /** An edit made by a fresh process (the CLI beside the app), which has not loaded the analyser. */
  function editInOtherProcess(file: string, key: string, title: string): void {
    const module = (p: string) => JSON.stringify(pathToFileURL(path.join(ROOT, 'src', 'main', 'store', p)).href);
    const res = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `import { openDatabase } from ${module('database.ts')};
         import { writeField } from ${module('plan-store.ts')};
         const db = openDatabase(${JSON.stringify(file)});
         writeField(db, ${JSON.stringify(key)}, 'title', ${JSON.stringify(title)}, { author: 'テスト', source: 'edit' });
         db.close();`,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(res.stderr).toBe('');
  }

  it('an edit by a process without the analyser leaves its reading pending; the next search by reading here fills it', () => {
    const file = tempDbPath();
    const seeded = seededService();
    seeded.db.prepare('VACUUM INTO ?').run(file);
    seeded.close();
    const app = openDatabase(file);
    try {
      expect(search(app, 'にんちしょう').length).toBeGreaterThan(0);
      expect(pendingReadings(app)).toBe(0);
      editInOtherProcess(file, '1-1-1', '量子暗号の推進');
      // Every text of the edited item is indexed again, each with its reading pending.
      expect(pendingReadings(app)).toBe(app.prepare("SELECT COUNT(*) FROM search_docs WHERE item_key = '1-1-1'").pluck().get());
      expect(pendingReadings(app)).toBeGreaterThan(1);
      const hits = search(app, 'りょうしあんごう');
      expect(hits.map((h) => [h.key, h.field, marked(h)])).toEqual([['1-1-1', 'title', ['量子暗号']]]);
      expect(pendingReadings(app)).toBe(0);
      // The reading index holds exactly what the texts say (a row taken out and put back in step).
      expect(() => app.exec("INSERT INTO search_reading(search_reading, rank) VALUES ('integrity-check', 1)")).not.toThrow();
    } finally {
      app.close();
    }
  });
});

describe('a read-only database with pending readings', () => {
  it('finds by reading and suggests from readings analysed in memory, writing nothing', () => {
    const file = tempDbPath();
    const seeded = seededService();
    const expected = search(seeded.db, 'にんちしょう', 500).map((h) => `${h.key}/${h.field}/${h.ord}/${marked(h).join('|')}`);
    seeded.db.prepare('VACUUM INTO ?').run(file);
    seeded.close();
    const writer = openDatabase(file);
    fillSearchReadings(writer); // every reading pending, as a CLI seed leaves them
    writer.close();
    const ro = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const pending = pendingReadings(ro);
      expect(pending).toBeGreaterThan(0);
      const hits = search(ro, 'にんちしょう', 500).map((h) => `${h.key}/${h.field}/${h.ord}/${marked(h).join('|')}`);
      expect([...hits].sort()).toEqual([...expected].sort());
      expect(suggest(ro, 'ゲノン')).toBe('ゲノム');
      expect(pendingReadings(ro)).toBe(pending);
    } finally {
      ro.close();
    }
  });
});

describe('もしかして', () => {
  it('suggests ゲノム for ゲノン, and nothing for a word the index holds or for noise', async () => {
    expect(search(svc.db, 'ゲノン')).toEqual([]);
    expect(await call('search.suggest', { query: 'ゲノン' })).toEqual({ suggestion: 'ゲノム' });
    expect(await call('search.suggest', { query: 'げのん' })).toEqual({ suggestion: 'ゲノム' });
    expect(await call('search.suggest', { query: 'にんちしよう' })).toEqual({ suggestion: '認知症' });
    expect(await call('search.suggest', { query: 'ゲノム' })).toEqual({ suggestion: null });
    expect(await call('search.suggest', { query: 'ぬぬぬぬぬぬ' })).toEqual({ suggestion: null });
  });

  it('answers fast once the vocabulary is built', async () => {
    await call('search.suggest', { query: 'ゲノン' });
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) await call('search.suggest', { query: 'いりょうでーた' });
    expect((performance.now() - t0) / 20).toBeLessThan(50);
  });
});

describe('saved views', () => {
  it('saves, lists by name, renames and deletes views, kept in the database', async () => {
    const saved = await call<SavedView[]>('views.save', { name: '厚労省・認知症', filters: { ministry: '厚' }, query: '認知症' });
    expect(saved).toMatchObject([{ name: '厚労省・認知症', filters: { ministry: '厚' }, query: '認知症' }]);
    await call('views.save', { name: 'がん領域', filters: { area: 1, lead: true }, query: '' });
    const id = saved[0]!.id;
    const renamed = await call<SavedView[]>('views.rename', { id, name: '厚労省の認知症' });
    expect(renamed.map((v) => v.name)).toEqual(['がん領域', '厚労省の認知症']);
    expect(count(svc, 'SELECT COUNT(*) AS n FROM saved_views')).toBe(2);
    expect((await call<SavedView[]>('views.delete', { id })).map((v) => v.name)).toEqual(['がん領域']);
    expect(await call<SavedView[]>('views.list', {})).toHaveLength(1);
  });

  it('refuses a duplicate or empty name and bad filters with a Japanese message, changing nothing', async () => {
    const before = await call<SavedView[]>('views.list', {});
    const dup = await svc.dispatch('views.save', { name: 'がん領域', filters: {}, query: '' });
    expect(dup).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('すでにあります') } });
    const empty = await svc.dispatch('views.save', { name: '  ', filters: {}, query: '' });
    expect(empty).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringContaining('名前を入力') } });
    const badFilter = await svc.dispatch('views.save', { name: '新しいビュー', filters: { ministry: '財' }, query: '' });
    expect(badFilter.ok).toBe(false);
    const gone = await svc.dispatch('views.rename', { id: 9999, name: 'x' });
    expect(gone).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringContaining('見つかりません') } });
    const renameDup = await svc.dispatch('views.save', { name: 'もう一つ', filters: {}, query: '' });
    expect(renameDup.ok).toBe(true);
    const clash = await svc.dispatch('views.rename', { id: before[0]!.id, name: 'もう一つ' });
    expect(clash).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const after = await call<SavedView[]>('views.list', {});
    expect(after.map((v) => v.name)).toEqual(['がん領域', 'もう一つ']);
    expect(after.find((v) => v.name === 'がん領域')).toEqual(before[0]);
  });
});
