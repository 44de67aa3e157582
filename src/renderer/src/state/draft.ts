// The edit draft of one item: the title and both bullet lists as the editor holds them (each bullet
// with a stable id), and which fields differ from the stored item. The list operations themselves
// are in src/shared/bullet-edit.ts.
import { cleanBullets, sameBullets } from '../../../shared/bullet-edit';
import type { Bullet, Item, ItemField } from '../../../shared/domain';

export interface DraftBullet extends Bullet {
  /** Stable identity for React while bullets move around. */
  id: number;
}

export interface Draft {
  key: string;
  /** The item version the edit started from; the save is refused if the item moved on. */
  baseVersion: number;
  title: string;
  actions: DraftBullet[];
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
    actions: item.actions.map((b) => newBullet(b.text, b.level)),
    future: item.future.map((b) => newBullet(b.text, b.level)),
  };
}

/** The fields the draft changes, in save order. */
export function changedFields(draft: Draft, item: Item): ItemField[] {
  const fields: ItemField[] = [];
  if (draft.title.trim() !== item.title) fields.push('title');
  if (!sameBullets(cleanBullets(draft.actions), cleanBullets(item.actions))) fields.push('actions');
  if (!sameBullets(cleanBullets(draft.future), cleanBullets(item.future))) fields.push('future');
  return fields;
}
