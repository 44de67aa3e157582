// Full-text search over item titles, bullets and section titles/intros.
// Texts are folded (width, spacing, case; see shared/text/normalize.ts) before they are indexed, and
// queries are folded the same way, so ＡＭＥＤ finds AMED and 令和7年度 finds 令和 7 年度.
// Queries of 3+ characters use the FTS5 trigram index; 1- and 2-character queries (がん, 課題) cannot
// be answered by trigrams, so they scan the folded texts with instr(), which is fast enough for the
// plan sizes we expect (see `npm run bench`).
import type { SearchHit } from '../../shared/api';
import { foldForMatch, foldWithMap } from '../../shared/text/normalize';
import type { Db } from './database';

const FIELD_WEIGHT: Record<string, number> = { title: 3, section: 2, r7: 1, future: 1, intro: 0.8 };
const SNIPPET_CONTEXT = 40;

export function indexItem(db: Db, key: string): void {
  db.prepare('DELETE FROM search_docs WHERE item_key = ?').run(key);
  const insert = db.prepare('INSERT INTO search_docs (item_key, field, ord, text, folded) VALUES (?, ?, ?, ?, ?)');
  const item = db.prepare('SELECT title FROM items WHERE key = ?').get(key) as { title: string } | undefined;
  if (!item) return;
  insert.run(key, 'title', 0, item.title, foldForMatch(item.title));
  const bullets = db.prepare('SELECT field, ord, text FROM bullets WHERE item_key = ? ORDER BY field, ord').all(key) as {
    field: string;
    ord: number;
    text: string;
  }[];
  for (const b of bullets) insert.run(key, b.field, b.ord, b.text, foldForMatch(b.text));
}

export function indexSection(db: Db, id: string): void {
  db.prepare('DELETE FROM search_docs WHERE section_id = ?').run(id);
  const row = db.prepare('SELECT title, intro_json FROM sections WHERE id = ?').get(id) as
    | { title: string; intro_json: string }
    | undefined;
  if (!row) return;
  const insert = db.prepare('INSERT INTO search_docs (section_id, field, ord, text, folded) VALUES (?, ?, ?, ?, ?)');
  insert.run(id, 'section', 0, row.title, foldForMatch(row.title));
  (JSON.parse(row.intro_json) as { text: string }[]).forEach((b, i) => insert.run(id, 'intro', i, b.text, foldForMatch(b.text)));
}

interface DocRow {
  id: number;
  item_key: string | null;
  section_id: string | null;
  field: string;
  ord: number;
  text: string;
  folded: string;
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
function snippetOf(text: string, spans: { start: number; end: number }[]): Pick<SearchHit, 'snippet' | 'marks'> {
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

export function search(db: Db, query: string, limit = 50): SearchHit[] {
  const q = foldForMatch(query);
  if (!q) return [];
  const select = `SELECT d.id, d.item_key, d.section_id, d.field, d.ord, d.text, d.folded,
                         COALESCE(i.position, s.position) AS position
                  FROM search_docs d
                  LEFT JOIN items i ON i.key = d.item_key
                  LEFT JOIN sections s ON s.id = d.section_id`;
  const rows: DocRow[] =
    [...q].length >= 3
      ? (db
          .prepare(`${select} JOIN search_fts f ON f.rowid = d.id WHERE search_fts MATCH ?`)
          .all(`"${q.replaceAll('"', '""')}"`) as DocRow[])
      : (db.prepare(`${select} WHERE instr(d.folded, ?) > 0`).all(q) as DocRow[]);

  const scored = rows.map((r) => {
    const count = r.folded.split(q).length - 1;
    // More occurrences and a larger share of the text covered rank higher; titles outrank bullets.
    const density = (count * q.length) / Math.max(r.folded.length, 1);
    const score = (FIELD_WEIGHT[r.field] ?? 1) * (1 + Math.log2(1 + count)) * (1 + density);
    return { r, score };
  });
  scored.sort((a, b) => b.score - a.score || (a.r.position ?? 0) - (b.r.position ?? 0) || a.r.ord - b.r.ord);
  return scored.slice(0, limit).map(({ r, score }) => {
    const spans = markMatches(r.text, q);
    return {
      key: r.item_key ?? r.section_id ?? '',
      kind: r.item_key ? 'item' : 'section',
      field: r.field as SearchHit['field'],
      ord: r.ord,
      score: Math.round(score * 1000) / 1000,
      ...snippetOf(r.text, spans),
    };
  });
}
