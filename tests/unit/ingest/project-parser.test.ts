import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAmount, parseProject } from '../../../src/main/ingest/project-parser';
import { PROJECT_NAMES } from '../../../src/shared/domain';

const SEED = path.resolve(__dirname, '../../../seeds/004_e130389cfaf818a1.txt');
const seedText = fs.readFileSync(SEED, 'utf8');

describe('parseProject on seed 004 (the real AMED sheet)', () => {
  const p = parseProject(seedText);

  it('identifies the project and the plan year', () => {
    expect(p.key).toBe('amed-r8-iryou-jouhou-renkei');
    expect(p.name).toBe('医療等情報連携基盤整備・利活用推進事業');
    expect(p.fiscalYear).toBe('令和8年度');
    expect(p.pjCategory).toBe('なし');
    expect(p.budgetFiscalYear).toBe('令和7年度');
  });

  it('reads the source header and the printed page number', () => {
    expect(p.source).toEqual({
      document: '令和8年度研究事業実施方針(AMED研究)(案)の概要',
      documentLabel: '資料1-2',
      url: 'https://www.mhlw.go.jp/stf/newpage_59644.html',
      origin: '厚生科学審議会 科学技術部会(第145回 7/16)《厚生労働省》',
      printedPage: 89,
      sitePage: 90,
    });
  });

  it('joins the PDF line wraps of 背景, one ○ paragraph a line', () => {
    expect(p.background.split('\n')).toEqual([
      '医学・医療分野のイノベーションを進め、国民・患者にその成果を還元するためには、医療等情報の二次利用を適切に推進していくことが重要である。米国や欧州でも、良質なビッグデータを円滑に利活用できる環境整備が進められている。',
      '我が国では、「医療DXの推進に関する工程表」に基づいて医療等情報の二次利用に関する取組を進めている。また、「規制改革実施計画」(令和5年6月16日閣議決定)においても、制度・環境の整備及び情報連携基盤の構築等を進めることとされた。',
      '令和5年5月には改正次世代医療基盤法が成立し、仮名加工医療情報の作成・提供を可能とする仕組みが創設された。今般、厚生労働大臣等が保有する医療・介護関係の公的データベース(公的DB)や電子カルテ情報共有サービスで共有される電子カルテ情報の仮名化情報の利用・提供、及び他の仮名化情報等との連結解析を可能とすること等について、第217回国会に医療法等改正法案を提出した。',
      '政府は、令和7年度より、公的DBを一元的に解析できる情報連携基盤、電子カルテ情報DB(仮称)等の構築に向けた調査設計事業を行っている。各DBのユースケースの実証、拡張性の検討、データ利活用環境の開発等を併行して進める必要がある。',
    ]);
  });

  it('reads 目的 as one paragraph', () => {
    expect(p.purpose).toBe(
      '公的DB、次世代医療基盤法に基づく認定作成事業者が保有するDB(次世代DB)等を用いたユースケースの実証を行う。さらに、実証を通じて明らかとなった、データ利活用を加速するために基盤等において実現すべき機能・技術、モジュール開発等を行う。',
    );
  });

  it('reads the budget: the eight integrated projects in order, then the total', () => {
    expect(p.budget).toEqual([
      ...PROJECT_NAMES.map((label, i) => ({ pj: i + 1, label, amountThousandYen: 0 })),
      { pj: null, label: '計', amountThousandYen: 0 },
    ]);
  });

  it('reads both 【課題名】/【概要】/【成果の活用】 groups', () => {
    expect(p.topics).toEqual([
      {
        title: '公的DB、次世代DB等を活用したユースケースの実証',
        summary:
          '各DBに蓄積されたリアルワールドデータ(RWD)の解析(個人単位での連結を含む)により、疫学情報の把握、医薬品の市販後安全性調査の評価、臨床試験の効率性向上等、様々な成果が期待されている。RWD活用の様々なユースケースの実証を行い、データパイプライン、データ処理技術等の課題を明らかにし、その解決方法を提案・検証する。',
        outcome:
          '様々なユースケースに対応できるデータパイプライン、データ処理技術が情報連携基盤上に実装し、データ利用者のニーズに応える。また、情報連携基盤のデータの質・量の向上などにより、更なるRWDの活用、RWEの創出につながる。',
      },
      {
        title: '医療等情報の利活用を加速するために基盤等が備えるべき機能・技術、モジュール開発',
        summary:
          'データ利用者のニーズを踏まえ、①クラウド環境で解析を行うVisiting解析環境、②データをリアルタイムに可視化できるダッシュボード機能、③ナレッジグラフ、④データ品質・ユーティリティーラベル等の基準を開発する。',
        outcome:
          '開発した成果物を情報連携基盤等に実装することで、データ利用者の研究等の計画策定、利用申請から解析環境・データセット準備、解析、利用終了までの一連のユーザージャーニーをニーズに合わせてサポートできる。結果として、様々なユースケースの実現に寄与し、医学・医療分野のイノベーションにつながる。',
      },
    ]);
  });

  it('reads これまでの成果概要 as printed', () => {
    expect(p.achievements).toEqual(['新規事業のためなし。']);
  });

  it('merges the two copies of the page and says how they differ (only the name line)', () => {
    expect(p.warnings).toEqual(['同じページが2回抽出されていたため1件に統合した', '2つ目の写しには「事業名」がない']);
  });

  it('leaves no site header, page number or markup in any text', () => {
    const all = JSON.stringify({ ...p, source: null, warnings: null });
    for (const junk of ['よむ、つかう', 'プレーンテキスト', 'ページ画像', '出典', '<', '**', '○', '\\n89', '"89"']) {
      expect(all).not.toContain(junk);
    }
  });
});

/** A minimal page in the layout of seed 004, with the parts a test wants to change. */
function page(parts: Partial<Record<'name' | 'background' | 'budget' | 'points' | 'achievements' | 'page', string>> = {}): string {
  return [
    parts.name ?? 'テスト推進事業',
    '令和7年度予算額',
    '事業概要(背景・目的)',
    '【背景】',
    parts.background ?? '○ 背景の一文目。\n○ 背景の二文目。',
    '【目的】',
    '○ 目的の文。',
    'PJ区分',
    'PJ5',
    '予算額(千円)',
    parts.budget ?? PROJECT_NAMES.map((n) => `${n}\n0`).join('\n') + '\n計\n0',
    '令和8年度概算要求のポイント',
    parts.points ?? '【課題名】課題A\n【概要】概要A\n【成果の活用】活用A',
    'これまでの成果概要等',
    parts.achievements ?? '・成果1。\n・成果2。',
    parts.page ?? '12',
  ].join('\n');
}

const HEADER = '【資料1-2】令和8年度研究事業実施方針(AMED研究)(案)の概要 (13 ページ)';

describe('parseProject: duplicated pages', () => {
  it('merges identical copies into one record and says so', () => {
    const once = parseProject(`${HEADER}\n${page()}`);
    const twice = parseProject(`${HEADER}\n${page()}\n${page()}`);
    expect(twice.warnings).toEqual(['同じページが2回抽出されていたため1件に統合した(内容は同一)']);
    expect({ ...twice, warnings: [] }).toEqual({ ...once, warnings: [] });
    expect(twice.topics).toHaveLength(1);
    expect(twice.budget).toHaveLength(9);
  });

  it('prefers the more complete copy of a field and names the difference', () => {
    const short = page({ background: '○ 背景の一文目。' });
    const long = page({ background: '○ 背景の一文目。\n○ 背景の二文目。' });
    const p = parseProject(`${HEADER}\n${short}\n${long}`);
    expect(p.background).toBe('背景の一文目。\n背景の二文目。');
    expect(p.warnings).toContain('「【背景】」が写しによって異なるため、最も長い2つ目の写しを採用した');
    expect(p.warnings[0]).toBe('同じページが2回抽出されていたため1件に統合した');
  });

  it('finds the second copy without a page number between them, and its name line is not an achievement', () => {
    const p = parseProject(`${HEADER}\n${page({ page: '' })}\n${page()}`);
    expect(p.achievements).toEqual(['成果1。', '成果2。']);
    expect(p.name).toBe('テスト推進事業');
    expect(p.warnings).toEqual(['同じページが2回抽出されていたため1件に統合した(内容は同一)']);
  });

  it('does not report a merge for a single copy', () => {
    expect(parseProject(`${HEADER}\n${page()}`).warnings).toEqual([]);
  });
});

describe('parseProject: numbers and text clean-up', () => {
  it('reads amounts in full and half width, with either comma, on one line or two', () => {
    const budget = [
      '医薬品\n１，２３４',
      '医療機器・ヘルスケア 2,000',
      '再生・細胞医療・遺伝子治療　３０００千円',
      '感染症\n0',
      'データ活用・ライフコース\n10,000', // spelling variant of データ利活用
      'シーズ開発・基礎研究\n０',
      '橋渡し・臨床加速化\n△500',
      'イノベーション・エコシステム\n0',
      '計\n１５，７３４',
    ].join('\n');
    const p = parseProject(`${HEADER}\n${page({ budget })}`);
    expect(p.budget.map((r) => [r.pj, r.amountThousandYen])).toEqual([
      [1, 1234],
      [2, 2000],
      [3, 3000],
      [4, 0],
      [5, 10000],
      [6, 0],
      [7, -500],
      [8, 0],
      [null, 15734],
    ]);
    expect(p.warnings).toEqual([]);
  });

  it('warns when the breakdown does not add up to the total, or a label is unknown, or an amount is a dash', () => {
    const budget = PROJECT_NAMES.map((n) => `${n}\n100`).join('\n') + '\n謎の行\n－\n計\n5';
    const p = parseProject(`${HEADER}\n${page({ budget })}`);
    expect(p.budget.at(-2)).toEqual({ pj: null, label: '謎の行', amountThousandYen: null });
    expect(p.warnings).toEqual([
      '予算額の行「謎の行」がどの統合プロジェクトか分からない',
      '予算額の行「謎の行」の金額が「－」のため数値にしなかった',
      '予算額の内訳の合計(800)が計(5)と合わない',
    ]);
  });

  it('strips HTML fragments, **bold** and stray spaces, keeping the words', () => {
    const p = parseProject(
      `${HEADER}\n${page({ background: '<p>○ **医療等情報**の二次利用を</p>\n<ul><li>推進 する 。 令和 7 年度 から AI と DB を使う。</li></ul>' })}`,
    );
    expect(p.background).toBe('医療等情報の二次利用を推進する。令和7年度からAIとDBを使う。');
  });

  it('parseAmount: widths, commas, minus marks, dashes and non-numbers', () => {
    expect(parseAmount('１２，３４５')).toBe(12345);
    expect(parseAmount('12,345')).toBe(12345);
    expect(parseAmount('12345千円')).toBe(12345);
    expect(parseAmount('▲1,000')).toBe(-1000);
    expect(parseAmount('－')).toBeNull();
    expect(parseAmount('医薬品')).toBeUndefined();
    expect(parseAmount('1,23')).toBeUndefined();
  });
});

describe('parseProject: missing or broken sections', () => {
  it('gives warnings, not an exception, when sections are missing', () => {
    const p = parseProject('テスト推進事業\n事業概要(背景・目的)\n【背景】\n○ 背景だけがある。');
    expect(p.name).toBe('テスト推進事業');
    expect(p.background).toBe('背景だけがある。');
    expect(p.purpose).toBe('');
    expect(p.budget).toEqual([]);
    expect(p.topics).toEqual([]);
    expect(p.warnings).toEqual([
      '「【目的】」が見つからない',
      '「PJ区分」が見つからない',
      '「予算額(千円)」が見つからない',
      '「概算要求のポイント」が見つからない',
      '「これまでの成果概要」が見つからない',
      '年度が分からない(資料名にも概算要求のポイントにも令和N年度がない)',
    ]);
  });

  it('survives empty and unrelated text', () => {
    for (const text of ['', '\n\n', 'まったく関係のない文章。\nもう一行。']) {
      const p = parseProject(text);
      expect(p.name).toBe('');
      expect(p.warnings).toContain('「事業名」が見つからない');
      expect(p.warnings).toContain('「【背景】」が見つからない');
    }
  });

  it('warns about a topic without 【課題名】 or without 【成果の活用】', () => {
    const p = parseProject(`${HEADER}\n${page({ points: '【概要】概要だけ\n【課題名】課題B\n【概要】概要B' })}`);
    expect(p.topics).toEqual([
      { title: '', summary: '概要だけ', outcome: '' },
      { title: '課題B', summary: '概要B', outcome: '' },
    ]);
    expect(p.warnings).toEqual([
      '【概要】の前に【課題名】がない',
      '概算要求のポイントの1つ目の課題に【課題名】がない',
      '概算要求のポイントの1つ目の課題に【成果の活用】がない',
      '概算要求のポイントの2つ目の課題に【成果の活用】がない',
    ]);
  });

  it('reads 概要 text wrapped over several lines into one field', () => {
    const p = parseProject(`${HEADER}\n${page({ points: '【課題名】課題A\n【概要】一行目の途\n中から続く文。\n【成果の活用】活用A' })}`);
    expect(p.topics[0]!.summary).toBe('一行目の途中から続く文。');
  });

  it('gives a project without a known slug a stable key from its name', () => {
    const a = parseProject(`${HEADER}\n${page({ name: 'テスト推進事業' })}`);
    const b = parseProject(`${HEADER}\n${page({ name: 'テスト　推進事業' })}`);
    const c = parseProject(`${HEADER}\n${page({ name: '別の推進事業' })}`);
    expect(a.key).toMatch(/^amed-r8-p[0-9a-f]{8}$/);
    expect(b.key).toBe(a.key);
    expect(c.key).not.toBe(a.key);
  });
});
