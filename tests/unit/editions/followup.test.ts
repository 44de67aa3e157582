// Follow-up across editions: last year's promises (令和7 future directions of the seed) against this
// year's actions (the 令和8 test edition), item by item and over the whole plan.
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePlan, type ParsedItem } from '../../../src/main/ingest/plan-parser';
import type { Bullet } from '../../../src/shared/domain';
import { dueYear, followUpItem, summarizeFollowUp, type ItemFollowUpInput } from '../../../src/shared/editions/followup';
import { matchEditions } from '../../../src/shared/editions/match';
import { compareItem } from '../../../src/shared/compare/compare';
import { extractDates } from '../../../src/shared/compare/dates';
import { REPORTING_ACTION, SEED_TEXT, SILENT_ACTIONS, buildR8Edition, editionItems } from '../../fixtures/editions/build';

const actions = parsePlan(SEED_TEXT);
let r8Items: ParsedItem[];
/** Each 令和7 item with a successor: its key and the 令和8 item that keeps it. */
let pairs: { before: ParsedItem; after: ParsedItem }[];

beforeAll(() => {
  const r8 = parsePlan(buildR8Edition());
  r8Items = r8.items;
  const m = matchEditions(editionItems(actions, true), editionItems(r8, false));
  pairs = m.matched.map((x) => ({ before: actions.items[x.from]!, after: r8.items[x.to]! }));
});

const pairOf = (key: string) => pairs.find((p) => p.before.key === key)!;
const bullets = (...texts: string[]): Bullet[] => texts.map((text) => ({ text, level: 0 }));

describe('followUpItem on the 令和8 edition', () => {
  it('an item whose actions report on its dated promise: reported, linked to that action, not overdue', () => {
    const { before, after } = pairOf('1-1-3');
    const result = followUpItem(before.future, after.actions, 8);
    const promise = result.find((p) => p.text.includes('ゲノム創薬基盤利活用推進研究事業'))!;
    expect(promise).toMatchObject({ status: 'reported', due: 8, overdue: false });
    expect(promise.actions[0]!.text).toBe(REPORTING_ACTION);
  });

  it('an item whose actions do not: unreported, and its 令和8 promise is overdue in 令和8', () => {
    const { before, after } = pairOf('1-1-11');
    expect(after.actions.map((b) => b.text)).toEqual(SILENT_ACTIONS);
    const result = followUpItem(before.future, after.actions, 8);
    expect(result.map((p) => [p.status, p.due, p.overdue, p.actions.length])).toEqual([
      ['unreported', null, false, 0],
      ['unreported', 8, true, 0],
    ]);
  });

  it('the same promise is not yet overdue when checked in 令和7', () => {
    const { before, after } = pairOf('1-1-11');
    expect(followUpItem(before.future, after.actions, 7)[1]).toMatchObject({ status: 'unreported', due: 8, overdue: false });
  });

  it('boilerplate promises (引き続き… / 新産業協議会で実施) are boilerplate, never overdue', () => {
    for (const key of ['4-1-1', '2-3-4']) {
      const { before, after } = pairOf(key);
      const result = followUpItem(before.future, after.actions, 8);
      expect(
        result.map((p) => p.status),
        key,
      ).toContain('boilerplate');
      expect(result.filter((p) => p.status === 'boilerplate').every((p) => !p.overdue && p.actions.length === 0)).toBe(true);
    }
    expect(followUpItem(bullets('引き続き、事業を着実に推進する。'), bullets('全く別の取組を実施した。'), 8)[0]!.status).toBe(
      'boilerplate',
    );
  });

  it('reads when a promise falls due from its committed dates, and ignores past events', () => {
    const due = (text: string) => dueYear(extractDates(text));
    expect(due('令和 8 年度中の臨床研究の完遂を目指す。')).toBe(8);
    expect(due('令和8年度以降に開発を行う。')).toBe(8);
    expect(due('令和7年度を目途に標準仕様を示し、令和9年度から運用する。')).toBe(7);
    expect(due('令和9年3月までに公表する。')).toBe(8);
    expect(due('令和6年度に作成した手引きを周知する。')).toBeNull();
    expect(due('公布後1年6月以内に施行する。')).toBeNull();
    expect(due('令和元年度から継続する。')).toBe(1);
  });
});

describe('summarizeFollowUp over the plan', () => {
  let inputs: ItemFollowUpInput[];
  beforeAll(() => {
    inputs = pairs.map(({ before, after }) => ({
      key: before.key,
      sectionId: [after.major, after.middle, after.area].filter((n) => n !== null).join('-'),
      ministries: after.ministries.map((code) => ({ code })),
      promises: followUpItem(before.future, after.actions, 8),
    }));
  });

  it('counts every promise once in the total, and the statuses add up', () => {
    const s = summarizeFollowUp(inputs);
    const promises = inputs.reduce((n, i) => n + i.promises.length, 0);
    expect(s.total.promises).toBe(promises);
    expect(s.total.reported + s.total.unreported + s.total.boilerplate).toBe(promises);
    expect(s.total.overdue).toBeGreaterThanOrEqual(1);
  });

  it('puts 1-1-11 under its ministry and its sections, with its overdue promise', () => {
    const s = summarizeFollowUp(inputs);
    const mhlw = s.byMinistry.find((g) => g.id === '厚')!;
    expect(mhlw.overdueItems).toContain('1-1-11');
    expect(s.bySection.find((g) => g.id === '1-1')!.overdueItems).toContain('1-1-11');
    expect(s.bySection.find((g) => g.id === '1')!.overdueItems).toContain('1-1-11');
    expect(s.bySection.find((g) => g.id === '2')!.overdueItems).not.toContain('1-1-11');
    expect(s.bySection.map((g) => g.id).slice(0, 3)).toEqual(['1', '1-1', '1-2']);
  });

  it('counts exactly, per ministry by the promise’s own tag, per section with the sections above', () => {
    const p = (status: 'reported' | 'unreported' | 'boilerplate', overdue = false, text = '…') => ({
      index: 0,
      text,
      status,
      due: overdue ? 8 : null,
      overdue,
      actions: [],
    });
    const s = summarizeFollowUp([
      {
        key: 'a',
        sectionId: '1-2-3',
        ministries: [{ code: '厚' }, { code: '文' }],
        promises: [p('reported'), p('unreported', true, '…を推進する【文】。')],
      },
      { key: 'b', sectionId: '1-3', ministries: [{ code: '厚' }], promises: [p('boilerplate'), p('unreported')] },
    ]);
    expect(s.total).toEqual({ promises: 4, reported: 1, unreported: 2, boilerplate: 1, overdue: 1 });
    expect(
      s.byMinistry.map((g) => [g.id, g.promises, g.reported, g.unreported, g.overdue, g.items, g.unreportedItems, g.overdueItems]),
    ).toEqual([
      ['厚', 3, 1, 1, 0, ['a', 'b'], ['b'], []],
      ['文', 2, 1, 1, 1, ['a'], ['a'], ['a']],
    ]);
    expect(s.bySection.map((g) => [g.id, g.promises, g.unreported, g.overdue])).toEqual([
      ['1', 4, 2, 1],
      ['1-2', 2, 1, 1],
      ['1-2-3', 2, 1, 1],
      ['1-3', 2, 1, 0],
    ]);
  });
});

it('r8 items exist for every pair (fixture sanity)', () => {
  expect(pairs.every((p) => r8Items.includes(p.after))).toBe(true);
});

describe('compareItem without the actions’ dates (what the follow-up uses)', () => {
  it('links and labels exactly as with them, and reads no action date', () => {
    for (const { before, after } of pairs) {
      const full = compareItem(after.actions, before.future);
      const lean = compareItem(after.actions, before.future, { actionDates: false });
      expect(lean.future).toEqual(full.future);
      expect(lean.unmatchedFuture).toEqual(full.unmatchedFuture);
      expect(lean.actions.every((r) => r.dates.length === 0)).toBe(true);
    }
    expect(compareItem(bullets('令和8年度に開始した。'), []).actions[0]!.dates).toHaveLength(1);
  });
});
