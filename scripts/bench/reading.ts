// Benchmark of search by reading: what the morphological analysis costs and where it is paid. Indexing
// leaves a text's reading pending when the analyser is not loaded (src/main/store/search-readings.ts),
// so an ingest, `cli seed`, an edition apply or the migration to v9 pay nothing for readings, and the
// first search by reading of a process fills them (dictionary load + analysis). Measured in fresh
// processes for the real plan, and at 100×. Exported for scripts/bench.ts; rows are [what, figure,
// target, note].
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { makeSyntheticPlan } from '../../src/main/bench/synthetic';
import { ingestDir } from '../../src/main/ingest/seed';
import { openDatabase } from '../../src/main/store/database';
import { search } from '../../src/main/store/search';
import { fillPendingReadings, fillSearchReadings, pendingReadings } from '../../src/main/store/search-readings';
import { suggest } from '../../src/main/store/search-suggest';
import { readingIndexOf, readingTokens } from '../../src/main/store/search-tokenizer';

type Row = [string, string, string, string];
const SRC = path.join(import.meta.dirname, '..', '..', 'src', 'main');
const url = (...parts: string[]) => JSON.stringify(pathToFileURL(path.join(SRC, ...parts)).href);
const ms = (n: number) => `${n.toFixed(1)} ms`;

/** The analysis of every text, without the cache of recent texts (so a repeated text counts again). */
function readAll(texts: readonly string[]): number {
  const t = performance.now();
  for (const text of texts) readingTokens(text);
  return performance.now() - t;
}

/** Runs a module snippet in a fresh Node process (nothing loaded yet) and returns what it prints as JSON. */
function fresh<T>(code: string): T {
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { encoding: 'utf8' });
  return JSON.parse(out) as T;
}

interface IngestRun {
  dictionary: number;
  ingest: number;
  pending: number;
  firstSearch: number;
}

/**
 * The real plan ingested into a new database by a fresh process: as today (analyser not loaded, readings
 * left pending, then the first search by reading), or with the analyser loaded first, so the ingest
 * analyses every text as it did before readings were deferred.
 */
function ingestRun(seeds: string, dbFile: string, analyserFirst: boolean): IngestRun {
  return fresh<IngestRun>(`
    import { ingestDir } from ${url('ingest', 'seed.ts')};
    import { openDatabase } from ${url('store', 'database.ts')};
    import { search } from ${url('store', 'search.ts')};
    import { pendingReadings } from ${url('store', 'search-readings.ts')};
    import { readingTokens } from ${url('store', 'search-tokenizer.ts')};
    let t = performance.now();
    if (${analyserFirst}) readingTokens('認知症');
    const dictionary = performance.now() - t;
    const db = openDatabase(${JSON.stringify(dbFile)});
    t = performance.now();
    ingestDir(db, ${JSON.stringify(seeds)});
    const ingest = performance.now() - t;
    const pending = pendingReadings(db);
    t = performance.now();
    search(db, 'にんちしょう');
    const firstSearch = performance.now() - t;
    db.close();
    process.stdout.write(JSON.stringify({ dictionary, ingest, pending, firstSearch }));
  `);
}

export function benchReading(seeds: string, work: string): Row[] {
  const rows: Row[] = [];
  const runs = [0, 1, 2].map((i) => {
    const file = (name: string) => path.join(work, `reading-${name}-${i}.db`);
    return { now: ingestRun(seeds, file('now'), false), before: ingestRun(seeds, file('before'), true) };
  });
  const median = (pick: (r: (typeof runs)[number]) => number) => runs.map(pick).sort((a, b) => a - b)[1]!;
  const now = median((r) => r.now.ingest);
  const analysing = median((r) => r.before.ingest);
  const dictionary = median((r) => r.before.dictionary);
  const pending = runs[0]!.now.pending;
  rows.push(['reading analyser: dictionary load (fresh process)', ms(dictionary), '', 'once per process, at its first analysis']);
  rows.push([
    'reading index cost at ingest, real plan',
    `${ms(0)} (${pending} texts pending)`,
    'not in ingest',
    `ingest ${ms(now)}; analysing at ingest instead costs ${ms(dictionary + analysing - now)} (ingest ${ms(analysing)} + dictionary); median of 3 fresh processes`,
  ]);
  rows.push([
    'first search by reading after that ingest (fills the pending readings)',
    ms(median((r) => r.now.firstSearch)),
    '',
    'fresh process: dictionary load + analysis of every text, once',
  ]);
  readingIndexOf('認知症');
  let t: number;

  const db = openDatabase(path.join(work, 'reading.db'));
  try {
    ingestDir(db, seeds);
    const texts = (db.prepare('SELECT text FROM search_docs').all() as { text: string }[]).map((r) => r.text);
    const chars = texts.reduce((n, s) => n + s.length, 0);
    rows.push([
      `readings of every text, real plan (${texts.length} texts)`,
      ms(readAll(texts)),
      '',
      `${(chars / 1000).toFixed(0)}k chars, analyser loaded; what a first search by reading adds to the dictionary load`,
    ]);

    makeSyntheticPlan(db, 100);
    const bigTexts = (db.prepare('SELECT text FROM search_docs').all() as { text: string }[]).map((r) => r.text);
    // The migration to v9 on a 100× database marks every text pending instead of analysing it.
    t = performance.now();
    db.transaction(() => fillSearchReadings(db))();
    const migrate = performance.now() - t;
    const pendingBig = pendingReadings(db);
    rows.push([
      `reading index cost at ingest / migration to v9, 100× (${bigTexts.length} texts)`,
      ms(migrate),
      'not in ingest',
      `${pendingBig} texts marked pending (before: each analysed inside the migration)`,
    ]);
    t = performance.now();
    fillPendingReadings(db);
    rows.push([
      'first search by reading at 100×: pending readings filled',
      ms(performance.now() - t),
      '',
      'analyser loaded; the synthetic plan repeats the real texts, so each distinct text is analysed once',
    ]);
    rows.push([
      `readings of every text, 100× (${bigTexts.length} texts)`,
      ms(readAll(bigTexts)),
      '',
      'each analysed, no cache: what a plan of 100× distinct text adds to its first search by reading',
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
