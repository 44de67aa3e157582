// Blocking: which items of one edition are worth scoring against an item of the other. Comparing
// every pair of a 100× plan (5,600 × 5,600) is far too slow, so candidates come from an inverted index
// of character bigrams: every bigram of the title, and a fixed sample of the body's bigrams (those whose
// hash falls in one of SAMPLE buckets). The sample depends on the bigram alone, so a bigram sampled in a
// piece of text is sampled in every text that contains it: an item cut out of another (a split) still
// meets it. Bigrams so common that they name no item in particular are skipped at query time.
import type { ItemProfile } from './item-profile';

/** One body bigram in SAMPLE goes into the index. */
const SAMPLE = 16;
/** How many candidates a query returns, best first. */
export const CANDIDATES_PER_ITEM = 8;

/** A bigram in more items than this is skipped: it says nothing about which item is meant. */
function commonLimit(items: number): number {
  return Math.max(50, Math.ceil(4 * Math.sqrt(items)));
}

/** Whether a body bigram (two UTF-16 units packed as hi × 65536 + lo) is in the sample. */
function sampled(gram: number): boolean {
  const hi = Math.floor(gram / 65536);
  let h = Math.imul(hi ^ Math.imul(gram - hi * 65536, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  return (h & (SAMPLE - 1)) === 0;
}

/** The bigrams an item is indexed and looked up by: its title's, and its body's sample. */
function keyGrams(p: ItemProfile): Set<number> {
  const keys = new Set<number>(p.titleGrams);
  for (const g of p.bodyGrams) if (sampled(g)) keys.add(g);
  return keys;
}

export class CandidateIndex {
  private readonly postings = new Map<number, number[]>();
  private readonly limit: number;
  private readonly hits: Float64Array;

  constructor(items: readonly ItemProfile[]) {
    this.limit = commonLimit(items.length);
    this.hits = new Float64Array(items.length);
    items.forEach((p, i) => {
      for (const g of keyGrams(p)) {
        const list = this.postings.get(g);
        if (list) list.push(i);
        else this.postings.set(g, [i]);
      }
    });
  }

  /**
   * The indexed items that share the most informative bigrams with `query`, best first (ties in index
   * order); `accept` leaves out items before they are ranked (e.g. those already paired).
   */
  query(query: ItemProfile, accept: (index: number) => boolean = () => true, limit = CANDIDATES_PER_ITEM): number[] {
    const touched: number[] = [];
    for (const g of keyGrams(query)) {
      const list = this.postings.get(g);
      if (!list || list.length > this.limit) continue;
      const weight = 1 / list.length;
      for (const i of list) {
        if (this.hits[i] === 0) touched.push(i);
        this.hits[i]! += weight;
      }
    }
    const ranked = touched
      .filter(accept)
      .map((i) => ({ i, hits: this.hits[i]! }))
      .sort((a, b) => b.hits - a.hits || a.i - b.i)
      .slice(0, limit)
      .map((c) => c.i);
    for (const i of touched) this.hits[i] = 0;
    return ranked;
  }
}
