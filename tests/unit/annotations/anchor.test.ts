import { describe, expect, it } from 'vitest';
import {
  AnchorError,
  approximateMatches,
  createAnchor,
  editDistance,
  findQuote,
  MIN_SCORE,
  resolveAnchor,
  type TextAnchor,
} from '../../../src/shared/annotations/anchor';

// Real bullets of the table (大項目1 中項目2, 認知症 / がん).
const B1 = '認知症の早期発見・早期介入に向けた血液バイオマーカーの開発を推進する【厚】。';
const B2 = 'がん研究10か年戦略に基づき、がんゲノム医療の実用化に向けた研究開発を推進する【文・厚】。';
const B3 = '全ゲノム解析等実行計画に基づき、解析結果を臨床現場へ還元する体制を整備する【厚】。';

/** An anchor on the first occurrence of `quote` in bullet `i`. */
function anchorOn(segments: string[], i: number, quote: string, revision = 1): TextAnchor {
  const start = segments[i]!.indexOf(quote);
  if (start < 0) throw new Error(`${quote} not in bullet ${i}`);
  return createAnchor(segments, { bulletIndex: i, start, end: start + quote.length }, revision);
}

function textAt(segments: string[], r: ReturnType<typeof resolveAnchor>): string {
  if (r.state !== 'anchored') throw new Error(`orphan (best ${r.bestScore})`);
  return segments[r.bulletIndex]!.slice(r.start, r.end);
}

describe('createAnchor', () => {
  it('keeps the quote, up to 32 characters of context on each side within the bullet, the position and the revision', () => {
    const a = anchorOn([B1, B2], 1, 'がんゲノム医療');
    expect(a).toEqual({
      quote: 'がんゲノム医療',
      prefix: 'がん研究10か年戦略に基づき、',
      suffix: 'の実用化に向けた研究開発を推進する【文・厚】。',
      start: 15,
      end: 22,
      revision: 1,
    });
  });

  it('cuts the context at 32 characters', () => {
    const long = `${'あ'.repeat(50)}目印${'い'.repeat(50)}`;
    const a = anchorOn([long], 0, '目印');
    expect(a.prefix).toBe('あ'.repeat(32));
    expect(a.suffix).toBe('い'.repeat(32));
  });

  it('refuses a span outside the bullet, an empty span and a span of spaces, in Japanese', () => {
    expect(() => createAnchor([B1], { bulletIndex: 1, start: 0, end: 2 }, 1)).toThrow(AnchorError);
    expect(() => createAnchor([B1], { bulletIndex: 0, start: 3, end: 3 }, 1)).toThrow(/選択範囲が正しくありません/);
    expect(() => createAnchor([B1], { bulletIndex: 0, start: 0, end: 999 }, 1)).toThrow(/選択範囲/);
    expect(() => createAnchor(['前　 後'], { bulletIndex: 0, start: 1, end: 3 }, 1)).toThrow(/空白だけ/);
  });
});

describe('findQuote', () => {
  it('finds every verbatim occurrence across the bullets of a field', () => {
    expect(findQuote([B1, B2, B3], 'を推進する')).toEqual([
      { bulletIndex: 0, start: B1.indexOf('を推進する'), end: B1.indexOf('を推進する') + 5 },
      { bulletIndex: 1, start: B2.indexOf('を推進する'), end: B2.indexOf('を推進する') + 5 },
    ]);
  });

  it('falls back to folded text: widths and spaces do not matter', () => {
    const text = '令和 ７ 年度から新規公募を予定';
    expect(findQuote([text], '令和7年度')).toEqual([{ bulletIndex: 0, start: 0, end: 7 }]);
    expect(findQuote([text], '存在しない')).toEqual([]);
  });
});

describe('resolveAnchor', () => {
  it('finds an unchanged anchor where it was, exactly', () => {
    const field = [B1, B2, B3];
    const a = anchorOn(field, 1, 'がんゲノム医療');
    expect(resolveAnchor(a, 1, field)).toEqual({
      state: 'anchored',
      bulletIndex: 1,
      start: a.start,
      end: a.end,
      score: 1,
      exact: true,
      moved: false,
    });
  });

  it('follows the quote when text is inserted before it (same bullet)', () => {
    const a = anchorOn([B2], 0, 'がんゲノム医療');
    const edited = [B2.replace('がん研究10か年戦略に基づき、', 'がん研究10か年戦略及び第4期がん対策推進基本計画に基づき、')];
    const r = resolveAnchor(a, 0, edited);
    expect(textAt(edited, r)).toBe('がんゲノム医療');
    expect(r).toMatchObject({ exact: true, moved: true });
  });

  it('follows the quote when text is inserted right before it, replacing the whole prefix', () => {
    const a = anchorOn([B1], 0, '血液バイオマーカー');
    const edited = [B1.replace('認知症の早期発見・早期介入に向けた', '新たに開発された')];
    expect(textAt(edited, resolveAnchor(a, 0, edited))).toBe('血液バイオマーカー');
  });

  it('follows an edit inside the quote, with a score below an exact match', () => {
    const a = anchorOn([B1], 0, '早期発見・早期介入に向けた血液バイオマーカーの開発');
    const edited = [B1.replace('血液バイオマーカー', '血液バイオマーカー等')];
    const r = resolveAnchor(a, 0, edited);
    expect(textAt(edited, r)).toBe('早期発見・早期介入に向けた血液バイオマーカー等の開発');
    expect(r).toMatchObject({ state: 'anchored', exact: false });
    if (r.state === 'anchored') expect(r.score).toBeLessThan(1);
  });

  it('picks, of a quote repeated in the field, the occurrence whose context fits', () => {
    const field = ['AMEDの研究開発を推進する。', 'がんゲノム医療の研究開発を推進する【文】。', '認知症の研究開発を推進する【厚】。'];
    const a = anchorOn(field, 2, '研究開発を推進する');
    // A bullet inserted at the top: every index shifts, the repeated quote must stay on 認知症.
    const edited = ['新しい箇条書き【経】。', ...field];
    const r = resolveAnchor(a, 2, edited);
    expect(r).toMatchObject({ state: 'anchored', bulletIndex: 3 });
    expect(textAt(edited, r)).toBe('研究開発を推進する');
  });

  it('picks the right occurrence of a quote repeated inside one bullet', () => {
    const text = 'がん検診の受診率向上とがん検診の精度管理を進める';
    const a = createAnchor([text], { bulletIndex: 0, start: 11, end: 15 }, 1); // the second がん検診
    const edited = [`【新規】${text}`];
    const r = resolveAnchor(a, 0, edited);
    expect(r).toMatchObject({ state: 'anchored', start: 15, end: 19 });
  });

  it('is an orphan when the quote was deleted, even though its context survives', () => {
    const a = anchorOn([B1], 0, '血液バイオマーカー');
    const edited = [B1.replace('血液バイオマーカーの', '')];
    const r = resolveAnchor(a, 0, edited);
    expect(r.state).toBe('orphan');
    if (r.state === 'orphan') expect(r.bestScore).toBeLessThan(MIN_SCORE);
  });

  it('is an orphan when the bullet holding the quote was removed', () => {
    const field = [B1, B2, B3];
    const a = anchorOn(field, 2, '解析結果を臨床現場へ還元する');
    expect(resolveAnchor(a, 2, [B1, B2]).state).toBe('orphan');
    expect(resolveAnchor(a, 2, []).state).toBe('orphan');
  });

  it('does not re-attach a short quote to the same word elsewhere in the field', () => {
    const field = ['がんの早期発見を進める。', '小児がんの研究を推進する。'];
    const a = anchorOn(field, 0, 'がん');
    // The first bullet is rewritten without がん; 小児がん in the second is other words.
    expect(resolveAnchor(a, 0, ['早期発見を進める。', field[1]!]).state).toBe('orphan');
  });

  it('does not re-attach to text that only resembles a short edited quote', () => {
    const a = anchorOn([B1], 0, '認知症');
    expect(resolveAnchor(a, 0, [B1.replace('認知症', '認知機能')]).state).toBe('orphan');
  });

  it('works on Japanese text with no spaces, and folds widths and spaces the editor introduced', () => {
    const text = '令和7年度中に本格稼働し、令和8年度から新規公募を予定している【厚】。';
    const a = anchorOn([text], 0, '令和8年度から新規公募');
    const edited = ['令和７年度中に本格稼働し、令和 ８ 年度から新規公募を予定している【厚】。'];
    const r = resolveAnchor(a, 0, edited);
    expect(textAt(edited, r)).toBe('令和 ８ 年度から新規公募');
    expect(r).toMatchObject({ exact: true });
  });

  it('follows a bullet that moved to another position in the field', () => {
    const field = [B1, B2, B3];
    const a = anchorOn(field, 0, '血液バイオマーカーの開発');
    const moved = [B3, B2, B1];
    const r = resolveAnchor(a, 0, moved);
    expect(r).toMatchObject({ state: 'anchored', bulletIndex: 2, moved: true });
    expect(textAt(moved, r)).toBe('血液バイオマーカーの開発');
  });

  it('follows a bullet that moved and was edited around the quote', () => {
    const field = [B1, B2, B3];
    const a = anchorOn(field, 1, 'がんゲノム医療の実用化');
    const edited = [B3, B1, B2.replace('研究開発を推進する', '研究開発及び社会実装を推進する')];
    expect(textAt(edited, resolveAnchor(a, 1, edited))).toBe('がんゲノム医療の実用化');
  });

  it('resolves an anchor on a title (one segment)', () => {
    const title = '認知症の予防・診断・治療法の開発';
    const a = anchorOn([title], 0, '診断');
    expect(textAt([`①${title}`], resolveAnchor(a, 0, [`①${title}`]))).toBe('診断');
  });

  it('maps back to original offsets across characters outside the BMP', () => {
    const text = '𠮷野家の𠮷を含む文章で検索する';
    const a = anchorOn([text], 0, '含む文章');
    const edited = [`𠮷${text}`];
    expect(textAt(edited, resolveAnchor(a, 0, edited))).toBe('含む文章');
  });
});

describe('approximateMatches / editDistance', () => {
  it('finds a substring within the allowed edits, one span per occurrence', () => {
    expect(approximateMatches('abcdef', 'xxabcXdefxx', 1)).toEqual([{ start: 2, end: 9, edits: 1 }]);
    expect(approximateMatches('abcdef', 'abcdef---abXdef', 1).map((m) => m.edits)).toEqual([0, 1]);
    expect(approximateMatches('abcdef', 'zzzzzz', 1)).toEqual([]);
  });

  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('がん研究', 'がん研究')).toBe(0);
    expect(editDistance('がん研究', 'がんの研究')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});
