import { describe, expect, it } from 'vitest';
import { lineDiff, similarity, tokenize, wordDiff, type DiffPart } from '../../../src/shared/diff/word-diff';
import { revisionDiff } from '../../../src/shared/diff/revision-diff';

const removed = (parts: DiffPart[]) => parts.filter((p) => p.kind === 'removed').map((p) => p.text);
const added = (parts: DiffPart[]) => parts.filter((p) => p.kind === 'added').map((p) => p.text);
const before = (parts: DiffPart[]) =>
  parts
    .filter((p) => p.kind !== 'added')
    .map((p) => p.text)
    .join('');
const after = (parts: DiffPart[]) =>
  parts
    .filter((p) => p.kind !== 'removed')
    .map((p) => p.text)
    .join('');

describe('tokenize', () => {
  it('cuts Japanese into words and loses nothing', () => {
    const text = '令和8年度から新規公募を予定している。';
    const tokens = tokenize(text);
    expect(tokens.join('')).toBe(text);
    expect(tokens).toContain('令和');
    expect(tokens).toContain('年度');
    expect(tokens).toContain('新規');
    expect(tokens).toContain('公募');
    // Words, not characters.
    expect(tokens.length).toBeLessThan([...text].length * 0.75);
  });

  it('keeps katakana loan words whole', () => {
    const tokens = tokenize('ファーマコゲノミクス研究やバイオバンクの試料');
    expect(tokens).toContain('ファーマコゲノミクス');
    expect(tokens).toContain('バイオバンク');
  });

  it('keeps tags and punctuation as their own tokens', () => {
    const tokens = tokenize('先端ゲノム研究を推進する【文】。');
    expect(tokens.join('')).toBe('先端ゲノム研究を推進する【文】。');
    expect(tokens).toContain('【');
    expect(tokens).toContain('。');
  });
});

describe('wordDiff on real sentences of the plan', () => {
  it('marks a changed year and verb as whole words', () => {
    const a = '令和7年度中に本格稼働を目指す【厚】。';
    const b = '令和8年度中に本格稼働を開始する【厚】。';
    const parts = wordDiff(a, b);
    expect(before(parts)).toBe(a);
    expect(after(parts)).toBe(b);
    expect(removed(parts)).toEqual(['7', '目指す']);
    expect(added(parts)).toEqual(['8', '開始する']);
    expect(parts.filter((p) => p.kind === 'same').map((p) => p.text)).toEqual(['令和', '年度中に本格稼働を', '【厚】。']);
  });

  it('shows an inserted phrase as one insertion', () => {
    const a = 'バイオバンクの試料・情報等を活用した先端ゲノム研究を推進する【文】。';
    const b = 'バイオバンクの試料・情報等を活用した先端ゲノム研究及びAI研究を推進する【文】。';
    const parts = wordDiff(a, b);
    expect(removed(parts)).toEqual([]);
    expect(added(parts)).toEqual(['及びAI研究']);
    expect(after(parts)).toBe(b);
  });

  it('shows a rewritten clause as one replacement, not a comb of single characters', () => {
    const a = 'がん・難病における全ゲノム解析等の患者還元のさらなる拡大を図る【厚】。';
    const b = 'がん・難病における全ゲノム解析等の成果を創薬及び診断法の開発に活用する【厚】。';
    const parts = wordDiff(a, b);
    expect(before(parts)).toBe(a);
    expect(after(parts)).toBe(b);
    // No single-character removal or insertion: every change is at least a word.
    for (const p of parts.filter((q) => q.kind !== 'same')) expect([...p.text].length).toBeGreaterThan(1);
    // The change is contiguous: one removal and one insertion between the kept head and tail.
    expect(parts.map((p) => p.kind)).toEqual(['same', 'removed', 'added', 'same']);
    expect(parts[0]!.text).toBe('がん・難病における全ゲノム解析等の');
    expect(parts[3]!.text).toBe('【厚】。');
  });

  it('merges adjacent runs of the same kind', () => {
    const parts = wordDiff('引き続き、事業を着実に進める。', '引き続き、研究開発事業を着実かつ計画的に進める。');
    for (let i = 1; i < parts.length; i++) {
      const a = parts[i - 1]!;
      const b = parts[i]!;
      expect(a.kind === b.kind).toBe(false);
    }
    expect(added(parts)).toEqual(['研究開発', 'かつ計画的']);
  });

  it('returns a single kept part for equal texts and nothing for two empty texts', () => {
    expect(wordDiff('同じ文です。', '同じ文です。')).toEqual([{ kind: 'same', text: '同じ文です。' }]);
    expect(wordDiff('', '')).toEqual([]);
    expect(wordDiff('', '新しい文。')).toEqual([{ kind: 'added', text: '新しい文。' }]);
  });
});

describe('similarity', () => {
  it('is 1 for equal texts and low for unrelated ones', () => {
    expect(similarity(wordDiff('臨床研究を推進する。', '臨床研究を推進する。'))).toBe(1);
    expect(similarity(wordDiff('臨床研究を推進する。', '新産業協議会で実施'))).toBeLessThan(0.3);
  });
});

describe('lineDiff', () => {
  it('pairs an edited line and keeps untouched lines', () => {
    const a = ['・先端ゲノム研究を推進する【文】。', '・引き続き、事業を着実に進める。'];
    const b = ['・先端ゲノム研究を推進する【文】。', '・引き続き、事業を着実かつ計画的に進める。', '・新規公募を予定【厚】。'];
    const rows = lineDiff(a, b);
    expect(rows.map((r) => r.kind)).toEqual(['same', 'changed', 'added']);
    const changed = rows[1]!;
    expect(changed.kind === 'changed' && added(changed.parts)).toEqual(['かつ計画的']);
  });

  it('shows a replaced unrelated line as a removal and an addition', () => {
    const rows = lineDiff(['・新産業協議会で実施'], ['・令和8年度から全国展開を予定している【厚】。']);
    expect(rows.map((r) => r.kind)).toEqual(['removed', 'added']);
  });

  it('shows a moved line as removal and addition, never as a change in place', () => {
    const rows = lineDiff(['・A案を進める。', '・B案を進める。'], ['・B案を進める。', '・A案を進める。']);
    expect(rows.filter((r) => r.kind === 'same')).toHaveLength(1);
  });
});

describe('revisionDiff', () => {
  it('diffs bullet fields stored as JSON as lines with nesting', () => {
    const oldValue = JSON.stringify([
      { text: 'データ基盤を整備する【厚】。', level: 0 },
      { text: '①ゲノム情報', level: 1 },
    ]);
    const newValue = JSON.stringify([
      { text: 'データ基盤を整備し、運用する【厚】。', level: 0 },
      { text: '①ゲノム情報', level: 1 },
    ]);
    const d = revisionDiff('actions', oldValue, newValue);
    expect(d.kind).toBe('lines');
    if (d.kind !== 'lines') return;
    expect(d.rows.map((r) => r.kind)).toEqual(['changed', 'same']);
    expect(d.rows[1]).toEqual({ kind: 'same', text: '　・①ゲノム情報' });
  });

  it('diffs titles word by word', () => {
    const d = revisionDiff('title', 'がん研究の推進', 'がん研究及び予防の推進');
    expect(d.kind).toBe('text');
  });

  it('shows a value that is not a bullet list as stored, without throwing', () => {
    const d = revisionDiff('future', 'not json', '[]');
    expect(d).toEqual({ kind: 'lines', rows: [{ kind: 'removed', text: 'not json' }] });
  });
});
