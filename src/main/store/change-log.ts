// The change log (変更一覧) over the revisions table: every revision of every item, newest first,
// filtered and paged in SQL so 10,000 revisions cost one indexed scan, not a read of them all.
// The 「前回会議」 date lives in the preferences table so the screen and the CLI share it.
import { sourceKindOf, type ChangeFilter, type ChangePage, type ChangeRow } from '../../shared/change-log';
import type { ItemField } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { parseFieldValue } from '../../shared/item-fields';
import { bulletsToCell } from '../../shared/merge/cell-text';
import type { Db } from './database';

const LAST_MEETING = 'last_meeting';

export function getLastMeeting(db: Db): string | null {
  const row = db.prepare('SELECT value FROM preferences WHERE name = ?').get(LAST_MEETING) as { value: string } | undefined;
  return row?.value ?? null;
}

/** Set (or, with null, forget) the 「前回会議」 date, YYYY-MM-DD. */
export function setLastMeeting(db: Db, date: string | null): string | null {
  if (date === null) db.prepare('DELETE FROM preferences WHERE name = ?').run(LAST_MEETING);
  else
    db.prepare('INSERT INTO preferences (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value').run(
      LAST_MEETING,
      date,
    );
  return getLastMeeting(db);
}

/**
 * The start of a calendar day in this computer's time zone, as the ISO instant revisions are stored
 * with: the meeting was on a day in Japan, not in UTC.
 */
function dayStart(date: string, plusDays = 0): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays).toISOString();
}

interface Where {
  sql: string;
  params: (string | number)[];
  lastMeeting: string | null;
}

function whereOf(db: Db, f: ChangeFilter): Where {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  let lastMeeting: string | null = null;
  if (f.sinceMeeting) {
    lastMeeting = getLastMeeting(db);
    if (lastMeeting === null)
      throw new AppError('bad_request', '前回会議の日付が設定されていません。変更一覧の画面か CLI で設定してください。');
  }
  // 「前回会議以降」 and a from date together: the later of the two.
  const from = [f.from, lastMeeting]
    .filter((d): d is string => d !== undefined && d !== null)
    .sort()
    .at(-1);
  if (from !== undefined) {
    clauses.push('r.created_at >= ?');
    params.push(dayStart(from));
  }
  if (f.to !== undefined) {
    clauses.push('r.created_at < ?');
    params.push(dayStart(f.to, 1));
  }
  if (f.key !== undefined) {
    clauses.push('r.item_key = ?');
    params.push(f.key);
  }
  if (f.ministry !== undefined) {
    clauses.push('EXISTS (SELECT 1 FROM json_each(i.ministries) WHERE json_each.value = ?)');
    params.push(f.ministry);
  }
  if (f.field !== undefined) {
    clauses.push('r.field = ?');
    params.push(f.field);
  }
  if (f.source === 'edit') {
    clauses.push("r.source = 'edit'");
  } else if (f.source !== undefined) {
    clauses.push('substr(r.source, 1, ?) = ?');
    params.push(f.source.length + 1, `${f.source}:`);
  }
  if (f.author !== undefined) {
    clauses.push('r.author = ?');
    params.push(f.author);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params, lastMeeting };
}

interface ChangeRowDb {
  id: number;
  item_key: string;
  field: ItemField;
  old_value: string;
  new_value: string;
  source: string;
  author: string;
  created_at: string;
  label: string;
  title: string;
}

/** A stored value as the cell of a workbook shows it: a title as is, bullets as 「・」 lines. */
function cellText(field: ItemField, stored: string): string {
  const value = parseFieldValue(field, stored);
  return typeof value === 'string' ? value : bulletsToCell(value);
}

function toChangeRow(r: ChangeRowDb): ChangeRow {
  return {
    id: r.id,
    itemKey: r.item_key,
    label: r.label,
    title: r.title,
    field: r.field,
    oldText: cellText(r.field, r.old_value),
    newText: cellText(r.field, r.new_value),
    source: r.source,
    sourceKind: sourceKindOf(r.source),
    author: r.author,
    createdAt: r.created_at,
  };
}

const FROM = 'FROM revisions r JOIN items i ON i.key = r.item_key';

/** One page of the changes the filter matches, newest first; without a limit, all of them. */
export function listChanges(db: Db, filter: ChangeFilter, page: { limit?: number; offset?: number } = {}): ChangePage {
  const where = whereOf(db, filter);
  const total = (db.prepare(`SELECT COUNT(*) AS n ${FROM} ${where.sql}`).get(...where.params) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT r.id, r.item_key, r.field, r.old_value, r.new_value, r.source, r.author, r.created_at, i.label, i.title ${FROM} ${where.sql}
       ORDER BY r.id DESC LIMIT ? OFFSET ?`,
    )
    .all(...where.params, page.limit ?? -1, page.offset ?? 0) as ChangeRowDb[];
  return { rows: rows.map(toChangeRow), total, lastMeeting: where.lastMeeting };
}

/** The authors who made changes, for the filter's choices. */
export function changeAuthors(db: Db): string[] {
  return (db.prepare('SELECT DISTINCT author FROM revisions ORDER BY author').all() as { author: string }[]).map((r) => r.author);
}
