// Merging annotations that come back from several reviewers' files, by id. The same rules apply to
// an annotation (without its replies) and to each reply, so they are written once, for any record
// with `updatedAt` and `deletedAt`:
//  - a record we do not have is created (a tombstone too: it keeps the deletion from being undone
//    by an older copy that arrives later);
//  - of two versions, the later `updatedAt` wins; equal times with different content (clocks of two
//    PCs, or a cell edited by hand) are decided by comparing the contents, so every database that
//    merges the same files ends with the same winner, whatever the order;
//  - a deletion is never undone: if either side is deleted, the result is deleted (the earlier
//    deletion time is kept). "Remove wins" is what a reviewer expects of a delete, and the content
//    of the other side is not lost: it goes to history like any replaced version;
//  - the losing version goes to history when its content differs from the winner's and history
//    does not already hold it, so merging the same file twice adds nothing.
import type { AnnotationCore, AnnotationReply } from '../annotations';

export interface Versioned {
  updatedAt: string;
  deletedAt: string | null;
}

export type MergeOutcome = 'created' | 'updated' | 'unchanged';

export interface Merged<T> {
  value: T;
  outcome: MergeOutcome;
  /** Versions to add to history (at most one: the loser). */
  toHistory: T[];
}

/** The content of a record: what a person wrote, without the times that say when. */
export function contentKey(v: AnnotationCore | AnnotationReply): string {
  const { updatedAt: _u, deletedAt: _d, ...content } = v;
  return JSON.stringify(content, Object.keys(content).sort());
}

/** The whole record, times included: two records with equal keys are the same version. */
function versionKey(v: AnnotationCore | AnnotationReply): string {
  return JSON.stringify(v, Object.keys(v).sort());
}

function earlier(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

/**
 * Merge `incoming` into `local`. `known` holds the content keys already in history, so an older copy
 * seen before is not recorded twice.
 */
export function mergeRecord<T extends AnnotationCore | AnnotationReply>(
  local: T | undefined,
  incoming: T,
  known: ReadonlySet<string>,
): Merged<T> {
  if (!local) return { value: incoming, outcome: 'created', toHistory: [] };
  const incomingWins =
    incoming.updatedAt !== local.updatedAt ? incoming.updatedAt > local.updatedAt : contentKey(incoming) > contentKey(local);
  const winner: T = incomingWins ? incoming : local;
  const loser: T = incomingWins ? local : incoming;
  const value: T = { ...winner, deletedAt: earlier(local.deletedAt, incoming.deletedAt) };
  const lost = contentKey(loser);
  const toHistory = lost !== contentKey(winner) && !known.has(lost) ? [loser] : [];
  return { value, outcome: versionKey(value) === versionKey(local) ? 'unchanged' : 'updated', toHistory };
}
