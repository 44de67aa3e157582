// 「もしかして」: when a query finds nothing (ゲノン), the closest word of the index (ゲノム), by edit
// distance over the words and their readings. The vocabulary is the nouns of every search text and
// runs of up to three adjacent nouns (認知 + 症 → 認知症), with how often each occurs; it is built from
// the word maps the reading index already holds (no analysis at query time) and kept until the index
// changes, so a suggestion costs one pass of a bounded edit distance over a few thousand words.
import { foldForMatch } from '../../shared/text/normalize';
import { isReadingQuery, toHiragana } from '../../shared/text/reading';
import type { Db } from './database';
import { fillPendingReadings, unstoredReadings } from './search-readings';

interface Word {
  surface: string;
  folded: string;
  reading: string;
  count: number;
}

const MAX_RUN = 3;
const cache = new WeakMap<Db, { stamp: string; words: Word[] }>();

function indexStamp(db: Db): string {
  // Any re-index deletes and inserts rows, so the highest id and the row count change with it.
  const r = db.prepare('SELECT max(id) AS top, count(*) AS n FROM search_docs').get() as { top: number | null; n: number };
  return `${r.top ?? 0}:${r.n}`;
}

function buildVocabulary(db: Db): Word[] {
  const words = new Map<string, Word>();
  const add = (surface: string, reading: string) => {
    const folded = foldForMatch(surface);
    if ([...folded].length < 2 || [...reading].length < 2 || /^[\d\p{P}\p{S}]+$/u.test(folded)) return;
    const w = words.get(folded);
    if (w) w.count += 1;
    else words.set(folded, { surface, folded, reading, count: 1 });
  };
  // A read-only database keeps readings pending; they were analysed in memory instead.
  const unstored = unstoredReadings(db);
  const rows = db.prepare('SELECT id, text, reading, reading_map FROM search_docs').iterate() as Iterable<{
    id: number;
    text: string;
    reading: string;
    reading_map: string;
  }>;
  for (const stored of rows) {
    const kept = unstored.get(stored.id);
    const row = kept ? { ...stored, reading: kept.reading, reading_map: kept.map } : stored;
    if (!row.reading_map) continue;
    const map = JSON.parse(row.reading_map) as number[];
    const n = map.length / 4;
    for (let i = 0; i < n; i++) {
      for (let j = i; j < Math.min(n, i + MAX_RUN); j++) {
        // A run of nouns, each starting where the previous one ended.
        if (map[j * 4 + 3] !== 1 || (j > i && map[j * 4 + 1] !== map[(j - 1) * 4 + 2])) break;
        const rEnd = j + 1 < n ? (map[(j + 1) * 4] ?? row.reading.length) : row.reading.length;
        add(row.text.slice(map[i * 4 + 1], map[j * 4 + 2]), row.reading.slice(map[i * 4], rEnd));
      }
    }
  }
  return [...words.values()];
}

/** Levenshtein distance over code points, giving up (returning max + 1) once it exceeds max. */
export function editDistance(a: readonly string[], b: readonly string[], max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const d = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

/** The index word closest to a query that names none, or null (also when the query is a word). */
export function suggest(db: Db, query: string): string | null {
  const q = foldForMatch(query);
  const chars = [...q];
  if (chars.length < 2) return null;
  fillPendingReadings(db); // the vocabulary is built from the readings' word maps
  const stamp = indexStamp(db);
  let entry = cache.get(db);
  if (entry?.stamp !== stamp) {
    entry = { stamp, words: buildVocabulary(db) };
    cache.set(db, entry);
  }
  // A kana query is compared with readings (ゲノン ~ げのむ), anything else with the words themselves.
  const byReading = isReadingQuery(q);
  const target = byReading ? [...toHiragana(q)] : chars;
  const max = chars.length <= 4 ? 1 : chars.length <= 8 ? 2 : 3;
  let best: { word: Word; d: number } | null = null;
  for (const word of entry.words) {
    const d = editDistance(target, [...(byReading ? word.reading : word.folded)], max);
    if (d === 0) return null;
    if (d <= max && (!best || d < best.d || (d === best.d && word.count > best.word.count))) best = { word, d };
  }
  return best?.word.surface ?? null;
}
