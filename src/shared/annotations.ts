// Annotations (issue 5): a committee member's highlights, comments and notes on the plan, with
// replies, shared with the secretariat as an Excel file and merged back by id. Pure types, names and
// runtime schemas; anchoring is in annotations/anchor.ts, merging in annotations/merge.ts.
import { z } from 'zod';
import type { TextAnchor } from './annotations/anchor';
import { ITEM_FIELDS, type ItemField } from './domain';

export type { TextAnchor } from './annotations/anchor';

export const ANNOTATION_KINDS = ['highlight', 'comment', 'note'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

/** A few named colours; the UI maps them to its palette. */
export const ANNOTATION_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type AnnotationColor = (typeof ANNOTATION_COLORS)[number];

export const ANNOTATION_STATUSES = ['open', 'resolved'] as const;
export type AnnotationStatus = (typeof ANNOTATION_STATUSES)[number];

/** Japanese names, for Excel, the CLI and messages. */
export const KIND_NAMES: Record<AnnotationKind, string> = { highlight: 'ハイライト', comment: 'コメント', note: 'メモ' };
export const COLOR_NAMES: Record<AnnotationColor, string> = { yellow: '黄', green: '緑', blue: '青', pink: '桃', purple: '紫' };
export const STATUS_NAMES: Record<AnnotationStatus, string> = { open: '未対応', resolved: '対応済み' };

export interface AnnotationReply {
  id: string;
  author: string;
  text: string;
  createdAt: string;
  updatedAt: string;
  /** Set when deleted; a tombstone is kept so a merge does not bring the reply back. */
  deletedAt: string | null;
}

export interface Annotation {
  id: string;
  itemKey: string;
  /** N of 令和N: the edition the annotation was made on (it is shown and anchored on that edition's text). */
  fiscalYear: number;
  /** The annotation of an earlier edition this one was carried forward from, else null. */
  carriedFrom: string | null;
  /** The field annotated, or null for a note on the whole item. */
  field: ItemField | null;
  /** The bullet the anchor was made on (actions/future), else null. */
  bulletIndex: number | null;
  /** The annotated words; null for a note on a whole field or item. */
  anchor: TextAnchor | null;
  kind: AnnotationKind;
  color: AnnotationColor;
  comment: string;
  tags: string[];
  status: AnnotationStatus;
  author: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  replies: AnnotationReply[];
}

/** An annotation without its replies: the unit that is versioned and merged. */
export type AnnotationCore = Omit<Annotation, 'replies'>;

/** Where the annotation is in the item's current text (computed on read). */
export type AnchorState =
  | { state: 'anchored'; bulletIndex: number | null; start: number; end: number; score: number; exact: boolean; moved: boolean }
  /** The annotated words are gone (or the item is): shown with the original quote, never re-attached. */
  | { state: 'orphan'; reason: 'text_changed' | 'item_missing' }
  /** A note on a whole item or field: nothing to anchor. */
  | { state: 'none' };

export interface AnnotationView extends Annotation {
  anchorState: AnchorState;
  /** Title of the item (null when the key is unknown in this database). */
  itemTitle: string | null;
  /** Earlier versions kept (edits and merges). */
  historyCount: number;
}

/** A previous version of an annotation or of one of its replies, replaced by an edit or a merge. */
export interface AnnotationVersion {
  id: number;
  annotationId: string;
  replyId: string | null;
  /** `edit`, or `import:<file>` for a merge. */
  source: string;
  replacedAt: string;
  value: AnnotationCore | AnnotationReply;
}

/** Open annotations, for the outline: by section id (`1`, `1-2`, `1-2-3`) and by item key. */
export interface AnnotationCounts {
  total: number;
  sections: Record<string, number>;
  items: Record<string, number>;
}

export interface AnnotationExportResult {
  /** The file written, or null when the workbook was returned as data (web host). */
  file: string | null;
  fileName: string;
  dataBase64: string | null;
  annotations: number;
  replies: number;
}

export interface MergeCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** What carrying an edition's annotations forward to the next edition did. */
export interface CarryForwardResult {
  from: number;
  to: number;
  /** Annotations copied to `to` (orphans included). */
  carried: number;
  /** Copies whose words are not in the new text: kept as orphans of `to` with their original quote. */
  orphaned: { key: string; quote: string }[];
  /** Not carried: the item is not in `to` (dropped), or the annotation was carried before. */
  skipped: { key: string; reason: 'item_dropped' | 'already_carried' }[];
}

export interface AnnotationImportOutcome {
  file: string;
  /** Null when the file was merged; else why nothing of it was taken. */
  error: string | null;
  annotations: MergeCounts;
  replies: MergeCounts;
  warnings: string[];
}

// ---- runtime schemas (API arguments and the records read back from Excel) ----

export const ANNOTATION_LIMITS = { comment: 10_000, reply: 5_000, quote: 2_000, tag: 50, tags: 20, replies: 500 };

export const AnnotationKindSchema = z.enum(ANNOTATION_KINDS);
export const AnnotationColorSchema = z.enum(ANNOTATION_COLORS);
export const AnnotationStatusSchema = z.enum(ANNOTATION_STATUSES);
export const AnnotationFieldSchema = z.enum(ITEM_FIELDS);
export const CommentSchema = z.string().max(ANNOTATION_LIMITS.comment, `コメントが長すぎます(${ANNOTATION_LIMITS.comment}字まで)`);
export const ReplyTextSchema = z
  .string()
  .trim()
  .min(1, '返信が空です')
  .max(ANNOTATION_LIMITS.reply, `返信が長すぎます(${ANNOTATION_LIMITS.reply}字まで)`);

/** Tags: trimmed, without `#`, no empties or repeats, order kept. */
export const TagsSchema = z
  .array(z.string().max(ANNOTATION_LIMITS.tag, `タグが長すぎます(${ANNOTATION_LIMITS.tag}字まで)`))
  .max(ANNOTATION_LIMITS.tags, `タグが多すぎます(${ANNOTATION_LIMITS.tags}個まで)`)
  .transform((tags) => [
    ...new Set(
      tags
        .map((t) =>
          t
            .trim()
            .replace(/^[#＃]/, '')
            .trim(),
        )
        .filter(Boolean),
    ),
  ]);

export const AnnotationIdSchema = z.uuid('注釈の ID の形式が正しくありません');
const IsoSchema = z.iso.datetime({ message: '日時の形式が正しくありません' });
const PersonSchema = z.string().trim().min(1, '作成者名がありません').max(100);

export const TextAnchorSchema = z
  .object({
    quote: z.string().min(1).max(ANNOTATION_LIMITS.quote),
    prefix: z.string().max(200),
    suffix: z.string().max(200),
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    revision: z.number().int().min(0),
  })
  .strict();

export const AnnotationReplySchema = z
  .object({
    id: AnnotationIdSchema,
    author: PersonSchema,
    text: ReplyTextSchema,
    createdAt: IsoSchema,
    updatedAt: IsoSchema,
    deletedAt: IsoSchema.nullable(),
  })
  .strict();

/** A whole annotation as carried by a shared file: checked field by field before it is merged. */
export const AnnotationCoreSchema = z
  .object({
    id: AnnotationIdSchema,
    itemKey: z.string().regex(/^\d+(-\d+){1,3}$/, '管理番号の形式が正しくありません'),
    // Files written before editions carry neither: such a record belongs to the current edition.
    fiscalYear: z.number().int().min(1, '年度が正しくありません').max(99, '年度が正しくありません').optional(),
    carriedFrom: AnnotationIdSchema.nullable().optional(),
    field: AnnotationFieldSchema.nullable(),
    bulletIndex: z.number().int().min(0).nullable(),
    anchor: TextAnchorSchema.nullable(),
    kind: AnnotationKindSchema,
    color: AnnotationColorSchema,
    comment: CommentSchema,
    tags: TagsSchema,
    status: AnnotationStatusSchema,
    author: PersonSchema,
    createdAt: IsoSchema,
    updatedAt: IsoSchema,
    deletedAt: IsoSchema.nullable(),
  })
  .strict()
  .refine((a) => a.anchor === null || a.field !== null, '欄のない注釈に引用があります')
  .refine(
    (a) => (a.field === 'actions' || a.field === 'future') === (a.bulletIndex !== null) || a.anchor === null,
    '箇条書きの番号が欄と合いません',
  );

/** The texts an anchor lives in: the bullets of actions or future, or the title as a single segment. */
export function fieldSegments(
  item: { title: string; actions: readonly { text: string }[]; future: readonly { text: string }[] },
  field: ItemField,
): string[] {
  return field === 'title' ? [item.title] : item[field].map((b) => b.text);
}
