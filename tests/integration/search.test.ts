import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../src/main/api/service';
import { search } from '../../src/main/store/search';
import { seededService } from './helpers';

let svc: Service;
beforeAll(() => {
  svc = seededService();
});
afterAll(() => svc.close());

function marked(h: { snippet: string; marks: { start: number; end: number }[] }): string[] {
  return h.marks.map((m) => h.snippet.slice(m.start, m.end));
}

describe('search', () => {
  it('finds 3+ character queries through the trigram index, ranked, with the match marked', () => {
    const hits = search(svc.db, '認知症');
    expect(hits.length).toBeGreaterThan(5);
    expect(hits.every((h) => marked(h).every((m) => m === '認知症'))).toBe(true);
    // Scores never increase down the list.
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
    // The 認知症 disease area heading ranks above mere bullet mentions.
    expect(hits.findIndex((h) => h.field === 'section')).toBeLessThan(hits.findIndex((h) => h.field === 'actions'));
  });

  it.each(['がん', '課題', '連携', 'PJ'])('finds the 2-character query %s, which trigrams alone cannot', (q) => {
    const hits = search(svc.db, q);
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(marked(h).join('').toLowerCase()).toContain(q.toLowerCase());
  });

  it('finds a 1-character query', () => {
    const hits = search(svc.db, '薬', 500);
    expect(hits.length).toBeGreaterThan(10);
    expect(hits.every((h) => marked(h).includes('薬'))).toBe(true);
    expect(search(svc.db, 'が', 500).length).toBeGreaterThan(50);
  });

  it('folds width: ＡＭＥＤ finds AMED and ｶﾞﾝ finds ガン-less text the same as full-width', () => {
    const half = search(svc.db, 'AMED', 500);
    const full = search(svc.db, 'ＡＭＥＤ', 500);
    expect(half.length).toBeGreaterThan(0);
    expect(full.map((h) => [h.key, h.field, h.ord])).toEqual(half.map((h) => [h.key, h.field, h.ord]));
  });

  it('folds spacing: 令和7年度 and 令和 7 年度 find each other', () => {
    const tight = search(svc.db, '令和7年度', 500);
    const spaced = search(svc.db, '令和 7 年度', 500);
    expect(tight.map((h) => h.key)).toEqual(spaced.map((h) => h.key));
    // The source spells it both ways; both spellings are among the hits and are marked in place.
    expect(tight.some((h) => marked(h).includes('令和 7 年度'))).toBe(true);
    expect(tight.some((h) => marked(h).includes('令和7年度'))).toBe(true);
  });

  it('ranks an item whose title holds the query above items that only mention it in a bullet', () => {
    const hits = search(svc.db, 'ゲノムデータ基盤');
    expect(hits[0]).toMatchObject({ field: 'title' });
  });

  it('finds an item by its key, and the items under a key prefix', () => {
    expect(search(svc.db, '1-1-4')[0]).toMatchObject({ key: '1-1-4', field: 'title' });
    expect(search(svc.db, '１－１－４')[0]).toMatchObject({ key: '1-1-4' });
    const area = search(svc.db, '1-2-2').map((h) => h.key);
    expect(area.slice(0, 5)).toEqual(['1-2-2-1', '1-2-2-2', '1-2-2-3', '1-2-2-4', '1-2-2-5']);
    expect(search(svc.db, '9-9-9')).toEqual([]);
  });

  it('returns nothing for an empty or blank query and for text that is not there', () => {
    expect(search(svc.db, '')).toEqual([]);
    expect(search(svc.db, ' 　 ')).toEqual([]);
    expect(search(svc.db, '存在しない語句ですよ')).toEqual([]);
  });

  it('treats FTS syntax in a query as plain text', () => {
    expect(() => search(svc.db, '"AND OR NOT (*')).not.toThrow();
    expect(() => search(svc.db, 'a"b')).not.toThrow();
  });

  it('follows edits: an edited title is found by its new words, not its old ones', async () => {
    const res = await svc.dispatch('items.update', { key: '1-1-2', field: 'title', value: '検索確認用の新しい題名', author: 'テスト' });
    expect(res.ok).toBe(true);
    expect(search(svc.db, '検索確認用').map((h) => h.key)).toEqual(['1-1-2']);
  });
});
