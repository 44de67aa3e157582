// Start-up of the built doors, measured as whole processes in one run, interleaved round by round so
// a busy machine slows every command alike (issue 12): `council-desk --help`, `items --json` and `seed`
// on a new database against `node -e 0`, and the web host's memory when idle and once the user has
// turned to importing (the spare parser worker started by imports.prepare).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildIfStale } from '../build-if-stale.mjs';
import { startBuiltWebHost } from './built-web-host';

type Row = [string, string, string, string];
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'council-desk.mjs');
const ROUNDS = 9;

function wall(args: string[]): number {
  const t = performance.now();
  const res = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = performance.now() - t;
  if (res.status !== 0) throw new Error(`${args.join(' ')} failed: ${res.stderr.toString()}`);
  return elapsed;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function benchStartup(work: string): Promise<Row[]> {
  buildIfStale(ROOT);
  const db = path.join(work, 'startup.db');
  wall([BIN, '--db', db, 'seed']); // the database items --json reads; also fills the compile cache
  const times = { node: [] as number[], help: [] as number[], items: [] as number[], seed: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    times.node.push(wall(['-e', '0']));
    times.help.push(wall([BIN, '--help']));
    times.items.push(wall([BIN, '--db', db, 'items', '--json']));
    const fresh = path.join(work, `startup-seed-${round}.db`);
    times.seed.push(wall([BIN, '--db', fresh, 'seed']));
    fs.rmSync(fresh, { force: true });
  }
  const node = median(times.node);
  const help = median(times.help);
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  const rows: Row[] = [
    ['node -e 0 (whole process)', ms(node), '', `baseline; median of ${ROUNDS}, interleaved`],
    ['cli --help (built)', `${ms(help)} (${(help / node).toFixed(1)}× node)`, '≤ 5× node', `median of ${ROUNDS}`],
    [
      'cli items --json (built, real plan)',
      `${ms(median(times.items))} (${(median(times.items) / node).toFixed(1)}× node)`,
      '≤ 6× node',
      `median of ${ROUNDS}`,
    ],
    [
      'cli seed on a new DB (built)',
      `${ms(median(times.seed))} (${(median(times.seed) / help).toFixed(1)}× help)`,
      '≤ 2× help',
      `median of ${ROUNDS}; start-up (≈ help) is ${((100 * help) / median(times.seed)).toFixed(0)}%, the rest migrations + ingest of both seeds`,
    ],
  ];

  // The web host: idle after start-up (no spare worker), then after imports.prepare (what opening the
  // import screen or dragging a file over the window sends) once the spare has read its warm-up
  // workbook. On a database that exists, as on every start but the first: a host that creates its
  // database ingests the seeds on opening (reading analysis included), measured apart below.
  const webDb = path.join(work, 'startup-web.db');
  fs.copyFileSync(db, webDb);
  const host = await startBuiltWebHost(webDb);
  try {
    await pause(2000);
    const idle = host.rssMiB();
    await host.invoke('imports.prepare', {});
    await pause(4000);
    const ready = host.rssMiB();
    rows.push([
      'web host RSS, idle after start-up',
      `${idle.toFixed(0)} MiB`,
      '',
      'existing DB; no spare worker (before issue 12 it started here)',
    ]);
    rows.push([
      'web host RSS, import screen opened',
      `${ready.toFixed(0)} MiB (+${(ready - idle).toFixed(0)})`,
      '',
      'spare parser worker started and warmed up',
    ]);
  } finally {
    await host.close();
  }
  const first = await startBuiltWebHost(path.join(work, 'startup-web-new.db'));
  try {
    await pause(2000);
    rows.push([
      'web host RSS, first start on a new DB',
      `${first.rssMiB().toFixed(0)} MiB`,
      '',
      'seeds ingested on opening; no spare worker',
    ]);
  } finally {
    await first.close();
  }
  return rows;
}
