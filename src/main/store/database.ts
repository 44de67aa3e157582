// Opening the SQLite file: which files are ours, read-only access, pragmas, migrations, and refusal
// of a database from a newer version.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { COUNCIL_DESK_APPLICATION_ID } from './app-id';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations';

export type Db = Database.Database;

/**
 * How long a write waits for another program (a CLI `apply`, a second window) to release the write
 * lock before it gives up with the `busy` error. Write transactions take the lock up front
 * (`.immediate()`): a deferred one that read first cannot wait and fails at once.
 */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * One compiled statement per SQL text and database, reused. Statements run once per row in a loop
 * (indexing every text of an applied edition, merging annotations) cost a compile each when prepared
 * afresh (seconds over a large plan), and their native memory is freed only when V8 collects the JS
 * wrappers, which it does not hurry to do: merging 60,000 annotations held 2 GB of them.
 */
const statements = new WeakMap<Db, Map<string, Database.Statement>>();

export function cachedStatement(db: Db, sql: string): Database.Statement {
  let byText = statements.get(db);
  if (!byText) statements.set(db, (byText = new Map()));
  let stmt = byText.get(sql);
  if (!stmt) byText.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}

export interface OpenOptions {
  /** Open an existing file only; used by read-only tools that must not create a stray database. */
  mustExist?: boolean;
  /** For tests of upgrades: stop migrating at this version. */
  migrations?: readonly Migration[];
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const migrations = options.migrations ?? MIGRATIONS;
  if (file === ':memory:') return prepare(new Database(file, { timeout: BUSY_TIMEOUT_MS }), migrations);
  const dir = path.dirname(path.resolve(file));
  if (options.mustExist && !fs.existsSync(file)) {
    throw new AppError('db_missing', `データベースが見つかりません: ${file}`);
  }
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new AppError('db_open', `データベースのフォルダーを作成できません: ${dir} (${(err as Error).message})`);
  }
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
    throw new AppError('db_open', `データベースのパスがフォルダーです: ${file}`);
  }
  const fresh = !fs.existsSync(file) || fs.statSync(file).size === 0;
  const readOnly = !fresh && !writable(file);
  let db: Db;
  try {
    db = connect(file, readOnly);
  } catch (err) {
    throw new AppError('db_open', `データベースを開けません: ${file} (${(err as Error).message})`);
  }
  try {
    // Checked before anything is written; closing then removes any -wal/-shm this open made, so a
    // refused file is left exactly as it was (tests/integration/db-ownership.test.ts).
    if (!fresh) refuseForeign(db, file, migrations);
    return prepare(db, migrations);
  } catch (err) {
    db.close();
    throw err;
  }
}

/** Whether this process may write the file and create the WAL side files beside it. */
function writable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    fs.accessSync(path.dirname(path.resolve(file)), fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function connect(file: string, readOnly: boolean): Db {
  if (!readOnly) {
    const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
    // Reading the header fails here, not at open, for a file that is not SQLite.
    db.pragma('user_version', { simple: true });
    return db;
  }
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    db.pragma('user_version', { simple: true });
    return db;
  } catch (err) {
    // A WAL database in a folder we cannot write: SQLite cannot create the -shm file it needs even
    // to read. The file is complete without a -wal (the last writer checkpointed it), so read a copy
    // in memory, marked as a rollback-journal database (header bytes 18 and 19).
    // (SQLite says SQLITE_READONLY_DIRECTORY, or SQLITE_CANTOPEN when root meets an immutable folder.)
    const code = (err as { code?: string }).code ?? '';
    if (!['SQLITE_CANTOPEN', 'SQLITE_READONLY_DIRECTORY'].includes(code) || fs.existsSync(`${file}-wal`)) throw err;
    const image = fs.readFileSync(file);
    image[18] = 1;
    image[19] = 1;
    const db = new Database(image, { readonly: true });
    db.pragma('user_version', { simple: true });
    return db;
  }
}

function prepare(db: Db, migrations: readonly Migration[]): Db {
  if (db.readonly) {
    refuseStale(db, migrations);
  } else {
    // WAL before the migrations: each migration commits on its own, and in the default rollback
    // journal every commit syncs a journal file it then deletes (a new database's ten cost more than
    // the whole ingest of the plan). Not for a database of a newer version: migrate() refuses it,
    // and the file must be left as it was.
    if (schemaVersion(db) <= (migrations.at(-1)?.version ?? 0)) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    migrate(db, migrations);
    // Marks a new database, and an older Council Desk one the first time this version opens it.
    if (db.pragma('application_id', { simple: true }) !== COUNCIL_DESK_APPLICATION_ID) {
      db.pragma(`application_id = ${COUNCIL_DESK_APPLICATION_ID}`);
    }
  }
  db.pragma('foreign_keys = ON');
  return db;
}

function tableNames(db: Db): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);
}

/** The tables a Council Desk database has at each schema version, built once in memory. */
const tablesAtVersion = new Map<string, string>();
function expectedTables(migrations: readonly Migration[], version: number): string {
  const cacheKey = `${migrations.length}:${version}`;
  let names = tablesAtVersion.get(cacheKey);
  if (names === undefined) {
    const mem = new Database(':memory:');
    try {
      migrate(
        mem,
        migrations.filter((m) => m.version <= version),
      );
      names = tableNames(mem).join(',');
    } finally {
      mem.close();
    }
    tablesAtVersion.set(cacheKey, names);
  }
  return names;
}

/**
 * Refuse, before anything is written, a file some other program made: its application_id is not
 * ours, or it is unmarked (every Council Desk database before the mark) but its tables are not
 * exactly those of a Council Desk database at its user_version.
 */
function refuseForeign(db: Db, file: string, migrations: readonly Migration[]): void {
  const appId = db.pragma('application_id', { simple: true }) as number;
  if (appId === COUNCIL_DESK_APPLICATION_ID) return;
  const version = schemaVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  // An unmarked file from the future is answered as before: a newer version of this app.
  if (appId === 0 && version > latest) return;
  if (appId === 0 && tableNames(db).join(',') === expectedTables(migrations, version)) return;
  throw new AppError(
    'db_foreign',
    `このファイルは協議会デスクのデータベースではありません(別のアプリのデータベースです): ${file}。ファイルは変更していません。協議会デスクのデータベースを指定するか、新しいファイル名を指定してください。`,
  );
}

/** A read-only database cannot be upgraded: refuse one that needs it, as well as a newer one. */
function refuseStale(db: Db, migrations: readonly Migration[]): void {
  const current = schemaVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) throw newerError(current, latest);
  if (current < latest) {
    throw new AppError(
      'read_only',
      `このデータベースは古い版の協議会デスクで作成されており、更新が必要ですが、読み取り専用のため更新できません。書き込みできる場所にコピーしてから開いてください。データベースは変更していません。`,
    );
  }
}

function newerError(current: number, latest: number): AppError {
  return new AppError(
    'db_newer',
    `このデータベースは新しい版の協議会デスク(スキーマ ${current})で作成されています。この版(スキーマ ${latest})では開けません。アプリを更新してください。データベースは変更していません。`,
  );
}

/** Apply every migration above the file's user_version, each in its own transaction. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): void {
  const current = schemaVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) throw newerError(current, latest);
  if (!migrations.some((m) => m.version > current)) return;
  // A migration may rebuild a table others refer to (SQLite's create-copy-drop-rename procedure):
  // foreign keys are off while it runs (the pragma cannot change inside a transaction) and checked
  // as a whole before its transaction commits.
  const keys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    for (const m of migrations) {
      if (m.version <= current) continue;
      db.transaction(() => {
        // Another program may have migrated while this one waited for the write lock.
        if (schemaVersion(db) >= m.version) return;
        db.exec(m.sql);
        m.run?.(db);
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length) throw new Error(`migration ${m.version} left ${broken.length} broken references`);
        db.pragma(`user_version = ${m.version}`);
      }).immediate();
    }
  } finally {
    db.pragma(`foreign_keys = ${keys ? 'ON' : 'OFF'}`);
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export { SCHEMA_VERSION };
