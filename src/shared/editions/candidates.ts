// Blocking: which items of one edition are worth scoring against an item of the other. Comparing
// every pair of a 100× plan (5,600 × 5,600) is far too slow, so candidates come from an inverted index
// of character bigrams: every bigram of the title and the rarest bigrams of the body, leaving out
// bigrams so common that they name no item in particular.
import type { ItemProfile } from './item-profile';

/** Body bigrams per item that go into the index and into a query: the rarest ones. */
const BODY_GRAMS = 24;
/** How many candidates a query returns, best first. */
export const CANDIDATES_PER_ITEM = 8;

/** A bigram in more items than this is skipped: it says nothing about which item is meant. */
function commonLimit(items: number): number {
  return Math.max(50, Math.ceil(4 * Math.sqrt(items)));
}

function distinct(grams: Float64Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < grams.length; i++) if (i === 0 || grams[i] !== grams[i - 1]) out.push(grams[i]!);
  return out;
}

export class CandidateIndex {
  private readonly postings = new Map<number, number[]>();
  private readonly limit: number;
  private readonly hits: Float64Array;
  private readonly bodyDf = new Map<number, number>();

  constructor(private readonly items: readonly ItemProfile[]) {
    this.limit = commonLimit(items.length);
    this.hits = new Float64Array(items.length);
    const bodies = items.map((p) => distinct(p.bodyGrams));
    for (const grams of bodies) for (const g of grams) this.bodyDf.set(g, (this.bodyDf.get(g) ?? 0) + 1);
    items.forEach((p, i) => {
      for (const g of this.keyGrams(p, bodies[i]!)) {
        const list = this.postings.get(g);
        if (list) list.push(i);
        else this.postings.set(g, [i]);
      }
    });
  }

  /** Title bigrams and the rarest body bigrams (by this index's document frequency), deduplicated. */
  private keyGrams(p: ItemProfile, body: number[] = distinct(p.bodyGrams)): Set<number> {
    const df = (g: number) => this.bodyDf.get(g) ?? 0;
    const rare = body.filter((g) => df(g) > 0).sort((a, b) => df(a) - df(b) || a - b).slice(0, BODY_GRAMS);
    return new Set([...distinct(p.titleGrams), ...rare]);
  }

  /**
   * The indexed items that share the most informative bigrams with `query`, best first (ties in index
   * order), at most `limit` of them; `accept` filters indices before they count.
   */
  query(query: ItemProfile, accept: (index: number) => boolean = () => true, limit = CANDIDATES_PER_ITEM): number[] {
    const touched: number[] = [];
    for (const g of this.keyGrams(query)) {
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
