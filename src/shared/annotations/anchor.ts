// Anchoring an annotation to a span of text in ONE field of one item, and finding that span again
// after the text changed (an edit, an accepted ministry answer, a restore).
//
// After Hypothesis (quote + prefix + suffix + position), but stricter, because a highlight attached
// to the wrong words misleads a committee member more than one that says it lost its place:
//  - the search never leaves the field the annotation was made on (title, actions or future of that item);
//    within the field it covers every bullet, since bullets are inserted, removed and reordered;
//  - a candidate is scored on quote, context (prefix/suffix) and position together, and must clear
//    MIN_SCORE; a fuzzy candidate must also resemble the quote itself (MIN_QUOTE_SIMILARITY), so the
//    context alone never places an annotation whose words are gone (Hypothesis's failure mode);
//  - the shorter the quote, the more the context must agree: `がん` is everywhere, a sentence is not;
//  - anything else is an orphan, shown with its original quote.
// Japanese has no spaces between words, so everything works on characters of the folded text
// (foldWithMap: NFKC, no white space, lower case), mapped back to offsets in the original.
import { foldForMatch, foldWithMap } from '../text/normalize';

/** Characters of context kept on each side of the quote (within the same bullet). */
export const CONTEXT_CHARS = 32;
/** Minimum combined score of a re-anchored span. */
export const MIN_SCORE = 0.75;
/** Minimum similarity of a fuzzy match to the quote (1 − edits / quote length). */
export const MIN_QUOTE_SIMILARITY = 0.75;
/** A quote this long (folded characters) is distinctive on its own; a shorter one leans on context. */
export const DISTINCT_QUOTE_CHARS = 16;

export interface TextAnchor {
  quote: string;
  prefix: string;
  suffix: string;
  /** UTF-16 offsets of the quote within its bullet (or the title), end exclusive. */
  start: number;
  end: number;
  /** The item's version when the anchor was made. */
  revision: number;
}

/** A span within a field: bullet index (0 for the title) and offsets within that bullet. */
export interface TextSpan {
  bulletIndex: number;
  start: number;
  end: number;
}

export type Resolution =
  (TextSpan & { state: 'anchored'; score: number; exact: boolean; moved: boolean }) | { state: 'orphan'; bestScore: number };

export class AnchorError extends Error {}

/**
 * An anchor for the span `at` of `segments` (the bullets of one field, or [title]). The span must lie
 * inside one bullet and hold some non-space text.
 */
export function createAnchor(segments: readonly string[], at: TextSpan, revision: number): TextAnchor {
  const text = segments[at.bulletIndex];
  if (text === undefined) throw new AnchorError(`箇条書きの番号が範囲外です(${at.bulletIndex + 1} 番目、全 ${segments.length} 件)`);
  if (!(at.start >= 0 && at.start < at.end && at.end <= text.length))
    throw new AnchorError(`選択範囲が正しくありません(${at.start}〜${at.end}、文字数 ${text.length})`);
  const quote = text.slice(at.start, at.end);
  if (!foldForMatch(quote)) throw new AnchorError('空白だけの範囲には注釈を付けられません');
  return {
    quote,
    prefix: text.slice(Math.max(0, at.start - CONTEXT_CHARS), at.start),
    suffix: text.slice(at.end, at.end + CONTEXT_CHARS),
    start: at.start,
    end: at.end,
    revision,
  };
}

interface Folded {
  folded: string;
  /** Original offset of each folded code unit. */
  map: number[];
  text: string;
}

function fold(text: string): Folded {
  return { ...foldWithMap(text), text };
}

/** Original [start, end) of the folded range [fs, fe). */
function toOriginal(f: Folded, fs: number, fe: number): { start: number; end: number } {
  const start = f.map[fs]!;
  const last = f.map[fe - 1]!;
  const code = f.text.codePointAt(last) ?? 0;
  return { start, end: last + (code > 0xffff ? 2 : 1) };
}

/**
 * Every place the quote occurs in the field: verbatim first; if nowhere verbatim, in folded text (so
 * `令和7年度` finds `令和 7 年度`). For the CLI and for making an anchor from a quote.
 */
export function findQuote(segments: readonly string[], quote: string): TextSpan[] {
  const out: TextSpan[] = [];
  segments.forEach((text, bulletIndex) => {
    for (let at = text.indexOf(quote); quote && at >= 0; at = text.indexOf(quote, at + 1))
      out.push({ bulletIndex, start: at, end: at + quote.length });
  });
  if (out.length) return out;
  const fq = foldForMatch(quote);
  segments.forEach((text, bulletIndex) => {
    const f = fold(text);
    for (let at = f.folded.indexOf(fq); fq && at >= 0; at = f.folded.indexOf(fq, at + 1))
      out.push({ bulletIndex, ...toOriginal(f, at, at + fq.length) });
  });
  return out;
}

/** Levenshtein distance of two short strings (contexts are at most CONTEXT_CHARS). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

function similarity(a: string, b: string): number {
  const n = Math.max(a.length, b.length);
  return n === 0 ? 1 : 1 - editDistance(a, b) / n;
}

interface Candidate {
  bulletIndex: number;
  /** Folded offsets. */
  fs: number;
  fe: number;
  quoteSim: number;
}

/**
 * Approximate substring search (Sellers): the spans of `text` within `maxEdits` edits of `pattern`.
 * Each run of neighbouring end positions yields its best span only, so one fuzzy occurrence is one
 * candidate. O(pattern × text), run only when the quote is not found verbatim.
 */
export function approximateMatches(pattern: string, text: string, maxEdits: number): { start: number; end: number; edits: number }[] {
  const m = pattern.length;
  let prev = new Int32Array(m + 1).map((_, i) => i);
  let prevStart = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  let curStart = new Int32Array(m + 1);
  const out: { start: number; end: number; edits: number }[] = [];
  let run: { start: number; end: number; edits: number } | null = null;
  for (let j = 1; j <= text.length; j++) {
    cur[0] = 0;
    curStart[0] = j;
    for (let i = 1; i <= m; i++) {
      const sub = prev[i - 1]! + (pattern[i - 1] === text[j - 1] ? 0 : 1);
      const skipText = prev[i]! + 1;
      const skipPattern = cur[i - 1]! + 1;
      if (sub <= skipText && sub <= skipPattern) {
        cur[i] = sub;
        curStart[i] = prevStart[i - 1]!;
      } else if (skipText <= skipPattern) {
        cur[i] = skipText;
        curStart[i] = prevStart[i]!;
      } else {
        cur[i] = skipPattern;
        curStart[i] = curStart[i - 1]!;
      }
    }
    if (cur[m]! <= maxEdits) {
      const hit = { start: curStart[m]!, end: j, edits: cur[m]! };
      if (!run || hit.edits < run.edits) run = hit;
    } else if (run) {
      out.push(run);
      run = null;
    }
    [prev, cur] = [cur, prev];
    [prevStart, curStart] = [curStart, prevStart];
  }
  if (run) out.push(run);
  return out;
}

interface Target {
  quote: string;
  prefix: string;
  suffix: string;
  bulletIndex: number;
  start: number;
}

/**
 * The score of a candidate, 0–1: quote, context and position weighted by how distinctive the quote
 * is. A 16-character quote found verbatim scores ≥ 0.85 with no context at all; a 2-character one
 * needs at least one side of its context to agree.
 */
function score(c: Candidate, t: Target, f: Folded): number {
  const distinct = Math.min(1, t.quote.length / DISTINCT_QUOTE_CHARS);
  const wQuote = 0.45 + 0.4 * distinct;
  const wPosition = 0.05;
  const wContext = 1 - wQuote - wPosition;
  const before = f.folded.slice(Math.max(0, c.fs - t.prefix.length), c.fs);
  const after = f.folded.slice(c.fe, c.fe + t.suffix.length);
  // An empty stored side means the quote began (or ended) its bullet: it should still do so.
  const prefixSim = t.prefix ? similarity(t.prefix, before) : c.fs === 0 ? 1 : 0;
  const suffixSim = t.suffix ? similarity(t.suffix, after) : c.fe === f.folded.length ? 1 : 0;
  const start = f.map[c.fs] ?? 0;
  const position =
    c.bulletIndex === t.bulletIndex
      ? 1 - 0.5 * Math.min(1, Math.abs(start - t.start) / Math.max(CONTEXT_CHARS, f.text.length))
      : 0.5 * (1 - Math.min(1, Math.abs(c.bulletIndex - t.bulletIndex) / 4));
  return wQuote * c.quoteSim + wContext * ((prefixSim + suffixSim) / 2) + wPosition * position;
}

function best(cands: Candidate[], t: Target, folded: Folded[]): { c: Candidate; score: number } | null {
  let top: { c: Candidate; score: number } | null = null;
  for (const c of cands) {
    const s = score(c, t, folded[c.bulletIndex]!);
    if (!top || s > top.score) top = { c, score: s };
  }
  return top;
}

/**
 * Where the anchor is in the field now. `bulletIndex` is the bullet it was made on (0 for a title);
 * `segments` are the field's current bullets (or [title]).
 */
export function resolveAnchor(anchor: TextAnchor, bulletIndex: number, segments: readonly string[]): Resolution {
  // The common case: the text did not change where the anchor points.
  const own = segments[bulletIndex];
  if (
    own !== undefined &&
    own.slice(anchor.start, anchor.end) === anchor.quote &&
    own.slice(anchor.start - anchor.prefix.length, anchor.start) === anchor.prefix &&
    own.slice(anchor.end, anchor.end + anchor.suffix.length) === anchor.suffix
  ) {
    return { state: 'anchored', bulletIndex, start: anchor.start, end: anchor.end, score: 1, exact: true, moved: false };
  }
  const t: Target = {
    quote: foldForMatch(anchor.quote),
    prefix: foldForMatch(anchor.prefix).slice(-CONTEXT_CHARS),
    suffix: foldForMatch(anchor.suffix).slice(0, CONTEXT_CHARS),
    bulletIndex,
    start: anchor.start,
  };
  if (!t.quote) return { state: 'orphan', bestScore: 0 };
  const folded = segments.map(fold);

  const exact: Candidate[] = [];
  folded.forEach((f, i) => {
    for (let at = f.folded.indexOf(t.quote); at >= 0; at = f.folded.indexOf(t.quote, at + 1))
      exact.push({ bulletIndex: i, fs: at, fe: at + t.quote.length, quoteSim: 1 });
  });
  let found = best(exact, t, folded);
  if (!found || found.score < MIN_SCORE) {
    // Not verbatim (or only verbatim in the wrong context): look for an edited copy of the quote.
    const maxEdits = Math.floor(t.quote.length * (1 - MIN_QUOTE_SIMILARITY));
    const fuzzy: Candidate[] = [];
    if (maxEdits > 0) {
      folded.forEach((f, i) => {
        for (const m of approximateMatches(t.quote, f.folded, maxEdits)) {
          if (m.end > m.start) fuzzy.push({ bulletIndex: i, fs: m.start, fe: m.end, quoteSim: 1 - m.edits / t.quote.length });
        }
      });
    }
    const alt = best(fuzzy, t, folded);
    if (alt && (!found || alt.score > found.score)) found = alt;
  }
  if (!found || found.score < MIN_SCORE || found.c.quoteSim < MIN_QUOTE_SIMILARITY)
    return { state: 'orphan', bestScore: found?.score ?? 0 };
  const { start, end } = toOriginal(folded[found.c.bulletIndex]!, found.c.fs, found.c.fe);
  return {
    state: 'anchored',
    bulletIndex: found.c.bulletIndex,
    start,
    end,
    score: Math.round(found.score * 1000) / 1000,
    exact: found.c.quoteSim === 1,
    moved: found.c.bulletIndex !== bulletIndex || start !== anchor.start,
  };
}
