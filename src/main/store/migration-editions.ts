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
  const indexes = (db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL").all(table) as { sql: string }[]).map(
    (r) => r.sql,
  );
  const temp = `${table}__editions`;
  const createSql = row.sql
    .replace(new RegExp(`^CREATE TABLE\\s+"?${table}"?`), `CREATE TABLE "${temp}"`)
    .replace(/'r7'/g, "'actions'");
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
  const rows = db.prepare(`SELECT ${idColumn} AS id, ${column} AS value FROM ${table} WHERE ${column} LIKE '%r7%'`).all() as { id: unknown; value: string }[];
  const update = db.prepare(`UPDATE ${table} SET ${column} = ? WHERE ${idColumn} = ?`);
  for (const r of rows) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(r.value);
    } catch {
      continue; // not JSON (e.g. plain text): nothing to rename
    }
    let next = renameJsonKey(parsed);
    if (fieldValues && next && typeof next === 'object' && (next as { field?: unknown }).field === 'r7') next = { ...next, field: 'actions' };
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
    | { name: string; title: string; sha256: string; ingested_at: string }
    | undefined;
  if (plan) {
    // The table loaded so far is the 令和7 edition unless its title says otherwise.
    const fy = detectFiscalYear(plan.title).fiscalYear ?? 7;
    db.prepare("INSERT INTO editions (fiscal_year, title, source_name, source_sha256, loaded_at, status) VALUES (?, ?, ?, ?, ?, 'current')").run(
      fy,
      plan.title,
      plan.name,
      plan.sha256,
      plan.ingested_at,
    );
  }
}
