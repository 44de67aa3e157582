// Bench of a trustworthy backup at 100×: backupDatabase (VACUUM INTO a temporary name, fsync,
// verification on a read-only connection, rename, fsync of the folder) against a bare VACUUM INTO
// of the same database in the same run. Alternated, median of several runs each, since the machine
// is shared and noisy.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { backupDatabase, backupDir } from '../../src/main/store/backups';
import { openDatabase } from '../../src/main/store/database';

type Row = [string, string, string, string];

const RUNS = 5;

export async function benchBackups(dbFile: string, work: string): Promise<Row[]> {
  const db = openDatabase(dbFile);
  try {
    const bare: number[] = [];
    const full: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const target = path.join(work, `bare-vacuum-${i}.db`);
      let t = performance.now();
      db.prepare('VACUUM INTO ?').run(target);
      bare.push(performance.now() - t);
      fs.rmSync(target);
      t = performance.now();
      const b = await backupDatabase(db, 'manual');
      full.push(performance.now() - t);
      fs.rmSync(b.path);
    }
    fs.rmSync(backupDir(db), { recursive: true, force: true });
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
    const ms = (n: number) => `${n.toFixed(1)} ms`;
    const bytes = fs.statSync(dbFile).size;
    return [
      [
        `bare VACUUM INTO, 100× (${(bytes / 2 ** 20).toFixed(1)} MB)`,
        ms(median(bare)),
        '',
        `baseline; median of ${RUNS}, min ${ms(Math.min(...bare))}`,
      ],
      [
        'backup + verify + atomic rename, 100×',
        `${ms(median(full))} (${(median(full) / median(bare)).toFixed(2)}×)`,
        '≤ 1.5× bare',
        `median of ${RUNS}, min ${ms(Math.min(...full))}`,
      ],
    ];
  } finally {
    db.close();
  }
}
