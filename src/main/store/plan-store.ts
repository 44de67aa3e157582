// Reading and writing the plan: sections, items with their bullets, and the revision trail.
// Every change to an item field goes through writeField(), which writes the revision and keeps the
// search index in step, so no caller can change an item without leaving a trace.
import type { Bullet, Item, ItemField, ItemSummary, MinistryCode, Revision, Section, TaggedBullet } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { matchesItemFilter, sectionIdsOf, type ItemFilter } from '../../shared/item-filter';
import { bulletTags } from '../../shared/text/tags';
import { serializeField, parseFieldValue, type FieldValue } from '../../shared/item-fields';
import type { Db } from './database';
import { indexItem } from './search';

interface ItemRow {
  key: string;
  section_id: string;
  major: number;
  middle: number;
  area: number | null;
  label: string;
  position: number;
  title: string;
  ministries: string;
  lead: string;
  relisted_from: string | null;
  warnings: string;
  version: number;
  updated_at: string;
}

interface BulletRow {
  item_key: string;
  field: 'actions' | 'future';
  ord: number;
  level: number;
  text: string;
  ministries: string;
  pj: string;
}

export interface WriteContext {
  author: string;
  source: string;
  /** When given, the write is refused if the item changed since the caller read it. */
  expectedVersion?: number;
}

export function nowIso(): string {
  return new Date().toISOString();
}

function toSummary(row: ItemRow, pj: number[]): ItemSummary {
  return {
    key: row.key,
    major: row.major,
    middle: row.middle,
    area: row.area,
    label: row.label,
    title: row.title,
    ministries: JSON.parse(row.ministries) as MinistryCode[],
    lead: JSON.parse(row.lead) as MinistryCode[],
    relistedFrom: row.relisted_from,
    warnings: JSON.parse(row.warnings) as string[],
    position: row.position,
    pj,
  };
}

function toTagged(row: BulletRow): TaggedBullet {
  return {
    text: row.text,
    level: row.level,
    ministries: JSON.parse(row.ministries) as MinistryCode[],
    pj: JSON.parse(row.pj) as number[],
  };
}

export function listSections(db: Db): Section[] {
  const rows = db.prepare('SELECT * FROM sections ORDER BY position').all() as {
    id: string;
    level: Section['level'];
    major: number;
    middle: number | null;
    area: number | null;
    title: string;
    intro_json: string;
    position: number;
  }[];
  return rows.map((r) => ({
    id: r.id,
    level: r.level,
    major: r.major,
    middle: r.middle,
    area: r.area,
    title: r.title,
    intro: JSON.parse(r.intro_json) as Bullet[],
    position: r.position,
  }));
}

/** PJ numbers referenced anywhere in each item's bullets. */
function pjByItem(db: Db): Map<string, number[]> {
  const rows = db.prepare("SELECT item_key, pj FROM bullets WHERE pj <> '[]'").all() as { item_key: string; pj: string }[];
  const out = new Map<string, Set<number>>();
  for (const r of rows) {
    const set = out.get(r.item_key) ?? new Set<number>();
    for (const n of JSON.parse(r.pj) as number[]) set.add(n);
    out.set(r.item_key, set);
  }
  return new Map([...out].map(([k, s]) => [k, [...s].sort((a, b) => a - b)]));
}

export function listItems(db: Db, filter: ItemFilter = {}): ItemSummary[] {
  // Items a later edition dropped keep their key (and history) but are not part of the plan.
  const rows = db.prepare('SELECT * FROM items WHERE retired_in IS NULL ORDER BY position').all() as ItemRow[];
  const pj = pjByItem(db);
  return rows.map((r) => toSummary(r, pj.get(r.key) ?? [])).filter((it) => matchesItemFilter(it, filter));
}

/** Whether a section id (`1`, `1-2`, `1-2-3`) contains the item. */
export function sectionContains(sectionId: string, it: Pick<ItemSummary, 'major' | 'middle' | 'area'>): boolean {
  return sectionIdsOf(it).includes(sectionId);
}

export function findItemRow(db: Db, key: string): ItemRow | undefined {
  return db.prepare('SELECT * FROM items WHERE key = ?').get(key) as ItemRow | undefined;
}

function readBullets(db: Db, key: string, field: 'actions' | 'future'): TaggedBullet[] {
  const rows = db.prepare('SELECT * FROM bullets WHERE item_key = ? AND field = ? ORDER BY ord').all(key, field) as BulletRow[];
  return rows.map(toTagged);
}

export function getItem(db: Db, key: string): Item {
  const row = findItemRow(db, key);
  if (!row) throw new AppError('not_found', `項目が見つかりません: ${key}`);
  const actions = readBullets(db, key, 'actions');
  const future = readBullets(db, key, 'future');
  const pj = [...new Set([...actions, ...future].flatMap((b) => b.pj))].sort((a, b) => a - b);
  return { ...toSummary(row, pj), actions, future, version: row.version, updatedAt: row.updated_at };
}

export function readField(db: Db, key: string, field: ItemField): FieldValue {
  if (field === 'title') {
    const row = findItemRow(db, key);
    if (!row) throw new AppError('not_found', `項目が見つかりません: ${key}`);
    return row.title;
  }
  return readBullets(db, key, field).map(({ text, level }) => ({ text, level }));
}

/** Replace the bullets of one field (no revision: callers go through writeField). */
export function replaceBullets(db: Db, key: string, field: 'actions' | 'future', bullets: Bullet[]): void {
  db.prepare('DELETE FROM bullets WHERE item_key = ? AND field = ?').run(key, field);
  const insert = db.prepare('INSERT INTO bullets (item_key, field, ord, level, text, ministries, pj) VALUES (?, ?, ?, ?, ?, ?, ?)');
  bullets.forEach((b, ord) => {
    const tags = bulletTags(b.text);
    insert.run(key, field, ord, b.level, b.text, JSON.stringify(tags.ministries), JSON.stringify(tags.pj));
  });
}

/**
 * Change one field of an item, writing a revision with the old and new value. A value equal to the
 * current one writes nothing and returns false.
 */
export function writeField(db: Db, key: string, field: ItemField, value: FieldValue, ctx: WriteContext): boolean {
  return db
    .transaction(() => {
      const row = findItemRow(db, key);
      if (!row) throw new AppError('not_found', `項目が見つかりません: ${key}`);
      if (ctx.expectedVersion !== undefined && ctx.expectedVersion !== row.version) {
        throw new AppError(
          'conflict',
          `項目 ${key} はこの画面を開いた後に変更されています(版 ${ctx.expectedVersion} → ${row.version})。最新の内容を読み込んでから編集してください。`,
        );
      }
      const oldText = serializeField(field, readField(db, key, field));
      const newText = serializeField(field, value);
      if (oldText === newText) return false;
      const now = nowIso();
      if (field === 'title') {
        db.prepare('UPDATE items SET title = ? WHERE key = ?').run(value as string, key);
      } else {
        replaceBullets(db, key, field, value as Bullet[]);
      }
      db.prepare('UPDATE items SET version = version + 1, updated_at = ? WHERE key = ?').run(now, key);
      db.prepare(
        'INSERT INTO revisions (item_key, field, old_value, new_value, source, author, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(key, field, oldText, newText, ctx.source, ctx.author, now);
      indexItem(db, key);
      return true;
    })
    .immediate();
}

interface RevisionRow {
  id: number;
  item_key: string;
  field: ItemField;
  old_value: string;
  new_value: string;
  source: string;
  author: string;
  created_at: string;
}

function toRevision(r: RevisionRow): Revision {
  return {
    id: r.id,
    itemKey: r.item_key,
    field: r.field,
    oldValue: r.old_value,
    newValue: r.new_value,
    source: r.source,
    author: r.author,
    createdAt: r.created_at,
  };
}

export function listRevisions(db: Db, key: string): Revision[] {
  if (!findItemRow(db, key)) throw new AppError('not_found', `項目が見つかりません: ${key}`);
  const rows = db.prepare('SELECT * FROM revisions WHERE item_key = ? ORDER BY id DESC').all(key) as RevisionRow[];
  return rows.map(toRevision);
}

/** Put back the value a revision replaced; the restore is itself a revision. */
export function restoreRevision(db: Db, revisionId: number, author: string): Item {
  const row = db.prepare('SELECT * FROM revisions WHERE id = ?').get(revisionId) as RevisionRow | undefined;
  if (!row) throw new AppError('not_found', `変更履歴が見つかりません: #${revisionId}`);
  const value = parseFieldValue(row.field, row.old_value);
  writeField(db, row.item_key, row.field, value, { author, source: `restore:#${revisionId}` });
  return getItem(db, row.item_key);
}
