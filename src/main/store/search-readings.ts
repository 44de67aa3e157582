// Reading index upkeep. The analyser's dictionary load (1–1.5 s per process) cost more than the rest
// of an ingest, of `cli seed`, of an edition apply or of the migration that added readings, none of
// which needs a reading to do its job. So a text indexed by a process that has not loaded the analyser
// is stored with its reading PENDING (reading_map = '', which no analysed text has: an analysed map is
// a JSON array), and every pending reading is filled before anything reads readings: a search by
// reading (search.ts) and the 「もしかして」 vocabulary (search-suggest.ts), in the app and the CLI alike.
// So a query never misses a text because its reading is not there yet; the first one in a process pays
// for the dictionary once. Texts already analysed elsewhere in the store are not analysed again.
// A long-lived process (the app, the web host) also fills them in the background when its door opens
// (fillPendingReadingsInBackground): a worker thread loads the analyser, so the door never pauses for
// the dictionary and the first search by reading usually finds nothing left to fill.
// A database opened read-only cannot store readings: its pending ones are analysed once per process
// and kept in memory (unstoredReadings), and search and suggestions read them from there.
import { Worker } from 'node:worker_threads';
import type { Db } from './database';
import type { RawWord } from './reading-worker';
import { analysedText, readingIfLoaded, readingIndexFromWords, readingIndexOf } from './search-tokenizer';

/** The reading_map of a text whose reading is not computed yet. */
export const PENDING_READING = '';

/**
 * Per database: when no reading was pending, as data_version (moves with other connections' commits)
 * and total_changes (moves with this connection's writes, a restore's copied rows included). While
 * neither moved, a search by reading does not look for pending rows again.
 */
const complete = new WeakMap<Db, string>();

function writeStamp(db: Db): string {
  return `${db.pragma('data_version', { simple: true }) as number}:${(db.prepare('SELECT total_changes() AS n').get() as { n: number }).n}`;
}

/** The reading and word-map columns for a text about to be indexed: computed if cheap, else pending. */
export function readingColumns(db: Db, text: string): [reading: string, map: string] {
  const known = readingIfLoaded(text);
  if (known) return [known.reading, JSON.stringify(known.map)];
  return ['', PENDING_READING];
}

/** How many texts are waiting for their reading. */
export function pendingReadings(db: Db): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM search_docs WHERE reading_map = ?').get(PENDING_READING) as { n: number }).n;
}

export interface StoredReading {
  reading: string;
  /** The word map as JSON, as search_docs.reading_map holds it. */
  map: string;
}

/** Per read-only database: the readings of its pending texts by search_docs id, as of a stamp. */
const unstored = new WeakMap<Db, { stamp: string; readings: Map<number, StoredReading> }>();

/** The readings of the pending texts of a read-only database, analysed here (an empty map otherwise). */
export function unstoredReadings(db: Db): Map<number, StoredReading> {
  if (!db.readonly) return new Map();
  const stamp = writeStamp(db);
  let entry = unstored.get(db);
  if (entry?.stamp !== stamp) {
    const rows = db.prepare('SELECT id, text FROM search_docs WHERE reading_map = ?').all(PENDING_READING) as {
      id: number;
      text: string;
    }[];
    const readings = new Map<number, StoredReading>();
    for (const r of rows) {
      const { reading, map } = readingIndexOf(r.text);
      readings.set(r.id, { reading, map: JSON.stringify(map) });
    }
    entry = { stamp, readings };
    unstored.set(db, entry);
  }
  return entry.readings;
}

/**
 * Compute every pending reading and index it; returns how many texts were filled. A read-only
 * database keeps them pending (see unstoredReadings).
 */
export function fillPendingReadings(db: Db): number {
  if (db.readonly || complete.get(db) === writeStamp(db)) return 0;
  const pending = db.prepare('SELECT id, text FROM search_docs WHERE reading_map = ?').all(PENDING_READING) as {
    id: number;
    text: string;
  }[];
  if (pending.length > 0) {
    // The same text analysed before in this store (an edition carried over, a text repeated) is copied.
    const known = new Map<string, { reading: string; map: string }>();
    const sameText = db.prepare(
      `SELECT text, reading, reading_map AS map FROM search_docs
       WHERE reading_map <> :pending AND text IN (SELECT text FROM search_docs WHERE reading_map = :pending)`,
    );
    for (const r of sameText.iterate({ pending: PENDING_READING }) as Iterable<{ text: string; reading: string; map: string }>)
      known.set(r.text, r);
    // Many pending rows (after an ingest or the migration): one rebuild of the reading index is
    // cheaper than taking each row out and putting it back.
    const rebuild = pending.length * 4 > (db.prepare('SELECT COUNT(*) AS n FROM search_docs').get() as { n: number }).n;
    const write = readingWriter(db);
    db.transaction(() => {
      for (const r of pending) {
        let hit = known.get(r.text);
        if (!hit) {
          const computed = readingIndexOf(r.text);
          hit = { reading: computed.reading, map: JSON.stringify(computed.map) };
          known.set(r.text, hit);
        }
        write(r.id, r.text, hit, !rebuild);
      }
      if (rebuild) db.exec("INSERT INTO search_reading(search_reading) VALUES ('rebuild')");
    })();
  }
  complete.set(db, writeStamp(db));
  return pending.length;
}

/**
 * Stores the reading of a row that is still pending with that text (true if it was). search_reading
 * is an external-content index with insert and delete triggers only: the row, indexed with an empty
 * reading while pending, is taken out and put back with its reading, unless the caller rebuilds the
 * index afterwards.
 */
function readingWriter(db: Db): (id: number, text: string, value: StoredReading, reindex: boolean) => boolean {
  const update = db.prepare('UPDATE search_docs SET reading = ?, reading_map = ? WHERE id = ? AND reading_map = ? AND text = ?');
  const unindex = db.prepare("INSERT INTO search_reading(search_reading, rowid, reading) VALUES ('delete', ?, '')");
  const reindex = db.prepare('INSERT INTO search_reading(rowid, reading) VALUES (?, ?)');
  return (id, text, value, withIndex) => {
    if (update.run(value.reading, value.map, id, PENDING_READING, text).changes === 0) return false;
    if (withIndex) {
      unindex.run(id);
      reindex.run(id, value.reading);
    }
    return true;
  };
}

/** Texts sent to the reading worker per message: each answer is stored in one short transaction. */
const BACKGROUND_CHUNK = 200;

/** The worker script: the source file when running from source, the bundled copy beside the main bundle in a build. */
function readingWorkerScript(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? './reading-worker.ts' : './reading-worker.js', import.meta.url);
}

const background = new WeakMap<Db, Promise<number>>();

/**
 * Fills the pending readings with a worker thread doing the analysis; resolves with how many texts
 * were filled, once per database and process. It never rejects: whatever stops it (the database
 * closed, the worker failing) leaves the rest pending for the next search by reading to fill.
 */
export function fillPendingReadingsInBackground(db: Db): Promise<number> {
  if (db.readonly) return Promise.resolve(0);
  let running = background.get(db);
  if (!running) {
    running = fillInWorker(db).catch(() => 0);
    background.set(db, running);
  }
  return running;
}

async function fillInWorker(db: Db): Promise<number> {
  const pending = db.prepare('SELECT id, text FROM search_docs WHERE reading_map = ?').all(PENDING_READING) as {
    id: number;
    text: string;
  }[];
  if (pending.length === 0) return 0;
  const rowsByText = new Map<string, number[]>();
  for (const r of pending) rowsByText.set(r.text, [...(rowsByText.get(r.text) ?? []), r.id]);
  const texts = [...rowsByText.keys()];
  const worker = new Worker(readingWorkerScript());
  worker.unref(); // never keeps a process alive
  let filled = 0;
  try {
    for (let at = 0; at < texts.length; at += BACKGROUND_CHUNK) {
      const chunk = texts.slice(at, at + BACKGROUND_CHUNK);
      const words = await analyseInWorker(worker, chunk.map(analysedText));
      if (!db.open) break;
      const write = readingWriter(db);
      db.transaction(() => {
        chunk.forEach((text, i) => {
          const { reading, map } = readingIndexFromWords(text, words[i] ?? []);
          for (const id of rowsByText.get(text)!) if (write(id, text, { reading, map: JSON.stringify(map) }, true)) filled += 1;
        });
      })();
    }
  } finally {
    await worker.terminate();
  }
  return filled;
}

function analyseInWorker(worker: Worker, folded: string[]): Promise<RawWord[][]> {
  return new Promise((resolve, reject) => {
    const done = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (words: RawWord[][]) => {
      done();
      resolve(words);
    };
    const onError = (err: Error) => {
      done();
      reject(err);
    };
    const onExit = (code: number) => onError(new Error(`reading worker exited (${code})`));
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(folded);
  });
}

/**
 * The migration that adds readings: every existing text is marked pending (readings are computed on
 * the first search by reading, not while a large database is being upgraded), and the reading index
 * is built over them.
 */
export function fillSearchReadings(db: Db): void {
  db.prepare('UPDATE search_docs SET reading = ?, reading_map = ?').run('', PENDING_READING);
  db.exec("INSERT INTO search_reading(search_reading) VALUES ('rebuild')");
}
