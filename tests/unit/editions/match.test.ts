// Matching a new edition to the previous one, on test editions built from the real seed
// (tests/fixtures/editions/build.ts): each revision a real table goes through, with its exact class.
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePlan } from '../../../src/main/ingest/plan-parser';
import type { EditionItem } from '../../../src/shared/editions/item-profile';
import { AMBIGUOUS, SURE, matchEditions, type EditionMatch, type MatchedItem } from '../../../src/shared/editions/match';
import { ADDED_TITLE, SEED_TEXT, SPLIT_TITLE, buildR8Edition, buildTypoFixEdition, editionItems } from '../../fixtures/editions/build';

const actions = editionItems(parsePlan(SEED_TEXT), true);
let r8: EditionItem[];
let result: EditionMatch;

const matchOf = (m: EditionMatch, key: string): MatchedItem => {
  const found = m.matched.find((x) => x.key === key);
  if (!found) throw new Error(`${key} is not matched`);
  return found;
};
const summary = (x: MatchedItem) => ({
  change: x.change,
  from: x.fromLabel,
  to: x.toLabel,
  moved: x.moved,
  renumbered: x.renumbered,
  fields: x.fields,
});

beforeAll(() => {
  r8 = editionItems(parsePlan(buildR8Edition()), false);
  result = matchEditions(actions, r8);
});

describe('matching the 令和8 edition to the 令和7 seed', () => {
  it('keeps every previous item but one, and reports nothing it is unsure of', () => {
    expect(actions).toHaveLength(56);
    expect(r8).toHaveLength(57);
    expect(result.matched).toHaveLength(55);
    expect(result.ambiguous).toEqual([]);
    expect(result.merges).toEqual([]);
  });

  it('① and ② that swap numbers and places keep their keys, as renumbered', () => {
    expect(summary(matchOf(result, '3-2-1'))).toEqual({
      change: 'renumbered',
      from: '①',
      to: '②',
      moved: false,
      renumbered: true,
      fields: [],
    });
    expect(summary(matchOf(result, '3-2-2'))).toEqual({
      change: 'renumbered',
      from: '②',
      to: '①',
      moved: false,
      renumbered: true,
      fields: [],
    });
    // and the item printed first in the new edition is the old ②
    expect(r8[matchOf(result, '3-2-2').to]!.title).toBe(actions[matchOf(result, '3-2-2').from]!.title);
    expect(matchOf(result, '3-2-2').to).toBeLessThan(matchOf(result, '3-2-1').to);
  });

  it('a dropped item is dropped, and the items after it are renumbered, not re-keyed', () => {
    expect(result.dropped.map((d) => d.key)).toEqual(['3-3-2']);
    expect(summary(matchOf(result, '3-3-3'))).toMatchObject({ change: 'renumbered', from: '③', to: '②' });
    expect(summary(matchOf(result, '3-3-4'))).toMatchObject({ change: 'renumbered', from: '④', to: '③' });
  });

  it('the new ⑯ is added and takes neither key of the seed’s second ⑩ ⑪ (1-1-16, 1-1-17)', () => {
    const added = result.added.find((a) => a.title === ADDED_TITLE);
    expect(added).toMatchObject({ label: '⑯', sectionId: '1-1' });
    expect(summary(matchOf(result, '1-1-16'))).toMatchObject({ change: 'same', from: '⑩', to: '⑩' });
    expect(summary(matchOf(result, '1-1-17'))).toMatchObject({ change: 'same', from: '⑪', to: '⑪' });
    expect(r8[matchOf(result, '1-1-16').to]!.title).toMatch(/^休薬・減薬/u);
  });

  it('added items come in source order', () => {
    expect(result.added.map((a) => [a.label, a.sectionId, a.title])).toEqual([
      ['⑯', '1-1', ADDED_TITLE],
      ['④', '1-2-3', SPLIT_TITLE],
    ]);
    expect(result.added.map((a) => a.to)).toEqual([...result.added.map((a) => a.to)].sort((a, b) => a - b));
  });

  it('a title that changes one word is edited in the title only', () => {
    expect(summary(matchOf(result, '1-2-2-3'))).toEqual({
      change: 'edited',
      from: '③',
      to: '③',
      moved: false,
      renumbered: false,
      fields: ['title'],
    });
  });

  it('an item moved to another 中項目 is moved (and renumbered), and the items it left close the gap', () => {
    expect(matchOf(result, '4-1-5')).toMatchObject({
      change: 'moved',
      fromSection: '4-1',
      toSection: '3-2',
      fromLabel: '⑤',
      toLabel: '⑥',
      moved: true,
      renumbered: true,
      fields: [],
    });
    for (const [key, from, to] of [
      ['4-1-6', '⑥', '⑤'],
      ['4-1-7', '⑦', '⑥'],
      ['4-1-8', '⑧', '⑦'],
    ] as const) {
      expect(summary(matchOf(result, key)), key).toMatchObject({ change: 'renumbered', from, to });
    }
  });

  it('【再掲】 copies stay with their own keys when renumbered (their text is their original’s)', () => {
    expect(matchOf(result, '4-1-7').toSection).toBe('4-1');
    expect(matchOf(result, '1-1-14')).toMatchObject({ change: 'same', toSection: '1-1' });
  });

  it('new actions are an edit of the actions field', () => {
    expect(summary(matchOf(result, '1-1-3'))).toMatchObject({ change: 'edited', fields: ['actions'] });
    expect(summary(matchOf(result, '1-1-11'))).toMatchObject({ change: 'edited', fields: ['actions'] });
  });

  it('an item split into two keeps its key on the part that carries its title, and shows the split', () => {
    expect(summary(matchOf(result, '1-2-3-3'))).toMatchObject({ change: 'edited', fields: ['actions', 'future'] });
    const part = result.added.find((a) => a.title === SPLIT_TITLE)!;
    expect(result.splits).toEqual([
      {
        key: '1-2-3-3',
        from: matchOf(result, '1-2-3-3').from,
        into: [
          { to: matchOf(result, '1-2-3-3').to, confidence: 1 },
          { to: part.to, confidence: 1 },
        ],
      },
    ]);
  });

  it('every other item is the same', () => {
    const changed = new Set([
      '3-2-1',
      '3-2-2',
      '3-3-3',
      '3-3-4',
      '1-2-2-3',
      '4-1-5',
      '4-1-6',
      '4-1-7',
      '4-1-8',
      '1-1-3',
      '1-1-11',
      '1-2-3-3',
    ]);
    const same = result.matched.filter((m) => !changed.has(m.key));
    expect(same).toHaveLength(55 - changed.size);
    expect(same.every((m) => m.change === 'same' && m.fields.length === 0 && m.confidence === 1)).toBe(true);
  });

  it('is deterministic', () => {
    expect(matchEditions(actions, r8)).toEqual(result);
  });
});

describe('an edition that only fixes typos', () => {
  it('is the same edition with two items edited, in the fields that changed', () => {
    const fixed = matchEditions(actions, editionItems(parsePlan(buildTypoFixEdition()), false));
    expect(fixed.added).toEqual([]);
    expect(fixed.dropped).toEqual([]);
    expect(fixed.ambiguous).toEqual([]);
    expect(fixed.splits).toEqual([]);
    expect(fixed.matched.filter((m) => m.change !== 'same').map((m) => [m.key, m.change, m.fields])).toEqual([
      ['1-1-1', 'edited', ['future']],
      ['1-1-14', 'edited', ['title']],
    ]);
    expect(fixed.matched.every((m) => m.fromLabel === m.toLabel && m.fromSection === m.toSection && actions[m.from]!.key === m.key)).toBe(
      true,
    );
  });

  it('loading the same edition again matches every item to itself, unchanged', () => {
    const again = matchEditions(actions, editionItems(parsePlan(SEED_TEXT), false));
    expect(again.matched.map((m) => [m.key, m.change])).toEqual(actions.map((i) => [i.key, 'same']));
  });
});

describe('merges, ambiguity and what is never a match', () => {
  const byKey = (key: string) => actions.find((i) => i.key === key)!;

  it('two items that became one: the one kept and the one absorbed', () => {
    const a = byKey('1-2-4-1');
    const b = byKey('1-2-4-2');
    const merged: EditionItem = { ...a, key: undefined, actions: [...a.actions, ...b.actions], future: [...a.future, ...b.future] };
    const next: EditionItem[] = actions.filter((i) => i !== a && i !== b).map((i) => ({ ...i, key: undefined }));
    next.splice(actions.indexOf(a), 0, merged);
    const m = matchEditions(actions, next);
    expect(matchOf(m, '1-2-4-1')).toMatchObject({ change: 'edited', fields: ['actions', 'future'] });
    expect(m.dropped.map((d) => d.key)).toEqual(['1-2-4-2']);
    expect(m.merges).toEqual([
      {
        to: actions.indexOf(a),
        from: [
          { key: '1-2-4-1', from: actions.indexOf(a), confidence: 1 },
          { key: '1-2-4-2', from: actions.indexOf(b), confidence: 1 },
        ],
      },
    ]);
  });

  it('an item rewritten so much that it may or may not be the old one is ambiguous, with its candidates', () => {
    const old = byKey('1-2-6-1');
    // Half the title kept, every bullet new.
    const title = `${old.title.slice(0, Math.floor(old.title.length / 2))}研究を推進する。`;
    const rewritten: EditionItem = {
      ...old,
      key: undefined,
      title,
      actions: ['高齢者の生活機能に関する全国調査を実施した【厚】。'],
      future: ['調査結果を公表する【厚】。'],
    };
    const next = actions.map((i) => (i === old ? rewritten : { ...i, key: undefined }));
    const m = matchEditions(actions, next);
    const [amb] = m.ambiguous;
    expect(m.ambiguous).toHaveLength(1);
    expect(amb!.to).toBe(actions.indexOf(old));
    expect(amb!.candidates[0]!.key).toBe('1-2-6-1');
    expect(amb!.candidates[0]!.confidence).toBeGreaterThanOrEqual(AMBIGUOUS);
    expect(amb!.candidates[0]!.confidence).toBeLessThan(SURE);
    // its candidate is offered, not dropped
    expect(m.dropped).toEqual([]);
    expect(m.added).toEqual([]);
  });

  it('an item retitled entirely but keeping its bullets is found by its bullets, and offered for a decision', () => {
    const old = byKey('3-2-5');
    const retitled: EditionItem = { ...old, key: undefined, title: 'バイオスタティスティシャン養成' };
    const next = actions.map((i) => (i === old ? retitled : { ...i, key: undefined }));
    const m = matchEditions(actions, next);
    expect(m.ambiguous.map((a) => [a.title, a.candidates[0]!.key])).toEqual([['バイオスタティスティシャン養成', '3-2-5']]);
  });

  it('near copies already paired do not crowd a retitled item out of its candidates', () => {
    const old = byKey('3-2-5');
    // Ten copies first, the original last: equal hits rank in index order.
    const copies = Array.from({ length: 10 }, (_, k): EditionItem => ({
      ...old,
      key: `9-9-${k + 1}`,
      sectionId: '9-9',
      title: `${old.title}(写${k})`,
    }));
    const previous = [...copies, old];
    const next: EditionItem[] = [
      ...copies.map((c) => ({ ...c, key: undefined })),
      { ...old, key: undefined, title: old.title.replace('奨励', '推奨') },
    ];
    const m = matchEditions(previous, next);
    expect(matchOf(m, '3-2-5')).toMatchObject({ change: 'edited', fields: ['title'] });
    expect(m.added).toEqual([]);
  });

  it('a number alone is never a match: an item replaced by another under the same ① is added + dropped', () => {
    const old = byKey('1-2-1-1');
    const other: EditionItem = {
      ...old,
      key: undefined,
      title: '小児の希少疾患に対する遺伝子治療の臨床試験体制の構築',
      actions: ['遺伝子治療の治験を2件開始した【厚】。'],
      future: ['治験の結果を踏まえ、承認申請を支援する【厚】。'],
    };
    const next = actions.map((i) => (i === old ? other : { ...i, key: undefined }));
    const m = matchEditions(actions, next);
    expect(m.added.map((a) => a.title)).toEqual([other.title]);
    expect(m.dropped.map((d) => d.key)).toEqual(['1-2-1-1']);
  });

  it('a previous item without a key is refused with a clear message', () => {
    expect(() => matchEditions([{ ...actions[0]!, key: undefined }], [actions[1]!])).toThrow('前年度版の1番目の項目にキーがありません。');
  });
});
