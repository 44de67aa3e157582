// Backups a user can trust: only verified files are listed, the rest are set aside with a reason;
// restore refuses a file that is empty, cut short, foreign or from a newer version and changes
// nothing; leftovers of killed work are cleaned at start; automatic backups are capped.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openService, type Service } from '../../src/main/api/service';
import { backupDir, KEEP_AUTOMATIC } from '../../src/main/store/backups';
import { SCHEMA_VERSION } from '../../src/main/store/database';
import { COL, api, apiError, answerRow, exportFor, planSnapshot, stageOk } from './excel-helpers';
import { count, seededService } from './helpers';
import { editCells } from './xlsx-tools';

function files(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}

/** A file put into backups/ under a backup's name, as a crash or a user could leave it. */
function plant(svc: Service, name: string, write: (file: string) => void): string {
  const file = path.join(backupDir(svc.db), name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  write(file);
  return name;
}

async function manual(svc: Service) {
  return api(svc, 'backups.create', {});
}

describe('backups: what is listed and what restore refuses', () => {
  it('a 0-byte backup is set aside, and restoring it is refused with the database unchanged', async () => {
    const svc = seededService();
    const name = plant(svc, 'council-desk-20260101T000000000Z-before-import-1.db', (f) => fs.writeFileSync(f, ''));
    const before = planSnapshot(svc);
    const items = count(svc, 'SELECT COUNT(*) AS n FROM items');
    const listing = await api(svc, 'backups.list', {});
    expect(listing.backups).toEqual([]);
    expect(listing.setAside).toEqual([{ name, bytes: 0, problem: '空のファイルです' }]);
    const message = await apiError(svc, 'backups.restore', { name });
    expect(message).toBe(`${name} からは復元できません: 空のファイルです。データベースは変更していません。`);
    expect(planSnapshot(svc)).toBe(before);
    expect(count(svc, 'SELECT COUNT(*) AS n FROM items')).toBe(items);
    expect(files(backupDir(svc.db))).toEqual([name]); // no safety backup, no staging copy left
  });

  it('sets aside a cut-short, a foreign, a newer-schema and a non-SQLite file, each refused by restore', async () => {
    const svc = seededService();
    const good = await manual(svc);
    const bytes = fs.readFileSync(good.path);
    const partial = plant(svc, 'council-desk-20260101T000001000Z-before-import-2.db', (f) =>
      fs.writeFileSync(f, bytes.subarray(0, Math.floor(bytes.length / 2))),
    );
    const foreign = plant(svc, 'council-desk-20260101T000002000Z-before-import-3.db', (f) => {
      const other = new Database(f);
      other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES (1)');
      other.close();
    });
    const newer = plant(svc, 'council-desk-20260101T000003000Z-before-import-4.db', (f) => {
      fs.copyFileSync(good.path, f);
      const db = new Database(f);
      db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
      db.close();
    });
    const text = plant(svc, 'council-desk-20260101T000004000Z-before-import-5.db', (f) => fs.writeFileSync(f, 'x'.repeat(4096)));
    const stray = plant(svc, 'notes.txt', (f) => fs.writeFileSync(f, 'メモ'));
    const before = planSnapshot(svc);
    const dirBefore = files(backupDir(svc.db));

    const listing = await api(svc, 'backups.list', {});
    expect(listing.backups.map((b) => b.name)).toEqual([good.name]);
    expect(listing.backups[0]).toMatchObject({
      reason: 'manual',
      automatic: false,
      items: count(svc, 'SELECT COUNT(*) AS n FROM items'),
      schemaVersion: SCHEMA_VERSION,
    });
    const problems = Object.fromEntries(listing.setAside.map((f) => [f.name, f.problem]));
    expect(problems[partial]).toMatch(/^途中までしか書かれていません/);
    expect(problems[foreign]).toBe('協議会デスクのデータベースではありません');
    expect(problems[newer]).toMatch(/^新しい版の協議会デスク\(スキーマ \d+\)のデータベースです/);
    expect(problems[text]).toBe('SQLite のデータベースではありません');
    expect(problems[stray]).toBe('協議会デスクのバックアップの名前ではありません');
    const sizes = dirBefore.reduce((n, f) => n + fs.statSync(path.join(backupDir(svc.db), f)).size, 0);
    expect(listing.totalBytes).toBe(sizes);

    for (const name of [partial, foreign, newer, text]) {
      expect(await apiError(svc, 'backups.restore', { name })).toMatch(
        new RegExp(`^${name} からは復元できません: .+。データベースは変更していません。$`),
      );
    }
    expect(planSnapshot(svc)).toBe(before);
    expect(files(backupDir(svc.db))).toEqual(dirBefore);
  });

  it('lists and restores an older backup (no application_id, WAL header) without leaving -wal/-shm beside it', async () => {
    const svc = seededService();
    const before = planSnapshot(svc);
    const name = 'council-desk-20260101T000000000Z-before-import-1.db';
    // How earlier versions wrote backups: SQLite's online backup of the live (WAL) database.
    const file = path.join(backupDir(svc.db), name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await svc.db.backup(file);
    const legacy = new Database(file);
    legacy.pragma('application_id = 0'); // written before databases carried the mark
    expect(legacy.pragma('journal_mode', { simple: true })).toBe('wal');
    legacy.close();
    svc.db.prepare("UPDATE items SET title = '復元で戻るはずの題名' WHERE key = '1-1-1'").run();
    const listing = await api(svc, 'backups.list', {});
    expect(listing.backups.map((b) => b.name)).toEqual([name]);
    expect(files(backupDir(svc.db))).toEqual([name]);
    await api(svc, 'backups.restore', { name });
    expect(planSnapshot(svc)).toBe(before);
  });
});

describe('backups: leftovers, retention, failed apply', () => {
  it('removes what a killed backup or restore left at the next start, but not the work of a live process', async () => {
    const svc = seededService();
    const file = svc.db.name;
    const dir = backupDir(svc.db);
    const good = await manual(svc);
    svc.close();
    const live = spawn('sleep', ['30']);
    try {
      const uuid = '0f8fad5b-d9cb-469f-a165-70867728950e';
      const dead = [
        `.restore-${uuid}.db`,
        `.restore-${uuid}.db-wal`,
        `.restore-${uuid}.db-shm`,
        `.backup-999999999-${uuid}.tmp`,
        `.backup-999999999-${uuid}.tmp-journal`,
      ];
      const running = `.backup-${live.pid}-${uuid}.tmp`;
      for (const n of [...dead, running]) fs.writeFileSync(path.join(dir, n), 'x');
      const reopened = openService(file);
      expect(files(dir)).toEqual([running, good.name].sort());
      const listing = await api(reopened, 'backups.list', {});
      expect(listing.backups.map((b) => b.name)).toEqual([good.name]);
      expect(listing.setAside).toEqual([]);
      reopened.close();
    } finally {
      live.kill('SIGKILL');
    }
  });

  it(`keeps the newest ${KEEP_AUTOMATIC} automatic backups and every manual one`, async () => {
    const svc = seededService();
    const dir = backupDir(svc.db);
    const first = await manual(svc);
    // Older automatic backups, as many as the cap plus five: copies of a real one under older names.
    fs.mkdirSync(dir, { recursive: true });
    const old = Array.from(
      { length: KEEP_AUTOMATIC + 5 },
      (_, i) => `council-desk-20250101T0000${String(i).padStart(2, '0')}000Z-before-import-${i + 1}.db`,
    );
    for (const n of old) fs.copyFileSync(first.path, path.join(dir, n));
    const oldManual = 'council-desk-20240101T000000000Z-manual.db';
    fs.copyFileSync(first.path, path.join(dir, oldManual));
    await manual(svc); // any new backup applies the rule
    const listing = await api(svc, 'backups.list', {});
    const automatic = listing.backups.filter((b) => b.automatic).map((b) => b.name);
    expect(automatic).toEqual(old.slice(5).reverse());
    expect(listing.backups.filter((b) => !b.automatic).map((b) => b.name)).toContain(oldManual);
    expect(listing.backups.filter((b) => !b.automatic)).toHaveLength(3);
  });

  it('an apply that fails after its backup removes that backup, and the retry works', async () => {
    const svc = seededService();
    const bytes = editCells(await exportFor(svc, '厚'), { [`${COL.actions}${answerRow(svc, '厚', '1-1-1')}`]: '・再試行で入る答え' });
    const batch = await stageOk(svc, '厚.xlsx', bytes);
    const before = planSnapshot(svc);
    // The write fails inside the transaction (as a full disk would), after the backup was taken.
    svc.db.exec("CREATE TRIGGER fail_apply BEFORE UPDATE ON import_batches BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");
    expect(await apiError(svc, 'imports.apply', { batch: batch.id, author: 'x' })).toMatch(/disk is full/);
    expect(planSnapshot(svc)).toBe(before);
    expect((await api(svc, 'backups.list', {})).backups).toEqual([]);
    expect(fs.readdirSync(backupDir(svc.db))).toEqual([]);
    svc.db.exec('DROP TRIGGER fail_apply');
    const applied = await api(svc, 'imports.apply', { batch: batch.id, author: 'x' });
    expect((await api(svc, 'backups.list', {})).backups.map((b) => b.name)).toEqual([applied.backup]);
  });
});
