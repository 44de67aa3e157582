// Staff curation of graph entities (rename, merge, hide), one row per entity id. The ids come from
// the dictionary or from the words themselves, so a re-ingest of the same text finds them again.
import type { EntityCuration } from '../../shared/graph';
import type { Db } from '../store/database';
import { nowIso } from '../store/plan-store';

interface CurationRow {
  entity_id: string;
  label: string | null;
  merged_into: string | null;
  hidden: number;
}

export function readCuration(db: Db): Map<string, EntityCuration> {
  const rows = db.prepare('SELECT entity_id, label, merged_into, hidden FROM graph_curation').all() as CurationRow[];
  return new Map(rows.map((r) => [r.entity_id, { id: r.entity_id, label: r.label, mergedInto: r.merged_into, hidden: r.hidden === 1 }]));
}

/** A token that changes whenever curation does (the graph cache compares it). */
export function curationStamp(db: Db): string {
  const r = db
    .prepare(
      "SELECT group_concat(entity_id || '|' || ifnull(label, '') || '|' || ifnull(merged_into, '') || '|' || hidden, char(10)) AS s FROM graph_curation",
    )
    .get() as { s: string | null };
  return r.s ?? '';
}

export function writeCuration(db: Db, c: EntityCuration, author: string): void {
  if (c.label === null && c.mergedInto === null && !c.hidden) {
    db.prepare('DELETE FROM graph_curation WHERE entity_id = ?').run(c.id);
    return;
  }
  db.prepare(
    `INSERT INTO graph_curation (entity_id, label, merged_into, hidden, author, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(entity_id) DO UPDATE SET label = excluded.label, merged_into = excluded.merged_into, hidden = excluded.hidden,
       author = excluded.author, updated_at = excluded.updated_at`,
  ).run(c.id, c.label, c.mergedInto, c.hidden ? 1 : 0, author, nowIso());
}
