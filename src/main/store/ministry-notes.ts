// 府省からの補足: the free notes ministries write in the answer sheet's last column, recorded when a
// batch is applied (import-store.ts). Read here for the item view and the meeting pack.
import type { MinistryNote } from '../../shared/imports';
import type { Db } from './database';

interface Row {
  id: number;
  item_key: string;
  ministry: string | null;
  text: string;
  created_at: string;
  batch_id: number;
  file_name: string;
}

/** The notes of the given items, oldest first per item; items without notes are absent. */
export function notesOf(db: Db, keys: readonly string[]): Record<string, MinistryNote[]> {
  const out: Record<string, MinistryNote[]> = {};
  if (keys.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT n.id, n.item_key, n.ministry, n.text, n.created_at, n.batch_id, b.file_name
         FROM ministry_notes n JOIN import_batches b ON b.id = n.batch_id
        WHERE n.item_key IN (SELECT value FROM json_each(?))
        ORDER BY n.item_key, n.created_at, n.id`,
    )
    .all(JSON.stringify(keys)) as Row[];
  for (const r of rows) {
    (out[r.item_key] ??= []).push({
      id: r.id,
      itemKey: r.item_key,
      ministry: r.ministry,
      text: r.text,
      fileName: r.file_name,
      batchId: r.batch_id,
      createdAt: r.created_at,
    });
  }
  return out;
}
