// Cutting a list of words out of a text, in the list's order: every occurrence of the first word is
// replaced by `cut`, then every occurrence of the second in what is left, and so on. The order matters
// where two words overlap (着実 and 実施 in 着実施: whichever is cut first wins), so this is not one
// regular-expression alternation. Only the words the text holds are split on: a bullet holds a few of
// a list of fifty, and asking `includes` of each word was the dearest step of comparing a large plan.

/**
 * A function that cuts `words` (in this order) out of a text, replacing each occurrence by `cut`, as
 * `for (const w of words) text = text.split(w).join(cut)` does. `cut` must not occur inside any word.
 *
 * In one pass: the occurrences of every word are found in the text as given, then taken in the list's
 * order, each word's from left to right, skipping any that overlaps one already taken. That is the
 * split-join loop: a later word can only be found where no earlier word was cut (a cut holds none of
 * its characters and joins nothing), and split takes a word's occurrences left to right without overlap.
 */
export function wordCutter(words: readonly string[], cut: string): (text: string) => string {
  if (words.some((w) => w.length === 0 || w.includes(cut))) throw new Error('wordCutter: a word is empty or holds the cut');
  const unique = [...new Set(words)];
  /** Per BMP code unit: 1 + the index in `byFirst` of the words starting with it, 0 for none. */
  const starts = new Uint8Array(0x10000);
  /** Ranks (indices into `unique`) of the words starting with the same code unit. */
  const byFirst: number[][] = [];
  unique.forEach((word, rank) => {
    const first = word.charCodeAt(0);
    if (starts[first] === 0) {
      byFirst.push([]);
      starts[first] = byFirst.length;
    }
    byFirst[starts[first]! - 1]!.push(rank);
  });
  const second = unique.map((w) => (w.length > 1 ? w.charCodeAt(1) : -1));
  const POS = 0x100000; // occurrences are packed as rank * POS + position
  return (text) => {
    if (text.length >= POS) {
      let out = text;
      for (const word of unique) out = out.split(word).join(cut);
      return out;
    }
    const found = FOUND;
    found.length = 0;
    for (let i = 0; i < text.length; i++) {
      const list = starts[text.charCodeAt(i)]!;
      if (list === 0) continue;
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : -2;
      // The second character first: it rules out most candidates without a string comparison.
      const ranks = byFirst[list - 1]!;
      for (let k = 0; k < ranks.length; k++) {
        const rank = ranks[k]!;
        const two = second[rank]!;
        if ((two === -1 || two === next) && text.startsWith(unique[rank]!, i)) found.push(rank * POS + i);
      }
    }
    if (found.length === 0) return text;
    sortNumbers(found);
    // The occurrences taken, as start * POS + end: a text holds a handful, so a list is the cheapest.
    const cuts = CUTS;
    cuts.length = 0;
    for (let k = 0; k < found.length; k++) {
      const at = found[k]! % POS;
      const end = at + unique[(found[k]! - at) / POS]!.length;
      let free = true;
      for (let j = 0; j < cuts.length && free; j++) {
        const from = Math.floor(cuts[j]! / POS);
        free = end <= from || cuts[j]! - from * POS <= at;
      }
      if (free) cuts.push(at * POS + end);
    }
    sortNumbers(cuts);
    let out = '';
    let from = 0;
    for (let j = 0; j < cuts.length; j++) {
      const at = Math.floor(cuts[j]! / POS);
      out += text.slice(from, at) + cut;
      from = cuts[j]! - at * POS;
    }
    return out + text.slice(from);
  };
}

// Scratch lists of the cutters, reused (emptied at the start of each call): a new array per text was a
// good part of the cost.
const FOUND: number[] = [];
const CUTS: number[] = [];

/** Ascending, in place; insertion sort, because a text holds a handful of occurrences. */
function sortNumbers(list: number[]): void {
  for (let i = 1; i < list.length; i++) {
    const v = list[i]!;
    let j = i - 1;
    while (j >= 0 && list[j]! > v) {
      list[j + 1] = list[j]!;
      j -= 1;
    }
    list[j + 1] = v;
  }
}
