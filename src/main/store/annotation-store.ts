// Annotations in SQLite: rows ⇄ records, history of replaced versions, and the merge of records that
// come back from other reviewers' files. Every replacement of a version goes through saveCore /
// saveReply with the version it replaces, so an edit or a merge cannot drop one without a trace.
import type { Annotation, AnnotationCore, AnnotationReply, AnnotationVersion, MergeCounts } from '../../shared/annotations';
import { contentKey, mergeRecord } from '../../shared/annotations/merge';
import type { ItemField } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { cachedStatement, type Db } from './database';
import { currentFiscalYear } from './edition-store';
import { nowIso } from './plan-store';

/** The edition of annotations made before the fiscal year was recorded anywhere (migration 11 assumed it too). */
const FIRST_EDITION = 7;

/** The edition annotations are read from and made on: the one asked for, else the current one. */
export function annotationEdition(db: Db, edition?: number): number {
  return edition ?? currentFiscalYear(db) ?? FIRST_EDITION;
}

interface CoreRow {
  id: string;
  item_key: string;
  fiscal_year: number;
  carried_from: string | null;
  field: ItemField | null;
  bullet_index: number | null;
  quote: string | null;
  prefix: string | null;
  suffix: string | null;
  start_offset: number | null;
  end_offset: number | null;
  revision: number | null;
  kind: AnnotationCore['kind'];
  color: AnnotationCore['color'];
  comment: string;
  tags: string;
  status: AnnotationCore['status'];
  author: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

interface ReplyRow {
  id: string;
  annotation_id: string;
  author: string;
  text: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

function toCore(r: CoreRow): AnnotationCore {
  return {
    id: r.id,
    itemKey: r.item_key,
    fiscalYear: r.fiscal_year,
    carriedFrom: r.carried_from,
    field: r.field,
    bulletIndex: r.bullet_index,
    anchor:
      r.quote === null
        ? null
        : {
            quote: r.quote,
            prefix: r.prefix ?? '',
            suffix: r.suffix ?? '',
            start: r.start_offset ?? 0,
            end: r.end_offset ?? 0,
            revision: r.revision ?? 0,
          },
    kind: r.kind,
    color: r.color,
    comment: r.comment,
    tags: JSON.parse(r.tags) as string[],
    status: r.status,
    author: r.author,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  };
}

function toReply(r: ReplyRow): AnnotationReply {
  return { id: r.id, author: r.author, text: r.text, createdAt: r.created_at, updatedAt: r.updated_at, deletedAt: r.deleted_at };
}

/** Every annotation of an edition with its replies (tombstones included), in creation order. */
export function readAllAnnotations(db: Db, fiscalYear: number): Annotation[] {
  const replies = new Map<string, AnnotationReply[]>();
  const replyRows = db
    .prepare(
      `SELECT r.* FROM annotation_replies r JOIN annotations a ON a.id = r.annotation_id WHERE a.fiscal_year = ?
       ORDER BY r.created_at, r.rowid`,
    )
    .all(fiscalYear) as ReplyRow[];
  for (const r of replyRows) {
    const list = replies.get(r.annotation_id) ?? [];
    list.push(toReply(r));
    replies.set(r.annotation_id, list);
  }
  return (db.prepare('SELECT * FROM annotations WHERE fiscal_year = ? ORDER BY created_at, id').all(fiscalYear) as CoreRow[]).map((r) => ({
    ...toCore(r),
    replies: replies.get(r.id) ?? [],
  }));
}

export function findAnnotation(db: Db, id: string): Annotation | undefined {
  const row = db.prepare('SELECT * FROM annotations WHERE id = ?').get(id) as CoreRow | undefined;
  if (!row) return undefined;
  const replies = (
    db.prepare('SELECT * FROM annotation_replies WHERE annotation_id = ? ORDER BY created_at, rowid').all(id) as ReplyRow[]
  ).map(toReply);
  return { ...toCore(row), replies };
}

export function getAnnotation(db: Db, id: string): Annotation {
  const found = findAnnotation(db, id);
  if (!found) throw new AppError('not_found', `注釈が見つかりません: ${id}`);
  return found;
}

function findReply(db: Db, id: string): ReplyRow | undefined {
  return cachedStatement(db, 'SELECT * FROM annotation_replies WHERE id = ?').get(id) as ReplyRow | undefined;
}

/** Number of history entries per annotation id. */
export function historyCounts(db: Db): Map<string, number> {
  const rows = db.prepare('SELECT annotation_id AS id, COUNT(*) AS n FROM annotation_history GROUP BY annotation_id').all() as {
    id: string;
    n: number;
  }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

export function listHistory(db: Db, id: string): AnnotationVersion[] {
  getAnnotation(db, id);
  const rows = db.prepare('SELECT * FROM annotation_history WHERE annotation_id = ? ORDER BY id DESC').all(id) as {
    id: number;
    annotation_id: string;
    reply_id: string | null;
    source: string;
    value: string;
    replaced_at: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    annotationId: r.annotation_id,
    replyId: r.reply_id,
    source: r.source,
    replacedAt: r.replaced_at,
    value: JSON.parse(r.value) as AnnotationCore | AnnotationReply,
  }));
}

function knownContents(db: Db, annotationId: string, replyId: string | null): Set<string> {
  const rows = cachedStatement(db, 'SELECT value FROM annotation_history WHERE annotation_id = ? AND reply_id IS ?').all(
    annotationId,
    replyId,
  ) as { value: string }[];
  return new Set(rows.map((r) => contentKey(JSON.parse(r.value) as AnnotationCore | AnnotationReply)));
}

function addHistory(
  db: Db,
  annotationId: string,
  replyId: string | null,
  replaced: AnnotationCore | AnnotationReply,
  source: string,
): void {
  cachedStatement(db, 'INSERT INTO annotation_history (annotation_id, reply_id, source, value, replaced_at) VALUES (?, ?, ?, ?, ?)').run(
    annotationId,
    replyId,
    source,
    JSON.stringify(replaced),
    nowIso(),
  );
}

/** Insert or replace an annotation (without replies). */
export function saveCore(db: Db, a: AnnotationCore): void {
  cachedStatement(
    db,
    `INSERT INTO annotations (id, item_key, fiscal_year, carried_from, field, bullet_index, quote, prefix, suffix, start_offset,
       end_offset, revision, kind, color, comment, tags, status, author, created_at, updated_at, deleted_at)
     VALUES (@id, @item_key, @fiscal_year, @carried_from, @field, @bullet_index, @quote, @prefix, @suffix, @start_offset,
       @end_offset, @revision, @kind, @color, @comment, @tags, @status, @author, @created_at, @updated_at, @deleted_at)
     ON CONFLICT(id) DO UPDATE SET item_key = excluded.item_key, field = excluded.field, bullet_index = excluded.bullet_index,
       quote = excluded.quote, prefix = excluded.prefix, suffix = excluded.suffix, start_offset = excluded.start_offset,
       end_offset = excluded.end_offset, revision = excluded.revision, kind = excluded.kind, color = excluded.color,
       comment = excluded.comment, tags = excluded.tags, status = excluded.status, author = excluded.author,
       created_at = excluded.created_at, updated_at = excluded.updated_at, deleted_at = excluded.deleted_at`,
  ).run({
    id: a.id,
    item_key: a.itemKey,
    fiscal_year: a.fiscalYear,
    carried_from: a.carriedFrom,
    field: a.field,
    bullet_index: a.bulletIndex,
    quote: a.anchor?.quote ?? null,
    prefix: a.anchor?.prefix ?? null,
    suffix: a.anchor?.suffix ?? null,
    start_offset: a.anchor?.start ?? null,
    end_offset: a.anchor?.end ?? null,
    revision: a.anchor?.revision ?? null,
    kind: a.kind,
    color: a.color,
    comment: a.comment,
    tags: JSON.stringify(a.tags),
    status: a.status,
    author: a.author,
    created_at: a.createdAt,
    updated_at: a.updatedAt,
    deleted_at: a.deletedAt,
  });
}

export function saveReply(db: Db, annotationId: string, r: AnnotationReply): void {
  cachedStatement(
    db,
    `INSERT INTO annotation_replies (id, annotation_id, author, text, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET author = excluded.author, text = excluded.text, created_at = excluded.created_at,
       updated_at = excluded.updated_at, deleted_at = excluded.deleted_at`,
  ).run(r.id, annotationId, r.author, r.text, r.createdAt, r.updatedAt, r.deletedAt);
}

/** Replace an annotation by an edited version, keeping the old one in history. */
export function replaceCore(db: Db, before: AnnotationCore, after: AnnotationCore, source: string): void {
  db.transaction(() => {
    addHistory(db, before.id, null, before, source);
    saveCore(db, after);
  }).immediate();
}

/**
 * A time for a new version that sorts after the version it replaces, even when the clock did not
 * move (two edits in one millisecond) or went back: an edit must always win a merge against the
 * version it edited.
 */
export function nextTime(previous: string): string {
  const now = nowIso();
  return now > previous ? now : new Date(Date.parse(previous) + 1).toISOString();
}

function count(counts: MergeCounts, outcome: keyof MergeCounts): void {
  counts[outcome] += 1;
}

/**
 * Merge records read from a shared file into the store, in one transaction (see merge.ts for the
 * rules). `source` names the file in history.
 */
export function mergeAnnotations(
  db: Db,
  incoming: readonly Annotation[],
  source: string,
): { annotations: MergeCounts; replies: MergeCounts } {
  const annotations: MergeCounts = { created: 0, updated: 0, unchanged: 0 };
  const replies: MergeCounts = { created: 0, updated: 0, unchanged: 0 };
  db.transaction(() => {
    for (const { replies: theirReplies, ...theirs } of incoming) {
      const local = cachedStatement(db, 'SELECT * FROM annotations WHERE id = ?').get(theirs.id) as CoreRow | undefined;
      // An annotation belongs to the edition it was made on, whatever a file says of it (an old file says nothing).
      const core = local ? { ...theirs, fiscalYear: local.fiscal_year, carriedFrom: local.carried_from } : theirs;
      const m = mergeRecord(local && toCore(local), core, knownContents(db, core.id, null));
      if (m.outcome !== 'unchanged') saveCore(db, m.value);
      for (const old of m.toHistory) addHistory(db, core.id, null, old, source);
      count(annotations, m.outcome);
      for (const reply of theirReplies) {
        const row = findReply(db, reply.id);
        // A reply id is a uuid: one under another annotation is not this reply, whatever it says.
        if (row && row.annotation_id !== core.id) continue;
        const r = mergeRecord(row && toReply(row), reply, knownContents(db, core.id, reply.id));
        if (r.outcome !== 'unchanged') saveReply(db, core.id, r.value);
        for (const old of r.toHistory) addHistory(db, core.id, reply.id, old, source);
        count(replies, r.outcome);
      }
    }
  }).immediate();
  return { annotations, replies };
}
