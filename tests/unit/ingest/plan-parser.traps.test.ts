// One describe per trap of the source text listed in domain.md: a small inline document that
// isolates the trap, and the same trap where it occurs in the real file.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePlan, type ParsedItem, type ParsedPlan } from '../../../src/main/ingest/plan-parser';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const source = readFileSync(`${root}seeds/000_52c930427e1a17e9.txt`, 'utf8');
const real = parsePlan(source);

const UL = '<ul style="list-style-type: none">';
const HEADER = '小項目 【担当府省・AMED】\t各府省・AMEDの令和7年度の取組\t今後の方向性・課題など';
/** A table row as the extraction writes it: three cells separated by tabs, cells opened by <ul>. */
const row = (item: string, actions = 'Aを行う。', future = '引き続き進める。'): string => `${item}\t${UL} ${actions} \t${UL} ${future}`;
/** Lines of a document, separated by blank lines like the real file. */
const doc = (...lines: string[]): string => lines.join('\n\n');

function item(plan: ParsedPlan, key: string): ParsedItem {
  const found = plan.items.find((i) => i.key === key);
  if (!found) throw new Error(`no item ${key}; have ${plan.items.map((i) => i.key).join(', ')}`);
  return found;
}
const keys = (plan: ParsedPlan): string[] => plan.items.map((i) => i.key);
const titles = (plan: ParsedPlan): string[] => plan.items.map((i) => i.title);

describe('trap: every page repeats its headings', () => {
  it('does not open a new section or repeat the intro when a page repeats its headings', () => {
    const plan = parsePlan(
      doc(
        '大項目 1：世界',
        '中項目 1 データ',
        '- 方針の文。',
        HEADER,
        row('①A【文】'),
        '大項目 1：世界',
        '中項目 1 データ',
        '- 方針の文。',
        HEADER,
        row('②B【厚】'),
      ),
    );
    expect(plan.sections.map((s) => s.id)).toEqual(['1', '1-1']);
    expect(plan.sections[1]!.intro).toEqual([{ text: '方針の文。', level: 0 }]);
    expect(keys(plan)).toEqual(['1-1-1', '1-1-2']);
    // The repeated policy text is recognised, not reported as a line that found no place.
    expect(plan.warnings).toEqual([]);
  });

  it('keeps the current disease area when a page repeats 中項目 2 and the area heading', () => {
    const plan = parsePlan(
      doc(
        '大項目 1：世界',
        '中項目 2 疾患',
        '2) 認知症',
        HEADER,
        row('①A【厚】'),
        '大項目 1：世界',
        '中項目 2 疾患',
        '2）認知症',
        '\t各府省・AMEDの令和 7 年度取組\t今後の方向性・課題など',
        row('②B【厚】'),
        '大項目 1：世界',
        '中項目 2 疾患',
        row('③C【厚】'),
      ),
    );
    expect(keys(plan)).toEqual(['1-2-2-1', '1-2-2-2', '1-2-2-3']);
  });

  it('in the real file, puts the 17 items of 大項目1 中項目1 (eight pages) in one section with one intro bullet', () => {
    expect(real.items.filter((i) => i.major === 1 && i.middle === 1)).toHaveLength(17);
    expect(real.sections.filter((s) => s.id === '1-1')).toHaveLength(1);
    expect(real.sections.find((s) => s.id === '1-1')!.intro).toHaveLength(1);
    expect(source.match(/中項目 1 データ利活用・ライフコースプロジェクト/g)!.length).toBeGreaterThan(5);
  });

  it('in the real file, places every line: the only document-level warning is the inferred 大項目 of the bare heading', () => {
    expect(real.warnings).toHaveLength(1);
    expect(real.warnings[0]).toMatch(/大項目の見出しがない「中項目 1」/u);
  });
});

describe('trap: pages out of order', () => {
  it('orders items by outline, then by their order in the file', () => {
    const plan = parsePlan(
      doc(
        '大項目 2：B',
        '中項目 1 B1',
        HEADER,
        row('①x【厚】'),
        '大項目 1：A',
        '中項目 1 A1',
        HEADER,
        row('①y【文】'),
        '大項目 2：B',
        '中項目 1 B1',
        HEADER,
        row('②z【経】'),
      ),
    );
    expect(keys(plan)).toEqual(['1-1-1', '2-1-1', '2-1-2']);
    expect(titles(plan)).toEqual(['y', 'x', 'z']);
    expect(plan.sections.map((s) => [s.id, s.position])).toEqual([
      ['1', 0],
      ['1-1', 1],
      ['2', 2],
      ['2-1', 3],
    ]);
  });

  it('in the real file, puts 大項目3 中項目1 (printed after 大項目4) between 2-3 and 3-2', () => {
    expect(source.indexOf('①研究で得られたデータが産業利用')).toBeGreaterThan(source.indexOf('⑤実証事業等を通じて'));
    const order = keys(real);
    expect(order.slice(order.indexOf('2-3-4'), order.indexOf('3-2-1') + 1)).toEqual(['2-3-4', '3-1-1', '3-1-2', '3-2-1']);
    expect(order.slice(-8)).toEqual(['4-1-1', '4-1-2', '4-1-3', '4-1-4', '4-1-5', '4-1-6', '4-1-7', '4-1-8']);
  });
});

describe('trap: a bare 中項目 heading without its 大項目', () => {
  const bare = (afterBare: string[]): ParsedPlan =>
    parsePlan(
      doc(
        '大項目 3：研究',
        '中項目 1 体制',
        HEADER,
        row('①X【健】'),
        row('②Y【健】'),
        '中項目 3 制度',
        HEADER,
        row('①Z【健】'),
        '中項目 1',
        HEADER,
        row('①P【経】'),
        row('②Q【厚】'),
        ...afterBare,
      ),
    );

  it('places its items in the 大項目 whose 中項目 continues their numbering, with a warning', () => {
    const plan = bare(['大項目 4 : 新産業', '中項目 1 新産業創出', HEADER, row('③R【厚】')]);
    expect(plan.items.map((i) => [i.key, i.title])).toEqual([
      ['3-1-1', 'X'],
      ['3-1-2', 'Y'],
      ['3-3-1', 'Z'],
      ['4-1-1', 'P'],
      ['4-1-2', 'Q'],
      ['4-1-3', 'R'],
    ]);
    for (const k of ['4-1-1', '4-1-2'])
      expect(item(plan, k).warnings.join()).toMatch(/大項目の見出しがない「中項目 1」.*③.*大項目4 中項目1.*推定/u);
    expect(item(plan, '4-1-3').warnings).toEqual([]);
    expect(plan.warnings.join()).toMatch(/中項目 1/u);
  });

  it('decides by the numbering, not by which 大項目 comes next in the file', () => {
    const plan = parsePlan(
      doc(
        '大項目 3：研究',
        '中項目 1 体制',
        HEADER,
        row('③X【健】'),
        '中項目 1',
        HEADER,
        row('①P【経】'),
        row('②Q【厚】'),
        '大項目 4 : 新産業',
        '中項目 1 新産業創出',
        HEADER,
        row('①R【厚】'),
      ),
    );
    // Within a section items keep their order in the file: ③ was printed before the bare page.
    expect(plan.items.map((i) => [i.key, i.title])).toEqual([
      ['3-1-3', 'X'],
      ['3-1-1', 'P'],
      ['3-1-2', 'Q'],
      ['4-1-1', 'R'],
    ]);
  });

  it('falls back to the 大項目 in effect, saying so, when no numbering continues', () => {
    const plan = bare(['大項目 4 : 新産業', '中項目 1 新産業創出', HEADER, row('①R【厚】')]);
    const p = plan.items.find((i) => i.title === 'P')!;
    expect(p.major).toBe(3);
    expect(p.warnings.join()).toMatch(/見つからない/u);
    expect(plan.items).toHaveLength(6);
  });

  it('in the real file, puts ① ② under the bare heading into 大項目4 中項目1 and leaves 3-1 with its own two', () => {
    expect(source).toMatch(/\n中項目 1\n/u);
    expect(item(real, '4-1-1').title.startsWith('データ等を活用した予防・健康づくり')).toBe(true);
    expect(item(real, '4-1-2').title.startsWith('生活習慣病等との関連について')).toBe(true);
    for (const k of ['4-1-1', '4-1-2']) expect(item(real, k).warnings.some((w) => w.includes('推定'))).toBe(true);
    expect(item(real, '4-1-3').warnings.some((w) => w.includes('中項目 1'))).toBe(false);
    expect(real.items.filter((i) => i.major === 3 && i.middle === 1).map((i) => i.title.slice(0, 6))).toEqual([
      '研究で得られ',
      'バイオバンク',
    ]);
  });
});

describe('trap: circled numbers repeat inside a 中項目', () => {
  it('gives a repeated number the next number after the highest, with a warning naming the printed label', () => {
    const plan = parsePlan(doc('大項目 1：A', '中項目 1 B', HEADER, row('①a【厚】'), row('③b【厚】'), row('①c【厚】'), row('②d【厚】')));
    expect(plan.items.map((i) => [i.key, i.label, i.title])).toEqual([
      ['1-1-1', '①', 'a'],
      ['1-1-3', '③', 'b'],
      ['1-1-4', '①', 'c'],
      ['1-1-2', '②', 'd'],
    ]);
    expect(item(plan, '1-1-4').warnings).toEqual(['丸数字①が同じ区分内で重複しているため、キーを1-1-4としました。']);
    expect(item(plan, '1-1-1').warnings).toEqual([]);
  });

  it('does not count the same number in another section as a repeat', () => {
    const plan = parsePlan(doc('大項目 1：A', '中項目 1 B', HEADER, row('①a【厚】'), '中項目 2 C', HEADER, row('①b【厚】')));
    expect(keys(plan)).toEqual(['1-1-1', '1-2-1']);
    expect(plan.items.flatMap((i) => i.warnings)).toEqual([]);
  });

  it('numbers an item printed without a number after the others, with a warning', () => {
    const plan = parsePlan(doc('大項目 1：A', '中項目 3 C', HEADER, row('産官学連携の推進【AMED】')));
    expect(plan.items.map((i) => [i.key, i.label, i.title, i.ministries])).toEqual([['1-3-1', '', '産官学連携の推進', ['AMED']]]);
    expect(plan.items[0]!.warnings).toEqual(['丸数字の番号がないため、キーを1-3-1としました。']);
  });

  it('in the real file, keys the second ⑩ and ⑪ of 大項目1 中項目1 as 1-1-16 and 1-1-17', () => {
    expect(item(real, '1-1-10').title.startsWith('認知症の基礎研究')).toBe(true);
    expect(item(real, '1-1-16')).toMatchObject({ label: '⑩', title: '休薬・減薬を含む効果的・効率的な治療に関する研究の推進' });
    expect(item(real, '1-1-17')).toMatchObject({ label: '⑪' });
    expect(item(real, '1-1-16').warnings.join()).toContain('⑩');
    expect(item(real, '1-1-17').warnings.join()).toContain('⑪');
    expect(item(real, '1-1-10').warnings.join()).not.toContain('重複');
  });
});

describe('trap: HTML fragments and ** markers', () => {
  it('reads an item cell wrapped in <p> and cells mixing <p>, <ul>, <li> and **', () => {
    const plan = parsePlan(
      doc(
        '大項目 1：A',
        '中項目 1 B',
        '- 方針を進める。**【厚】**',
        HEADER,
        `<p>①題名【厚】</p>\t<p>**以下**を行う。</p> <ul><li>X。</li><li>Y。</li></ul>\t<ul>\n<li>続ける。</li>\n</ul>`,
      ),
    );
    const i = plan.items[0]!;
    expect(i).toMatchObject({ key: '1-1-1', label: '①', title: '題名', ministries: ['厚'] });
    expect(i.actions).toEqual([
      { text: '以下を行う。', level: 0 },
      { text: 'X。', level: 1 },
      { text: 'Y。', level: 1 },
    ]);
    expect(i.future).toEqual([{ text: '続ける。', level: 0 }]);
    expect(plan.sections[1]!.intro).toEqual([{ text: '方針を進める。【厚】', level: 0 }]);
  });

  it('in the real file, strips the markup of 1-1-10 (<p>…</p>), 1-1-9 (<p> lead-in) and the 2-1 intro (**【厚】**)', () => {
    expect(source).toContain('<p>⑩認知症の基礎研究');
    expect(item(real, '1-1-10').title).toMatch(/^認知症の基礎研究.*取り組む研究開発$/u);
    expect(item(real, '1-1-9').actions[0]).toEqual({
      text: '三大バイオバンクの全ゲノムデータの利活用を鋭意進めるとともに、連携データを一体的に利活用できる「AMEDデータ利活用プラットフォーム（略称CANNDs）」について、以下の取組を推進する。',
      level: 0,
    });
    expect(source).toContain('**【厚】**');
    expect(real.sections.find((s) => s.id === '2-1')!.intro[0]!.text).not.toContain('*');
  });
});

describe('trap: mixed bullet styles', () => {
  it('splits cells written with ・, •, ●, - and <li> alike', () => {
    const plan = parsePlan(
      doc(
        '大項目 1：A',
        '中項目 1 B',
        HEADER,
        row('①a【厚】', '・ P。 ・ Q。', '・R。'),
        row('②b【厚】', '• P。• Q。', '● R。● S。'),
        row('③c【厚】', '<li>P。<li>Q。', '- R。 - S。'),
      ),
    );
    expect(plan.items.map((i) => [i.actions.map((b) => b.text), i.future.map((b) => b.text)])).toEqual([
      [['P。', 'Q。'], ['R。']],
      [
        ['P。', 'Q。'],
        ['R。', 'S。'],
      ],
      [
        ['P。', 'Q。'],
        ['R。', 'S。'],
      ],
    ]);
    expect(plan.items.flatMap((i) => i.warnings)).toEqual([]);
  });

  it('in the real file, splits the ・ cells of 1-1-1, the • cells of 1-2-3-1 and the ● cells of 1-3-1 along their markers', () => {
    expect(item(real, '1-1-1').actions.map((b) => b.text.slice(-4))).toEqual(
      ['する【文】。', 'する【厚】。', 'げる【厚】。', 'する【厚】。'].map((s) => s.slice(-4)),
    );
    expect(item(real, '1-2-3-1').future.map((b) => b.text.slice(0, 6))).toEqual(['抗うつ薬・抗', '副作用の極め', '引き続き事業']);
    expect(item(real, '1-2-3-1').future[1]!.text.endsWith('非臨床POCの取得に貢献する。【厚】')).toBe(true);
    expect(item(real, '1-3-1').actions[1]!.text.endsWith('共創の場を推進している。（成育事業）【AMED】')).toBe(true);
    expect(item(real, '2-1-1').future.map((b) => b.text.slice(0, 8))).toEqual([
      '電子カルテ情報共',
      '標準型電子カルテ',
      '病院システムのク',
      '社会保険診療報酬',
      '法案が成立した際',
    ]);
  });
});

describe('trap: nested bullets', () => {
  it('gives " - ①" lines under a bullet level 1', () => {
    const plan = parsePlan(
      doc(
        '大項目 2：A',
        '中項目 2 B',
        '- 方針。【厚】',
        '各府省・AMEDの令和7年度の取組',
        '- 以下を盛り込んだ法案を提出した。\n - ①措置A\n - ②措置B',
        '今後の方向性・課題など',
        '- 検討を進める。',
      ),
    );
    expect(plan.items[0]!.actions).toEqual([
      { text: '以下を盛り込んだ法案を提出した。', level: 0 },
      { text: '①措置A', level: 1 },
      { text: '②措置B', level: 1 },
    ]);
  });

  it('in the real file, nests 2-2 ①②, the 【取組の例】 of 3-2-4, the list after a lead-in in 1-1-9 and 1-2-3-3', () => {
    const levels = (key: string, col: 'actions' | 'future'): number[] => item(real, key)[col].map((b) => b.level);
    expect(levels('2-2-1', 'actions')).toEqual([0, 1, 1]);
    expect(item(real, '2-2-1').actions[1]!.text).toBe('①電子カルテ情報共有サービスの情報を二次利用可能とする措置');
    expect(levels('3-2-4', 'actions')).toEqual([0, 0, 1, 1, 1]);
    expect(item(real, '3-2-4').actions.map((b) => b.text.slice(0, 6))).toEqual([
      'データ利活用',
      '【取組の例】',
      '①医療と工学',
      '②上記①に加',
      '③上記①に加',
    ]);
    expect(levels('1-1-9', 'actions')).toEqual([0, 1, 1]);
    expect(levels('1-2-3-3', 'future')).toEqual([0, 1, 1, 1, 1]);
  });
});

describe('trap: spelling variants of headings and header rows', () => {
  it('titles a 大項目 with the 利活用 spelling whichever comes first', () => {
    for (const [first, second] of [
      ['データ活用', 'データ利活用'],
      ['データ利活用', 'データ活用'],
    ]) {
      const plan = parsePlan(
        doc(
          `大項目 2：研究開発のための${first}`,
          '中項目 3 C',
          HEADER,
          row('①a【厚】'),
          `大項目 2：研究開発のための${second}`,
          '中項目 3 C',
          HEADER,
          row('②b【厚】'),
        ),
      );
      expect(plan.sections[0]!.title).toBe('研究開発のためのデータ利活用');
    }
  });

  it('prefers the body heading (full-width brackets) over the contents line (half-width)', () => {
    const plan = parsePlan(
      doc(
        '大項目1:世界',
        '- 中項目1 プロジェクト(研究開発)',
        '- 前文の箇条書き。',
        '大項目 1：世界',
        '中項目 1 プロジェクト（研究開発）',
        HEADER,
        row('①a【厚】'),
      ),
    );
    expect(plan.sections.map((s) => s.title)).toEqual(['世界', 'プロジェクト（研究開発）']);
    expect(plan.sections[1]!.intro).toEqual([]);
  });

  it('reads no item from header rows, whatever their wording', () => {
    const plan = parsePlan(
      doc(
        '大項目 1：A',
        '中項目 2 B',
        '1) がん',
        '小項目【担当府省・AMED】\t各府省・AMEDの令和 7 年度の取組\t今後の方向性・課題など',
        row('①a【厚】'),
        '大項目 1：A',
        '中項目 2 B',
        '2）認知症',
        '\t各府省・AMEDの令和7年度の実施計画\t今後の方向性・課題など',
        row('①b【厚】'),
        '大項目 1：A',
        '中項目 2 B',
        '3) 神経疾患・精神疾患等\t各府省・AMEDの令和7年度取組\t今後の方向性・課題など',
        row('①c【厚】'),
      ),
    );
    expect(plan.items.map((i) => [i.key, i.title])).toEqual([
      ['1-2-1-1', 'a'],
      ['1-2-2-1', 'b'],
      ['1-2-3-1', 'c'],
    ]);
    expect(plan.sections.find((s) => s.id === '1-2-3')!.title).toBe('神経疾患・精神疾患等');
  });

  it('in the real file, reads 大項目2 as データ利活用 although two pages print データ活用', () => {
    expect(source).toContain('大項目 2：世界最先端の研究開発のためのデータ活用');
    expect(real.sections.find((s) => s.id === '2')!.title).toBe('世界最先端の研究開発のためのデータ利活用');
    expect(titles(real).some((t) => /小項目|各府省・AMED|今後の方向性/u.test(t))).toBe(false);
  });
});

describe('trap: 中項目 without a table', () => {
  it('makes one item of the two bullet lists, with the 中項目 title and the ministries of its text', () => {
    const plan = parsePlan(
      doc(
        '大項目 2：A',
        '中項目 1 医療DXの推進',
        '- 方針を進める。**【厚】**',
        '各府省・AMEDの令和 7 年度の取組',
        '- X を行う。\n- Y を行う。',
        '今後の方向性・課題など',
        '- Z を予定。',
      ),
    );
    expect(plan.items).toHaveLength(1);
    expect(plan.items[0]).toMatchObject({ key: '2-1-1', label: '', title: '医療DXの推進', ministries: ['厚'], lead: [] });
    expect(plan.items[0]!.actions.map((b) => b.text)).toEqual(['X を行う。', 'Y を行う。']);
    expect(plan.items[0]!.future.map((b) => b.text)).toEqual(['Z を予定。']);
    expect(plan.items[0]!.warnings).toEqual(['担当府省の欄がないため、中項目の本文の【厚】を担当府省としました。']);
  });

  it('leaves the ministries empty, with a warning, when its text names none', () => {
    const plan = parsePlan(
      doc('大項目 2：A', '中項目 1 B', '- 方針。', '各府省・AMEDの令和7年度の取組', '- X。', '今後の方向性・課題など', '- Y。'),
    );
    expect(plan.items[0]!.ministries).toEqual([]);
    expect(plan.items[0]!.warnings).toEqual(['担当府省の記載が見つからないため、担当府省を空にしました。']);
  });

  it('in the real file, reads 2-1 and 2-2 as one item each', () => {
    expect(item(real, '2-1-1')).toMatchObject({ title: '医療DXの推進', label: '', ministries: ['厚'] });
    expect(item(real, '2-2-1')).toMatchObject({ title: '国を主体とするRWDの二次利用の推進', label: '', ministries: ['厚'] });
    expect(item(real, '2-1-1').actions[0]!.text).toBe(
      '必要な電子カルテ情報を医療機関等間で共有する電子カルテ情報共有サービスについて、令和 7 年 2 月から一部の地域においてモデル事業を開始するとともに、本格稼働に必要な法改正を盛り込んだ医療法等改正法案を今国会に提出した。',
    );
    expect(real.items.filter((i) => i.major === 2 && i.middle <= 2)).toHaveLength(2);
  });
});

describe('trap: ministry lists and brackets that are not', () => {
  it('reads ◎ and every separator from the real file', () => {
    expect(item(real, '1-1-6')).toMatchObject({ ministries: ['文', '厚', 'AMED'], lead: ['文'] }); // 【 ◎文厚AMED 】
    expect(item(real, '1-2-2-1')).toMatchObject({ ministries: ['文', '厚', '経'], lead: ['厚'] }); // 【文・◎厚・経】
    expect(item(real, '2-3-1')).toMatchObject({ ministries: ['健', '文', '厚', '経'], lead: ['健'] }); // 【◎健、文、厚、経】
    expect(item(real, '1-1-5')).toMatchObject({ ministries: ['厚'], lead: [] }); // 【 厚 】
    expect(item(real, '2-3-3')).toMatchObject({ ministries: ['科技'], lead: [] });
    expect(item(real, '4-1-1')).toMatchObject({ ministries: ['厚', '経', '総'], lead: ['経'] }); // 【総、厚、◎経】
  });

  it('peels a 【再掲】 after the ministry list off the title and keeps other brackets in it', () => {
    const plan = parsePlan(
      doc('大項目 1：A', '中項目 1 B', HEADER, row('①題名【厚】【再掲】'), row('②別の題名【参考】', 'Aを行う【文】。', '続ける。')),
    );
    expect(item(plan, '1-1-1')).toMatchObject({ title: '題名', ministries: ['厚'] });
    expect(item(plan, '1-1-2')).toMatchObject({ title: '別の題名【参考】', ministries: ['文'] });
    expect(item(plan, '1-1-2').warnings).toContain('担当府省の欄がないため、取組の本文の【文】を担当府省としました。');
  });
});

describe('trap: 【再掲】 copies', () => {
  const plan = parsePlan(
    doc(
      '大項目 1：A',
      '中項目 1 B',
      HEADER,
      row(
        '⑭医工連携および産業界との連携による、AI技術を活用した研究開発を推進【厚】',
        '精神疾患において解析を行い研究開発を支援する。',
        '成果を総括し支援を行う。',
      ),
      row('⑮遠隔医療・オンライン診療の効果的な臨床応用の手法の開発【厚】', 'オンライン診療の法案を提出した。', '普及を推進する。'),
      '大項目 4 : C',
      '中項目 1 D',
      HEADER,
      row(
        '⑦医工連携及び産業界との連携により、AI 技術を活用した研究開発を推進する。【厚】',
        '精神疾患において解析を行い研究開発を支援する。【再掲】',
        '成果を総括し支援を行う。【再掲】',
      ),
      row('⑧宇宙開発の推進【文】', '月面探査を行う。【再掲】', '続ける。'),
    ),
  );

  it('links a reworded copy to the item it repeats, by title and text', () => {
    expect(item(plan, '4-1-7').relistedFrom).toBe('1-1-14');
    expect(item(plan, '4-1-7').warnings.join()).toContain('1-1-14');
    expect(item(plan, '1-1-14').relistedFrom).toBeNull();
    expect(item(plan, '1-1-15').relistedFrom).toBeNull();
  });

  it('links nothing, and says so, when no item is alike', () => {
    expect(item(plan, '4-1-8').relistedFrom).toBeNull();
    expect(item(plan, '4-1-8').warnings).toEqual(['【再掲】とあるが、再掲元の項目が見つかりませんでした。']);
  });

  it('in the real file, links 大項目4 中項目1 ⑦ ⑧ to 大項目1 中項目1 ⑭ ⑮ and nothing else', () => {
    expect(real.items.filter((i) => i.relistedFrom !== null).map((i) => [i.key, i.relistedFrom])).toEqual([
      ['4-1-7', '1-1-14'],
      ['4-1-8', '1-1-15'],
    ]);
    // The titles differ in wording, so the link is not a plain string match.
    expect(item(real, '4-1-8').title).not.toBe(item(real, '1-1-15').title);
  });
});

describe('trap: cells that lost their bullet markers', () => {
  it('says on the item which columns were split by inference, and how', () => {
    const plan = parsePlan(
      doc('大項目 1：A', '中項目 1 B', HEADER, row('①a【厚】', 'Pを推進する【こ】。Qを実現させる【厚】。', 'Rを行う。 Sを行う。')),
    );
    expect(plan.items[0]!.actions.map((b) => b.text)).toEqual(['Pを推進する【こ】。', 'Qを実現させる【厚】。']);
    expect(plan.items[0]!.future.map((b) => b.text)).toEqual(['Rを行う。', 'Sを行う。']);
    expect(plan.items[0]!.warnings).toEqual([
      '令和7年度の取組の箇条書きの区切りを府省タグと文末から推定しました。',
      '今後の方向性・課題などの箇条書きの区切りを空白の位置から推定しました。',
    ]);
  });

  it('in the real file, splits 1-1-2 (…【こ】。女性が…) at its tags and keeps また with its bullet', () => {
    const i = item(real, '1-1-2');
    expect(i.actions).toHaveLength(4);
    ['AMEDにおいて、生殖・妊娠期', '女性がより良い生涯', '高齢者のフレイル・要介護', 'サルコペニアに対する'].forEach((start, k) =>
      expect(i.actions[k]!.text.startsWith(start)).toBe(true),
    );
    expect(i.actions[0]!.text.endsWith('その実用化を推進する【こ】。')).toBe(true);
    expect(i.actions[3]!.text).toBe(
      'サルコペニアに対する栄養学的介入研究を前年度に引き続き継続する。またサルコペニア・フレイルに関するバイオマーカー開発研究を行う【厚】。',
    );
    expect(i.warnings).toContain('令和7年度の取組の箇条書きの区切りを府省タグと文末から推定しました。');
  });

  it('in the real file, splits the untagged 認知症 ④ cell into its two paragraphs', () => {
    const actions = item(real, '1-2-2-4').actions.map((b) => b.text);
    expect(actions).toHaveLength(2);
    expect(actions[0]).toMatch(/^アミロイド関連画像異常（ARIA）には.*バイオマーカーの開発に繋げる。$/u);
    expect(actions[1]).toMatch(/^アルツハイマー病においてAβや.*バイマーカー開発を行う。$/u);
    expect(item(real, '1-2-2-4').warnings).toContain('令和7年度の取組の箇条書きの区切りを文末と接続語から推定しました。');
  });

  it('in the real file, cuts the 慢性の痛み list of 1-2-3-3, which has no 。, at its repeated opening', () => {
    expect(
      item(real, '1-2-3-3')
        .future.slice(1)
        .map((b) => b.text),
    ).toEqual([
      '慢性の痛みに対する客観的な評価法の開発',
      '慢性の痛みに対する効果的な治療法の開発',
      '慢性の痛みに対するエビデンス構築',
      '慢性の痛みに対するトランスレーショナルリサーチによる病態の解明',
    ]);
    expect(item(real, '1-2-3-3').warnings).toContain('今後の方向性・課題などの箇条書きの区切りを繰り返される語句から推定しました。');
  });
});

describe('trap: full-width and half-width', () => {
  it('reads headings, numbers and codes in either width', () => {
    const plan = parsePlan(
      doc(
        '大項目１：世界',
        '中項目２ 疾患',
        '２）認知症',
        '小項目　【担当府省・ＡＭＥＤ】\t各府省・ＡＭＥＤの令和７年度の取組\t今後の方向性・課題など',
        row('①題名【ＡＭＥＤ、文】', '実施する（ＰＪ１）。'),
      ),
    );
    expect(plan.items.map((i) => [i.key, i.ministries])).toEqual([['1-2-2-1', ['文', 'AMED']]]);
    expect(plan.items[0]!.actions).toEqual([{ text: '実施する（ＰＪ１）。', level: 0 }]);
  });

  it('in the real file, reads 令和 7 年度 and 令和7年度 headers and 大項目 4 : with a half-width colon', () => {
    expect(source).toContain('令和 7 年度の取組');
    expect(source).toContain('大項目 4 : 健康長寿社会');
    expect(real.items.filter((i) => i.major === 4)).toHaveLength(8);
  });
});

describe('trap: table rows across lines', () => {
  it('reads "- " groups under a row without tabs as its actions and future columns', () => {
    const plan = parsePlan(doc('大項目 2：A', '中項目 3 B', HEADER, '④題名【◎健、文】', '- Xを実施する。', '- 引き続き推進する。'));
    expect(plan.items[0]).toMatchObject({ key: '2-3-4', ministries: ['健', '文'], lead: ['健'] });
    expect(plan.items[0]!.actions.map((b) => b.text)).toEqual(['Xを実施する。']);
    expect(plan.items[0]!.future.map((b) => b.text)).toEqual(['引き続き推進する。']);
    expect(plan.items[0]!.warnings.join()).toContain('表の列の区切りがない行');
  });

  it('joins a line that spills out of the last cell, and a row that goes on after a page break', () => {
    const plan = parsePlan(
      doc(
        '大項目 1：A',
        '中項目 1 B',
        HEADER,
        row('①a【厚】', 'Pを行う。', 'Qを'),
        '続ける。',
        '大項目 1：A',
        '中項目 1 B',
        HEADER,
        row('②b【厚】', 'Rを行う。', 'Sを行う。'),
        `\t${UL} Tを行う。\t${UL} Uを行う。`,
      ),
    );
    expect(plan.items).toHaveLength(2);
    expect(item(plan, '1-1-1').future.map((b) => b.text)).toEqual(['Qを続ける。']);
    expect(item(plan, '1-1-2').actions.map((b) => b.text)).toEqual(['Rを行う。', 'Tを行う。']);
    expect(item(plan, '1-1-2').future.map((b) => b.text)).toEqual(['Sを行う。', 'Uを行う。']);
    expect(item(plan, '1-1-1').warnings.join()).toContain('結合');
    expect(item(plan, '1-1-2').warnings.join()).toContain('結合');
  });

  it('in the real file, reads 2-3 ④ (a row without tabs) with one actions and one future bullet', () => {
    expect(item(real, '2-3-4').actions.map((b) => b.text)).toEqual([
      '次世代医療基盤法に基づくRWDの二次利用に加えて、ゲノム医療実現バイオバンク利活用プログラム、ヘルスケア産業基盤高度化推進事業等を実施する。',
    ]);
    expect(item(real, '2-3-4').future.map((b) => b.text)).toEqual(['引き続き、事業を着実に推進する。']);
  });
});

describe('never drops or merges an item', () => {
  it('has one item for every numbered row of the real file, each titled as printed', () => {
    const rows = source.split('\n').filter((l) => /^(?:<p>)?[\u2460-\u2473]/u.test(l));
    expect(rows).toHaveLength(53);
    for (const line of rows) {
      const printed = line.replace(/^(?:<p>)?[\u2460-\u2473]\s*/u, '').slice(0, 15);
      expect(
        real.items.filter((i) => i.title.startsWith(printed)),
        printed,
      ).toHaveLength(1);
    }
  });

  it('keeps two rows apart even when their texts are identical (1-1 ⑥ and ⑦ share their cells)', () => {
    expect(item(real, '1-1-6').actions).toEqual(item(real, '1-1-7').actions);
    expect(item(real, '1-1-6').title).not.toBe(item(real, '1-1-7').title);
  });
});
