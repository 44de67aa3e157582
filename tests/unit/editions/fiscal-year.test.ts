// Fiscal years as data: the labels every screen uses, and reading a table's year from its text.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  actionsColumnHeader,
  actionsLabel,
  detectFiscalYear,
  editionLabel,
  fiscalYearLabel,
  fiscalYearOfWestern,
  fiscalYearWithWestern,
  followUpTitleTail,
  futureLabel,
  parseFiscalYear,
  westernYear,
} from '../../../src/shared/editions/fiscal-year';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const seed = readFileSync(`${root}seeds/000_52c930427e1a17e9.txt`, 'utf8');

describe('fiscal year labels', () => {
  it('converts 令和N and Western years both ways (令和1 = 2019)', () => {
    expect(westernYear(1)).toBe(2019);
    expect(westernYear(8)).toBe(2026);
    expect(fiscalYearOfWestern(2025)).toBe(7);
  });

  it('names the year, its actions column and its edition from one place', () => {
    expect(fiscalYearLabel(8)).toBe('令和8年度');
    expect(fiscalYearLabel(1)).toBe('令和元年度');
    expect(actionsLabel(8)).toBe('令和8年度の取組');
    expect(actionsColumnHeader(8)).toBe('各府省・AMEDの令和8年度の取組');
    expect(futureLabel).toBe('今後の方向性・課題など');
    expect(editionLabel(8)).toBe('令和8年度版');
    expect(fiscalYearWithWestern(8)).toBe('令和8年度(2026年度)');
    expect(followUpTitleTail(8)).toBe('令和8年度の実施と今後の方向性等');
  });

  it('reads a year as a person types it, and refuses what is not one', () => {
    for (const input of ['8', '令和8', '令和８年度', 'R8', 'r8年度', '2026', '令和 ８ 年度']) expect(parseFiscalYear(input)).toBe(8);
    expect(parseFiscalYear('令和元年度')).toBe(1);
    for (const input of ['', '令和', 'R2026', '1990', '0', 'next', '令和8年']) expect(parseFiscalYear(input), input).toBeNull();
  });
});

describe('detectFiscalYear', () => {
  it('reads 令和7 from the real seed, whose headers vary in spacing and wording', () => {
    expect(detectFiscalYear(seed)).toEqual({ fiscalYear: 7, title: 7, headers: [7], conflict: null });
  });

  it('reads the title and the headers of a 令和8 table with full-width digits and spaces', () => {
    const text =
      '…進めるべき事項の\n令和 ８ 年度の実施と今後の方向性等\n\n小項目\t各府省・ＡＭＥＤの令和　８　年度の取組\t今後の方向性・課題など\n';
    expect(detectFiscalYear(text)).toEqual({ fiscalYear: 8, title: 8, headers: [8], conflict: null });
  });

  it('accepts 元年', () => {
    expect(detectFiscalYear('事項の令和元年度の実施と今後の方向性等').fiscalYear).toBe(1);
  });

  it('reports a header left at last year under a new title, and keeps the title', () => {
    const text = '事項の令和8年度の実施と今後の方向性等\n各府省・AMEDの令和8年度の取組\n各府省・AMEDの令和 7 年度取組\n';
    const found = detectFiscalYear(text);
    expect(found.fiscalYear).toBe(8);
    expect(found.headers).toEqual([8, 7]);
    expect(found.conflict).toBe('表題は令和8年度ですが、取組の列見出しに令和7年度があります。');
  });

  it('falls back on the headers without a title, and reports headers that disagree', () => {
    expect(detectFiscalYear('各府省・AMEDの令和9年度の取組').fiscalYear).toBe(9);
    const split = detectFiscalYear('各府省・AMEDの令和8年度の取組\n各府省・AMEDの令和9年度の取組');
    expect(split.fiscalYear).toBeNull();
    expect(split.conflict).toBe('表題に年度がなく、取組の列見出しの年度が令和8年度・令和9年度に分かれています。');
  });

  it('finds nothing in text that is not a follow-up table', () => {
    expect(detectFiscalYear('令和8年度から公募を開始する。')).toEqual({ fiscalYear: null, title: null, headers: [], conflict: null });
  });
});
