// Backups of the database file, in a backups/ folder beside it. One is taken automatically before
// every import is applied and before every restore; a restore puts a backup's contents back in place
// inside one transaction, so the open connection (and the app) keeps working and a failure changes
// nothing.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { BackupInfo } from '../../shared/imports';
import { openDatabase, type Db } from './database';
import { fillSearchGrams } from './search-grams';

const NAME = /^council-desk-(\d{8}T\d{6}(?:\d{3})?Z)-([\w-]+)\.db$/;

function dbFile(db: Db): string {
  if (db.memory || db.name === ':memory:') throw new AppError('bad_request', 'メモリ上のデータベースはバックアップできません。');
  return path.resolve(db.name);
}

export function backupDir(db: Db): string {
  return path.join(path.dirname(dbFile(db)), 'backups');
}

function stamp(d = new Date()): string {
  return d.toISOString().replace(/[-:]/g, '').replace('.', '');
}

function info(dir: string, name: string): BackupInfo {
  const full = path.join(dir, name);
  const m = NAME.exec(name);
  const t = m?.[1] ?? '';
  const iso = t ? `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}T${t.slice(9, 11)}:${t.slice(11, 13)}:${t.slice(13, 15)}.${t.slice(15, 18) || '000'}Z` : '';
  return { name, path: full, bytes: fs.statSync(full).size, createdAt: iso, reason: m?.[2] ?? '' };
}

/** Copy the live database (consistent even mid-WAL) into backups/. `reason` ends up in the name. */
export async function backupDatabase(db: Db, reason: string): Promise<BackupInfo> {
  const dir = backupDir(db);
  fs.mkdirSync(dir, { recursive: true });
  const name = `council-desk-${stamp()}-${reason.replace(/[^\w-]/g, '_').slice(0, 40)}.db`;
  try {
    await db.backup(path.join(dir, name));
  } catch (err) {
    throw new AppError('internal', `バックアップを作成できません: ${path.join(dir, name)} (${(err as Error).message})`);
  }
  return info(dir, name);
}

export function listBackups(db: Db): BackupInfo[] {
  const dir = backupDir(db);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((n) => NAME.test(n))
    .sort()
    .reverse()
    .map((n) => info(dir, n));
}

/** Tables that hold data: not FTS virtual tables nor their shadow tables (rebuilt afterwards). */
function dataTables(db: Db): string[] {
  const rows = db.prepare("SELECT name, sql FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string; sql: string }[];
  const virtual = rows.filter((r) => /^CREATE VIRTUAL/i.test(r.sql)).map((r) => r.name);
  return rows.filter((r) => !virtual.some((v) => r.name === v || r.name.startsWith(`${v}_`))).map((r) => r.name);
}

/**
 * Replace the database's contents with a backup's. A safety backup is taken first. The backup is
 * copied and migrated to the current schema before anything is touched, so an older backup
 * restores too, and a newer one is refused.
 */
export async function restoreBackup(db: Db, name: string): Promise<{ restored: BackupInfo; safety: BackupInfo }> {
  const dir = backupDir(db);
  if (path.basename(name) !== name || !NAME.test(name)) throw new AppError('bad_request', `バックアップ名が正しくありません: ${name}`);
  const source = path.join(dir, name);
  if (!fs.existsSync(source)) throw new AppError('not_found', `バックアップが見つかりません: ${name}`);
  const restored = info(dir, name);
  const staging = path.join(dir, `.restore-${randomUUID()}.db`);
  fs.copyFileSync(source, staging);
  try {
    openDatabase(staging).close(); // migrates an older backup, refuses a newer one
    const safety = await backupDatabase(db, 'before-restore');
    db.prepare('ATTACH DATABASE ? AS bak').run(staging);
    try {
      db.transaction(() => {
        db.pragma('defer_foreign_keys = ON');
        const tables = dataTables(db);
        // Children first on delete, parents first on insert (deferred keys make order matter less,
        // but ON DELETE CASCADE would otherwise empty tables we copy next).
        for (const t of [...tables].reverse()) db.exec(`DELETE FROM main."${t}"`);
        for (const t of tables) {
          const cols = (db.prepare(`SELECT name FROM pragma_table_info(?, 'main')`).all(t) as { name: string }[]).map((c) => `"${c.name}"`).join(', ');
          db.exec(`INSERT INTO main."${t}" (${cols}) SELECT ${cols} FROM bak."${t}"`);
        }
        db.exec("INSERT INTO search_fts(search_fts) VALUES ('rebuild')");
        db.exec('DELETE FROM search_grams');
        fillSearchGrams(db);
      }).immediate();
    } finally {
      db.exec('DETACH DATABASE bak');
    }
    return { restored, safety };
  } finally {
    for (const f of [staging, `${staging}-wal`, `${staging}-shm`]) fs.rmSync(f, { force: true });
  }
}
