// Editing a bullet list (actions, future directions): add, remove, move, indent, outdent, split,
// merge. Pure functions over any bullet type (the editor keeps an id on each); each returns a new
// list. A bullet moves and indents together with the bullets nested under it, and levels are kept
// valid: the first bullet at level 0, none deeper than one below the bullet before it.
import type { Bullet } from './domain';
import { MAX_BULLET_LEVEL } from './item-fields';

/** The bullets as they would be saved: trimmed, empty ones dropped. */
export function cleanBullets(list: readonly Bullet[]): Bullet[] {
  return list.map((b) => ({ text: b.text.trim(), level: b.level })).filter((b) => b.text);
}

export function sameBullets(a: readonly Bullet[], b: readonly Bullet[]): boolean {
  return a.length === b.length && a.every((x, i) => x.text === b[i]!.text && x.level === b[i]!.level);
}

/** Levels made valid: the first bullet at 0, each at most one deeper than the one before, at most MAX. */
export function clampLevels<T extends Bullet>(list: T[]): T[] {
  let prev = -1;
  return list.map((b) => {
    const level = Math.max(0, Math.min(b.level, prev + 1, MAX_BULLET_LEVEL));
    prev = level;
    return level === b.level ? b : { ...b, level };
  });
}

/** End (exclusive) of the block of bullet i: the bullet and those nested under it. */
export function blockEnd(list: readonly Bullet[], i: number): number {
  const level = list[i]!.level;
  let k = i + 1;
  while (k < list.length && list[k]!.level > level) k++;
  return k;
}

export function insertAfter<T extends Bullet>(list: T[], i: number, bullet: T): T[] {
  return clampLevels([...list.slice(0, i + 1), bullet, ...list.slice(i + 1)]);
}

export function removeAt<T extends Bullet>(list: T[], i: number): T[] {
  return clampLevels(list.filter((_, k) => k !== i));
}

export function moveUp<T extends Bullet>(list: T[], i: number): T[] {
  if (i <= 0) return list;
  const end = blockEnd(list, i);
  const level = list[i]!.level;
  let j = i - 1;
  while (j > 0 && list[j]!.level > level) j--;
  const block = list.slice(i, end);
  const rest = [...list.slice(0, i), ...list.slice(end)];
  return clampLevels([...rest.slice(0, j), ...block, ...rest.slice(j)]);
}

export function moveDown<T extends Bullet>(list: T[], i: number): T[] {
  const end = blockEnd(list, i);
  if (end >= list.length) return list;
  const level = list[i]!.level;
  // Past the next sibling and its nested bullets; past a shallower bullet alone (becoming its child).
  const after = list[end]!.level < level ? end + 1 : blockEnd(list, end);
  const block = list.slice(i, end);
  return clampLevels([...list.slice(0, i), ...list.slice(end, after), ...block, ...list.slice(after)]);
}

/** Indent (+1) or outdent (-1) a bullet with the bullets nested under it. */
export function shiftLevel<T extends Bullet>(list: T[], i: number, delta: 1 | -1): T[] {
  const b = list[i];
  if (!b) return list;
  const max = i === 0 ? 0 : Math.min(list[i - 1]!.level + 1, MAX_BULLET_LEVEL);
  const level = b.level + delta;
  if (level < 0 || level > max) return list;
  const end = blockEnd(list, i);
  return clampLevels(list.map((x, k) => (k >= i && k < end ? { ...x, level: x.level + delta } : x)));
}

export function canShift(list: readonly Bullet[], i: number, delta: 1 | -1): boolean {
  const b = list[i];
  if (!b) return false;
  const max = i === 0 ? 0 : Math.min(list[i - 1]!.level + 1, MAX_BULLET_LEVEL);
  const level = b.level + delta;
  return level >= 0 && level <= max;
}

/**
 * Split a bullet in two at a text offset; the second half becomes a new bullet at the same level,
 * made by `make` (which gives it whatever identity the caller keeps).
 */
export function splitAt<T extends Bullet>(list: T[], i: number, offset: number, make: (text: string, level: number) => T): T[] {
  const b = list[i];
  if (!b) return list;
  const head = b.text.slice(0, offset).trimEnd();
  const tail = b.text.slice(offset).trimStart();
  if (!head || !tail) return list;
  return [...list.slice(0, i), { ...b, text: head }, make(tail, b.level), ...list.slice(i + 1)];
}

/** Join a bullet with the one after it. */
export function mergeWithNext<T extends Bullet>(list: T[], i: number): T[] {
  const a = list[i];
  const b = list[i + 1];
  if (!a || !b) return list;
  return clampLevels([...list.slice(0, i), { ...a, text: a.text + b.text }, ...list.slice(i + 2)]);
}

export function setText<T extends Bullet>(list: T[], i: number, text: string): T[] {
  return list.map((b, k) => (k === i ? { ...b, text } : b));
}
