// Opening the SQLite file: pragmas, migrations, and refusal of a database from a newer version.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  /** Open an existing file only; used by read-only tools that must not create a stray database. */
  mustExist?: boolean;
  /** For tests of upgrades: stop migrating at this version. */
  migrations?: readonly Migration[];
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:') {
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
  }
  let db: Db;
  try {
    db = new Database(file);
    // Reading the header fails here, not at open, for a file that is not SQLite.
    db.pragma('user_version', { simple: true });
  } catch (err) {
    throw new AppError('db_open', `データベースを開けません: ${file} (${(err as Error).message})`);
  }
  try {
    migrate(db, options.migrations ?? MIGRATIONS);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/** Apply every migration above the file's user_version, each in its own transaction. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new AppError(
      'db_newer',
      `このデータベースは新しい版の協議会デスク(スキーマ ${current})で作成されています。この版(スキーマ ${latest})では開けません。アプリを更新してください。データベースは変更していません。`,
    );
  }
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      m.run?.(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export { SCHEMA_VERSION };
