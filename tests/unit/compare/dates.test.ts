import { describe, expect, it } from 'vitest';
import { extractDates, formatPlanDate, isCommitment, type PlanDate } from '../../../src/shared/compare/dates';

/** The fields a test cares about, for compact expectations. */
function brief(d: PlanDate) {
  return d.kind === 'calendar'
    ? {
        text: d.text,
        era: d.era,
        year: d.year,
        fiscal: d.fiscal,
        month: d.month,
        day: d.day,
        qualifier: d.qualifier,
        reference: d.reference,
      }
    : { text: d.text, anchor: d.anchor, months: d.months, qualifier: d.qualifier, reference: d.reference };
}

const fy = (text: string, year: number, qualifier: string, reference = false) => ({
  text,
  era: 'R',
  year,
  fiscal: true,
  month: null,
  day: null,
  qualifier,
  reference,
});

describe('extractDates on future bullets of the table', () => {
  it('令和8年度から: a start', () => {
    const text =
      '引き続き、事業を着実に進めるとともに、令和8年度から「ゲノム創薬基盤利活用推進研究事業（仮題）」の新規公募を予定する【厚】。';
    expect(extractDates(text).map(brief)).toEqual([fy('令和8年度から', 8, 'from')]);
  });

  it('令和 7 年度中に: during, with the spaces of the source kept in the text', () => {
    const text = '電子カルテ情報共有サービスについては、法案が成立すれば、令和 7 年度中に本格稼働することとしている。';
    const [d] = extractDates(text);
    expect(brief(d!)).toEqual(fy('令和 7 年度中に', 7, 'during'));
    expect(text.slice(d!.start, d!.end)).toBe('令和 7 年度中に');
  });

  it('令和 8 年度以降: after (inclusive)', () => {
    const text = '標準型電子カルテについては、施行実施を経て、令和 8 年度以降に本格実施する予定。';
    expect(extractDates(text).map(brief)).toEqual([fy('令和 8 年度以降', 8, 'after')]);
  });

  it('令和 7 年度を目途に: by', () => {
    const text = '病院システムのクラウド化については、令和 7 年度を目途に、国がシステムの標準仕様を示す予定。';
    expect(extractDates(text).map(brief)).toEqual([fy('令和 7 年度を目途に', 7, 'by')]);
  });

  it('公布後 1 年 6 月以内: a relative deadline of 18 months', () => {
    const text = '社会保険診療報酬支払基金の改組は、法案が成立すれば、公布後 1 年 6 月以内に行うこととしている。';
    expect(extractDates(text).map(brief)).toEqual([
      { text: '公布後 1 年 6 月以内', anchor: '公布', months: 18, qualifier: 'within', reference: false },
    ]);
  });

  it('two dates in one bullet, in text order', () => {
    const text =
      '令和7年度に情報連携基盤と電子カルテ情報DB（仮称）の構築に向けた調査設計事業を行い、法案が成立すれば、令和8年度以降に開発を行う。';
    expect(extractDates(text).map(brief)).toEqual([fy('令和7年度', 7, 'at'), fy('令和8年度以降', 8, 'after')]);
  });

  it('a year used as an attribute (令和 7 年度の取組を踏まえ) is a reference, not a commitment', () => {
    const [d] = extractDates('令和 7 年度の取組を踏まえ、引き続き、研究開発データを適切に管理する。');
    expect(brief(d!)).toEqual(fy('令和 7 年度', 7, 'at', true));
    expect(isCommitment(d!)).toBe(false);
  });
});

describe('extractDates on action bullets of the table', () => {
  it('令和7年度より: from', () => {
    const text = '令和7年度より「希少難治性疾患のリアルワールドデータ利活用によるエビデンス創出研究」の公募を開始し課題を採択した。';
    expect(extractDates(text).map(brief)).toEqual([fy('令和7年度より', 7, 'from')]);
  });

  it('令和 7 年 2 月から: a calendar month, not a fiscal year', () => {
    const text = '電子カルテ情報共有サービスについて、令和 7 年 2 月から一部の地域においてモデル事業を開始する';
    const [d] = extractDates(text);
    expect(brief(d!)).toEqual({
      text: '令和 7 年 2 月から',
      era: 'R',
      year: 7,
      fiscal: false,
      month: 2,
      day: null,
      qualifier: 'from',
      reference: false,
    });
    expect(d!.kind === 'calendar' && d!.westernYear).toBe(2025);
  });

  it('past events and cited decisions are references', () => {
    const made = extractDates(
      '令和6年度に作成した医療機器製造販売業者や医療機器利用者を対象としたセキュリティ対策講習動画等について周知を行う。',
    );
    expect(made.map(brief)).toEqual([fy('令和6年度', 6, 'at', true)]);
    const ad = extractDates('2023年度に策定・公表した「プログラム医療機器実用化促進パッケージ戦略 2（DASH for SaMD2）」に基づき');
    expect(ad.map(brief)).toEqual([
      { text: '2023年度', era: 'AD', year: 2023, fiscal: true, month: null, day: null, qualifier: 'at', reference: true },
    ]);
    const cited = extractDates(
      '「…に関する基本方針」（令和 6 年 3 月 1 5 日閣議決定）に基づいて、次世代医療基盤法の運用と、その改善を継続する。',
    );
    expect(cited.map(brief)).toEqual([
      { text: '令和 6 年 3 月 1 5 日', era: 'R', year: 6, fiscal: false, month: 3, day: 15, qualifier: 'at', reference: true },
    ]);
  });

  it('a year that is an action of the year (令和7年度に…設立し) is a commitment', () => {
    const [d] = extractDates('さらに、令和7年度に全ゲノム解析等事業実施組織を設立し、第三者利活用を可能とする体制の構築を進める。');
    expect(brief(d!)).toEqual(fy('令和7年度', 7, 'at'));
    expect(isCommitment(d!)).toBe(true);
  });

  it('令和8年度中の: during, even before の', () => {
    const [d] = extractDates('AMEDにおいてプロトコル研究・臨床研究を1課題開始し、令和8年度中の臨床研究の完遂に向けて支援をしている。');
    expect(brief(d!)).toEqual(fy('令和8年度中', 8, 'during'));
  });
});

describe('extractDates: forms and non-dates', () => {
  it('skips law numbers', () => {
    expect(extractDates('仮名加工医療情報に関する法律（平成29年法律第28号。以下「次世代医療基盤法」という。）')).toEqual([]);
    expect(extractDates('推進に関する法律(令和5年法律第57号)第8条第1項')).toEqual([]);
  });

  it('reads full-width digits, 元年, 平成 and Western years', () => {
    expect(extractDates('令和８年度から').map(brief)).toEqual([fy('令和８年度から', 8, 'from')]);
    const [gannen] = extractDates('令和元年度まで');
    expect(gannen!.kind === 'calendar' && [gannen!.year, gannen!.westernYear, gannen!.qualifier]).toEqual([1, 2019, 'by']);
    const [heisei] = extractDates('平成30年度末までに');
    expect(heisei!.kind === 'calendar' && [heisei!.era, heisei!.westernYear, heisei!.qualifier, heisei!.text]).toEqual([
      'H',
      2018,
      'by',
      '平成30年度末までに',
    ]);
    const [ad] = extractDates('2026年度以降に');
    expect(ad!.kind === 'calendar' && [ad!.era, ad!.westernYear, ad!.qualifier]).toEqual(['AD', 2026, 'after']);
  });

  it('finds nothing in text without dates', () => {
    expect(extractDates('引き続き、事業を着実に進める。')).toEqual([]);
    expect(extractDates('第 5 期特定健診・特定保険指導の実施に向けて')).toEqual([]);
  });

  it('formats dates for display', () => {
    const labels = extractDates('令和 8 年度以降、令和7年度中に、公布後 1 年 6 月以内、令和元年度から').map(formatPlanDate);
    expect(labels).toEqual(['令和8年度以降', '令和7年度中', '公布後18か月以内', '令和元年度から']);
  });
});
