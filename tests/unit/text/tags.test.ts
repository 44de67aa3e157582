import { describe, expect, it } from 'vitest';
import { bulletTags, circledNumber, findBrackets, parseMinistryList, toCircled } from '../../../src/shared/text/tags';

describe('parseMinistryList', () => {
  it.each([
    ['文・◎厚・経', ['文', '厚', '経'], ['厚']],
    ['◎健、文、厚、経', ['健', '文', '厚', '経'], ['健']],
    [' ◎文厚AMED ', ['文', '厚', 'AMED'], ['文']],
    [' 厚 ', ['厚'], []],
    ['こ、厚', ['厚', 'こ'], []],
    ['総、文、◎厚、経', ['文', '厚', '経', '総'], ['厚']],
    ['健・AMED', ['健', 'AMED'], []],
    ['科技', ['科技'], []],
    ['健、◎厚', ['健', '厚'], ['厚']],
  ])('reads 【%s】 with any separator, in display order', (inner, ministries, lead) => {
    expect(parseMinistryList(inner)).toEqual({ ministries, lead });
  });

  it('reads 科技 as one code, not as an unknown 科 and 技', () => {
    expect(parseMinistryList('科技・文')).toEqual({ ministries: ['科技', '文'], lead: [] });
    expect(parseMinistryList('◎科技')).toEqual({ ministries: ['科技'], lead: ['科技'] });
  });

  it('splits a run without separators into its codes', () => {
    expect(parseMinistryList('文厚AMED')?.ministries).toEqual(['文', '厚', 'AMED']);
    expect(parseMinistryList('健科技こ')?.ministries).toEqual(['健', '科技', 'こ']);
  });

  it('folds full-width letters, full-width spaces and other separators', () => {
    expect(parseMinistryList('　ＡＭＥＤ／文，厚　')).toEqual({ ministries: ['文', '厚', 'AMED'], lead: [] });
    expect(parseMinistryList('amed')).toEqual({ ministries: ['AMED'], lead: [] });
  });

  it('dedupes and keeps a code lead when any mention of it is marked', () => {
    expect(parseMinistryList('厚・◎厚・文')).toEqual({ ministries: ['文', '厚'], lead: ['厚'] });
  });

  it.each(['担当府省・AMED', '取組の例', '再掲', '', '  ', '◎', '文・◎', '厚生労働省', '文・医', 'AME'])(
    'returns null for 【%s】, which is not a ministry list',
    (inner) => {
      expect(parseMinistryList(inner)).toBeNull();
    },
  );
});

describe('findBrackets', () => {
  it('lists every 【…】 with its position', () => {
    const text = 'A【文】B【再掲】';
    expect(findBrackets(text)).toEqual([
      { inner: '文', start: 1, end: 4 },
      { inner: '再掲', start: 5, end: 9 },
    ]);
  });
});

describe('bulletTags', () => {
  it('collects the ministries of every tag in a bullet, in display order', () => {
    expect(bulletTags('…を推進する【厚】。また…【文・経】').ministries).toEqual(['文', '厚', '経']);
    expect(bulletTags('…取り組む。【こ、厚】').ministries).toEqual(['厚', 'こ']);
  });

  it('ignores brackets that are not ministry lists', () => {
    expect(bulletTags('…を支援する。【再掲】')).toEqual({ ministries: [], pj: [] });
    expect(bulletTags('【取組の例】')).toEqual({ ministries: [], pj: [] });
  });

  it('reads PJ references in half-width and full-width parentheses', () => {
    expect(bulletTags('…治験を実施する(PJ1)。').pj).toEqual([1]);
    expect(bulletTags('…治験を実施する（PJ1）。').pj).toEqual([1]);
    expect(bulletTags('…（ＰＪ１、ＰＪ３）').pj).toEqual([1, 3]);
    expect(bulletTags('…(PJ3, PJ2)…（PJ2）').pj).toEqual([2, 3]);
  });

  it('does not take PJ mentions outside parentheses or numbers outside 1..8', () => {
    expect(bulletTags('PJ1:医薬品、PJ2:医療機器').pj).toEqual([]);
    expect(bulletTags('(PJ9)(PJ0)').pj).toEqual([]);
  });
});

describe('circledNumber / toCircled', () => {
  it('maps ① … ⑳ to 1 … 20 and back', () => {
    const all = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
    [...all].forEach((ch, i) => {
      expect(circledNumber(ch)).toBe(i + 1);
      expect(toCircled(i + 1)).toBe(ch);
    });
  });

  it('round-trips the extended circled numbers up to 50', () => {
    for (let n = 1; n <= 50; n++) expect(circledNumber(toCircled(n)!)).toBe(n);
    expect(circledNumber('㉑')).toBe(21);
    expect(circledNumber('㊿')).toBe(50);
  });

  it('accepts surrounding spaces but nothing else', () => {
    expect(circledNumber(' ⑩ ')).toBe(10);
    expect(circledNumber('⑩⑪')).toBeNull();
    expect(circledNumber('10')).toBeNull();
    expect(circledNumber('(1)')).toBeNull();
    expect(circledNumber('')).toBeNull();
  });

  it('has no circled form outside 1..50', () => {
    expect(toCircled(0)).toBeNull();
    expect(toCircled(51)).toBeNull();
    expect(toCircled(1.5)).toBeNull();
  });
});
