// Is this file a whole, sound Council Desk database that a restore can put back? Checked on a
// read-only connection, so a candidate is never migrated or otherwise written in place. Used when a
// backup is written (before it is renamed into place), when backups are listed, and on the copy a
// restore is about to use.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { COUNCIL_DESK_APPLICATION_ID } from './app-id';
import { SCHEMA_VERSION } from './migrations';

export type Verdict = { ok: true; items: number; schemaVersion: number } | { ok: false; problem: string };

const HEADER = 100;
const MAGIC = 'SQLite format 3\0';

/**
 * The header's own account of the file: a file cut short by a crash is shorter than
 * page size × page count. (The in-header count is trusted only when the header says it is current.)
 */
function headerProblem(file: string, bytes: number): string | null {
  if (bytes === 0) return '空のファイルです';
  if (bytes < HEADER) return `途中までしか書かれていません(${bytes} バイト)`;
  const head = Buffer.alloc(HEADER);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, HEADER, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.toString('latin1', 0, 16) !== MAGIC) return 'SQLite のデータベースではありません';
  const raw = head.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  const pages = head.readUInt32BE(28);
  const current = head.readUInt32BE(24) === head.readUInt32BE(92);
  if (current && pages > 0 && bytes < pages * pageSize) return `途中までしか書かれていません(${bytes} / ${pages * pageSize} バイト)`;
  return null;
}

/** Council Desk's mark, or (older files) no mark but a known schema version and its core tables. */
function identityProblem(db: Database.Database): string | null {
  const appId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  if (appId !== 0 && appId !== COUNCIL_DESK_APPLICATION_ID) return '協議会デスクのデータベースではありません';
  if (version > SCHEMA_VERSION)
    return `新しい版の協議会デスク(スキーマ ${version})のデータベースです。この版(スキーマ ${SCHEMA_VERSION})では戻せません`;
  const tables = new Set(
    (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name),
  );
  if (appId === 0 && (version < 1 || !tables.has('items') || !tables.has('documents'))) {
    return tables.size === 0 ? 'データの入っていないファイルです' : '協議会デスクのデータベースではありません';
  }
  return null;
}

/**
 * PRAGMA integrity_check on every ordinary table: each b-tree that holds data, its indexes, and the
 * shadow tables of the search indexes. The FTS5 tables' own consistency check (which re-tokenises
 * every row and costs several times the copy) is left out: a restore rebuilds both search indexes
 * from the data anyway.
 */
function integrityProblem(db: Database.Database): string | null {
  const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all() as { name: string; sql: string | null }[];
  for (const t of tables) {
    if (/^CREATE VIRTUAL/i.test(t.sql ?? '')) continue;
    const result = db.pragma(`integrity_check("${t.name.replace(/"/g, '""')}")`, { simple: true }) as string;
    if (result !== 'ok') return `壊れています(${t.name}: ${result})`;
  }
  return null;
}

/** Opening a WAL-mode file read-only creates -wal and -shm beside it: remove the ones this check made. */
function withReadOnly<T>(file: string, fn: (db: Database.Database) => T): T {
  const sidecars = [`${file}-wal`, `${file}-shm`].filter((f) => !fs.existsSync(f));
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
    for (const f of sidecars) fs.rmSync(f, { force: true });
  }
}

export function verifyBackupFile(file: string): Verdict {
  let bytes: number;
  try {
    bytes = fs.statSync(file).size;
  } catch {
    return { ok: false, problem: 'ファイルが見つかりません' };
  }
  try {
    const header = headerProblem(file, bytes);
    if (header) return { ok: false, problem: header };
    return withReadOnly(file, (db): Verdict => {
      const problem = identityProblem(db) ?? integrityProblem(db);
      if (problem) return { ok: false, problem };
      const items = (db.prepare('SELECT COUNT(*) AS n FROM items').get() as { n: number }).n;
      return { ok: true, items, schemaVersion: db.pragma('user_version', { simple: true }) as number };
    });
  } catch (err) {
    return { ok: false, problem: `開けません(${(err as Error).message})` };
  }
}
