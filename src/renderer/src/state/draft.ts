// The edit draft of one item and the bullet-list operations of the editor (add, remove, move,
// indent, outdent, split, merge). Pure functions: each returns a new list.
// A bullet moves and indents together with the bullets nested under it, and levels are kept valid
// (the first bullet at level 0, none deeper than one below the bullet before it).
import type { Bullet, Item, ItemField } from '../../../shared/domain';
import { MAX_BULLET_LEVEL } from '../../../shared/item-fields';

export interface DraftBullet extends Bullet {
  /** Stable identity for React while bullets move around. */
  id: number;
}

export interface Draft {
  key: string;
  /** The item version the edit started from; the save is refused if the item moved on. */
  baseVersion: number;
  title: string;
  r7: DraftBullet[];
  future: DraftBullet[];
}

let nextId = 1;
export function newBullet(text = '', level = 0): DraftBullet {
  return { id: nextId++, text, level };
}

export function draftFromItem(item: Item): Draft {
  return {
    key: item.key,
    baseVersion: item.version,
    title: item.title,
    r7: item.r7.map((b) => newBullet(b.text, b.level)),
    future: item.future.map((b) => newBullet(b.text, b.level)),
  };
}

/** The bullets as they would be saved: trimmed, empty ones dropped. */
export function cleanBullets(list: readonly Bullet[]): Bullet[] {
  return list.map((b) => ({ text: b.text.trim(), level: b.level })).filter((b) => b.text);
}

function sameBullets(a: readonly Bullet[], b: readonly Bullet[]): boolean {
  return a.length === b.length && a.every((x, i) => x.text === b[i]!.text && x.level === b[i]!.level);
}

/** The fields the draft changes, in save order. */
export function changedFields(draft: Draft, item: Item): ItemField[] {
  const fields: ItemField[] = [];
  if (draft.title.trim() !== item.title) fields.push('title');
  if (!sameBullets(cleanBullets(draft.r7), cleanBullets(item.r7))) fields.push('r7');
  if (!sameBullets(cleanBullets(draft.future), cleanBullets(item.future))) fields.push('future');
  return fields;
}

/** Levels made valid: the first bullet at 0, each at most one deeper than the one before, at most MAX. */
export function clampLevels(list: DraftBullet[]): DraftBullet[] {
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

export function insertAfter(list: DraftBullet[], i: number, bullet: DraftBullet): DraftBullet[] {
  return clampLevels([...list.slice(0, i + 1), bullet, ...list.slice(i + 1)]);
}

export function removeAt(list: DraftBullet[], i: number): DraftBullet[] {
  return clampLevels(list.filter((_, k) => k !== i));
}

export function moveUp(list: DraftBullet[], i: number): DraftBullet[] {
  if (i <= 0) return list;
  const end = blockEnd(list, i);
  const level = list[i]!.level;
  let j = i - 1;
  while (j > 0 && list[j]!.level > level) j--;
  const block = list.slice(i, end);
  const rest = [...list.slice(0, i), ...list.slice(end)];
  return clampLevels([...rest.slice(0, j), ...block, ...rest.slice(j)]);
}

export function moveDown(list: DraftBullet[], i: number): DraftBullet[] {
  const end = blockEnd(list, i);
  if (end >= list.length) return list;
  const level = list[i]!.level;
  // Past the next sibling and its nested bullets; past a shallower bullet alone (becoming its child).
  const after = list[end]!.level < level ? end + 1 : blockEnd(list, end);
  const block = list.slice(i, end);
  return clampLevels([...list.slice(0, i), ...list.slice(end, after), ...block, ...list.slice(after)]);
}

/** Indent (+1) or outdent (-1) a bullet with the bullets nested under it. */
export function shiftLevel(list: DraftBullet[], i: number, delta: 1 | -1): DraftBullet[] {
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

/** Split a bullet in two at a text offset; the second half becomes a new bullet at the same level. */
export function splitAt(list: DraftBullet[], i: number, offset: number): DraftBullet[] {
  const b = list[i];
  if (!b) return list;
  const head = b.text.slice(0, offset).trimEnd();
  const tail = b.text.slice(offset).trimStart();
  if (!head || !tail) return list;
  return [...list.slice(0, i), { ...b, text: head }, newBullet(tail, b.level), ...list.slice(i + 1)];
}

/** Join a bullet with the one after it. */
export function mergeWithNext(list: DraftBullet[], i: number): DraftBullet[] {
  const a = list[i];
  const b = list[i + 1];
  if (!a || !b) return list;
  return clampLevels([...list.slice(0, i), { ...a, text: a.text + b.text }, ...list.slice(i + 2)]);
}

export function setText(list: DraftBullet[], i: number, text: string): DraftBullet[] {
  return list.map((b, k) => (k === i ? { ...b, text } : b));
}
