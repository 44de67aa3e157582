// Reading index upkeep for texts already in the store: the migration that adds readings, and a
// restore (whose copied rows are re-read, whatever their reading columns held).
import type Database from 'better-sqlite3';
import { readingIndexOf } from './search-tokenizer';

/** Compute the reading of every search text and rebuild the reading index from them. */
export function fillSearchReadings(db: Database.Database): void {
  const rows = db.prepare('SELECT id, text FROM search_docs').all() as { id: number; text: string }[];
  const update = db.prepare('UPDATE search_docs SET reading = ?, reading_map = ? WHERE id = ?');
  for (const r of rows) {
    const { reading, map } = readingIndexOf(r.text);
    update.run(reading, JSON.stringify(map), r.id);
  }
  db.exec("INSERT INTO search_reading(search_reading) VALUES ('rebuild')");
}
