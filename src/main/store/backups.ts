// Backups of the database file, in a backups/ folder beside it. One is taken automatically before
// every import is applied and before every restore, and one can be taken by hand. A backup is
// written under a temporary name, verified, and only then renamed into place, so a crash never
// leaves a file that looks like a backup but is not one. A restore puts a verified backup's
// contents back inside one transaction, so the open connection (and the app) keeps working and a
// failure changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { BackupInfo, BackupListing, SetAsideBackup } from '../../shared/imports';
import { verifyBackupFile, type Verdict } from './backup-verify';
import { openDatabase, type Db } from './database';
import { fillSearchGrams } from './search-grams';

const NAME = /^council-desk-(\d{8}T\d{6}(?:\d{3})?Z)-([\w-]+)\.db$/;
/** Automatic backups kept; older ones are removed after each new backup. Manual ones are all kept. */
export const KEEP_AUTOMATIC = 20;
/** Reasons the app gives when it backs up on its own. */
const AUTOMATIC = /^(?:before-import-\d+|before-restore)$/;
/** A backup or restore in progress (or killed): `.backup-<pid>-<uuid>.tmp`, `.restore-[<pid>-]<uuid>.db`, with SQLite's side files. */
const WORK_FILE = /^\.(?:backup|restore)-(?:(\d+)-)?[0-9a-f]{8}-[0-9a-f-]{27}\.(?:tmp|db)(?:-wal|-shm|-journal)?$/;

function dbFile(db: Db): string {
  if (db.memory || db.name === ':memory:') throw new AppError('bad_request', 'メモリ上のデータベースはバックアップできません。');
  return path.resolve(db.name);
}

export function backupDir(db: Db): string {
  return path.join(path.dirname(dbFile(db)), 'backups');
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace('.', '');
}

// Verification reads the whole file; a file is checked once per process as long as it is unchanged.
const verified = new Map<string, { key: string; verdict: Verdict }>();

function verifyCached(file: string, stat: fs.Stats): Verdict {
  const key = `${stat.size}:${stat.mtimeMs}`;
  const hit = verified.get(file);
  if (hit?.key === key) return hit.verdict;
  const verdict = verifyBackupFile(file);
  verified.set(file, { key, verdict });
  return verdict;
}

function info(dir: string, name: string, bytes: number, v: { items: number; schemaVersion: number }): BackupInfo {
  const m = NAME.exec(name)!;
  const t = m[1]!;
  const createdAt = `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}T${t.slice(9, 11)}:${t.slice(11, 13)}:${t.slice(13, 15)}.${t.slice(15, 18) || '000'}Z`;
  const reason = m[2]!;
  return {
    name,
    path: path.join(dir, name),
    bytes,
    createdAt,
    reason,
    automatic: AUTOMATIC.test(reason),
    items: v.items,
    schemaVersion: v.schemaVersion,
  };
}

/** Make the rename itself durable. Directories cannot be opened for fsync on Windows; there NTFS journals the rename. */
function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function removeWorkFile(file: string): void {
  for (const f of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
}

/**
 * Copy the live database (a consistent snapshot even mid-WAL) into backups/: written to a temporary
 * name, synced, verified, then renamed into place. `reason` ends up in the name. Older automatic
 * backups beyond KEEP_AUTOMATIC are removed afterwards.
 */
export async function backupDatabase(db: Db, reason: string): Promise<BackupInfo> {
  const dir = backupDir(db);
  const tag = reason.replace(/[^\w-]/g, '_').slice(0, 40);
  const temp = path.join(dir, `.backup-${process.pid}-${randomUUID()}.tmp`);
  let made: BackupInfo;
  try {
    fs.mkdirSync(dir, { recursive: true });
    db.prepare('VACUUM INTO ?').run(temp);
    fsyncFile(temp);
    const verdict = verifyBackupFile(temp);
    if (!verdict.ok) throw new Error(`書き出したファイルを検証できません: ${verdict.problem}`);
    let at = Date.now();
    while (fs.existsSync(path.join(dir, `council-desk-${stamp(new Date(at))}-${tag}.db`))) at += 1;
    const name = `council-desk-${stamp(new Date(at))}-${tag}.db`;
    const final = path.join(dir, name);
    fs.renameSync(temp, final);
    fsyncDir(dir);
    const stat = fs.statSync(final);
    verified.set(final, { key: `${stat.size}:${stat.mtimeMs}`, verdict });
    made = info(dir, name, stat.size, verdict);
  } catch (err) {
    removeWorkFile(temp);
    throw new AppError(
      'internal',
      `バックアップを作成できません: ${dir} (${(err as Error).message})。ディスクの空き容量と書き込み権限を確かめてください。`,
    );
  }
  pruneAutomatic(db);
  return made;
}

export function listBackups(db: Db): BackupListing {
  const dir = backupDir(db);
  const listing: BackupListing = { dir, backups: [], setAside: [], totalBytes: 0, keepAutomatic: KEEP_AUTOMATIC };
  if (!fs.existsSync(dir)) return listing;
  const setAside: SetAsideBackup[] = [];
  for (const name of fs.readdirSync(dir).sort().reverse()) {
    const full = path.join(dir, name);
    const stat = fs.statSync(full, { throwIfNoEntry: false });
    if (!stat?.isFile()) continue;
    listing.totalBytes += stat.size;
    if (name.startsWith('.')) continue; // work files of a backup or restore, cleaned at start-up
    if (!NAME.test(name)) {
      // A backup's own SQLite side files are not worth a line; anything else is.
      if (/-(?:wal|shm|journal)$/.test(name) && NAME.test(name.replace(/-(?:wal|shm|journal)$/, ''))) continue;
      setAside.push({ name, bytes: stat.size, problem: '協議会デスクのバックアップの名前ではありません' });
      continue;
    }
    const verdict = verifyCached(full, stat);
    if (verdict.ok) listing.backups.push(info(dir, name, stat.size, verdict));
    else setAside.push({ name, bytes: stat.size, problem: verdict.problem });
  }
  listing.setAside = setAside;
  return listing;
}

/** Keep the newest KEEP_AUTOMATIC automatic backups (verified ones; set-aside files are left for the user to see). */
function pruneAutomatic(db: Db): void {
  const automatic = listBackups(db).backups.filter((b) => b.automatic);
  for (const b of automatic.slice(KEEP_AUTOMATIC)) {
    fs.rmSync(b.path, { force: true });
    verified.delete(b.path);
  }
}

/** Remove a backup this process just took for an operation that then failed (it holds the current state). */
export function removeBackup(db: Db, name: string): void {
  if (path.basename(name) !== name || !NAME.test(name)) return;
  const file = path.join(backupDir(db), name);
  fs.rmSync(file, { force: true });
  verified.delete(file);
}

/**
 * Run the write transaction of an operation that took `backup` first (apply, publish). When it fails,
 * nothing was written: the backup holds today's state, so it goes, and a retry (after freeing disk
 * space, say) starts clean with no backup listed for a change that did not happen.
 */
export function writeAfterBackup(db: Db, backup: string, write: { immediate(): unknown }): void {
  try {
    write.immediate();
  } catch (err) {
    removeBackup(db, backup);
    throw err;
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * At start-up: remove what a killed backup or restore left in backups/ (temporary copies and their
 * -wal/-shm/-journal). Files of another process that is still running (the app and the CLI may share
 * a database) are left alone. Returns the names removed.
 */
export function cleanBackupLeftovers(db: Db): string[] {
  if (db.memory || db.name === ':memory:') return [];
  const dir = backupDir(db);
  if (!fs.existsSync(dir)) return [];
  const removed: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    const m = WORK_FILE.exec(name);
    if (!m) continue;
    const pid = m[1] ? Number(m[1]) : null;
    if (pid !== null && pid !== process.pid && pidAlive(pid)) continue;
    fs.rmSync(path.join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

/** Tables that hold data: not FTS virtual tables nor their shadow tables (rebuilt afterwards). */
function dataTables(db: Db): string[] {
  const rows = db.prepare("SELECT name, sql FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
    name: string;
    sql: string;
  }[];
  const virtual = rows.filter((r) => /^CREATE VIRTUAL/i.test(r.sql)).map((r) => r.name);
  return rows.filter((r) => !virtual.some((v) => r.name === v || r.name.startsWith(`${v}_`))).map((r) => r.name);
}

/**
 * Replace the database's contents with a backup's. The backup is copied and the copy verified
 * (refusing an empty, cut-short, foreign or newer file with nothing changed), then migrated to the
 * current schema, so an older backup restores too. Only then is a safety backup taken and the
 * contents swapped.
 */
export async function restoreBackup(db: Db, name: string): Promise<{ restored: BackupInfo; safety: BackupInfo }> {
  const dir = backupDir(db);
  if (path.basename(name) !== name || !NAME.test(name)) throw new AppError('bad_request', `バックアップ名が正しくありません: ${name}`);
  const source = path.join(dir, name);
  if (!fs.existsSync(source)) throw new AppError('not_found', `バックアップが見つかりません: ${name}`);
  const staging = path.join(dir, `.restore-${process.pid}-${randomUUID()}.db`);
  try {
    fs.copyFileSync(source, staging);
    const verdict = verifyBackupFile(staging);
    if (!verdict.ok)
      throw new AppError('bad_request', `${name} からは復元できません: ${verdict.problem}。データベースは変更していません。`);
    const restored = info(dir, name, fs.statSync(source).size, verdict);
    openDatabase(staging).close(); // migrates an older backup
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
          const cols = (db.prepare(`SELECT name FROM pragma_table_info(?, 'main')`).all(t) as { name: string }[])
            .map((c) => `"${c.name}"`)
            .join(', ');
          db.exec(`INSERT INTO main."${t}" (${cols}) SELECT ${cols} FROM bak."${t}"`);
        }
        db.exec("INSERT INTO search_fts(search_fts) VALUES ('rebuild')");
        db.exec("INSERT INTO search_reading(search_reading) VALUES ('rebuild')");
        db.exec('DELETE FROM search_grams');
        fillSearchGrams(db);
      }).immediate();
    } finally {
      db.exec('DETACH DATABASE bak');
    }
    return { restored, safety };
  } finally {
    removeWorkFile(staging);
  }
}
