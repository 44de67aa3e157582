import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../src/main/api/service';
import { count, seededService } from './helpers';

let svc: Service;
beforeAll(() => {
  svc = seededService();
});
afterAll(() => svc.close());

describe('API contract door', () => {
  it('lists the plan: 4 大項目, their 中項目 and 分野, 56 items in document order', async () => {
    const res = await svc.dispatch('plan.overview', {});
    if (!res.ok) throw new Error(res.error.message);
    const overview = res.result as { sections: { level: string }[]; itemCount: number; title: string };
    expect(overview.sections.filter((s) => s.level === 'major')).toHaveLength(4);
    expect(overview.sections.filter((s) => s.level === 'area')).toHaveLength(6);
    expect(overview.itemCount).toBe(56);
    expect(overview.title).toContain('令和7年度の実施と今後の方向性等');
    const items = await svc.dispatch('items.list', {});
    if (!items.ok) throw new Error();
    const list = items.result as { position: number; major: number }[];
    expect(list.map((i) => i.position)).toEqual([...list.map((i) => i.position)].sort((a, b) => a - b));
    expect(list.map((i) => i.major)).toEqual([...list.map((i) => i.major)].sort());
  });

  it('filters by ministry, lead and disease area', async () => {
    const all = await svc.dispatch('items.list', { ministry: '厚' });
    const lead = await svc.dispatch('items.list', { ministry: '厚', lead: true });
    const area = await svc.dispatch('items.list', { area: 2 });
    if (!all.ok || !lead.ok || !area.ok) throw new Error();
    const a = all.result as { ministries: string[]; lead: string[] }[];
    const l = lead.result as { ministries: string[]; lead: string[] }[];
    expect(a.length).toBeGreaterThan(l.length);
    expect(a.every((i) => i.ministries.includes('厚'))).toBe(true);
    expect(l.every((i) => i.lead.includes('厚'))).toBe(true);
    expect((area.result as { area: number }[]).every((i) => i.area === 2)).toBe(true);
  });

  it('filters by a set of keys (the follow-up overview opens its counts so), with the other filters', async () => {
    const some = await svc.dispatch('items.list', { keys: ['1-1-11', '1-1-3', '9-9-9'] });
    const both = await svc.dispatch('items.list', { keys: ['1-1-11', '1-1-3'], ministry: '文' });
    if (!some.ok || !both.ok) throw new Error();
    expect((some.result as { key: string }[]).map((i) => i.key)).toEqual(['1-1-3', '1-1-11']);
    expect((both.result as { key: string }[]).map((i) => i.key)).toEqual(['1-1-3']);
    const bad = await svc.dispatch('items.list', { keys: ['1-1-x'] });
    expect(bad).toMatchObject({ ok: false, error: { message: expect.stringContaining('管理番号') } });
  });

  it('rejects unknown methods and bad arguments with a Japanese message, changing nothing', async () => {
    const before = count(svc, 'SELECT COUNT(*) AS n FROM revisions');
    const unknown = await svc.dispatch('items.drop', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const badKey = await svc.dispatch('items.get', { key: '../etc' });
    expect(badKey).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringContaining('管理番号') } });
    const badMinistry = await svc.dispatch('items.list', { ministry: '財' });
    expect(badMinistry.ok).toBe(false);
    const emptyTitle = await svc.dispatch('items.update', { key: '1-1-1', field: 'title', value: '   ', author: 'x' });
    expect(emptyTitle).toMatchObject({ ok: false, error: { message: expect.stringContaining('空にできません') } });
    const noAuthor = await svc.dispatch('items.update', { key: '1-1-1', field: 'title', value: '題名', author: '' });
    expect(noAuthor.ok).toBe(false);
    const extra = await svc.dispatch('items.get', { key: '1-1-1', sql: 'DROP TABLE items' });
    expect(extra.ok).toBe(false);
    const missing = await svc.dispatch('items.get', { key: '9-9-9' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found', message: '項目が見つかりません: 9-9-9' } });
    expect(count(svc, 'SELECT COUNT(*) AS n FROM revisions')).toBe(before);
  });

  it('edits with a version check, keeps history newest first, and restores as a new revision', async () => {
    const item = await svc.dispatch('items.get', { key: '1-1-3' });
    if (!item.ok) throw new Error();
    const { version, title } = item.result as { version: number; title: string };
    const edit = await svc.dispatch('items.update', {
      key: '1-1-3',
      field: 'title',
      value: `${title}(改)`,
      author: '事務局',
      expectedVersion: version,
    });
    expect(edit.ok).toBe(true);
    const stale = await svc.dispatch('items.update', {
      key: '1-1-3',
      field: 'title',
      value: '古い画面からの編集',
      author: '事務局',
      expectedVersion: version,
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const history = await svc.dispatch('items.history', { key: '1-1-3' });
    if (!history.ok) throw new Error();
    const revs = history.result as { id: number; oldValue: string; newValue: string }[];
    expect(revs).toHaveLength(1);
    expect(revs[0]).toMatchObject({ oldValue: title, newValue: `${title}(改)` });
    const restored = await svc.dispatch('items.restore', { revisionId: revs[0]!.id, author: '事務局' });
    expect(restored).toMatchObject({ ok: true, result: { title } });
    const after = await svc.dispatch('items.history', { key: '1-1-3' });
    if (!after.ok) throw new Error();
    expect((after.result as { source: string }[])[0]).toMatchObject({ source: `restore:#${revs[0]!.id}` });
  });

  it('keeps the author name in preferences', async () => {
    expect(await svc.dispatch('prefs.get', {})).toMatchObject({ ok: true, result: { author: '' } });
    await svc.dispatch('prefs.set', { author: '委員 田中' });
    expect(await svc.dispatch('prefs.get', {})).toMatchObject({ ok: true, result: { author: '委員 田中' } });
  });

  it('returns the AMED project record', async () => {
    const res = await svc.dispatch('projects.list', undefined);
    expect(res).toMatchObject({ ok: true, result: [{ name: expect.stringContaining('医療等情報連携基盤') }] });
  });
});
