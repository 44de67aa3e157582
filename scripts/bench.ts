// `npm run bench`: speed and memory of the store on the real plan and a synthetic plan 100× larger.
// Prints a table; targets are printed beside the figures (ingest ≤ 300 ms, search p95 ≤ 20 ms at 100×,
// staging a returned workbook ≤ 1.0× a warm exceljs load of it and the CLI import ≤ 1.0× a bare exceljs
// process, a verified backup ≤ 1.5× a bare VACUUM INTO).
// `npm run bench -- --skip-import-compare` leaves out the whole-process import comparison (several
// minutes on a busy machine; `npx tsx scripts/compare-import.ts` runs it alone); `--import-rounds N`
// sets its rounds (default 3).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { makeSyntheticPlan } from '../src/main/bench/synthetic';
import { benchBackups } from './bench/backups';
import { ingestDir } from '../src/main/ingest/seed';
import { parsePlan } from '../src/main/ingest/plan-parser';
import { openDatabase } from '../src/main/store/database';
import { search } from '../src/main/store/search';
import { exportMinistry } from '../src/main/excel/export-ministry';
import { exportTable } from '../src/main/excel/export-table';
import { benchImportSpeed } from './bench/import-speed';
import { benchHostile } from './bench/hostile';
import { benchEditions, benchEditionStore } from './bench/editions';
import { benchDashboard } from './bench/dashboard';
import { benchReading } from './bench/reading';
import { benchGraph, bundleRows } from './bench/graph';
import { benchStartup } from './bench/startup';

const { values: options } = parseArgs({
  options: { 'skip-import-compare': { type: 'boolean', default: false }, 'import-rounds': { type: 'string', default: '3' } },
});
const importRounds = options['skip-import-compare'] ? 0 : Number(options['import-rounds']);
if (!Number.isInteger(importRounds) || importRounds < 0)
  throw new Error(`--import-rounds must be a whole number, not ${options['import-rounds']}`);
const root = path.join(import.meta.dirname, '..');
const seeds = path.join(root, 'seeds');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'council-desk-bench-'));
process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));

type Row = [string, string, string, string];
const rows: Row[] = [];
const ms = (n: number) => `${n.toFixed(1)} ms`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/**
 * The rows of one section of the bench, or one row saying it failed: a section that cannot run here
 * (a library refusing a generated file) must not take every other figure down with it.
 */
async function section(name: string, run: () => Row[] | Promise<Row[]>): Promise<Row[]> {
  try {
    return await run();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return [[`${name}: FAILED`, '—', '', message.split('\n')[0]!.slice(0, 200)]];
  }
}

function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

// Ingest: parse + store both seeds into a new database (median of 5 fresh runs).
const planText = fs.readFileSync(
  path.join(
    seeds,
    fs.readdirSync(seeds).find((n) => n.startsWith('000_'))!,
  ),
  'utf8',
);
const parseTimes = Array.from({ length: 20 }, () => time(() => parsePlan(planText))).sort((a, b) => a - b);
rows.push(['parse follow-up table (000)', ms(percentile(parseTimes, 50)), '', 'median of 20']);
const ingestTimes = Array.from({ length: 5 }, (_, i) => {
  const db = openDatabase(path.join(work, `ingest-${i}.db`));
  const t = time(() => ingestDir(db, seeds));
  db.close();
  return t;
}).sort((a, b) => a - b);
rows.push(['ingest both seeds into a new DB', ms(percentile(ingestTimes, 50)), '≤ 300 ms', 'median of 5']);
{
  const db = openDatabase(path.join(work, 'ingest-0.db'));
  const t = time(() => ingestDir(db, seeds));
  rows.push(['re-ingest unchanged seeds', ms(t), '', 'idempotent: no writes']);
  db.close();
}

const QUERIES = [
  'が',
  '癌',
  'がん',
  '課題',
  '連携',
  'AMED',
  'ＡＭＥＤ',
  '認知症',
  '令和 7 年度',
  'ゲノム医療',
  'データ基盤の整備',
  'バイオバンク',
];

function benchSearch(label: string, dbFile: string): void {
  const db = openDatabase(dbFile);
  const items = (db.prepare('SELECT COUNT(*) AS n FROM items').get() as { n: number }).n;
  for (const q of QUERIES) search(db, q); // warm caches and statements
  const all: number[] = [];
  const short: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const q of QUERIES) {
      const t = time(() => search(db, q));
      all.push(t);
      if ([...q.replace(/\s/g, '')].length <= 2) short.push(t);
    }
  }
  all.sort((a, b) => a - b);
  short.sort((a, b) => a - b);
  const target = label.includes('100') ? '≤ 20 ms' : '';
  rows.push([
    `search p50 / p95, ${label} (${items} items)`,
    `${ms(percentile(all, 50))} / ${ms(percentile(all, 95))}`,
    target,
    `${all.length} queries`,
  ]);
  rows.push([
    `  of which 1–2 char queries`,
    `${ms(percentile(short, 50))} / ${ms(percentile(short, 95))}`,
    target,
    `${short.length} queries`,
  ]);
  db.close();
}

benchSearch('real plan', path.join(work, 'ingest-0.db'));
const bigFile = path.join(work, 'big.db');
{
  const db = openDatabase(bigFile);
  ingestDir(db, seeds);
  const t = time(() => makeSyntheticPlan(db, 100));
  rows.push(['build synthetic plan 100×', ms(t), '', 'setup, not a target']);
  db.close();
}
benchSearch('synthetic 100×', bigFile);
rows.push(...(await section('dashboard', () => benchDashboard(bigFile))));
rows.push(...(await section('backups', () => benchBackups(bigFile, work))));
rows.push(...(await section('graph', () => benchGraph(bigFile))), ...bundleRows(root));

// Excel round trip at 100×: export, then import that file (scripts/bench/import-speed.ts). Timings on
// a shared machine are noisy: each figure is the median of several runs (min in the note).
{
  const db = openDatabase(bigFile);
  const sheet = path.join(work, 'mhlw.xlsx');
  let t = performance.now();
  const exported = await exportMinistry(db, { ministry: '厚', file: sheet });
  rows.push([`export ministry workbook, 100× (${exported.items} rows)`, ms(performance.now() - t), '≤ 3000 ms', '厚']);
  t = performance.now();
  await exportTable(db, path.join(work, 'table.xlsx'));
  rows.push(['export consolidated table, 100× (5,600 items)', ms(performance.now() - t), '≤ 3000 ms', '']);
  db.close();
  // Staging against exceljs in this process, and `council-desk import` against exceljs and SheetJS
  // as whole processes on the exported, LibreOffice and openpyxl files (scripts/bench/import-speed.ts).
  rows.push(...(await section('import speed', () => benchImportSpeed(bigFile, work, importRounds))));
  rows.push(['peak RSS incl. worker threads', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`, '', 'maxRSS of the process']);
}
rows.push(['peak RSS of this process', `${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`, '', '']);
// Editions at 100×: the pure matching and follow-up (scripts/bench/editions.ts), then the whole cycle
// through the store.
rows.push(...(await section('editions', () => benchEditions(seeds, work))));
rows.push(...(await section('edition store', () => benchEditionStore(seeds, work))));
// Start-up of the built CLI and web host, whole processes (scripts/bench/startup.ts).
rows.push(...(await section('start-up', () => benchStartup(work))));
// Hostile files of every kind we read, each imported by a CLI child process (scripts/bench/hostile.ts).
rows.push(...(await section('hostile files', () => benchHostile(work))));
rows.push(...(await section('reading', () => benchReading(seeds, work))));

const widths = [0, 1, 2, 3].map((i) => Math.max(...[['measure', 'result', 'target', 'note'] as Row, ...rows].map((r) => r[i]!.length)));
const line = (r: Row) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log(line(['measure', 'result', 'target', 'note']));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
console.log(`\nNode ${process.version}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`);
