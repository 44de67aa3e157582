// Word-level diff for Japanese text, and line-level diff for bullet lists.
//
// Japanese has no spaces between words, so a plain character diff of two revisions of a sentence
// turns into "character soup" (every shared 的, を, する is kept, everything in between is struck
// out letter by letter). Instead the text is cut into words with Intl.Segmenter('ja') (ICU's
// dictionary-based word breaking), the token arrays are diffed with jsdiff's diffArrays, and
// adjacent runs of the same kind are merged. Two small corrections make the result read like an
// editor's markup:
//  - ICU splits katakana loan words it does not know into fragments (ファー|マ|コ|ゲ|ノミ|クス), so
//    consecutive katakana tokens are joined back into one word before diffing;
//  - a lone one-character particle kept between two changes (…を…) is folded into the change on
//    both sides, so a rewritten phrase shows as one removal and one insertion, not a comb.
// Pure TypeScript (Intl is part of the language): used by the renderer and by unit tests.
import { diffArrays } from 'diff';

export type DiffKind = 'same' | 'added' | 'removed';

export interface DiffPart {
  kind: DiffKind;
  text: string;
}

/** One row of a line diff: a line kept, added, removed, or changed (with its word diff). */
export type LineDiffRow =
  | { kind: 'same'; text: string }
  | { kind: 'added'; text: string }
  | { kind: 'removed'; text: string }
  | { kind: 'changed'; before: string; after: string; parts: DiffPart[] };

const KATAKANA_WORD = /^[\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f]+$/u;

let segmenter: Intl.Segmenter | undefined;
function jaSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('ja', { granularity: 'word' });
  return segmenter;
}

/**
 * Cut a text into word tokens. Every character belongs to exactly one token (punctuation and spaces
 * are tokens too), so `tokenize(t).join('') === t`.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const { segment } of jaSegmenter().segment(text)) {
    const last = tokens.length - 1;
    if (last >= 0 && KATAKANA_WORD.test(segment) && KATAKANA_WORD.test(tokens[last]!)) tokens[last] += segment;
    else tokens.push(segment);
  }
  return tokens;
}

/** Join adjacent parts of the same kind, drop empty ones. */
function mergeRuns(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const p of parts) {
    if (!p.text) continue;
    const last = out.at(-1);
    if (last && last.kind === p.kind) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}

/**
 * Put every group of changes between two kept runs in a fixed order (removed, then added), so that
 * a change that jsdiff reported as added/removed/added/removed reads as one replacement.
 */
function orderChangeGroups(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed) out.push({ kind: 'removed', text: removed });
    if (added) out.push({ kind: 'added', text: added });
    removed = '';
    added = '';
  };
  for (const p of parts) {
    if (p.kind === 'same') {
      flush();
      out.push(p);
    } else if (p.kind === 'removed') removed += p.text;
    else added += p.text;
  }
  flush();
  return out;
}

/** Fold a kept run of one character that sits between two changes into both sides of the change. */
function absorbTinyKeeps(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const isChange = (q: DiffPart | undefined) => q !== undefined && q.kind !== 'same';
    if (p.kind === 'same' && [...p.text].length === 1 && isChange(parts[i - 1]) && isChange(parts[i + 1])) {
      out.push({ kind: 'removed', text: p.text }, { kind: 'added', text: p.text });
    } else out.push(p);
  }
  return out;
}

/** Word-level diff of two texts: parts in reading order, removed text before the text replacing it. */
export function wordDiff(before: string, after: string): DiffPart[] {
  if (before === after) return before ? [{ kind: 'same', text: before }] : [];
  const changes = diffArrays(tokenize(before), tokenize(after));
  const raw: DiffPart[] = changes.map((c) => ({
    kind: c.added ? 'added' : c.removed ? 'removed' : 'same',
    text: c.value.join(''),
  }));
  return mergeRuns(orderChangeGroups(absorbTinyKeeps(orderChangeGroups(mergeRuns(raw)))));
}

/**
 * How much two texts share according to their word diff (0..1, Dice coefficient over characters):
 * used to decide whether a removed and an added line are one edited line.
 */
export function similarity(parts: readonly DiffPart[]): number {
  let kept = 0;
  let changed = 0;
  for (const p of parts) {
    const n = [...p.text].length;
    if (p.kind === 'same') kept += n;
    else changed += n;
  }
  return kept + changed === 0 ? 1 : (2 * kept) / (2 * kept + changed);
}

/** Below this share of kept text, a removed line and an added line are shown as two lines, not one edit. */
const CHANGED_LINE_THRESHOLD = 0.4;

/**
 * Line-level diff of two lists of lines. A run of removed lines followed by added lines is paired
 * up line by line; a pair that still shares enough text is shown as one changed line with its word
 * diff, the rest as plain removals and additions.
 */
export function lineDiff(before: readonly string[], after: readonly string[]): LineDiffRow[] {
  const rows: LineDiffRow[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    const pairs = Math.min(removed.length, added.length);
    for (let i = 0; i < pairs; i++) {
      const parts = wordDiff(removed[i]!, added[i]!);
      if (similarity(parts) >= CHANGED_LINE_THRESHOLD) rows.push({ kind: 'changed', before: removed[i]!, after: added[i]!, parts });
      else rows.push({ kind: 'removed', text: removed[i]! }, { kind: 'added', text: added[i]! });
    }
    for (const text of removed.slice(pairs)) rows.push({ kind: 'removed', text });
    for (const text of added.slice(pairs)) rows.push({ kind: 'added', text });
    removed = [];
    added = [];
  };
  for (const c of diffArrays([...before], [...after])) {
    if (c.removed) removed.push(...c.value);
    else if (c.added) added.push(...c.value);
    else {
      flush();
      for (const text of c.value) rows.push({ kind: 'same', text });
    }
  }
  flush();
  return rows;
}
