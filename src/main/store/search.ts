// Full-text search over item titles, bullets and section titles/intros.
// Texts are folded (width, spacing, case; see shared/text/normalize.ts) before they are indexed, and
// queries are folded the same way, so ＡＭＥＤ finds AMED and 令和7年度 finds 令和 7 年度.
// Queries of 3+ characters use the FTS5 trigram index; 1- and 2-character queries (がん, 課題), which
// trigrams cannot answer, use the character and pair index of search-grams.ts.
// Each text's reading (search-tokenizer.ts) has its own trigram index, so a kana query finds the
// kanji it reads (にんちしょう → 認知症); the words whose reading matched are marked in the original.
// A reading may be pending (search-readings.ts): a search by reading fills every pending one first.
import type { SearchHit } from '../../shared/api';
import { foldForMatch, foldWithMap } from '../../shared/text/normalize';
import { isReadingQuery, readingSpans, toHiragana } from '../../shared/text/reading';
import { cachedStatement, type Db } from './database';
import { insertGrams } from './search-grams';
import { fillPendingReadings, readingColumns, unstoredReadings } from './search-readings';

const FIELD_WEIGHT: Record<string, number> = { title: 3, section: 2, actions: 1, future: 1, intro: 0.8 };
const SNIPPET_CONTEXT = 40;

type Owner = { item_key: string } | { section_id: string };

/** Prepared once per database: indexing runs for every text of an ingest. */

/** Store one searchable text: folded for the trigram index, as grams, and as its reading. */
function insertDoc(db: Db, owner: Owner, field: string, ord: number, text: string): void {
  const [col, id] = 'item_key' in owner ? (['item_key', owner.item_key] as const) : (['section_id', owner.section_id] as const);
  const folded = foldForMatch(text);
  const [reading, map] = readingColumns(db, text);
  const insert = cachedStatement(
    db,
    `INSERT INTO search_docs (${col}, field, ord, text, folded, reading, reading_map) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const docId = insert.run(id, field, ord, text, folded, reading, map).lastInsertRowid;
  insertGrams(db, docId, folded);
}

export function indexItem(db: Db, key: string): void {
  cachedStatement(db, 'DELETE FROM search_docs WHERE item_key = ?').run(key);
  const item = cachedStatement(db, 'SELECT title FROM items WHERE key = ?').get(key) as { title: string } | undefined;
  if (!item) return;
  insertDoc(db, { item_key: key }, 'title', 0, item.title);
  const bullets = cachedStatement(db, 'SELECT field, ord, text FROM bullets WHERE item_key = ? ORDER BY field, ord').all(key) as {
    field: string;
    ord: number;
    text: string;
  }[];
  for (const b of bullets) insertDoc(db, { item_key: key }, b.field, b.ord, b.text);
}

export function indexSection(db: Db, id: string): void {
  db.prepare('DELETE FROM search_docs WHERE section_id = ?').run(id);
  const row = db.prepare('SELECT title, intro_json FROM sections WHERE id = ?').get(id) as
    { title: string; intro_json: string } | undefined;
  if (!row) return;
  insertDoc(db, { section_id: id }, 'section', 0, row.title);
  (JSON.parse(row.intro_json) as { text: string }[]).forEach((b, i) => insertDoc(db, { section_id: id }, 'intro', i, b.text));
}

interface DocRow {
  id: number;
  item_key: string | null;
  section_id: string | null;
  field: string;
  ord: number;
  text: string;
  reading: string;
  reading_map: string;
  position: number | null;
}

/** Find every occurrence of the folded query in the text and return spans in the original text. */
export function markMatches(text: string, foldedQuery: string): { start: number; end: number }[] {
  if (!foldedQuery) return [];
  const { folded, map } = foldWithMap(text);
  const spans: { start: number; end: number }[] = [];
  let from = 0;
  for (;;) {
    const at = folded.indexOf(foldedQuery, from);
    if (at < 0) break;
    const last = map[at + foldedQuery.length - 1] ?? text.length - 1;
    const lastChar = String.fromCodePoint(text.codePointAt(last) ?? 0);
    spans.push({ start: map[at] ?? 0, end: last + lastChar.length });
    from = at + foldedQuery.length;
  }
  return spans;
}

/** A window of the text around the first match, with the match spans shifted into it. */
export function snippetOf(text: string, spans: { start: number; end: number }[]): Pick<SearchHit, 'snippet' | 'marks'> {
  const first = spans[0];
  if (!first) return { snippet: text.slice(0, SNIPPET_CONTEXT * 2), marks: [] };
  const from = Math.max(0, first.start - SNIPPET_CONTEXT);
  const to = Math.min(text.length, first.end + SNIPPET_CONTEXT * 2);
  const prefix = from > 0 ? '…' : '';
  const suffix = to < text.length ? '…' : '';
  const marks = spans
    .filter((s) => s.start >= from && s.end <= to)
    .map((s) => ({ start: s.start - from + prefix.length, end: s.end - from + prefix.length }));
  return { snippet: prefix + text.slice(from, to) + suffix, marks };
}

const WEIGHT_SQL = `CASE d.field ${Object.entries(FIELD_WEIGHT)
  .map(([field, w]) => `WHEN '${field}' THEN ${w}`)
  .join(' ')} ELSE 1 END`;

/** How many of FTS5's best matches are re-ranked with field weights; see search(). */
const CANDIDATES = 400;

type SearchIndex = 'search_fts' | 'search_grams' | 'search_reading';

function searchStatement(db: Db, index: SearchIndex) {
  return db.prepare(
    `SELECT d.id, d.item_key, d.section_id, d.field, d.ord, d.text, d.reading, d.reading_map,
            COALESCE(i.position, s.position) AS position, -m.rank * (${WEIGHT_SQL}) AS score
     FROM (SELECT rowid, rank FROM ${index} WHERE ${index} MATCH :phrase ORDER BY rank LIMIT :candidates) m
     JOIN search_docs d ON d.id = m.rowid
     LEFT JOIN items i ON i.key = d.item_key
     LEFT JOIN sections s ON s.id = d.section_id
     ORDER BY score DESC, position, d.ord
     LIMIT :limit`,
  );
}

const statements = new WeakMap<Db, Record<SearchIndex, ReturnType<typeof searchStatement>>>();

/**
 * Ranked hits. FTS5's bm25 (occurrences, weighed against text length and how common the query is)
 * picks the best candidates inside SQLite; those are re-ranked with a field weight (titles outrank
 * bullets), so only the rows shown ever reach JavaScript. A query matching more than CANDIDATES texts
 * (a single common character) ranks titles only among bm25's best, which is fine for such a query.
 */
export function search(db: Db, query: string, limit = 50): SearchHit[] {
  const q = foldForMatch(query);
  if (!q) return [];
  let prepared = statements.get(db);
  if (!prepared) {
    prepared = {
      search_fts: searchStatement(db, 'search_fts'),
      search_grams: searchStatement(db, 'search_grams'),
      search_reading: searchStatement(db, 'search_reading'),
    };
    statements.set(db, prepared);
  }
  const run = (index: SearchIndex, text: string) =>
    prepared[index].all({ limit, candidates: Math.max(CANDIDATES, limit), phrase: `"${text.replaceAll('"', '""')}"` }) as (DocRow & {
      score: number;
    })[];
  const rows = run([...q].length >= 3 ? 'search_fts' : 'search_grams', q);
  // A kana query of 3+ characters also matches readings (にんちしょう → 認知症); the trigram index
  // cannot answer shorter ones, and a 1–2 kana query finds enough in the text itself.
  const kana = toHiragana(q);
  if (isReadingQuery(q) && [...kana].length >= 3) {
    fillPendingReadings(db);
    const seen = new Set(rows.map((r) => r.id));
    rows.push(...run('search_reading', kana).filter((r) => !seen.has(r.id)));
    rows.push(...unstoredReadingRows(db, kana).filter((r) => !seen.has(r.id)));
    rows.sort((a, b) => b.score - a.score || (a.position ?? 0) - (b.position ?? 0) || a.ord - b.ord);
    rows.length = Math.min(rows.length, limit);
  }
  const byText = rows.map((r): SearchHit => {
    const direct = markMatches(r.text, q);
    // A pending reading (search-readings.ts) has an empty map; a reading query filled them all above.
    const spans = direct.length > 0 || !r.reading_map ? direct : readingSpans(r.reading, JSON.parse(r.reading_map) as number[], kana);
    return {
      key: r.item_key ?? r.section_id ?? '',
      kind: r.item_key ? 'item' : 'section',
      field: r.field as SearchHit['field'],
      ord: r.ord,
      score: Math.round(r.score * 1e6) / 1e6,
      ...snippetOf(r.text, spans),
    };
  });
  const byKey = keyHits(db, q);
  return [...byKey, ...byText.filter((h) => !byKey.some((k) => k.key === h.key && h.field === 'title'))].slice(0, limit);
}

/**
 * In a read-only database, the texts whose reading (analysed in memory, as it cannot be stored) holds
 * the query, scored by their field weight alone: such a database has all or none of its readings pending.
 */
function unstoredReadingRows(db: Db, kana: string): (DocRow & { score: number })[] {
  const readings = unstoredReadings(db);
  if (readings.size === 0) return [];
  const row = db.prepare(
    `SELECT d.id, d.item_key, d.section_id, d.field, d.ord, d.text, COALESCE(i.position, s.position) AS position, ${WEIGHT_SQL} AS score
     FROM search_docs d LEFT JOIN items i ON i.key = d.item_key LEFT JOIN sections s ON s.id = d.section_id WHERE d.id = ?`,
  );
  const out: (DocRow & { score: number })[] = [];
  for (const [id, r] of readings) {
    if (!r.reading.includes(kana)) continue;
    const doc = row.get(id) as Omit<DocRow, 'reading' | 'reading_map'> & { score: number };
    out.push({ ...doc, reading: r.reading, reading_map: r.map });
  }
  return out;
}

/**
 * An item key typed into the search box (`1-1-4`, as ministries quote it from their workbook) finds
 * that item first; a key prefix (`1-2-2`) finds the items under it.
 */
function keyHits(db: Db, q: string): SearchHit[] {
  if (!/^\d+(-\d+){1,3}$/.test(q)) return [];
  const rows = db
    .prepare("SELECT key, title FROM items WHERE key = ? OR key LIKE ? || '-%' ORDER BY key = ? DESC, position LIMIT 50")
    .all(q, q, q) as { key: string; title: string }[];
  return rows.map((r) => ({ key: r.key, kind: 'item', field: 'title', ord: 0, score: Number.MAX_SAFE_INTEGER, ...snippetOf(r.title, []) }));
}
