// Three-way merge of one answer cell, in the vocabulary of daff: base (the value when the workbook
// was exported), theirs (the value in the returned file), ours (the value in the store now).
// Values are compared as their canonical cell text (bullets as lines), so two lists that print the
// same are the same. A difference in white space only (a stray space, a full-width space for a
// half-width one) is told apart as `whitespace`, because a reviewer wants to skip those at a glance.
//
// Without a known base (a file from another installation, or the consolidated layout) the merge
// cannot tell who changed what: any real difference is then a `conflict` the secretariat must decide,
// with `twoWay` set so the screen and the CLI can say why.
//
// A proposal that would throw text away is told apart too, whoever else changed the cell: `cleared`
// (the cell would become empty) and `shrunk` (it would lose a whole bullet, or more than half its
// characters). Those are never taken by a whole-file or whole-item choice, only cell by cell.
import { lossOf } from './text-loss';

/** The merge kinds, in the order the review screen lists them. */
export const MERGE_KINDS = ['conflict', 'cleared', 'shrunk', 'theirs', 'same', 'ours', 'whitespace', 'unchanged'] as const;
export type MergeKind = (typeof MERGE_KINDS)[number];

/** Each kind's name, as the review screen and the CLI show it. */
export const MERGE_KIND_NAMES: Record<MergeKind, string> = {
  unchanged: '変更なし',
  theirs: '府省のみ変更',
  ours: '事務局のみ変更',
  same: '同じ変更',
  conflict: '競合',
  whitespace: '空白のみ',
  cleared: '空になる欄',
  shrunk: '大きく削除',
};

/** What each kind means, and what happens to it by default. */
export const MERGE_KIND_HELP: Record<MergeKind, string> = {
  unchanged: '送付時から誰も変えていない欄',
  theirs: '府省だけが変更した欄: 採用すると府省の値になります',
  ours: '送付後に事務局(この画面の側)だけが変更した欄: 府省は変えていないので、現在の値のままです',
  same: '府省と事務局が同じ内容に変更した欄: 現在の値のままです',
  conflict: '府省も事務局も変更した欄(または比較の基準がない欄): どちらを採るか決めてください',
  whitespace: '空白(全角・半角スペースなど)だけが違う欄: 既定では現在の値のままです',
  cleared: '府省の値では欄が空になります: 既定では現在の値のままです。欄ごとに「採用」を選んだときだけ空にします',
  shrunk: '府省の値では箇条書きや文の大半が削除されます: 既定では現在の値のままです。欄ごとに「採用」を選んだときだけ反映します',
};

/** The warning a `cleared` or `shrunk` cell carries. */
export const LOSS_WARNINGS: Partial<Record<MergeKind, string>> = {
  cleared: 'この欄が空になります',
  shrunk: '箇条書きが削除されます',
};

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

function compare({ base, theirs, ours }: MergeInput): MergeResult {
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

export function mergeCell(input: MergeInput): MergeResult {
  const m = compare(input);
  // What taking the file's value would lose is measured against the store as it is now.
  if (m.kind === 'theirs' || m.kind === 'conflict') {
    const loss = lossOf(input.ours, input.theirs);
    if (loss) return { ...m, kind: loss };
  }
  return m;
}

/** Kinds where the file proposes a value different from the store, so a decision may apply it. */
export function proposesChange(kind: MergeKind): boolean {
  return kind === 'theirs' || kind === 'conflict' || kind === 'whitespace' || kind === 'cleared' || kind === 'shrunk';
}

/** Kinds a whole-file or whole-item choice decides; the others need a choice on the cell itself. */
export const BULK_DECIDED_KINDS: readonly MergeKind[] = ['theirs', 'conflict', 'whitespace'];

/** Kinds that would lose text: kept unless someone chose to take them, cell by cell. */
export function losesText(kind: MergeKind): boolean {
  return kind === 'cleared' || kind === 'shrunk';
}
