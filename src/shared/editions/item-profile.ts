// An item of an edition as the matcher sees it, and how alike two such items are. Similarity is the
// Dice coefficient over character bigrams of folded text (text/similarity.ts, the measure that links
// 【再掲】 copies), taken separately on the title and on the body (actions and future directions).
import { bigramProfile, foldFast, profileSimilarity, type BigramProfile } from '../text/similarity';
import { EDITION_FIELDS, type EditionField } from './vocabulary';

/** One item of an edition, as given to the matcher. Items of the previous edition carry their key. */
export interface EditionItem {
  key?: string;
  /** Circled number as printed (①), '' when none. Never used to match. */
  label: string;
  /** Placement: '1-2' (中項目) or '1-2-3' (分野). */
  sectionId: string;
  title: string;
  ministries: { code: string; lead: boolean }[];
  actions: string[];
  future: string[];
}

export interface ItemProfile {
  title: string;
  titleGrams: BigramProfile;
  bodyGrams: BigramProfile;
  ministries: ReadonlySet<string>;
  item: EditionItem;
}

/** Bullets are joined with a character that never occurs in them, so no bigram spans two bullets. */
const BULLET_JOIN = '\u0001';

export function profileItem(item: EditionItem): ItemProfile {
  const title = foldFast(item.title);
  return {
    title,
    titleGrams: bigramProfile(title),
    bodyGrams: bigramProfile([...item.actions, ...item.future].join(BULLET_JOIN)),
    ministries: new Set(item.ministries.map((m) => m.code)),
    item,
  };
}

/**
 * Weights of the parts of a pair's score. Title and body say what an item is about; ministries and
 * placement only break near-ties (a 【再掲】 copy and its original read alike, and sit apart), and
 * are kept small so a moved item still scores high.
 */
export const SCORE_WEIGHTS = { title: 0.5, body: 0.4, ministries: 0.05, section: 0.05 } as const;

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** How alike two items are, in [0, 1]: 1 for the same item in the same place. */
export function pairScore(a: ItemProfile, aSection: string, b: ItemProfile, bSection: string): number {
  const w = SCORE_WEIGHTS;
  return (
    w.title * profileSimilarity(a.titleGrams, b.titleGrams) +
    w.body * profileSimilarity(a.bodyGrams, b.bodyGrams) +
    w.ministries * jaccard(a.ministries, b.ministries) +
    w.section * (aSection === bSection ? 1 : 0)
  );
}

/**
 * Share of `part`'s body bigrams that `whole` also has: near 1 when `part` is a piece cut out of
 * `whole` (one half of a split item). Derived from the Dice coefficient, which counts the shared
 * bigrams: shared = dice × (|a| + |b|) / 2.
 */
export function containment(part: ItemProfile, whole: ItemProfile): number {
  const size = part.bodyGrams.length;
  if (size === 0) return 0;
  const shared = Math.round((profileSimilarity(part.bodyGrams, whole.bodyGrams) * (size + whole.bodyGrams.length)) / 2);
  return shared / size;
}

function ministriesText(item: EditionItem): string {
  return [...item.ministries]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((m) => `${m.lead ? '◎' : ''}${m.code}`)
    .join(',');
}

/** Whether two bullet lists say the same, bullet by bullet, up to folding. */
function sameBullets(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((text, i) => text === b[i] || foldFast(text) === foldFast(b[i]!));
}

/** The fields whose folded text differs (white space and full-width/half-width forms do not count). */
export function changedFields(a: ItemProfile, b: ItemProfile): EditionField[] {
  const changed: Record<EditionField, boolean> = {
    title: a.title !== b.title,
    ministries: ministriesText(a.item) !== ministriesText(b.item),
    actions: !sameBullets(a.item.actions, b.item.actions),
    future: !sameBullets(a.item.future, b.item.future),
  };
  return EDITION_FIELDS.filter((f) => changed[f]);
}
