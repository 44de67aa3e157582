// `npm run bench`, hostile files: for each kind of file we read (returned workbooks, annotation files,
// plan source texts), the peak RSS of a whole CLI process importing each hostile file of that kind,
// and the worst of them with its outcome. Target: every one under 1 GiB. The files are generated
// (src/main/bench/hostile-files.ts); the largest ones sit just under each limit, where the most work
// is done before a refusal, or where a file is still accepted.
import fs from 'node:fs';
import path from 'node:path';
import { openService } from '../../src/main/api/service';
import {
  annotationWorkbook,
  bigPlanText,
  definedNameWorkbook,
  manyCellsWorkbook,
  sharedStringsWorkbook,
} from '../../src/main/bench/hostile-files';
import { measureImport, type ImportKind } from '../../src/main/bench/measure-import';

type Row = [string, string, string, string];

interface Hostile {
  kind: ImportKind;
  label: string;
  name: string;
  make: () => Buffer | string;
}

const HOSTILE: Hostile[] = [
  { kind: 'workbook', label: '94 MB defined name', name: 'defined-name.xlsx', make: () => definedNameWorkbook(99_000_000) },
  { kind: 'workbook', label: '99 MB shared strings', name: 'shared-strings.xlsx', make: () => sharedStringsWorkbook(99_000, 1000) },
  {
    kind: 'workbook',
    label: '62 MB shared strings (under the cap)',
    name: 'shared-strings-62.xlsx',
    make: () => sharedStringsWorkbook(19_000, 3300),
  },
  { kind: 'workbook', label: 'one 59 MB shared string', name: 'one-value.xlsx', make: () => sharedStringsWorkbook(1, 62_000_000) },
  {
    kind: 'workbook',
    label: '240 values of 250 KB (under the caps)',
    name: 'long-values.xlsx',
    make: () => sharedStringsWorkbook(240, 250_000),
  },
  { kind: 'workbook', label: '500,000 cells (under the cap)', name: 'cells.xlsx', make: () => manyCellsWorkbook(19_999, 25) },
  {
    kind: 'annotations',
    label: '60,000 annotations (the issue)',
    name: 'annotations-60k.xlsx',
    make: () => annotationWorkbook(60_000, { commentChars: 10 }),
  },
  {
    kind: 'annotations',
    label: '20,000 annotations, 63 MB (at the caps)',
    name: 'annotations-20k.xlsx',
    make: () => annotationWorkbook(20_000, { commentChars: 360 }),
  },
  { kind: 'plan', label: '200 MB text', name: '000_huge.txt', make: () => bigPlanText(200 * 2 ** 20) },
  { kind: 'plan', label: '15 MB text (under the cap)', name: '000_large.txt', make: () => bigPlanText(15 * 2 ** 20) },
];

const KIND_LABEL: Record<ImportKind, string> = { workbook: 'returned workbook', annotations: 'annotation file', plan: 'plan source text' };

/** The outcome in a few words: the CLI's first line, shortened. */
function outcome(code: number | null, stdout: string, stderr: string): string {
  const line = (code === 0 ? `imported: ${stdout}` : stderr.replace(/^error: /, 'refused: ')).split('\n')[0]!;
  return line.length > 90 ? `${line.slice(0, 90)}…` : line;
}

export async function benchHostile(work: string): Promise<Row[]> {
  const base = path.join(work, 'hostile-base.db');
  openService(base).close();
  const measured: { h: Hostile; peak: number; outcome: string; seconds: number }[] = [];
  for (const h of HOSTILE) {
    const dir = fs.mkdtempSync(path.join(work, 'hostile-'));
    const file = path.join(dir, h.name);
    fs.writeFileSync(file, h.make());
    const db = path.join(dir, 'plan.db');
    fs.copyFileSync(base, db);
    const r = await measureImport(h.kind, file, db);
    measured.push({ h, peak: r.peakMiB, outcome: outcome(r.code, r.stdout, r.stderr), seconds: r.seconds });
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const rows: Row[] = [];
  for (const kind of Object.keys(KIND_LABEL) as ImportKind[]) {
    const ofKind = measured.filter((m) => m.h.kind === kind);
    const worst = ofKind.reduce((a, b) => (b.peak > a.peak ? b : a));
    rows.push([
      `hostile ${KIND_LABEL[kind]}: worst peak RSS`,
      `${worst.peak} MiB`,
      '< 1024 MiB',
      `${worst.h.label}, ${worst.seconds.toFixed(1)} s; ${worst.outcome}`,
    ]);
    for (const m of ofKind.filter((x) => x !== worst)) rows.push([`  ${m.h.label}`, `${m.peak} MiB`, '< 1024 MiB', m.outcome]);
  }
  return rows;
}
