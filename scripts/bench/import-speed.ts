// Import speed against the libraries a user might read the same file with (issue 12, part 2).
//  - Whole processes, paired: `council-desk import` of the 厚 workbook of the 100× plan against a bare
//    exceljs `readFile` process of the same file (the target: ≤ 1.0× its time, ≤ 1.2× its peak RSS),
//    with SheetJS `readFile` beside them. Three variants of the file: as exported, re-saved by
//    LibreOffice, and re-written by openpyxl (when those tools are installed). Runs alternate, one
//    of each per round, so a noisy neighbour on the machine hits all of them alike.
//  - In one process: staging with a ready (spare, warmed-up) worker against a warm exceljs load of
//    the same bytes (the target: ≤ 1.0×), and a worker started cold.
// Used by `npm run bench` (scripts/bench.ts) and `scripts/compare-import.ts`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { measureProcess, type MeasuredImport } from '../../src/main/bench/measure-import';
import { makeSyntheticPlan } from '../../src/main/bench/synthetic';
import { exportMinistry } from '../../src/main/excel/export-ministry';
import { stageWorkbook } from '../../src/main/excel/import-workbook';
import { DEFAULT_PARSE_LIMITS, prewarmParser } from '../../src/main/excel/parse-in-worker';
import { ingestDir } from '../../src/main/ingest/seed';
import { openDatabase, type Db } from '../../src/main/store/database';

type Row = [string, string, string, string];

const root = path.join(import.meta.dirname, '..', '..');
const node = process.execPath;
const ms = (n: number) => `${n.toFixed(1)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const pause = (msec: number) => new Promise((r) => setTimeout(r, msec));

export interface ImportVariant {
  label: string;
  file: string;
}

/** The 100× plan as a database file: the seeds plus the synthetic items (scripts/bench.ts makes the same). */
export function makeBigPlan(file: string): void {
  const db = openDatabase(file);
  ingestDir(db, path.join(root, 'seeds'));
  makeSyntheticPlan(db, 100);
  db.close();
}

/**
 * The 厚 workbook of the plan in `dbFile`, exported, and the variants a ministry may send back:
 * re-saved by LibreOffice and re-written by openpyxl, each when the tool is installed (skipped
 * variants are named in `skipped`).
 */
export async function importVariants(dbFile: string, work: string): Promise<{ variants: ImportVariant[]; skipped: string[] }> {
  const { variants, skipped } = await exportedOnly(dbFile, work);
  const exported = variants[0]!.file;
  const soffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
  if (soffice) {
    const out = path.join(work, 'libreoffice');
    const res = spawnSync(
      soffice,
      [`-env:UserInstallation=file://${path.join(work, 'lo-profile')}`, '--headless', '--convert-to', 'xlsx', '--outdir', out, exported],
      {
        encoding: 'utf8',
        timeout: 180_000,
      },
    );
    const file = path.join(out, path.basename(exported));
    if (res.status === 0 && fs.existsSync(file)) variants.push({ label: 'LibreOffice re-save', file });
    else skipped.push(`LibreOffice re-save (soffice failed: ${(res.stderr || res.error?.message || '').trim().slice(0, 200)})`);
  } else skipped.push('LibreOffice re-save (soffice not installed)');
  // The system python (Debian's python3-openpyxl), not one a version manager puts first on PATH.
  const python = ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0);
  if (python) {
    const file = path.join(work, '厚_100x_openpyxl.xlsx');
    const res = spawnSync(python, ['-c', 'import sys, openpyxl; openpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])', exported, file], {
      encoding: 'utf8',
      timeout: 180_000,
    });
    if (res.status === 0) variants.push({ label: 'openpyxl re-write', file });
    else skipped.push(`openpyxl re-write (failed: ${res.stderr.trim().slice(-200)})`);
  } else skipped.push('openpyxl re-write (python3-openpyxl not installed)');
  return { variants, skipped };
}

const BARE = 'bare exceljs readFile';
const STREAMING = 'exceljs streaming reader';
const CLI = 'council-desk import';

/**
 * The contenders, each one whole process reading `file` (and, for the CLI, staging it in `db`). The
 * streaming reader visits every row of every sheet with shared strings cached, as a program that
 * wants the cell texts would use it.
 */
function contenders(file: string): { name: string; argv: (db: string) => string[] }[] {
  const lib = (name: string) => JSON.stringify(path.join(root, 'node_modules', name));
  const streaming =
    `(async () => { const r = new (require(${lib('exceljs')}).stream.xlsx.WorkbookReader)(${JSON.stringify(file)}, ` +
    `{ sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit' }); ` +
    'for await (const ws of r) for await (const row of ws) row.values; })().catch((e) => { console.error(e); process.exit(1); })';
  return [
    { name: BARE, argv: () => [node, '-e', `new (require(${lib('exceljs')}).Workbook)().xlsx.readFile(${JSON.stringify(file)})`] },
    { name: STREAMING, argv: () => [node, '-e', streaming] },
    { name: 'SheetJS readFile', argv: () => [node, '-e', `require(${lib('xlsx')}).readFile(${JSON.stringify(file)})`] },
    { name: CLI, argv: (db) => [node, path.join(root, 'bin', 'council-desk.mjs'), 'import', file, '--db', db] },
  ];
}

interface Runs {
  seconds: number[];
  cpuSeconds: number[];
  peakMiB: number[];
  /** Set when a library could not read the file (its first error line): it has no figures then. */
  failed?: string;
}

export interface ProcessFigures {
  variant: string;
  size: string;
  /** By contender name: per-round wall seconds, CPU seconds and peak RSS MiB. */
  results: Map<string, Runs>;
}

/** The line of a Node error output that says what went wrong (`TypeError: …`), for the table. */
function errorLine(stderr: string): string {
  const line = stderr.split('\n').find((l) => /^\w*Error\b/.test(l)) ?? stderr.split('\n').find(Boolean) ?? '';
  return line.trim().slice(0, 120);
}

/**
 * Paired whole-process runs: each round runs every contender once, in turn, on the same file. The
 * CLI stages into a fresh copy of `baseDb` each time (a file is staged only once per database). A
 * library that cannot read the file is reported as such and not run again; the CLI failing is an error.
 */
export async function compareProcesses(variant: ImportVariant, baseDb: string, work: string, rounds: number): Promise<ProcessFigures> {
  const results = new Map<string, Runs>();
  const list = contenders(variant.file);
  for (let round = 0; round < rounds; round++) {
    for (const c of list) {
      const slot = results.get(c.name) ?? { seconds: [], cpuSeconds: [], peakMiB: [] };
      results.set(c.name, slot);
      if (slot.failed) continue;
      const db = path.join(work, `cli-${round}.db`);
      fs.copyFileSync(baseDb, db);
      const r: MeasuredImport = await measureProcess(c.argv(db));
      fs.rmSync(db, { force: true });
      if (r.code !== 0) {
        if (c.name === CLI) throw new Error(`${c.name} failed on ${variant.file} (exit ${r.code}): ${r.stderr.slice(0, 500)}`);
        slot.failed = errorLine(r.stderr) || `exit ${r.code}`;
        continue;
      }
      slot.seconds.push(r.seconds);
      slot.cpuSeconds.push(r.cpuSeconds);
      slot.peakMiB.push(r.peakMiB);
    }
  }
  return { variant: variant.label, size: `${(fs.statSync(variant.file).size / 2 ** 20).toFixed(1)} MB`, results };
}

/**
 * Table rows for one variant: every contender's time and peak against bare exceljs `readFile`, with
 * the CLI's targets. When exceljs's `readFile` cannot read the file (it fails on some writers'
 * relationship paths), exceljs's streaming reader is the baseline instead, and the rows say so.
 */
export function processRows(f: ProcessFigures): Row[] {
  const bare = f.results.get(BARE)!;
  const baseName = bare.failed ? STREAMING : BARE;
  const base = f.results.get(baseName)!;
  const rows: Row[] = [];
  if (base.failed) {
    for (const [name, r] of f.results)
      rows.push([`  ${name}, ${f.variant} (${f.size})`, r.failed ? `failed: ${r.failed}` : '', '', 'no exceljs baseline']);
    return rows;
  }
  for (const [name, r] of f.results) {
    const label = `  ${name}, ${f.variant} (${f.size})`;
    if (r.failed) {
      rows.push([label, `cannot read the file: ${r.failed}`, '', name === BARE ? `ratios below are × ${STREAMING}` : '']);
      continue;
    }
    const t = median(r.seconds);
    const cpu = median(r.cpuSeconds);
    const rss = median(r.peakMiB);
    const ratio = (x: number, of: number[]) => `${(x / median(of)).toFixed(2)}×`;
    rows.push([
      label,
      `${ms(t * 1000)} (${ratio(t, base.seconds)}), cpu ${ms(cpu * 1000)} (${ratio(cpu, base.cpuSeconds)}), ${rss} MiB (${ratio(rss, base.peakMiB)})`,
      name === CLI ? `≤ 1.0× time, ≤ 1.2× RSS of ${baseName === BARE ? 'exceljs' : 'exceljs streaming'}` : '',
      `whole process; median of ${r.seconds.length} paired, min ${ms(Math.min(...r.seconds) * 1000)}`,
    ]);
  }
  return rows;
}

/**
 * In one process: staging (checks, worker, align, merge, SQLite) against exceljs loading the same
 * bytes, cold (a fresh thread) and warm (this thread, 4th+ load). The target compares staging with
 * the spare worker ready, as in the app, to the warm load.
 */
export async function benchStaging(db: Db, bytes: Buffer): Promise<Row[]> {
  const rows: Row[] = [];
  const spread = (xs: number[]) => `median of ${xs.length}, min ${ms(Math.min(...xs))}`;
  const load = () => new ExcelJS.Workbook().xlsx.load(bytes as unknown as ExcelJS.Buffer);
  for (let i = 0; i < 3; i++) await load();
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await load();
    warm.push(performance.now() - t);
  }
  rows.push(['bare exceljs load, warm (same thread, 4th+ load)', ms(median(warm)), '', `baseline; ${spread(warm)}`]);
  const ratio = (x: number) => `${(x / median(warm)).toFixed(2)}× warm exceljs`;
  const discard = (batch: number) => db.prepare("UPDATE import_batches SET status = 'discarded' WHERE id = ?").run(batch);
  const stage = async (limits = DEFAULT_PARSE_LIMITS) => {
    const t = performance.now();
    discard((await stageWorkbook(db, 'mhlw.xlsx', bytes, { limits })).batch);
    return performance.now() - t;
  };
  // A worker started for this file (limits other than the default never use the spare).
  const cold: number[] = [];
  for (let i = 0; i < 3; i++) cold.push(await stage({ ...DEFAULT_PARSE_LIMITS }));
  rows.push(['import + staging, cold worker', `${ms(median(cold))} (${ratio(median(cold))})`, '', `starts the thread; ${spread(cold)}`]);
  // The app's case: the spare worker started and warmed up while the user picks the file.
  prewarmParser();
  const ready: number[] = [];
  for (let i = 0; i < 5; i++) {
    await pause(1500);
    ready.push(await stage());
  }
  rows.push([
    'import + staging, spare worker ready',
    `${ms(median(ready))} (${ratio(median(ready))})`,
    '≤ 1.0× warm exceljs',
    `checks, worker, align, merge; ${spread(ready)}`,
  ]);
  await pause(1500);
  const batch: number[] = [];
  for (let i = 0; i < 5; i++) batch.push(await stage());
  rows.push(['import + staging, 5 files back to back', `${ms(median(batch))} (${ratio(median(batch))})`, '', `per file; ${spread(batch)}`]);
  // A file where every answer changed: all of its cells are staged (written to SQLite) as changes.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  wb.getWorksheet('回答')!.eachRow((row, n) => {
    if (n === 1 || !row.getCell(1).value) return;
    for (const col of [7, 8]) row.getCell(col).value = `${String(row.getCell(col).value ?? '')}\n・追記 ${n}`;
  });
  const edited = Buffer.from(await wb.xlsx.writeBuffer());
  await pause(1500);
  const t = performance.now();
  const r = await stageWorkbook(db, 'mhlw-edited.xlsx', edited);
  const editedTime = performance.now() - t;
  const staged = db.prepare('SELECT COUNT(*) FROM import_changes WHERE batch_id = ?').pluck().get(r.batch) as number;
  rows.push([`import + staging, every answer changed (${staged} cells)`, ms(editedTime), '', 'spare ready; one run']);
  discard(r.batch);
  return rows;
}

/**
 * Everything above, for `npm run bench`: the plan in `dbFile` (100×), a scratch folder, rounds per
 * variant. With `rounds` 0 the whole-process comparison (and making the LibreOffice and openpyxl
 * variants, the slow part) is skipped and a row says how to run it on its own.
 */
export async function benchImportSpeed(dbFile: string, work: string, rounds = 3): Promise<Row[]> {
  const dir = fs.mkdtempSync(path.join(work, 'import-speed-'));
  const baseDb = path.join(dir, 'base.db');
  const db = openDatabase(dbFile);
  // A consistent single-file copy for the CLI runs (the live file may have a WAL beside it).
  db.prepare('VACUUM INTO ?').run(baseDb);
  db.close();
  const { variants, skipped } = rounds > 0 ? await importVariants(baseDb, dir) : await exportedOnly(baseDb, dir);
  const rows: Row[] = [];
  const stagingDb = path.join(dir, 'staging.db');
  fs.copyFileSync(baseDb, stagingDb);
  const live = openDatabase(stagingDb);
  try {
    rows.push(...(await benchStaging(live, fs.readFileSync(variants[0]!.file))));
  } finally {
    live.close();
  }
  if (rounds === 0) {
    rows.push([
      'CLI import vs libraries, whole processes',
      'skipped (--skip-import-compare)',
      '',
      'npx tsx scripts/compare-import.ts --rounds 3',
    ]);
    return rows;
  }
  rows.push(['CLI import vs libraries, whole processes', '', '', `厚 workbook of the 100× plan; ${rounds} rounds`]);
  for (const v of variants) rows.push(...processRows(await compareProcesses(v, baseDb, dir, rounds)));
  for (const s of skipped) rows.push([`  skipped: ${s}`, '', '', '']);
  return rows;
}

/** Just the exported 厚 workbook, for the in-process staging figures. */
async function exportedOnly(dbFile: string, work: string): Promise<{ variants: ImportVariant[]; skipped: string[] }> {
  const file = path.join(work, '厚_100x.xlsx');
  const db = openDatabase(dbFile);
  try {
    await exportMinistry(db, { ministry: '厚', file });
  } finally {
    db.close();
  }
  return { variants: [{ label: 'as exported', file }], skipped: [] };
}
