// The diff of one revision, as the history view shows it: a title is diffed word by word; a bullet
// field (stored as a JSON array of {text, level}) is diffed as lines, one per bullet, with the words
// of each edited line diffed inside it.
import type { ItemField } from '../domain';
import { bulletsToLines, parseFieldValue } from '../item-fields';
import { lineDiff, wordDiff, type DiffPart, type LineDiffRow } from './word-diff';

export type RevisionDiff = { kind: 'text'; parts: DiffPart[] } | { kind: 'lines'; rows: LineDiffRow[] };

/** A stored bullet value as lines; a value that is not a valid bullet list is shown as it is stored. */
function storedLines(field: ItemField, stored: string): string[] {
  if (stored === '') return [];
  try {
    const value = parseFieldValue(field, stored);
    return typeof value === 'string' ? [value] : bulletsToLines(value);
  } catch {
    return [stored];
  }
}

export function revisionDiff(field: ItemField, oldValue: string, newValue: string): RevisionDiff {
  if (field === 'title') return { kind: 'text', parts: wordDiff(oldValue, newValue) };
  return { kind: 'lines', rows: lineDiff(storedLines(field, oldValue), storedLines(field, newValue)) };
}

/**
 * The diff of two answer-cell texts as the import review shows them: bullet cells (`・` lines) line by
 * line with word diffs inside edited lines, like a revision; a one-line note word by word.
 */
export function cellDiff(before: string, after: string): RevisionDiff {
  const lines = (t: string) => (t === '' ? [] : t.split('\n'));
  const a = lines(before);
  const b = lines(after);
  if (a.length <= 1 && b.length <= 1 && !/^\s*・/.test(before) && !/^\s*・/.test(after))
    return { kind: 'text', parts: wordDiff(before, after) };
  return { kind: 'lines', rows: lineDiff(a, b) };
}
