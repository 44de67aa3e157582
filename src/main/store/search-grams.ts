// The short-query index. FTS5's trigram tokenizer cannot match a query shorter than three
// characters (がん, 課題), and scanning every text for one is too slow on a large plan, so each
// searchable text is also indexed as its single characters and character pairs, separated by spaces,
// in a contentless FTS5 table whose tokenizer treats every non-space character as part of a token.
import type Database from 'better-sqlite3';
import { cachedStatement } from './database';

/** `がん研究` → `が ん 研 究 がん ん研 研究` (the text is already folded: no white space). */
export function gramsOf(folded: string): string {
  const chars = [...folded];
  const pairs = chars.slice(0, -1).map((c, i) => c + chars[i + 1]);
  return [...chars, ...pairs].join(' ');
}

export function insertGrams(db: Database.Database, docId: number | bigint, folded: string): void {
  cachedStatement(db, 'INSERT INTO search_grams (rowid, grams) VALUES (?, ?)').run(docId, gramsOf(folded));
}

/** Index every existing search text (used by the migration that adds the table). */
export function fillSearchGrams(db: Database.Database): void {
  const rows = db.prepare('SELECT id, folded FROM search_docs').all() as { id: number; folded: string }[];
  for (const r of rows) insertGrams(db, r.id, r.folded);
}
