import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LINK_THRESHOLD, RUNNER_UP_RATIO, contentChunks, linkScores, pickLinks, similarity } from '../../../src/shared/compare/similarity';
import { ITEMS } from './fixtures';

const seed = fs.readFileSync(path.resolve(__dirname, '../../../seeds/000_52c930427e1a17e9.txt'), 'utf8');

describe('fixtures', () => {
  it('are copied verbatim from the seed', () => {
    for (const item of ITEMS) {
      for (const b of [...item.actions, ...item.future]) expect(seed, item.id).toContain(b.text);
    }
  });
});

describe('contentChunks', () => {
  it('drops tags, PJ references, dates and generic words, keeping the terms', () => {
    expect(contentChunks('引き続き、臨床応用を見据えたサルコペニアに関するバイオマーカー開発のための事業を推進する【厚】。')).toEqual([
      '引',
      '続',
      '臨床応用',
      '見据',
      'サルコペニア',
      '関',
      'バイオマーカー',
    ]);
    expect(contentChunks('令和 8 年度から新規公募を予定する（PJ1）【文・◎厚】')).toEqual(['公募']);
  });

  it('keeps がん, a content word written in hiragana', () => {
    expect(contentChunks('小児がんの研究')).toEqual(['小児ガン']);
  });

  it('leaves nothing of a boilerplate sentence that could make a bigram', () => {
    const chunks = contentChunks('引き続き、事業を着実に推進する【文】。');
    expect(chunks.every((c) => [...c].length < 2)).toBe(true);
  });
});

describe('similarity', () => {
  it('does not call two bullets similar for sharing boilerplate and tags', () => {
    const a = '引き続き、フレイル対策に関する手法を開発するための事業を推進する【厚】。';
    const b = '引き続き、災害時の生活機能トリアージシステムの事業を着実に推進する【厚】。';
    expect(similarity(a, b)).toBe(0);
  });

  it('scores shared terms across width and spacing variants', () => {
    const a = '病院システムのクラウド化については、令和 7 年度を目途に、国がシステムの標準仕様を示す予定。';
    const b = '病院システムのクラウド化について、令和７年度を目途に標準仕様を示す。';
    expect(similarity(a, b)).toBeGreaterThan(0.7);
  });

  it('is symmetric, in [0, 1], and 1 for the same content', () => {
    const a = '電子カルテ情報共有サービスについては、令和 7 年度中に本格稼働する。';
    const b = '標準型電子カルテについては、令和 8 年度以降に本格実施する予定。';
    expect(similarity(a, b)).toBeCloseTo(similarity(b, a), 12);
    expect(similarity(a, b)).toBeGreaterThan(0);
    expect(similarity(a, b)).toBeLessThan(1);
    expect(similarity(a, a)).toBe(1);
  });
});

describe('linkScores and pickLinks', () => {
  it('halves a pair whose bullets are tagged with disjoint ministries', () => {
    const actions = ['バイオバンクの試料・情報等を活用した先端ゲノム研究を推進する【文】。'];
    const same = linkScores(actions, ['バイオバンクの試料・情報等を活用したデータ駆動型研究を加速する【文】。'])[0]![0]!;
    const other = linkScores(actions, ['バイオバンクの試料・情報等を活用したデータ駆動型研究を加速する【厚】。'])[0]![0]!;
    const untagged = linkScores(actions, ['バイオバンクの試料・情報等を活用したデータ駆動型研究を加速する。'])[0]![0]!;
    expect(other).toBeCloseTo(same / 2, 12);
    expect(untagged).toBeCloseTo(same, 12);
  });

  it('weights a term shared by every action bullet of the item less than a term only one has', () => {
    const actions = ['認知症のバイオマーカー開発を行う。', '認知症のレジストリを構築する。'];
    const [row] = linkScores(actions, ['認知症のレジストリを拡充する。']);
    expect(row![1]!).toBeGreaterThan(row![0]! * 3);
  });

  it('keeps runner-up links only near the best one, and none below the threshold', () => {
    expect(pickLinks([0.5, 0.35, 0.2])).toEqual([
      { actions: 0, score: 0.5 },
      { actions: 1, score: 0.35 },
    ]);
    expect(pickLinks([0.1, 0.07])).toEqual([]);
    expect(pickLinks([0.1, 0.07], 0.04)).toEqual([
      { actions: 0, score: 0.1 },
      { actions: 1, score: 0.07 },
    ]);
  });

  // The threshold is chosen in the gap between what people link and what they do not: this test pins
  // both sides on the real bullets, so a change of weighting that closes the gap fails here.
  it('separates the follow-ups a person marks from the unrelated pairs (threshold calibration)', () => {
    const required: number[] = [];
    const unrelated: number[] = [];
    for (const item of ITEMS) {
      const scores = linkScores(
        item.actions.map((b) => b.text),
        item.future.map((b) => b.text),
      );
      scores.forEach((row, f) => {
        if (item.unsure?.includes(f)) return;
        const best = Math.max(...row);
        row.forEach((raw, r) => {
          const effective = raw >= best * RUNNER_UP_RATIO ? raw : 0;
          if (item.links[f]!.includes(r)) required.push(effective);
          else if (!item.related?.[f]?.includes(r)) unrelated.push(effective);
        });
      });
    }
    expect(required.length).toBeGreaterThan(20);
    expect(unrelated.length).toBeGreaterThan(40);
    expect(Math.min(...required)).toBeGreaterThanOrEqual(0.13);
    expect(Math.max(...unrelated)).toBeLessThanOrEqual(0.09);
    expect(LINK_THRESHOLD).toBeGreaterThan(Math.max(...unrelated));
    expect(LINK_THRESHOLD).toBeLessThan(Math.min(...required));
  });
});
