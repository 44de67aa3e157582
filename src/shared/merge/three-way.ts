// Three-way merge of one answer cell, in the vocabulary of daff: base (the value when the workbook
// was exported), theirs (the value in the returned file), ours (the value in the store now).
// Values are compared as their canonical cell text (bullets as lines), so two lists that print the
// same are the same. A difference in white space only (a stray space, a full-width space for a
// half-width one) is told apart as `whitespace`, because a reviewer wants to skip those at a glance.
//
// Without a known base (a file from another installation, or the consolidated layout) the merge
// cannot tell who changed what: any real difference is then a `conflict` the secretariat must decide,
// with `twoWay` set so the screen and the CLI can say why.

export type MergeKind = 'unchanged' | 'theirs' | 'ours' | 'same' | 'conflict' | 'whitespace';

export interface MergeInput {
  /** null when the base is not known. */
  base: string | null;
  theirs: string;
  ours: string;
}

export interface MergeResult {
  kind: MergeKind;
  twoWay: boolean;
}

const WHITE = /[\s\u3000\u00a0\u200b\ufeff]/gu;

/** Equal once every kind of white space is removed. */
export function sameIgnoringSpace(a: string, b: string): boolean {
  return a === b || a.replace(WHITE, '') === b.replace(WHITE, '');
}

export function mergeCell({ base, theirs, ours }: MergeInput): MergeResult {
  if (base === null) {
    if (theirs === ours) return { kind: 'unchanged', twoWay: true };
    return { kind: sameIgnoringSpace(theirs, ours) ? 'whitespace' : 'conflict', twoWay: true };
  }
  const theirsMoved = theirs !== base;
  const oursMoved = ours !== base;
  if (!theirsMoved) return { kind: oursMoved ? 'ours' : 'unchanged', twoWay: false };
  if (sameIgnoringSpace(theirs, base)) return { kind: oursMoved ? 'ours' : 'whitespace', twoWay: false };
  if (!oursMoved) return { kind: 'theirs', twoWay: false };
  if (sameIgnoringSpace(theirs, ours)) return { kind: 'same', twoWay: false };
  return { kind: 'conflict', twoWay: false };
}

/** Kinds where the file proposes a value different from the store, so a decision may apply it. */
export function proposesChange(kind: MergeKind): boolean {
  return kind === 'theirs' || kind === 'conflict' || kind === 'whitespace';
}
