// How item field values are stored in revisions and shown as lines. A title is a string; actions
// and future directions are bullet lists, kept in revisions as JSON so a restore is exact.
// (The runtime schemas for values coming through the API are in item-schemas.ts.)
import type { Bullet, ItemField } from './domain';

export type FieldValue = string | Bullet[];

export const MAX_BULLET_LEVEL = 3;

export function serializeField(field: ItemField, value: FieldValue): string {
  if (field === 'title') return value as string;
  return JSON.stringify((value as Bullet[]).map(({ text, level }) => ({ text, level })));
}

function isBullet(value: unknown): value is Bullet {
  const b = value as Bullet;
  return (
    typeof b === 'object' &&
    b !== null &&
    typeof b.text === 'string' &&
    Number.isInteger(b.level) &&
    b.level >= 0 &&
    b.level <= MAX_BULLET_LEVEL
  );
}

/** The value a revision stored; throws on a value this code never wrote. */
export function parseFieldValue(field: ItemField, stored: string): FieldValue {
  if (field === 'title') return stored;
  const parsed: unknown = JSON.parse(stored);
  if (!Array.isArray(parsed) || !parsed.every(isBullet)) throw new Error(`not a bullet list: ${stored.slice(0, 80)}`);
  return parsed.map(({ text, level }) => ({ text, level }));
}

/** Bullets as lines of text, one per bullet, nested ones indented: for diffs, Excel and the CLI. */
export function bulletsToLines(bullets: readonly Bullet[]): string[] {
  return bullets.map((b) => `${'　'.repeat(b.level)}・${b.text}`);
}
