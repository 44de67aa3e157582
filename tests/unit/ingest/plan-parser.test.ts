// The parser against the real document: every one of the 56 items as read by a person
// (tests/fixtures/expected-items.json), and the properties every parsed item must have.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { MINISTRY_CODES } from '../../../src/shared/domain';
import { parsePlan, type ParsedPlan } from '../../../src/main/ingest/plan-parser';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const source = readFileSync(`${root}seeds/000_52c930427e1a17e9.txt`, 'utf8');

interface ExpectedItem {
  key: string;
  major: number;
  middle: number;
  area: number | null;
  label: string;
  titleStart: string;
  ministries: string[];
  lead: string[];
  relistedFrom: string | null;
  actions: number;
  future: number;
}
const expected = (JSON.parse(readFileSync(`${root}tests/fixtures/expected-items.json`, 'utf8')) as { items: ExpectedItem[] }).items;

let plan: ParsedPlan;
beforeAll(() => {
  plan = parsePlan(source);
});

describe('parsePlan on 000_52c930427e1a17e9.txt: the items', () => {
  it('finds the 56 小項目', () => {
    expect(expected).toHaveLength(56);
    expect(plan.items).toHaveLength(56);
  });

  it('matches the reading of the document, item by item, in outline order', () => {
    const actual = plan.items.map((i) => ({
      key: i.key,
      major: i.major,
      middle: i.middle,
      area: i.area,
      label: i.label,
      titleStart: i.title.slice(0, [...(expected.find((e) => e.key === i.key)?.titleStart ?? '')].length),
      ministries: i.ministries,
      lead: i.lead,
      relistedFrom: i.relistedFrom,
      actions: i.actions.length,
      future: i.future.length,
    }));
    expect(actual).toEqual(expected);
  });

  it('gives every item a unique key that matches its placement', () => {
    const keys = plan.items.map((i) => i.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const i of plan.items) {
      const prefix = i.area === null ? `${i.major}-${i.middle}-` : `${i.major}-${i.middle}-${i.area}-`;
      expect(i.key.startsWith(prefix), i.key).toBe(true);
      expect(i.key.slice(prefix.length), i.key).toMatch(/^[1-9]\d*$/);
    }
  });
});

describe('parsePlan on 000_52c930427e1a17e9.txt: clean text', () => {
  const allTexts = (): { key: string; text: string }[] =>
    plan.items.flatMap((i) =>
      [i.title, ...i.actions.map((b) => b.text), ...i.future.map((b) => b.text)].map((text) => ({ key: i.key, text })),
    );

  it('leaves no markup in any title or bullet', () => {
    for (const { key, text } of allTexts()) {
      expect(text, key).not.toMatch(/[<>]/);
      expect(text, key).not.toContain('**');
    }
  });

  it('leaves no leading bullet marker, no padding and no double spaces', () => {
    for (const { key, text } of allTexts()) {
      expect(text, key).not.toMatch(/^[・•●\-*\s]/u);
      expect(text, key).not.toMatch(/\s$/u);
      expect(text, key).not.toMatch(/\s{2}|[\t\n\u3000]/u);
    }
  });

  it('has no empty bullet and no empty title', () => {
    for (const { key, text } of allTexts()) expect(text.length, key).toBeGreaterThan(0);
    for (const i of plan.items) expect(i.actions.length + i.future.length, i.key).toBeGreaterThan(0);
  });

  it('keeps no circled number or ministry list in a title', () => {
    for (const i of plan.items) {
      expect(i.title, i.key).not.toMatch(/^[\u2460-\u2473]/u);
      expect(i.title, i.key).not.toMatch(/【[^】]*】$/u);
    }
  });

  it('keeps the ministry tags and PJ references of bullets in their text', () => {
    const item = plan.items.find((i) => i.key === '1-1-5')!;
    expect(item.actions[0]!.text.endsWith('医師主導治験を実施する（PJ1）。')).toBe(true);
    expect(plan.items.find((i) => i.key === '1-1-1')!.actions[0]!.text).toBe(
      'バイオバンクの試料・情報等を活用した先端ゲノム研究を推進する【文】。',
    );
  });

  it('uses levels 0 and 1 only, and nests only under a bullet', () => {
    for (const i of plan.items) {
      for (const list of [i.actions, i.future]) {
        list.forEach((b, k) => {
          expect([0, 1], i.key).toContain(b.level);
          if (k === 0) expect(b.level, i.key).toBe(0);
        });
      }
    }
  });
});

describe('parsePlan on 000_52c930427e1a17e9.txt: ministries and warnings', () => {
  it('gives every item at least one ministry, or a warning saying why not', () => {
    for (const i of plan.items) {
      if (i.ministries.length === 0) expect(i.warnings.join(), i.key).toMatch(/担当府省/);
      else expect(i.ministries.every((m) => (MINISTRY_CODES as readonly string[]).includes(m))).toBe(true);
    }
    expect(plan.items.every((i) => i.ministries.length > 0)).toBe(true);
  });

  it('names lead ministries only among the item ministries', () => {
    for (const i of plan.items) for (const l of i.lead) expect(i.ministries, i.key).toContain(l);
  });

  it('writes warnings as Japanese sentences', () => {
    const warnings = [...plan.warnings, ...plan.items.flatMap((i) => i.warnings)];
    expect(warnings.length).toBeGreaterThan(0);
    for (const w of warnings) {
      expect(w).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/u);
      expect(w).toMatch(/。$/u);
      expect(w.split('。').length, w).toBe(2);
    }
  });

  it('warns on no item whose text was split only along written markers', () => {
    for (const key of ['1-1-1', '1-2-1-1', '1-2-3-1', '1-2-3-2', '1-3-1', '1-1-5', '3-3-3']) {
      expect(plan.items.find((i) => i.key === key)!.warnings, key).toEqual(
        key === '1-3-1' ? [expect.stringContaining('丸数字の番号がない')] : [],
      );
    }
  });
});

describe('parsePlan on 000_52c930427e1a17e9.txt: document and sections', () => {
  it('reads the document title from its first paragraph', () => {
    expect(plan.title).toBe(
      '健康・医療戦略及び医療分野研究開発推進計画のうち特にデータ利活用・ライフコースの観点から進めるべき事項の令和7年度の実施と今後の方向性等',
    );
  });

  it('lists the 20 sections once each, in outline order', () => {
    expect(plan.sections.map((s) => s.id)).toEqual([
      '1',
      '1-1',
      '1-2',
      '1-2-1',
      '1-2-2',
      '1-2-3',
      '1-2-4',
      '1-2-5',
      '1-2-6',
      '1-3',
      '2',
      '2-1',
      '2-2',
      '2-3',
      '3',
      '3-1',
      '3-2',
      '3-3',
      '4',
      '4-1',
    ]);
    expect(plan.sections.map((s) => s.position)).toEqual([...plan.sections.keys()]);
    expect(plan.sections.map((s) => s.level)).toEqual([
      'major',
      'middle',
      'middle',
      'area',
      'area',
      'area',
      'area',
      'area',
      'area',
      'middle',
      'major',
      'middle',
      'middle',
      'middle',
      'major',
      'middle',
      'middle',
      'middle',
      'major',
      'middle',
    ]);
  });

  it('titles each section without its 大項目 / 中項目 / 1) prefix', () => {
    const title = (id: string): string | undefined => plan.sections.find((s) => s.id === id)?.title;
    expect(title('1')).toBe('世界最高水準の医療の提供に資する医療分野の研究開発の推進');
    expect(title('1-1')).toBe('データ利活用・ライフコースプロジェクト（8つの統合プロジェクトの1つとして進める研究開発）');
    expect(title('1-2-1')).toBe('がん（特にライフコースに関するもの）');
    expect(title('1-2-2')).toBe('認知症');
    expect(title('1-2-3')).toBe('神経疾患・精神疾患等');
    expect(title('1-2-4')).toBe('成育、小児・周産期、女性等');
    expect(title('1-2-5')).toBe('循環器疾患・糖尿病等');
    expect(title('1-2-6')).toBe('高齢者');
    expect(title('1-3')).toBe('医療分野の研究開発の一体的推進');
    expect(title('2')).toBe('世界最先端の研究開発のためのデータ利活用');
    expect(title('2-1')).toBe('医療DXの推進');
    expect(title('2-3')).toBe('民間やアカデミアを主体とするRWD等の二次利用の促進');
    expect(title('3')).toBe('研究開発の環境の整備及び成果の普及等');
    expect(title('3-2')).toBe('研究DX、オープンサイエンスの推進等');
    expect(title('4')).toBe('健康長寿社会の形成に資する新産業創出及び国際展開の促進等');
    expect(title('4-1')).toBe('新産業創出（イノベーションの社会実装）');
  });

  it('collects the intro bullets of each section once, and none from the contents page', () => {
    const intro = (id: string): string[] => plan.sections.find((s) => s.id === id)?.intro.map((b) => b.text) ?? [];
    expect(intro('1-1')).toHaveLength(1);
    expect(intro('1-1')[0]).toMatch(/^がん、難病、認知症等の疾患レジストリ.*運用する。$/u);
    expect(intro('1-2')).toHaveLength(3);
    expect(intro('1-2-2')).toEqual(['認知症研究については、病態解明、創薬研究、臨床研究の三段構えで取り組む。']);
    expect(intro('1-3')).toHaveLength(5);
    expect(intro('2-1')).toHaveLength(1);
    expect(intro('2-1')[0]!.endsWith('抜本的に改組する。【厚】')).toBe(true);
    expect(intro('2-2')).toHaveLength(1);
    // The 3-2 policy text is cut over two lines (…そのため / の基盤になる…): one bullet.
    expect(intro('3-2')).toHaveLength(1);
    expect(intro('3-2')[0]).toContain('研究DXを追求する。そのための基盤になるデータ整備、データマネジメントを推進する。');
    for (const id of ['1', '2', '3', '4', '1-2-1', '2-3', '3-1', '3-3', '4-1']) expect(intro(id), id).toEqual([]);
    const everyIntro = plan.sections.flatMap((s) => s.intro.map((b) => b.text)).join('\n');
    expect(everyIntro).not.toContain('データヘルス改革');
  });
});

describe('parsePlan: speed', () => {
  it('parses the whole document well under 50 ms', () => {
    parsePlan(source); // the first call also pays for compiling the code
    const times = Array.from({ length: 5 }, () => {
      const t = performance.now();
      parsePlan(source);
      return performance.now() - t;
    });
    expect(Math.min(...times)).toBeLessThan(50);
  });
});
