// `npx tsx scripts/compare-import.ts [--rounds N] [--db PLAN.db]`: the paired whole-process comparison
// of issue 12, rerunnable by anyone. Builds the 100× plan (or uses --db), exports its 厚 workbook,
// makes the LibreOffice and openpyxl variants when those tools are installed, then times
// `council-desk import` against a bare exceljs `readFile` process, exceljs's streaming reader and
// SheetJS on each, N rounds (default 5) of one run each in turn. Prints a table with the targets
// beside the figures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { compareProcesses, importVariants, makeBigPlan, processRows } from './bench/import-speed';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' }, db: { type: 'string' } } });
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a positive integer, not ${values.rounds}`);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'council-desk-compare-'));
process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));

const baseDb = path.join(work, 'base.db');
if (values.db) fs.copyFileSync(values.db, baseDb);
else makeBigPlan(baseDb);
const { variants, skipped } = await importVariants(baseDb, work);
const rows: [string, string, string, string][] = [];
for (const v of variants) {
  process.stderr.write(`${v.label}…\n`);
  rows.push(...processRows(await compareProcesses(v, baseDb, work, rounds)));
}
for (const s of skipped) rows.push([`skipped: ${s}`, '', '', '']);

const head: [string, string, string, string] = ['measure', 'wall time, CPU time, peak RSS (× bare exceljs)', 'target', 'note'];
const widths = [0, 1, 2, 3].map((i) => Math.max(...[head, ...rows].map((r) => r[i]!.length)));
const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log(line(head));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
console.log(
  `\nNode ${process.version}, ${os.cpus().length} cores, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
