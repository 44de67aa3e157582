// Making and changing annotations: anchor a new one on the item's current text, edit, delete
// (tombstone) and reply. Each edit keeps the replaced version in history (annotation-store.ts).
import { fieldLabel } from '../../shared/fields';
import { currentFiscalYear } from '../store/edition-store';
import { randomUUID } from 'node:crypto';
import {
  fieldSegments,
  type Annotation,
  type AnnotationColor,
  type AnnotationCore,
  type AnnotationKind,
  type AnnotationStatus,
} from '../../shared/annotations';
import { AnchorError, createAnchor, findQuote, type TextAnchor, type TextSpan } from '../../shared/annotations/anchor';
import type { ItemField } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import type { Db } from '../store/database';
import { editionLabel } from '../../shared/editions/fiscal-year';
import { annotationEdition, getAnnotation, nextTime, replaceCore, saveCore, saveReply } from '../store/annotation-store';
import { getItem, nowIso } from '../store/plan-store';

export interface CreateInput {
  itemKey: string;
  field: ItemField | null;
  /** The words annotated: a span of the field (the UI's selection) or a quote to find (the CLI). */
  range?: TextSpan;
  quote?: string;
  kind?: AnnotationKind;
  color?: AnnotationColor;
  comment?: string;
  tags?: string[];
  author: string;
  /** The item version the range refers to; refused if the item changed since. */
  expectedVersion?: number;
}

export interface UpdateInput {
  comment?: string;
  tags?: string[];
  color?: AnnotationColor;
  status?: AnnotationStatus;
  kind?: AnnotationKind;
  /** The version the caller edited (its updatedAt); refused if the annotation changed since. */
  expectedUpdatedAt?: string;
}

function makeAnchor(db: Db, input: CreateInput): { anchor: TextAnchor; bulletIndex: number | null } | null {
  if (input.range === undefined && input.quote === undefined) return null;
  const field = input.field;
  if (field === null) throw new AppError('bad_request', '引用や範囲を指定するときは欄(title / actions / future)も指定してください');
  const item = getItem(db, input.itemKey);
  if (input.expectedVersion !== undefined && input.expectedVersion !== item.version) {
    throw new AppError(
      'conflict',
      `項目 ${item.key} は選択した後に変更されています(版 ${input.expectedVersion} → ${item.version})。表示を更新してから選択し直してください。`,
    );
  }
  const segments = fieldSegments(item, field);
  let span = input.range;
  if (span === undefined) {
    span = findQuote(segments, input.quote!)[0];
    if (!span)
      throw new AppError(
        'not_found',
        `項目 ${item.key} の「${fieldLabel(field, currentFiscalYear(db))}」に「${input.quote}」が見つかりません`,
      );
  }
  try {
    const anchor = createAnchor(segments, span, item.version);
    return { anchor, bulletIndex: field === 'title' ? null : span.bulletIndex };
  } catch (err) {
    if (err instanceof AnchorError)
      throw new AppError('bad_request', `${item.key} の「${fieldLabel(field, currentFiscalYear(db))}」: ${err.message}`);
    throw err;
  }
}

export function createAnnotation(db: Db, input: CreateInput): Annotation {
  const made = makeAnchor(db, input);
  if (!made) getItem(db, input.itemKey); // a note still needs its item
  const kind = input.kind ?? (made ? (input.comment ? 'comment' : 'highlight') : 'note');
  if (kind === 'highlight' && !made) throw new AppError('bad_request', 'ハイライトには対象の文言(引用または範囲)が必要です');
  const now = nowIso();
  const core: AnnotationCore = {
    id: randomUUID(),
    itemKey: input.itemKey,
    fiscalYear: annotationEdition(db),
    carriedFrom: null,
    field: input.field,
    bulletIndex: made?.bulletIndex ?? null,
    anchor: made?.anchor ?? null,
    kind,
    color: input.color ?? 'yellow',
    comment: input.comment ?? '',
    tags: input.tags ?? [],
    status: 'open',
    author: input.author,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  };
  saveCore(db, core);
  return { ...core, replies: [] };
}

/** An archived edition is read-only, and so are the annotations made on it. */
function ofCurrentEdition(db: Db, a: Annotation): void {
  const current = annotationEdition(db);
  if (a.fiscalYear !== current) {
    throw new AppError(
      'conflict',
      `この注釈は${editionLabel(a.fiscalYear)}のもので、読み取り専用です。${editionLabel(current)}で扱うには「前年度の注釈を引き継ぐ」で引き継いでください。`,
    );
  }
}

function editable(db: Db, id: string, expectedUpdatedAt?: string): Annotation {
  const a = getAnnotation(db, id);
  ofCurrentEdition(db, a);
  if (a.deletedAt) throw new AppError('conflict', `この注釈は削除されています(${a.deletedAt})。`);
  if (expectedUpdatedAt !== undefined && expectedUpdatedAt !== a.updatedAt) {
    throw new AppError('conflict', 'この注釈は開いた後に変更されています。最新の内容を読み込んでから編集してください。');
  }
  return a;
}

export function updateAnnotation(db: Db, id: string, changes: UpdateInput, editor: string): Annotation {
  return db
    .transaction(() => {
      const { replies, ...before } = editable(db, id, changes.expectedUpdatedAt);
      const after: AnnotationCore = {
        ...before,
        comment: changes.comment ?? before.comment,
        tags: changes.tags ?? before.tags,
        color: changes.color ?? before.color,
        status: changes.status ?? before.status,
        kind: changes.kind ?? before.kind,
      };
      if (after.kind === 'highlight' && !after.anchor) throw new AppError('bad_request', '対象の文言がない注釈はハイライトにできません');
      if (JSON.stringify(after) === JSON.stringify(before)) return { ...before, replies };
      after.updatedAt = nextTime(before.updatedAt);
      replaceCore(db, before, after, `edit:${editor}`);
      return { ...after, replies };
    })
    .immediate();
}

/** Delete as a tombstone: the row stays, so a merge of an older copy cannot bring it back. */
export function deleteAnnotation(db: Db, id: string): Annotation {
  return db
    .transaction(() => {
      const a = getAnnotation(db, id);
      ofCurrentEdition(db, a);
      if (a.deletedAt) return a;
      const { replies, ...core } = a;
      const time = nextTime(core.updatedAt);
      const deleted = { ...core, updatedAt: time, deletedAt: time };
      saveCore(db, deleted);
      return { ...deleted, replies };
    })
    .immediate();
}

/**
 * Add a reply. The annotation's own updatedAt is not touched: it dates the comment, tags and status,
 * and a reply must not make an old comment look newer than another reviewer's edit of it.
 */
export function replyTo(db: Db, id: string, text: string, author: string): Annotation {
  return db
    .transaction(() => {
      editable(db, id);
      const now = nowIso();
      saveReply(db, id, { id: randomUUID(), author, text, createdAt: now, updatedAt: now, deletedAt: null });
      return getAnnotation(db, id);
    })
    .immediate();
}
