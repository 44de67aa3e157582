// How item field values are checked and stored in revisions. A title is a string; R7 actions and
// future directions are bullet lists, kept in revisions as JSON so a restore is exact.
import { z } from 'zod';
import type { Bullet, ItemField } from './domain';

export type FieldValue = string | Bullet[];

export const MAX_BULLET_LEVEL = 3;

export const BulletSchema = z
  .object({
    text: z.string().trim().min(1, '空の箇条書きは保存できません').max(5000, '箇条書きが長すぎます(5000字まで)'),
    level: z.number().int().min(0).max(MAX_BULLET_LEVEL),
  })
  .strict();

export const TitleSchema = z.string().trim().min(1, '小項目名は空にできません').max(2000, '小項目名が長すぎます(2000字まで)');
export const BulletsSchema = z.array(BulletSchema).max(500, '箇条書きが多すぎます(500件まで)');

export function serializeField(field: ItemField, value: FieldValue): string {
  if (field === 'title') return value as string;
  return JSON.stringify((value as Bullet[]).map(({ text, level }) => ({ text, level })));
}

export function parseFieldValue(field: ItemField, stored: string): FieldValue {
  if (field === 'title') return stored;
  return BulletsSchema.parse(JSON.parse(stored));
}

/** Bullets as lines of text, one per bullet, nested ones indented: for diffs, Excel and the CLI. */
export function bulletsToLines(bullets: readonly Bullet[]): string[] {
  return bullets.map((b) => `${'　'.repeat(b.level)}・${b.text}`);
}
