// Benchmark of search by reading: what the morphological analysis adds at ingest (the dictionary
// load once per process, then the readings of every text), on the real plan and at 100×, and a
// search by reading at 100×. Exported for scripts/bench.ts; rows are [what, figure, target, note].
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { makeSyntheticPlan } from '../../src/main/bench/synthetic';
import { ingestDir } from '../../src/main/ingest/seed';
import { openDatabase } from '../../src/main/store/database';
import { search } from '../../src/main/store/search';
import { suggest } from '../../src/main/store/search-suggest';
import { readingIndexOf, readingTokens } from '../../src/main/store/search-tokenizer';

type Row = [string, string, string, string];
const TOKENIZER = pathToFileURL(path.join(import.meta.dirname, '..', '..', 'src', 'main', 'store', 'search-tokenizer.ts')).href;
const ms = (n: number) => `${n.toFixed(1)} ms`;

/** The analysis of every text, without the cache of recent texts (so a repeated text counts again). */
function readAll(texts: readonly string[]): number {
  const t = performance.now();
  for (const text of texts) readingTokens(text);
  return performance.now() - t;
}

export function benchReading(seeds: string, work: string): Row[] {
  const rows: Row[] = [];
  // Cold: a fresh process loads the dictionary when it analyses its first text.
  const cold = execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      `import { readingTokens } from ${JSON.stringify(TOKENIZER)}; const t = performance.now(); readingTokens('認知症'); process.stdout.write(String(performance.now() - t));`,
    ],
    { encoding: 'utf8' },
  );
  rows.push(['reading analyser: dictionary load (fresh process)', ms(Number(cold)), '', 'once per process, at its first text']);
  readingIndexOf('認知症');
  let t: number;

  const db = openDatabase(path.join(work, 'reading.db'));
  try {
    t = performance.now();
    ingestDir(db, seeds);
    const ingest = performance.now() - t;
    const texts = (db.prepare('SELECT text FROM search_docs').all() as { text: string }[]).map((r) => r.text);
    const chars = texts.reduce((n, s) => n + s.length, 0);
    const real = readAll(texts);
    rows.push([
      `readings of every text, real plan (${texts.length} texts)`,
      ms(real),
      '',
      `${(chars / 1000).toFixed(0)}k chars; ${((real / ingest) * 100).toFixed(0)}% of that ingest (${ms(ingest)})`,
    ]);

    t = performance.now();
    makeSyntheticPlan(db, 100);
    const build = performance.now() - t;
    const bigTexts = (db.prepare('SELECT text FROM search_docs').all() as { text: string }[]).map((r) => r.text);
    const big = readAll(bigTexts);
    rows.push([
      `readings of every text, 100× (${bigTexts.length} texts)`,
      ms(big),
      '',
      'each analysed, no cache: a plan of 100× distinct text',
    ]);
    rows.push([
      'build + index synthetic 100× plan',
      ms(build),
      '',
      'copies of the real texts: readings come from the cache of recent texts',
    ]);

    // Search by reading at 100×, warm statements, and 「もしかして」 (vocabulary built on first use).
    const queries = ['にんちしょう', 'げのむ', 'いりょうでぃーえっくす', 'でーたきばん', 'ばいおばんく'];
    for (const q of queries) search(db, q);
    const times: number[] = [];
    for (let round = 0; round < 20; round++)
      for (const q of queries) {
        t = performance.now();
        search(db, q);
        times.push(performance.now() - t);
      }
    times.sort((a, b) => a - b);
    rows.push([
      'search by reading p50 / p95, 100×',
      `${ms(times[Math.floor(times.length / 2)]!)} / ${ms(times[Math.floor(times.length * 0.95)]!)}`,
      '≤ 20 ms',
      `${times.length} queries`,
    ]);
    t = performance.now();
    suggest(db, 'ゲノン');
    const first = performance.now() - t;
    t = performance.now();
    for (let i = 0; i < 10; i++) suggest(db, 'いりょうでーた');
    rows.push([
      '「もしかして」 suggestion, 100×',
      `${ms((performance.now() - t) / 10)}`,
      '',
      `first call builds the vocabulary: ${ms(first)}`,
    ]);
  } finally {
    db.close();
  }
  return rows;
}
