// Runtime schemas of item field values, for the API door. Kept apart from item-fields.ts so the
// renderer, which only needs the helpers there, does not bundle zod.
import { z } from 'zod';
import { MAX_BULLET_LEVEL } from './item-fields';

export const BulletSchema = z
  .object({
    text: z.string().trim().min(1, '空の箇条書きは保存できません').max(5000, '箇条書きが長すぎます(5000字まで)'),
    level: z.number().int().min(0).max(MAX_BULLET_LEVEL),
  })
  .strict();

export const TitleSchema = z.string().trim().min(1, '小項目名は空にできません').max(2000, '小項目名が長すぎます(2000字まで)');
export const BulletsSchema = z.array(BulletSchema).max(500, '箇条書きが多すぎます(500件まで)');
