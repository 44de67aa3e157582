// Similarity of two bullets written in Japanese (no spaces between words), and the scores used to
// link a future bullet to the action bullets it follows up.
//
// Content: the text left after removing, in this order,
//   1. what is not a word of the sentence: 【】 tags (ministries, 再掲), (PJ1), (仮題), dates;
//   2. generic vocabulary of this plan (推進, 事業, 研究開発, 取組, 活用, データ, 検討, …: STOP_WORDS);
//   3. punctuation and hiragana runs (particles, verb endings: を, における, する, 引き続き → 引/続),
//      which cut the text into chunks; hiragana content words (がん, こども) are kept.
// Features: the set of character bigrams inside the chunks (never across a cut). What is left is
// mostly kanji compounds and katakana or Latin terms (サルコペニア, 電子カルテ, datacat), so two
// bullets are "similar" when they share such terms, not when both say 引き続き…推進する【厚】.
//
// Linking score (linkScores): cosine of the two gram sets, each gram weighted by its rarity among the
// item's action bullets (w = ln(1 + N/df), N = action bullets, df = action bullets that contain it), so a term
// every action bullet of the item shares (認知症 in the 認知症 item) counts less than the term only one
// has. Cosine rather than the overlap coefficient: a short future bullet must not link to every long
// action bullet that happens to contain its two words. Then:
//   - a pair whose bullets both carry ministry tags with no ministry in common (【文】 vs 【厚】) is
//     scaled by OTHER_MINISTRY_FACTOR: a ministry follows up its own actions;
//   - a future bullet links to its best action bullet, and to others only if they score at least
//     RUNNER_UP_RATIO of the best (one future bullet may continue two actions; a weaker echo of a
//     shared term should not make a second link);
//   - nothing links below LINK_THRESHOLD.

import { bulletMinistries } from '../text/tags';
import { foldForMatch } from '../text/normalize';
import { wordCutter } from '../text/word-cuts';

/**
 * Links below this score are not made. Calibrated on real bullets of the table
 * (tests/unit/compare/fixtures.ts): the follow-ups a person marks score 0.13 and more, the pairs a
 * person marks unrelated score 0.08 and less (the calibration test pins both sides), so 0.11 sits in
 * the gap, slightly nearer the unrelated side because a missed link costs a reviewer more than a
 * weak one that shows its score.
 */
export const LINK_THRESHOLD = 0.11;

/** A second or third link must score at least this share of the best link of the same future bullet. */
export const RUNNER_UP_RATIO = 0.6;

/** Scale of a pair whose bullets are tagged with disjoint ministries. */
export const OTHER_MINISTRY_FACTOR = 0.5;

/**
 * Generic words of this plan: they appear in most bullets and say nothing about which action a bullet
 * is about. Folded spelling; kanji-only or katakana-only, because hiragana is cut anyway.
 */
export const STOP_WORDS: readonly string[] = [
  // doing / continuing
  '推進',
  '実施',
  '促進',
  '継続',
  '着実',
  '検討',
  '支援',
  '予定',
  '目指',
  '実現',
  '取組',
  '取得',
  '強化',
  '充実',
  '拡充',
  '拡大',
  '向上',
  '加速',
  '展開',
  '整備',
  '構築',
  '確立',
  '創出',
  '実用化',
  '実装',
  // work units
  '研究開発',
  '研究事業',
  '研究',
  '開発',
  '事業等',
  '事業',
  '課題',
  '施策',
  // the plan's own theme and filler
  'データ',
  '利活用',
  '活用',
  '関連',
  '今後',
  '様々',
  '各種',
  '必要',
  '具体',
  '一層',
  '一体',
  '以下',
  '当該',
  '新規',
  '等',
  '的',
  // the document's own vocabulary
  '令和',
  '年度',
  '略称',
  '仮題',
  '仮称',
  '再掲',
];

/** Hiragana content words to keep (everything else in hiragana is grammar): folded → placeholder. */
const HIRAGANA_WORDS: readonly [string, string][] = [
  ['がん', 'ガン'],
  ['こども', 'コドモ'],
];

const STOP_SORTED = [...STOP_WORDS].map(foldForMatch).sort((a, b) => b.length - a.length);
const CUT = '|';
const TAG = /【[^】]*】|\((?:pj\d+(?:[,、・]pj\d+)*|仮題|仮称)\)/gu;
const DATE = /(?:令和|平成)(?:\d{1,2}|元)年度?(?:\d{1,2}月(?:\d{1,2}日)?)?|(?:19|20)\d{2}年度?/gu;
const PUNCT = /^[\p{P}\p{S}]$/u;

/** Cuts the stop words out of folded text, longest first (研究開発 before 研究 and 開発). */
const cutStopWords = wordCutter(STOP_SORTED, CUT);

/**
 * The folded text with tags, dates and stop words replaced by cuts; punctuation (CUT is one) and
 * hiragana runs cut the text too, at reading (isCut). Punctuation used to be replaced before the stop
 * words: no stop word holds punctuation, so they are found at the same places either way.
 */
function contentText(text: string): string {
  let f = foldForMatch(text);
  // TAG cannot match without a bracket, DATE without 年: most bullets skip both scans.
  if (f.includes('【') || f.includes('(')) f = f.replace(TAG, CUT);
  if (f.includes('年')) f = f.replace(DATE, CUT);
  for (const [word, keep] of HIRAGANA_WORDS) if (f.includes(word)) f = f.split(word).join(keep);
  return cutStopWords(f);
}

/** Per BMP code: 0 not yet seen, 1 cuts (punctuation or symbol), 2 does not. */
const PUNCT_CODE = new Uint8Array(0x10000);

/** A character that ends a chunk: punctuation, a symbol (CUT included), or hiragana (grammar). */
function isCut(code: number): boolean {
  if (code >= 0x3041 && code <= 0x309f) return true;
  if (code > 0xffff) return PUNCT.test(String.fromCodePoint(code));
  let known = PUNCT_CODE[code];
  if (known === 0) {
    known = PUNCT.test(String.fromCharCode(code)) ? 1 : 2;
    PUNCT_CODE[code] = known;
  }
  return known === 1;
}

/** Calls `visit` with each character of the content text and whether a chunk ends before it. */
function eachContentChar(text: string, visit: (ch: string, fresh: boolean) => void): void {
  const f = contentText(text);
  let fresh = true;
  for (let i = 0; i < f.length;) {
    const code = f.codePointAt(i)!;
    const ch = code > 0xffff ? f.slice(i, i + 2) : f[i]!;
    i += ch.length;
    if (isCut(code)) fresh = true;
    else {
      visit(ch, fresh);
      fresh = false;
    }
  }
}

/** The content chunks of a bullet (see the file comment). Exported for tests and for display. */
export function contentChunks(text: string): string[] {
  const chunks: string[] = [];
  eachContentChar(text, (ch, fresh) => {
    if (fresh) chunks.push(ch);
    else chunks[chunks.length - 1] += ch;
  });
  return chunks;
}

/**
 * The set of character bigrams of a bullet's content, each as a number (first code point × 0x110000
 * + second): the comparison of a large plan builds and probes tens of thousands of these sets, and
 * number keys hash and compare far cheaper than two-character strings. In text order, as a Set keeps it.
 */
export function contentGrams(text: string): Set<number> {
  return gramSet(text, (code) => code);
}

/** The grams of a bullet with each character named by `name` (an injection into 0..0x10ffff). */
function gramSet(text: string, name: (code: number) => number): Set<number> {
  const grams = new Set<number>();
  const f = contentText(text);
  let prev = -1;
  for (let i = 0; i < f.length;) {
    const code = f.codePointAt(i)!;
    i += code > 0xffff ? 2 : 1;
    if (isCut(code)) prev = -1;
    else {
      const own = name(code);
      if (prev >= 0) grams.add(prev * 0x110000 + own);
      prev = own;
    }
  }
  return grams;
}

/**
 * Characters of content text numbered from 1 in the order first met (the same in every call). A gram of
 * two of them, a × 0x110000 + b, stays a small integer while a < 1927, which V8 keeps unboxed: the sets
 * and maps of the linking hash those far cheaper than code-point grams (above 2^31, a heap number
 * each). The numbering only names characters, so the grams, their order and every score are the same.
 */
const BMP_SLOT = new Uint32Array(0x10000);
const ASTRAL_SLOT = new Map<number, number>();
let slotCount = 0;

function slotOf(code: number): number {
  if (code <= 0xffff) {
    let slot = BMP_SLOT[code]!;
    if (slot === 0) BMP_SLOT[code] = slot = ++slotCount;
    return slot;
  }
  let slot = ASTRAL_SLOT.get(code);
  if (slot === undefined) ASTRAL_SLOT.set(code, (slot = ++slotCount));
  return slot;
}

/** The grams linkScores works on: contentGrams with characters numbered by slotOf. */
function linkGrams(text: string): Set<number> {
  return gramSet(text, slotOf);
}

/** Ochiai coefficient of two gram sets, in [0, 1]; 0 when either is empty. */
export function gramSimilarity<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const g of small) if (large.has(g)) shared += 1;
  return shared / Math.sqrt(a.size * b.size);
}

/** Similarity of two bullets' texts, in [0, 1]. */
export function similarity(a: string, b: string): number {
  return gramSimilarity(contentGrams(a), contentGrams(b));
}

/**
 * IDF-style weights of grams over the action bullets of one item: ln(1 + N/df), df at least 1. The
 * weight of each possible df is computed once per item. An item has a handful of action bullets: df is
 * then counted by asking each bullet's set, cheaper than building a map of every gram; a large call
 * (a whole plan as one item) counts them into a map once.
 */
function gramWeights(actionGrams: readonly ReadonlySet<number>[]): (gram: number) => number {
  const n = Math.max(1, actionGrams.length);
  const byDf = Array.from({ length: actionGrams.length + 1 }, (_, df) => Math.log(1 + n / Math.max(1, df)));
  if (actionGrams.length <= FEW_ACTIONS) {
    return (gram) => {
      let df = 0;
      for (let i = 0; i < actionGrams.length; i++) if (actionGrams[i]!.has(gram)) df += 1;
      return byDf[df]!;
    };
  }
  const df = new Map<number, number>();
  for (const grams of actionGrams) for (const g of grams) df.set(g, (df.get(g) ?? 0) + 1);
  return (gram) => byDf[df.get(gram) ?? 0]!;
}

/** Up to this many action bullets, gramWeights asks each bullet's set rather than building a map. */
const FEW_ACTIONS = 6;

/**
 * One side of weightedCosine: the bullet's grams with their squared weights, and the sum of those. The
 * action side is summed once per item rather than once per future bullet; the order of every sum is
 * the order of the set, as before, so the scores are the same to the last bit.
 */
interface Weighted {
  grams: ReadonlySet<number>;
  squares: number[];
  total: number;
}

function weighted(grams: ReadonlySet<number>, weight: (gram: number) => number, square: (w: number) => number): Weighted {
  const squares: number[] = [];
  let total = 0;
  for (const g of grams) {
    const s = square(weight(g));
    squares.push(s);
    total += s;
  }
  return { grams, squares, total };
}

function weightedCosine(a: Weighted, b: Weighted): number {
  let shared = 0;
  let i = 0;
  for (const g of a.grams) {
    if (b.grams.has(g)) shared += a.squares[i]!;
    i += 1;
  }
  return a.total === 0 || b.total === 0 ? 0 : shared / Math.sqrt(a.total * b.total);
}

/**
 * Scores of every (future, actions) pair of one item: `scores[f][r]` in [0, 1], before the runner-up and
 * threshold rules. See the file comment for the weighting and the ministry factor.
 */
export function linkScores(actions: readonly string[], future: readonly string[]): number[][] {
  const actionGrams = actions.map(linkGrams);
  const actionMinistries = actions.map(bulletMinistries);
  const weight = gramWeights(actionGrams);
  // The squares are written as they always were (w * w for the future side, w ** 2 for the action side).
  const actionSide = actionGrams.map((grams) => weighted(grams, weight, (w) => w ** 2));
  return future.map((text) => {
    const own = weighted(linkGrams(text), weight, (w) => w * w);
    const ministries = bulletMinistries(text);
    return actionSide.map((rg, i) => {
      const score = weightedCosine(own, rg);
      const other = actionMinistries[i]!;
      const disjoint = ministries.length > 0 && other.length > 0 && !ministries.some((m) => other.includes(m));
      return disjoint ? score * OTHER_MINISTRY_FACTOR : score;
    });
  });
}

/** The action bullets one future bullet links to, best first, from its row of `linkScores`. */
export function pickLinks(scores: readonly number[], threshold = LINK_THRESHOLD): { actions: number; score: number }[] {
  const best = Math.max(0, ...scores);
  return scores
    .map((score, actions) => ({ actions, score }))
    .filter((l) => l.score >= threshold && l.score >= best * RUNNER_UP_RATIO)
    .sort((a, b) => b.score - a.score || a.actions - b.actions);
}
