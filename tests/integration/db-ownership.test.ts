// Only our own database files: a SQLite file some other program made is refused, byte for byte
// unchanged and with no -wal/-shm left beside it; an empty or new path is created, seeded and marked
// with our application_id; an older, unmarked Council Desk database is opened and marked.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openService } from '../../src/main/api/service';
import { COUNCIL_DESK_APPLICATION_ID } from '../../src/main/store/app-id';
import { openDatabase } from '../../src/main/store/database';
import { MIGRATIONS } from '../../src/main/store/migrations';
import { ROOT, tempDbPath } from './helpers';

const FOREIGN = /協議会デスクのデータベースではありません.*ファイルは変更していません/;

/** Another program's database: a table of its own, in its own journal mode, maybe its own mark. */
function foreignDb(options: { wal?: boolean; appId?: number; userVersion?: number; tables?: boolean } = {}): string {
  const file = tempDbPath();
  const db = new Database(file);
  if (options.wal) db.pragma('journal_mode = WAL');
  if (options.appId) db.pragma(`application_id = ${options.appId}`);
  if (options.userVersion) db.pragma(`user_version = ${options.userVersion}`);
  if (options.tables !== false) {
    db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('買い物リスト')");
  }
  db.close();
  return file;
}

function sideFiles(file: string): string[] {
  return fs.readdirSync(path.dirname(file)).filter((n) => n !== path.basename(file) && n.startsWith(path.basename(file)));
}

function appId(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('application_id', { simple: true }) as number;
  } finally {
    db.close();
  }
}

function expectRefusedUnchanged(file: string): void {
  const bytes = fs.readFileSync(file);
  let error: unknown;
  try {
    openService(file).close();
  } catch (err) {
    error = err;
  }
  expect(error).toMatchObject({ code: 'db_foreign', message: expect.stringMatching(FOREIGN) });
  expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  expect(sideFiles(file)).toEqual([]);
}

describe('opening a SQLite file that is not a Council Desk database', () => {
  it('refuses another program’s file (user_version 0, its own table) unchanged', () => {
    expectRefusedUnchanged(foreignDb());
  });

  it('refuses one in WAL mode and leaves no -wal or -shm behind', () => {
    expectRefusedUnchanged(foreignDb({ wal: true }));
  });

  it('refuses a file marked with another application_id, even with no tables', () => {
    expectRefusedUnchanged(foreignDb({ appId: 0x12345678, tables: false }));
  });

  it('refuses an unmarked file whose user_version looks like ours but whose tables are not', () => {
    expectRefusedUnchanged(foreignDb({ userVersion: 3 }));
  });

  it('refuses it through the CLI with COUNCIL_DESK_DB too: exit 1, one Japanese line, file unchanged', () => {
    const file = foreignDb();
    const bytes = fs.readFileSync(file);
    const res = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'council-desk.mjs'), 'items', '--json'], {
      cwd: ROOT,
      env: { ...process.env, COUNCIL_DESK_DB: file },
      encoding: 'utf8',
    });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(FOREIGN);
    expect(res.stdout).toBe('');
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(sideFiles(file)).toEqual([]);
  });
});

describe('opening our own database files', () => {
  it('creates, seeds and marks a new path', () => {
    const file = tempDbPath();
    const svc = openService(file);
    expect((svc.db.prepare('SELECT COUNT(*) AS n FROM items').get() as { n: number }).n).toBeGreaterThan(0);
    svc.close();
    expect(appId(file)).toBe(COUNCIL_DESK_APPLICATION_ID);
  });

  it('creates, seeds and marks an empty (0-byte) file', () => {
    const file = tempDbPath();
    fs.writeFileSync(file, '');
    const svc = openService(file);
    expect((svc.db.prepare('SELECT COUNT(*) AS n FROM items').get() as { n: number }).n).toBeGreaterThan(0);
    svc.close();
    expect(appId(file)).toBe(COUNCIL_DESK_APPLICATION_ID);
  });

  it('opens an older, unmarked Council Desk database, upgrades it and marks it, keeping its data', () => {
    for (const from of [MIGRATIONS.length - 1, MIGRATIONS.length]) {
      const file = tempDbPath();
      const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, from) });
      old.pragma('application_id = 0'); // as every version before the mark left it
      old.prepare("INSERT INTO preferences (name, value) VALUES ('author', '事務局 山田')").run();
      old.close();
      expect(appId(file)).toBe(0);
      const db = openDatabase(file);
      expect(db.prepare("SELECT value FROM preferences WHERE name = 'author'").get()).toEqual({ value: '事務局 山田' });
      db.close();
      expect(appId(file)).toBe(COUNCIL_DESK_APPLICATION_ID);
    }
  });
});
