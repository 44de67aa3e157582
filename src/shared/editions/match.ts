// Matching the items of a new edition to those of the previous one, by content and never by number
// (a printed ① is not an item's identity: numbers shift when items are added, dropped or moved).
//
// 1. Candidates: the previous items with the same (folded) title, and, for an item without a sure
//    partner among those, the items an inverted index of bigrams proposes (candidates.ts).
// 2. Each candidate pair gets a score (item-profile.ts). Pairs are taken best first, each item at
//    most once (greedy, ties broken by source order, so the result is deterministic).
// 3. A pair at or above SURE is a match, classified by what changed: moved (another 中項目/分野),
//    renumbered (another label), edited (the fields whose text changed), or same; `change` is the most
//    important of these and the flags say which apply. A new item whose best free candidate scores
//    between AMBIGUOUS and SURE is `ambiguous` (a person decides); below AMBIGUOUS it is `added`.
//    Previous items left over (and offered to no ambiguous item) are `dropped`.
// 4. Splits and merges are read on top of that: an added item whose bullets are cut out of a previous
//    item is part of a split of that item; a dropped item whose bullets went into a new item is part
//    of a merge. The basic classes stay as they are (the added part still needs a key), and the
//    split or merge names the candidates so a reviewer sees the relation.
import { CandidateIndex } from './candidates';
import { changedFields, containment, pairScore, profileItem, type EditionItem, type ItemProfile } from './item-profile';
import type { EditionField, MatchChange } from './vocabulary';

/** A pair scoring this much is the same item. Calibrated on the seed (tests/unit/editions/match.test.ts). */
export const SURE = 0.65;
/** Below this a pair is unrelated; between this and SURE a person decides. */
export const AMBIGUOUS = 0.4;
/** Share of an item's body bigrams found in another item's body for a split or a merge. */
export const PART_OF = 0.9;
/** A body this short (in bigrams) is too generic to be a recognisable part of another item. */
const PART_MIN_GRAMS = 30;
/** A title shared by more previous items than this (e.g. empty titles) is no anchor. */
const TITLE_GROUP_MAX = 50;

export interface MatchedItem {
  /** The previous item's key, which the new one keeps. */
  key: string;
  /** Index in the previous edition's list and in the new one's. */
  from: number;
  to: number;
  fromLabel: string;
  toLabel: string;
  fromSection: string;
  toSection: string;
  change: MatchChange;
  moved: boolean;
  renumbered: boolean;
  /** Fields whose text changed; `edited` is `fields.length > 0`. */
  fields: EditionField[];
  /** The pair's score, rounded to 3 decimals. */
  confidence: number;
}

export interface AddedItem {
  to: number;
  label: string;
  sectionId: string;
  title: string;
}

export interface DroppedItem {
  key: string;
  from: number;
  label: string;
  title: string;
}

export interface Candidate {
  key: string;
  from: number;
  confidence: number;
}

export interface AmbiguousItem {
  to: number;
  label: string;
  title: string;
  /** Free previous items it may be, best first. */
  candidates: Candidate[];
}

export interface SplitItem {
  /** The previous item that became several. */
  key: string;
  from: number;
  /** The new items it became, in source order; `confidence` is how much of each part it contained. */
  into: { to: number; confidence: number }[];
}

export interface MergedItem {
  /** The new item several previous ones became. */
  to: number;
  /** The previous items it holds, in source order; `confidence` is how much of each it contains. */
  from: Candidate[];
}

export interface EditionMatch {
  /** In the new edition's order. */
  matched: MatchedItem[];
  /** In the new edition's order (the order keys are to be issued in). */
  added: AddedItem[];
  /** In the previous edition's order. */
  dropped: DroppedItem[];
  ambiguous: AmbiguousItem[];
  splits: SplitItem[];
  merges: MergedItem[];
}

interface Pair {
  from: number;
  to: number;
  score: number;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

function keyOf(item: EditionItem, index: number): string {
  if (item.key === undefined) throw new Error(`前年度版の${index + 1}番目の項目にキーがありません。`);
  return item.key;
}

/** Every pair worth scoring: same-title pairs, then index candidates for items without a sure one. */
function candidatePairs(
  previous: readonly EditionItem[],
  prev: ItemProfile[],
  next: readonly EditionItem[],
  nextP: ItemProfile[],
  prevIndex: () => CandidateIndex,
): Pair[] {
  const byTitle = new Map<string, number[]>();
  prev.forEach((p, i) => byTitle.set(p.title, [...(byTitle.get(p.title) ?? []), i]));
  const pairs: Pair[] = [];
  const unsure: number[] = [];
  const taken = new Set<number>();
  const anchored = (to: number) => {
    const group = byTitle.get(nextP[to]!.title) ?? [];
    return group.length <= TITLE_GROUP_MAX ? group : [];
  };
  const score = (from: number, to: number): Pair => ({
    from,
    to,
    score: pairScore(prev[from]!, previous[from]!.sectionId, nextP[to]!, next[to]!.sectionId),
  });
  nextP.forEach((_, to) => {
    const scored = anchored(to).map((from) => score(from, to));
    pairs.push(...scored);
    const sure = scored.filter((s) => s.score >= SURE);
    if (sure.length === 0) unsure.push(to);
    for (const s of sure) taken.add(s.from);
  });
  if (unsure.length > 0) {
    // Items a same-title partner is sure of are left out, so their near copies (a 【再掲】 copy, the
    // copies of a synthetic plan) do not crowd the one still free out of the candidates.
    const index = prevIndex();
    for (const to of unsure) {
      const seen = new Set(anchored(to));
      for (const from of index.query(nextP[to]!, (i) => !taken.has(i))) if (!seen.has(from)) pairs.push(score(from, to));
    }
  }
  return pairs.sort((a, b) => b.score - a.score || a.to - b.to || a.from - b.from);
}

function classify(
  previous: EditionItem,
  next: EditionItem,
  fields: EditionField[],
): { change: MatchChange; moved: boolean; renumbered: boolean } {
  const moved = previous.sectionId !== next.sectionId;
  const renumbered = previous.label !== next.label;
  const change: MatchChange = moved ? 'moved' : renumbered ? 'renumbered' : fields.length > 0 ? 'edited' : 'same';
  return { change, moved, renumbered };
}

/** Match the items of `next` (a new edition, in source order) to `previous` (which carry keys). */
export function matchEditions(previous: readonly EditionItem[], next: readonly EditionItem[]): EditionMatch {
  const prev = previous.map(profileItem);
  const nextP = next.map(profileItem);
  let index: CandidateIndex | null = null;
  const prevIndex = () => (index ??= new CandidateIndex(prev));
  const pairs = candidatePairs(previous, prev, next, nextP, prevIndex);

  const partnerOfPrev = new Map<number, number>();
  const partnerOfNext = new Map<number, Pair>();
  for (const pair of pairs) {
    if (pair.score < SURE) break;
    if (partnerOfPrev.has(pair.from) || partnerOfNext.has(pair.to)) continue;
    partnerOfPrev.set(pair.from, pair.to);
    partnerOfNext.set(pair.to, pair);
  }

  const offered = new Map<number, Candidate[]>();
  for (const pair of pairs) {
    if (pair.score >= SURE || pair.score < AMBIGUOUS) continue;
    if (partnerOfPrev.has(pair.from) || partnerOfNext.has(pair.to)) continue;
    const list = offered.get(pair.to) ?? [];
    if (list.length < 3) list.push({ key: keyOf(previous[pair.from]!, pair.from), from: pair.from, confidence: round(pair.score) });
    offered.set(pair.to, list);
  }
  const offeredPrev = new Set([...offered.values()].flat().map((c) => c.from));

  const matched: MatchedItem[] = [];
  const added: AddedItem[] = [];
  const ambiguous: AmbiguousItem[] = [];
  next.forEach((item, to) => {
    const pair = partnerOfNext.get(to);
    if (pair) {
      const before = previous[pair.from]!;
      const fields = changedFields(prev[pair.from]!, nextP[to]!);
      matched.push({
        key: keyOf(before, pair.from),
        from: pair.from,
        to,
        fromLabel: before.label,
        toLabel: item.label,
        fromSection: before.sectionId,
        toSection: item.sectionId,
        ...classify(before, item, fields),
        fields,
        confidence: round(pair.score),
      });
    } else if (offered.has(to)) {
      ambiguous.push({ to, label: item.label, title: item.title, candidates: offered.get(to)! });
    } else {
      added.push({ to, label: item.label, sectionId: item.sectionId, title: item.title });
    }
  });
  const dropped: DroppedItem[] = previous
    .map((item, from) => ({ item, from }))
    .filter(({ from }) => !partnerOfPrev.has(from) && !offeredPrev.has(from))
    .map(({ item, from }) => ({ key: keyOf(item, from), from, label: item.label, title: item.title }));

  return {
    matched,
    added,
    dropped,
    ambiguous,
    splits: findSplits(previous, prev, nextP, added, partnerOfPrev, prevIndex),
    merges: findMerges(previous, prev, nextP, dropped, partnerOfNext),
  };
}

/**
 * The parts among `parts` (indices into `partProfiles`) whose body is held, PART_OF or more, by an
 * item of `wholes`: grouped by that item, each with the share held.
 */
function partsByHolder(
  partProfiles: ItemProfile[],
  parts: number[],
  wholes: ItemProfile[],
  wholeIndex: () => CandidateIndex,
): Map<number, { part: number; share: number }[]> {
  const found = new Map<number, { part: number; share: number }[]>();
  if (parts.length === 0) return found;
  const index = wholeIndex();
  for (const part of parts) {
    const profile = partProfiles[part]!;
    if (profile.bodyGrams.length < PART_MIN_GRAMS) continue;
    let best: { at: number; share: number } | null = null;
    for (const at of index.query(profile)) {
      const share = containment(profile, wholes[at]!);
      if (share >= PART_OF && (best === null || share > best.share)) best = { at, share };
    }
    if (best) found.set(best.at, [...(found.get(best.at) ?? []), { part, share: round(best.share) }]);
  }
  return found;
}

/** A previous item whose bullets now also make up added items: the item kept and the parts cut off. */
function findSplits(
  previous: readonly EditionItem[],
  prev: ItemProfile[],
  nextP: ItemProfile[],
  added: AddedItem[],
  partnerOfPrev: Map<number, number>,
  prevIndex: () => CandidateIndex,
): SplitItem[] {
  const splits: SplitItem[] = [];
  for (const [from, parts] of partsByHolder(
    nextP,
    added.map((a) => a.to),
    prev,
    prevIndex,
  )) {
    const into = parts.map((p) => ({ to: p.part, confidence: p.share }));
    const kept = partnerOfPrev.get(from);
    if (kept !== undefined) into.push({ to: kept, confidence: round(containment(nextP[kept]!, prev[from]!)) });
    if (into.length > 1) splits.push({ key: keyOf(previous[from]!, from), from, into: into.sort((x, y) => x.to - y.to) });
  }
  return splits.sort((x, y) => x.from - y.from);
}

/** A new item that also holds the bullets of dropped items: the item matched and those it absorbed. */
function findMerges(
  previous: readonly EditionItem[],
  prev: ItemProfile[],
  nextP: ItemProfile[],
  dropped: DroppedItem[],
  partnerOfNext: Map<number, Pair>,
): MergedItem[] {
  const merges: MergedItem[] = [];
  for (const [to, parts] of partsByHolder(
    prev,
    dropped.map((d) => d.from),
    nextP,
    () => new CandidateIndex(nextP),
  )) {
    const from = parts.map((p) => ({ key: keyOf(previous[p.part]!, p.part), from: p.part, confidence: p.share }));
    const kept = partnerOfNext.get(to)?.from;
    if (kept !== undefined)
      from.push({ key: keyOf(previous[kept]!, kept), from: kept, confidence: round(containment(prev[kept]!, nextP[to]!)) });
    if (from.length > 1) merges.push({ to, from: from.sort((x, y) => x.from - y.from) });
  }
  return merges.sort((x, y) => x.to - y.to);
}
