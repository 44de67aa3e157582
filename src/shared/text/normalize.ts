// Text folding used wherever two spellings of the same text must meet: search, alignment, comparison.
// NFKC folds full-width ASCII to half-width (ＡＭＥＤ → AMED, ７ → 7) and half-width katakana to
// full-width; white space of any width is dropped, because the source document puts spaces in
// arbitrary places (令和 7 年度 / 令和7年度) and Japanese text does not need them to separate words.

const SPACE = /[\s\u3000\u200b\ufeff]/u;

/** Fold a string for matching: NFKC, no white space, lower case. */
export function foldForMatch(text: string): string {
  return foldWithMap(text).folded;
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
    if (!SPACE.test(ch)) {
      const out = ch.normalize('NFKC').toLowerCase();
      for (let k = 0; k < out.length; k++) {
        if (SPACE.test(out[k] ?? '')) continue;
        folded += out[k];
        map.push(i);
      }
    }
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
