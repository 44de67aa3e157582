// Crash points, for real: a child process backs up and restores in a loop and is killed with
// SIGKILL at many moments. Afterwards (the next start) the leftovers are gone, every file listed is
// a verified backup, nothing is set aside, and each listed backup restores with its recorded items.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openService } from '../../src/main/api/service';
import { backupDir } from '../../src/main/store/backups';
import { api } from './excel-helpers';
import { count, ROOT, seededService } from './helpers';

const CHILD = path.join(ROOT, 'tests', 'integration', 'backup-crash-child.ts');
const KILLS = 16;

/** Start the loop, wait until it has the database open, let it run `ms`, then kill -9. */
function runAndKill(db: string, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, db], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) setTimeout(() => child.kill('SIGKILL'), ms);
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child ended by itself (${code}): ${err}`))));
  });
}

describe('backups survive kill -9 at any moment', () => {
  it(`after ${KILLS} kills mid-backup and mid-restore, only verified backups are listed and each restores`, async () => {
    const svc = seededService();
    const file = svc.db.name;
    const items = count(svc, 'SELECT COUNT(*) AS n FROM items');
    const dir = backupDir(svc.db);
    svc.close();

    let killedMidWork = 0;
    const seen = new Set<string>();
    for (let i = 0; i < KILLS; i++) {
      // Spread over the loop: the first backup, the first restore, and later rounds.
      await runAndKill(file, 5 + ((i * 97) % 700));
      const work = fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.startsWith('.') && !seen.has(n)) : [];
      if (work.length) killedMidWork += 1;
      for (const n of work) seen.add(n);
    }
    // The kills must have hit work in progress, or this test proves nothing.
    expect(killedMidWork).toBeGreaterThan(0);

    const reopened = openService(file, { seed: false });
    try {
      expect(fs.readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
      expect(count(reopened, 'SELECT COUNT(*) AS n FROM items')).toBe(items);
      const listing = await api(reopened, 'backups.list', {});
      expect(listing.setAside).toEqual([]);
      expect(listing.backups.length).toBeGreaterThan(0);
      // Automatic ones oldest first, then the manual ones: each restore takes a safety backup, and the
      // cap on automatic backups then removes the oldest automatic one — always one already visited.
      const oldestFirst = [...listing.backups].reverse();
      for (const b of [...oldestFirst.filter((x) => x.automatic), ...oldestFirst.filter((x) => !x.automatic)]) {
        const check = new Database(b.path, { readonly: true, fileMustExist: true });
        expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
        check.close();
        await api(reopened, 'backups.restore', { name: b.name });
        expect(count(reopened, 'SELECT COUNT(*) AS n FROM items')).toBe(b.items);
        expect(b.items).toBe(items);
      }
    } finally {
      reopened.close();
    }
    console.log(`backup crash test: ${KILLS} kills, ${killedMidWork} left work files behind`);
  }, 180_000);
});
