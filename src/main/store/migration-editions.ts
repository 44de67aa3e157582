// Migration: editions. The fiscal year becomes data (an `editions` table, the loaded plan being the
// 令和7 edition), and the field that holds "this year's actions" is renamed from `r7` to `actions`
// in every table that names fields. SQLite cannot change a CHECK constraint in place, so the tables
// whose CHECK lists the field names are rebuilt from their own stored SQL (the documented
// create-copy-drop-rename procedure), with their indexes recreated.
import type Database from 'better-sqlite3';
import { detectFiscalYear } from '../../shared/editions/fiscal-year';

type Db = Database.Database;

/** Tables with a `field` column whose values (and CHECK constraint) name the actions field. */
const FIELD_TABLES = ['bullets', 'revisions', 'export_values', 'import_changes', 'annotations'] as const;

export const EDITIONS_SQL = `
  -- One fiscal year's follow-up table (令和N年度の実施と今後の方向性等). fiscal_year is N of 令和N.
  CREATE TABLE editions (
    fiscal_year    INTEGER PRIMARY KEY CHECK (fiscal_year >= 1),
    title          TEXT NOT NULL,
    source_name    TEXT,
    source_sha256  TEXT,
    loaded_at      TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('draft', 'current', 'archived'))
  );
  CREATE UNIQUE INDEX editions_one_current ON editions(status) WHERE status = 'current';
`;

function rebuildRenamingField(db: Db, table: string): void {
  const row = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) as { sql: string } | undefined;
  if (!row) return;
  const indexes = (
    db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL").all(table) as { sql: string }[]
  ).map((r) => r.sql);
  const temp = `${table}__editions`;
  const createSql = row.sql.replace(new RegExp(`^CREATE TABLE\\s+"?${table}"?`), `CREATE TABLE "${temp}"`).replace(/'r7'/g, "'actions'");
  const cols = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => `"${c.name}"`);
  const select = cols.map((c) => (c === '"field"' ? `CASE field WHEN 'r7' THEN 'actions' ELSE field END` : c)).join(', ');
  db.exec(createSql);
  db.exec(`INSERT INTO "${temp}" (${cols.join(', ')}) SELECT ${select} FROM "${table}"`);
  db.exec(`DROP TABLE "${table}"`);
  db.exec(`ALTER TABLE "${temp}" RENAME TO "${table}"`);
  for (const sql of indexes) db.exec(sql);
}

/** `"r7"` keys inside stored JSON values become `"actions"`. */
function renameJsonKey(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(renameJsonKey);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k === 'r7' ? 'actions' : k, renameJsonKey(v)]));
  }
  return value;
}

function rewriteJsonColumn(db: Db, table: string, column: string, idColumn: string, fieldValues = false): void {
  const rows = db.prepare(`SELECT ${idColumn} AS id, ${column} AS value FROM ${table} WHERE ${column} LIKE '%r7%'`).all() as {
    id: unknown;
    value: string;
  }[];
  const update = db.prepare(`UPDATE ${table} SET ${column} = ? WHERE ${idColumn} = ?`);
  for (const r of rows) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(r.value);
    } catch {
      continue; // not JSON (e.g. plain text): nothing to rename
    }
    let next = renameJsonKey(parsed);
    if (fieldValues && next && typeof next === 'object' && (next as { field?: unknown }).field === 'r7')
      next = { ...next, field: 'actions' };
    update.run(JSON.stringify(next), r.id);
  }
}

export function migrateToEditions(db: Db): void {
  for (const table of FIELD_TABLES) rebuildRenamingField(db, table);
  db.prepare("UPDATE search_docs SET field = 'actions' WHERE field = 'r7'").run();
  // Stored JSON that names the field: seed values of items, batch reports (proposed items), and
  // replaced annotation versions.
  rewriteJsonColumn(db, 'items', 'seed_json', 'key');
  rewriteJsonColumn(db, 'import_batches', 'report', 'id');
  rewriteJsonColumn(db, 'annotation_history', 'value', 'id', true);
  const plan = db.prepare("SELECT name, title, sha256, ingested_at FROM documents WHERE kind = 'plan' ORDER BY id LIMIT 1").get() as
    { name: string; title: string; sha256: string; ingested_at: string } | undefined;
  if (plan) {
    // The table loaded so far is the 令和7 edition unless its title says otherwise.
    const fy = detectFiscalYear(plan.title).fiscalYear ?? 7;
    db.prepare(
      "INSERT INTO editions (fiscal_year, title, source_name, source_sha256, loaded_at, status) VALUES (?, ?, ?, ?, ?, 'current')",
    ).run(fy, plan.title, plan.name, plan.sha256, plan.ingested_at);
  }
}

/**
 * Migration 7: the items of editions other than the current one (archived editions, kept as they
 * were published, and read-only), staged edition imports, and the mark on an item that a later
 * edition dropped (its key is kept forever, never reused).
 */
export const EDITION_ITEMS_SQL = `
  CREATE TABLE edition_sections (
    fiscal_year  INTEGER NOT NULL REFERENCES editions(fiscal_year),
    id           TEXT NOT NULL,
    level        TEXT NOT NULL CHECK (level IN ('major', 'middle', 'area')),
    major        INTEGER NOT NULL,
    middle       INTEGER,
    area         INTEGER,
    title        TEXT NOT NULL,
    intro_json   TEXT NOT NULL DEFAULT '[]',
    position     INTEGER NOT NULL,
    PRIMARY KEY (fiscal_year, id)
  ) WITHOUT ROWID;

  CREATE TABLE edition_items (
    fiscal_year    INTEGER NOT NULL REFERENCES editions(fiscal_year),
    key            TEXT NOT NULL REFERENCES issued_keys(key),
    section_id     TEXT NOT NULL,
    major          INTEGER NOT NULL,
    middle         INTEGER NOT NULL,
    area           INTEGER,
    label          TEXT NOT NULL DEFAULT '',
    position       INTEGER NOT NULL,
    title          TEXT NOT NULL,
    ministries     TEXT NOT NULL DEFAULT '[]',
    lead           TEXT NOT NULL DEFAULT '[]',
    relisted_from  TEXT,
    actions        TEXT NOT NULL DEFAULT '[]',   -- JSON bullets ({ text, level })
    future         TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (fiscal_year, key)
  ) WITHOUT ROWID;

  -- A follow-up table loaded as an edition (the next year's, or a changed source of the current one),
  -- matched against the current edition by content. Nothing in the plan changes until it is applied.
  CREATE TABLE edition_batches (
    id           INTEGER PRIMARY KEY,
    source_name  TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    fiscal_year  INTEGER NOT NULL,
    base_year    INTEGER,
    kind         TEXT NOT NULL CHECK (kind IN ('new', 'revision')),
    status       TEXT NOT NULL CHECK (status IN ('staged', 'applied', 'discarded')),
    base_token   TEXT NOT NULL,          -- digest of the current edition's items when staged
    proposal     TEXT NOT NULL,          -- JSON: the parsed table and the match
    pairs        TEXT NOT NULL DEFAULT '{}',  -- a person's decisions on ambiguous items
    backup       TEXT,
    created_at   TEXT NOT NULL,
    applied_at   TEXT
  );
  CREATE UNIQUE INDEX edition_batches_sha ON edition_batches(sha256) WHERE status = 'staged';

  -- The fiscal year of the edition that dropped the item; NULL while it is in the current edition.
  ALTER TABLE items ADD COLUMN retired_in INTEGER;
`;
