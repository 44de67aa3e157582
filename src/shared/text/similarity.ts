// How alike two texts are, for linking the 【再掲】 copy of an item to its original: the copy is
// reworded a little (および/及び, による/により, spacing), so equality is too strict.

/**
 * Fold like foldForMatch (NFKC, no white space, lower case), but on the whole string at once: several
 * times faster on long cell texts, and equal to it on text without combining sequences (this
 * document has none). Use it where speed matters and no position map is needed.
 */
export function foldFast(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u3000\u200b\ufeff]/gu, '');
}

/**
 * The character bigrams of a folded text, each packed into one number (two UTF-16 code units) and
 * sorted, so two profiles are compared by one merge: cheap enough to compare every item with every
 * other one on each parse.
 */
export type BigramProfile = Float64Array;

export function bigramProfile(text: string): BigramProfile {
  const folded = foldFast(text);
  const grams = new Float64Array(Math.max(0, folded.length - 1));
  for (let i = 0; i + 1 < folded.length; i++) grams[i] = folded.charCodeAt(i) * 0x10000 + folded.charCodeAt(i + 1);
  return grams.sort();
}

/** Dice coefficient of two profiles (multisets of bigrams): 1 for equal texts, 0 when none is shared. */
export function profileSimilarity(a: BigramProfile, b: BigramProfile): number {
  const total = a.length + b.length;
  if (total === 0) return 0;
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return (2 * shared) / total;
}

/** Dice coefficient over character bigrams of the folded texts. */
export function textSimilarity(a: string, b: string): number {
  return profileSimilarity(bigramProfile(a), bigramProfile(b));
}
