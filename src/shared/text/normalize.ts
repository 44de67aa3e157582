// Text folding used wherever two spellings of the same text must meet: search, alignment, comparison.
// NFKC folds full-width ASCII to half-width (ＡＭＥＤ → AMED, ７ → 7) and half-width katakana to
// full-width; white space of any width is dropped, because the source document puts spaces in
// arbitrary places (令和 7 年度 / 令和7年度) and Japanese text does not need them to separate words.

const SPACE = /[\s\u3000\u200b\ufeff]/u;

/**
 * Each character's fold (NFKC, lower case, white space dropped), remembered: texts are folded many
 * times over (search, comparison, labels) and String.normalize per character was the dearest step of
 * comparing a large plan. Most characters of the plan (kanji, kana, 、。) fold to themselves:
 * SAME marks those of the BMP (0 not yet seen, 1 itself, 2 changes), so a run of them is copied whole;
 * the others are looked up in CHAR_FOLD.
 */
const SAME = new Uint8Array(0x10000);
const CHAR_FOLD = new Map<string, string>();

function foldChar(ch: string): string {
  let out = CHAR_FOLD.get(ch);
  if (out === undefined) {
    out = '';
    if (!SPACE.test(ch)) for (const c of ch.normalize('NFKC').toLowerCase()) if (!SPACE.test(c)) out += c;
    CHAR_FOLD.set(ch, out);
  }
  return out;
}

/** foldChar of the BMP characters that do not fold to themselves, by code. */
const BMP_FOLD: (string | undefined)[] = [];

/** Whether the UTF-16 unit at `i` is a whole character that folds to itself. */
function foldsToItself(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code >= 0xd800 && code <= 0xdfff) return false; // half of a pair: folded as a code point
  let same = SAME[code];
  if (same === 0) {
    const ch = text[i]!;
    same = foldChar(ch) === ch ? 1 : 2;
    SAME[code] = same;
  }
  return same === 1;
}

/** Fold a string for matching: NFKC, no white space, lower case. */
export function foldForMatch(text: string): string {
  let folded = '';
  let run = 0; // start of the current run of characters that fold to themselves
  let i = 0;
  while (i < text.length) {
    if (foldsToItself(text, i)) {
      i += 1;
      continue;
    }
    const code = text.charCodeAt(i);
    if (code < 0xd800 || code > 0xdfff) {
      // A BMP character that changes (（ → (, Ａ → a): its fold by code, without building the character.
      folded += text.slice(run, i) + (BMP_FOLD[code] ??= foldChar(text[i]!));
      i += 1;
    } else {
      const ch = String.fromCodePoint(text.codePointAt(i)!);
      folded += text.slice(run, i) + foldChar(ch);
      i += ch.length;
    }
    run = i;
  }
  return run === 0 ? text : folded + text.slice(run);
}

/**
 * Fold a string and keep, for each code unit of the result, the index in the original string where
 * it came from, so a match found in folded text can be marked in the original.
 */
export function foldWithMap(text: string): { folded: string; map: number[] } {
  let folded = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    const out = foldChar(ch);
    folded += out;
    for (let k = 0; k < out.length; k++) map.push(i);
    i += ch.length;
  }
  return { folded, map };
}

/** Collapse runs of white space (keeping line breaks out) and trim: for display and storage. */
export function tidySpaces(text: string): string {
  return text
    .replace(/[\t \u00a0\u3000]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .trim();
}
