// The items and sections of any edition: the current one from the live plan tables, an archived one
// from its snapshot (edition_items, edition_sections), taken when the next edition was applied.
import { createHash } from 'node:crypto';
import type { Bullet, Item, ItemSummary, MinistryCode, Section } from '../../shared/domain';
import { parseFieldValue } from '../../shared/item-fields';
import { matchesItemFilter, type ItemFilter } from '../../shared/item-filter';
import { AppError } from '../../shared/errors';
import { editionLabel, type EditionItem, type EditionStatus } from '../../shared/editions';
import { bulletTags } from '../../shared/text/tags';
import { bulletsByItem, withBullets } from '../excel/bulk-items';
import type { Db } from '../store/database';
import { listItems, listSections } from '../store/plan-store';

export interface EditionRow {
  fiscal_year: number;
  title: string;
  status: EditionStatus;
  loaded_at: string;
}

export function editionRow(db: Db, fiscalYear: number): EditionRow {
  const row = db.prepare('SELECT fiscal_year, title, status, loaded_at FROM editions WHERE fiscal_year = ?').get(fiscalYear) as
    EditionRow | undefined;
  if (!row) throw new AppError('not_found', `${editionLabel(fiscalYear)}はこのデータベースにありません。`);
  return row;
}

/** An item of an edition with its bullets as plain text (for matching, diffs, follow-up). */
export interface PlainItem {
  key: string;
  label: string;
  sectionId: string;
  major: number;
  middle: number;
  area: number | null;
  position: number;
  title: string;
  ministries: MinistryCode[];
  lead: MinistryCode[];
  relistedFrom: string | null;
  actions: Bullet[];
  future: Bullet[];
}

const sectionIdOf = (it: { major: number; middle: number; area: number | null }) =>
  it.area === null ? `${it.major}-${it.middle}` : `${it.major}-${it.middle}-${it.area}`;

function currentItems(db: Db): PlainItem[] {
  return withBullets(db, listItems(db)).map(toPlain);
}

/**
 * What a source is matched against: the current edition's items, and for a changed source of the
 * current edition also the items an earlier revision of it dropped (so one that comes back keeps its
 * key instead of getting a new one).
 */
export function matchBase(db: Db, fiscalYear: number, revision: boolean): PlainItem[] {
  const live = editionItems(db, fiscalYear);
  if (!revision) return live;
  // A changed source is compared with the source as last loaded (seed_json), not with the text
  // edited here since: a title rewritten in the app must not hide the item its source still is.
  const seeds = new Map(
    (db.prepare('SELECT key, seed_json FROM items WHERE seed_json IS NOT NULL').all() as { key: string; seed_json: string }[]).map((r) => [
      r.key,
      JSON.parse(r.seed_json) as Record<'title' | 'actions' | 'future', string>,
    ]),
  );
  const asLoaded = (it: PlainItem): PlainItem => {
    const seed = seeds.get(it.key);
    if (!seed) return it;
    return {
      ...it,
      title: parseFieldValue('title', seed.title) as string,
      actions: parseFieldValue('actions', seed.actions) as Bullet[],
      future: parseFieldValue('future', seed.future) as Bullet[],
    };
  };
  const rows = db.prepare('SELECT * FROM items WHERE retired_in = ? ORDER BY position').all(fiscalYear) as PlacedRow[];
  const bullets = rows.length ? bulletsByItem(db) : new Map<string, { actions: Bullet[]; future: Bullet[] }>();
  return [...live, ...rows.map((r) => fromRow(r, bullets.get(r.key)?.actions ?? [], bullets.get(r.key)?.future ?? []))].map(asLoaded);
}

/** The columns `items` and `edition_items` share (a retired item's row, an archived edition's row). */
interface PlacedRow {
  key: string;
  major: number;
  middle: number;
  area: number | null;
  label: string;
  position: number;
  title: string;
  ministries: string;
  lead: string;
  relisted_from: string | null;
}

function fromRow(r: PlacedRow, actions: Bullet[], future: Bullet[]): PlainItem {
  return toPlain({
    key: r.key,
    major: r.major,
    middle: r.middle,
    area: r.area,
    label: r.label,
    position: r.position,
    title: r.title,
    ministries: JSON.parse(r.ministries) as MinistryCode[],
    lead: JSON.parse(r.lead) as MinistryCode[],
    relistedFrom: r.relisted_from,
    actions,
    future,
  });
}

type PlainSource = Omit<PlainItem, 'sectionId'>;

function toPlain(it: PlainSource): PlainItem {
  return {
    key: it.key,
    label: it.label,
    sectionId: sectionIdOf(it),
    major: it.major,
    middle: it.middle,
    area: it.area,
    position: it.position,
    title: it.title,
    ministries: it.ministries,
    lead: it.lead,
    relistedFrom: it.relistedFrom,
    actions: it.actions,
    future: it.future,
  };
}

function archivedItems(db: Db, fiscalYear: number): PlainItem[] {
  const rows = db.prepare('SELECT * FROM edition_items WHERE fiscal_year = ? ORDER BY position').all(fiscalYear) as (PlacedRow & {
    actions: string;
    future: string;
  })[];
  return rows.map((r) => fromRow(r, JSON.parse(r.actions) as Bullet[], JSON.parse(r.future) as Bullet[]));
}

/** The items of an edition, in document order. */
export function editionItems(db: Db, fiscalYear: number): PlainItem[] {
  const e = editionRow(db, fiscalYear);
  return e.status === 'current' ? currentItems(db) : archivedItems(db, fiscalYear);
}

export function editionSections(db: Db, fiscalYear: number): Section[] {
  const e = editionRow(db, fiscalYear);
  if (e.status === 'current') return listSections(db);
  const rows = db.prepare('SELECT * FROM edition_sections WHERE fiscal_year = ? ORDER BY position').all(fiscalYear) as {
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

/** An archived edition's item in the shape the screens and the CLI show (read-only: version 0). */
export function asItem(it: PlainItem, loadedAt: string): Item {
  const tagged = (bullets: Bullet[]) => bullets.map((b) => ({ ...b, ...bulletTags(b.text) }));
  const actions = tagged(it.actions);
  const future = tagged(it.future);
  const pj = [...new Set([...actions, ...future].flatMap((b) => b.pj))].sort((a, b) => a - b);
  return {
    key: it.key,
    major: it.major,
    middle: it.middle,
    area: it.area,
    label: it.label,
    title: it.title,
    ministries: it.ministries,
    lead: it.lead,
    relistedFrom: it.relistedFrom,
    warnings: [],
    pj,
    position: it.position,
    actions,
    future,
    version: 0,
    updatedAt: loadedAt,
  };
}

/** The matcher's view of an item. */
export function toEditionItem(it: PlainItem, withKey: boolean): EditionItem {
  return {
    ...(withKey ? { key: it.key } : {}),
    label: it.label,
    sectionId: it.sectionId,
    title: it.title,
    ministries: it.ministries.map((code) => ({ code, lead: it.lead.includes(code) })),
    actions: it.actions.map((b) => b.text),
    future: it.future.map((b) => b.text),
  };
}

/** A digest of the current edition's items: staging records it, applying checks nothing moved since. */
export function currentDigest(db: Db): string {
  const h = createHash('sha256');
  for (const it of currentItems(db)) h.update(JSON.stringify(it));
  return h.digest('hex');
}

/** Bullets as edition rows keep them: text and level only. */
export const plainBullets = (bs: readonly Bullet[]): string => JSON.stringify(bs.map(({ text, level }) => ({ text, level })));

/** Write items and sections as the rows of edition `fiscalYear` (an archived edition, or a draft). */
export function writeEditionRows(db: Db, fiscalYear: number, items: readonly PlainItem[], sections: readonly Section[]): void {
  const insertItem = db.prepare(
    `INSERT INTO edition_items (fiscal_year, key, section_id, major, middle, area, label, position, title, ministries, lead, relisted_from, actions, future)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const it of items) {
    insertItem.run(
      fiscalYear,
      it.key,
      it.sectionId,
      it.major,
      it.middle,
      it.area,
      it.label,
      it.position,
      it.title,
      JSON.stringify(it.ministries),
      JSON.stringify(it.lead),
      it.relistedFrom,
      plainBullets(it.actions),
      plainBullets(it.future),
    );
  }
  const insertSection = db.prepare(
    'INSERT INTO edition_sections (fiscal_year, id, level, major, middle, area, title, intro_json, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const s of sections) {
    insertSection.run(fiscalYear, s.id, s.level, s.major, s.middle, s.area, s.title, plainBullets(s.intro), s.position);
  }
}

/** Freeze the current edition's items and sections as they are, before the next edition replaces them. */
export function snapshotCurrent(db: Db, fiscalYear: number): void {
  writeEditionRows(db, fiscalYear, currentItems(db), listSections(db));
}

/** An archived edition's items as the list shows them, filtered like the current edition's. */
export function listEditionItems(db: Db, fiscalYear: number, filter: ItemFilter): ItemSummary[] {
  const e = editionRow(db, fiscalYear);
  return editionItems(db, fiscalYear)
    .map((it) => {
      const { actions: _a, future: _f, version: _v, updatedAt: _u, ...summary } = asItem(it, e.loaded_at);
      return summary;
    })
    .filter((it) => matchesItemFilter(it, filter));
}

export function getEditionItem(db: Db, fiscalYear: number, key: string): Item {
  const e = editionRow(db, fiscalYear);
  const it = editionItems(db, fiscalYear).find((x) => x.key === key);
  if (!it) throw new AppError('not_found', `${editionLabel(fiscalYear)}に項目 ${key} はありません。`);
  return asItem(it, e.loaded_at);
}
