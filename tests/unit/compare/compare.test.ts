import { describe, expect, it } from 'vitest';
import { compareItem, isBoilerplateOnly } from '../../../src/shared/compare/compare';
import type { Bullet } from '../../../src/shared/domain';
import { ITEMS, type FixtureItem } from './fixtures';

function item(idPrefix: string): FixtureItem {
  const found = ITEMS.find((i) => i.id.startsWith(idPrefix));
  if (!found) throw new Error(`no fixture ${idPrefix}`);
  return found;
}

const compare = (i: FixtureItem) => compareItem(i.actions, i.future);
const linksOf = (i: FixtureItem) => compare(i).future.map((f) => f.links.map((l) => l.actions));
const labelsOf = (i: FixtureItem) => compare(i).future.map((f) => f.label);

describe('compareItem: links on real items', () => {
  it.each(ITEMS.map((i) => [i.id, i] as const))('%s: every clear follow-up is linked, nothing unrelated is', (_id, i) => {
    const result = compare(i);
    result.future.forEach((f) => {
      if (i.unsure?.includes(f.index)) return;
      const got = f.links.map((l) => l.actions);
      const allowed = [...i.links[f.index]!, ...(i.related?.[f.index] ?? [])];
      expect(got, `future ${f.index}`).toEqual(expect.arrayContaining(i.links[f.index]!));
      for (const r of got) expect(allowed, `future ${f.index} → actions ${r}`).toContain(r);
    });
  });

  it('links one future bullet to the one action bullet it continues, among several', () => {
    expect(linksOf(item('1-2-6'))).toEqual([[0, 2], [1], [2]]);
    expect(linksOf(item('1-1 ②'))).toEqual([[0], [1], [3]]);
  });

  it('links one future bullet to two action bullets when it continues both', () => {
    expect(linksOf(item('1-1 ④'))).toEqual([[0, 1]]);
  });

  it('lists links best first, with scores in (0, 1]', () => {
    const [f] = compare(item('1-1 ④')).future;
    expect(f!.links[0]!.score).toBeGreaterThanOrEqual(f!.links[1]!.score);
    for (const l of f!.links) expect(l.score).toBeGreaterThan(0);
    const [same] = compare(item('4-1 ⑤')).future;
    expect(same!.links).toEqual([{ actions: 0, score: 1 }]);
  });

  it('reports which future bullets follow each action bullet', () => {
    expect(compare(item('1-2-6')).actions.map((r) => r.followedBy)).toEqual([[0], [1], [0, 2]]);
  });
});

describe('compareItem: unmatched on both sides', () => {
  it('an item where the future direction and the actions do not meet (休薬・減薬)', () => {
    const r = compare(item('1-1 ⑩'));
    expect(r.unmatchedActions).toEqual([0, 1]);
    expect(r.unmatchedFuture).toEqual([0]);
  });

  it('actions with no follow-up, future directions with nothing behind them', () => {
    expect(compare(item('1-1 ①')).unmatchedActions).toEqual([1, 2]);
    expect(compare(item('1-1 ⑧')).unmatchedFuture).toEqual([0, 2]);
  });

  it('a parent counts as followed when a nested bullet is, on either side', () => {
    const rwd = compare(item('2-2'));
    expect(rwd.unmatchedActions).toEqual([]); // actions 0 is the parent of the two measures, both followed
    const pain = compare(item('1-2-3'));
    expect(pain.future[0]!.links).toEqual([]);
    expect(pain.unmatchedFuture).not.toContain(0); // 引き続き、以下の事業を… is followed through its list
  });

  it('boilerplate is never a link and never unmatched', () => {
    const r = compare(item('4-1 ④'));
    expect(r.future[0]!.links).toEqual([]);
    expect(r.unmatchedFuture).toEqual([]);
    expect(r.unmatchedActions).toEqual([0, 1, 2]);
  });

  it('handles empty sides', () => {
    expect(compareItem([], [])).toEqual({ future: [], actions: [], unmatchedActions: [], unmatchedFuture: [], boilerplateOnly: false });
    const onlyActions = compareItem(item('1-1 ④').actions, []);
    expect(onlyActions.unmatchedActions).toEqual([0, 1]);
    const onlyFuture = compareItem([], item('1-1 ⑪').future);
    expect(onlyFuture.unmatchedFuture).toEqual([0, 1]);
    expect(onlyFuture.future.map((f) => f.label)).toEqual(['continuation', 'new']);
  });
});

describe('compareItem: labels and dates on real items', () => {
  it('continuation, new and the reasons for them', () => {
    expect(labelsOf(item('1-1 ⑪'))).toEqual(['continuation', 'new']);
    expect(labelsOf(item('1-1 ①'))).toEqual(['continuation', 'new']);
    expect(compare(item('1-1 ①')).future.map((f) => f.reason)).toEqual(['linked', 'start']);
    expect(labelsOf(item('1-1 ⑧'))).toEqual(['new', 'new', 'new']);
  });

  it('the 医療DX timeline: every future direction is new, with its committed date', () => {
    const r = compare(item('2-1'));
    expect(r.future.map((f) => f.label)).toEqual(['new', 'new', 'new', 'new', 'new']);
    expect(r.future.map((f) => f.dates.map((d) => [d.text, d.qualifier]))).toEqual([
      [['令和 7 年度中に', 'during']],
      [['令和 8 年度以降', 'after']],
      [['令和 7 年度を目途に', 'by']],
      [['公布後 1 年 6 月以内', 'within']],
      [],
    ]);
    expect(r.actions[0]!.dates.map((d) => d.text)).toEqual(['令和 7 年 2 月から']);
  });

  it('delegated on both sides, and linked', () => {
    const r = compare(item('4-1 ⑤'));
    expect(r.future[0]).toMatchObject({ label: 'delegated', delegatedTo: '新産業協議会' });
    expect(r.unmatchedActions).toEqual([]);
  });

  it('nested bullets without a cue read under their parent', () => {
    const r = compare(item('1-2-3'));
    expect(r.future.map((f) => [f.label, f.reason])).toEqual([
      ['continuation', 'continue'],
      ['continuation', 'parent'],
      ['continuation', 'parent'],
      ['continuation', 'parent'],
      ['continuation', 'parent'],
    ]);
  });
});

describe('boilerplate-only futures', () => {
  it('flags items whose futures say nothing beyond "continue steadily"', () => {
    expect(compare(item('1-1 ⑤')).boilerplateOnly).toBe(true);
    expect(compare(item('4-1 ④')).boilerplateOnly).toBe(true);
    expect(isBoilerplateOnly(item('1-1 ⑤').future)).toBe(true);
  });

  it('does not flag items with any specific direction', () => {
    for (const id of ['1-1 ①', '1-1 ④', '1-2-3', '2-1', '3-2 ③']) {
      expect(compare(item(id)).boilerplateOnly, id).toBe(false);
      expect(isBoilerplateOnly(item(id).future), id).toBe(false);
    }
  });

  it('counts delegated bullets only when asked', () => {
    const future = item('4-1 ⑤').future;
    expect(isBoilerplateOnly(future)).toBe(false);
    expect(isBoilerplateOnly(future, { countDelegated: true })).toBe(true);
  });

  it('an empty future is not boilerplate-only; empty bullets are ignored', () => {
    const b = (text: string): Bullet => ({ text, level: 0 });
    expect(isBoilerplateOnly([])).toBe(false);
    expect(isBoilerplateOnly([b('')])).toBe(false);
    expect(isBoilerplateOnly([b('引き続き、事業を着実に進める。'), b(' ')])).toBe(true);
    expect(isBoilerplateOnly([b('引き続き、事業を着実に進める。'), b('令和8年度から新規公募を予定する。')])).toBe(false);
  });
});
