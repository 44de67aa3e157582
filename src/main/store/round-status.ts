// The round with the ministries, read from exports, import batches, their cells and the revisions
// the applied answers wrote: per ministry (照会状況) and per item (鮮度 of the quality labels).
import { MINISTRY_CODES, type ItemSummary, type MinistryCode } from '../../shared/domain';
import type { ItemRound, RoundRow } from '../../shared/dashboard/round';
import type { Db } from './database';

/** A change row (c) of a batch (b) that is a conflict still open: undecided in a file not yet applied. */
const OPEN_CONFLICT = "b.status = 'staged' AND c.kind = 'conflict' AND c.decision IS NULL AND c.applied_at IS NULL";

/** Per ministry: last inquiry export, what came back since, and who has not answered. */
export function roundStatus(db: Db, items: readonly ItemSummary[]): RoundRow[] {
  const lastExport = new Map(
    (
      db
        .prepare("SELECT ministry, MAX(created_at) AS at FROM exports WHERE kind = 'ministry' AND ministry IS NOT NULL GROUP BY ministry")
        .all() as {
        ministry: string;
        at: string;
      }[]
    ).map((r) => [r.ministry, r.at]),
  );
  const batches = db
    .prepare(
      `SELECT b.id, b.ministry, b.status, b.created_at,
              SUM(CASE WHEN c.kind NOT IN ('unchanged', 'same') THEN 1 ELSE 0 END) AS changed,
              SUM(CASE WHEN ${OPEN_CONFLICT} THEN 1 ELSE 0 END) AS conflicts,
              GROUP_CONCAT(DISTINCT CASE WHEN ${OPEN_CONFLICT} THEN c.item_key END) AS conflict_keys
         FROM import_batches b LEFT JOIN import_changes c ON c.batch_id = b.id
        WHERE b.status <> 'discarded' AND b.ministry IS NOT NULL
        GROUP BY b.id`,
    )
    .all() as {
    id: number;
    ministry: string;
    status: 'staged' | 'applied';
    created_at: string;
    changed: number | null;
    conflicts: number | null;
    /** Comma-separated (item keys hold no comma), or null when none. */
    conflict_keys: string | null;
  }[];
  return MINISTRY_CODES.map((ministry: MinistryCode) => {
    const exportedAt = lastExport.get(ministry) ?? null;
    const mine = batches.filter((b) => b.ministry === ministry && (exportedAt === null || b.created_at >= exportedAt));
    return {
      ministry,
      items: items.filter((it) => it.ministries.includes(ministry)).length,
      exportedAt,
      returnedFiles: mine.length,
      returnedAt: mine.reduce<string | null>((at, b) => (at === null || b.created_at > at ? b.created_at : at), null),
      staged: mine.filter((b) => b.status === 'staged').length,
      applied: mine.filter((b) => b.status === 'applied').length,
      cellsChanged: mine.reduce((n, b) => n + (b.changed ?? 0), 0),
      conflictsOpen: mine.reduce((n, b) => n + (b.conflicts ?? 0), 0),
      conflictKeys: [...new Set(mine.flatMap((b) => b.conflict_keys?.split(',') ?? []))].sort(),
      awaiting: exportedAt !== null && mine.length === 0,
    };
  });
}

/** Per item: the last export that held it, and the returned files whose answers changed it since. */
export function itemRounds(db: Db): Map<string, ItemRound> {
  const out = new Map<string, ItemRound>();
  const exported = db
    .prepare('SELECT v.item_key, MAX(e.created_at) AS at FROM export_values v JOIN exports e ON e.id = v.export_id GROUP BY v.item_key')
    .all() as { item_key: string; at: string }[];
  for (const r of exported) out.set(r.item_key, { lastExportAt: r.at, appliedSince: [] });
  const applied = db.prepare("SELECT item_key, source, created_at FROM revisions WHERE source LIKE 'import:%' ORDER BY id").all() as {
    item_key: string;
    source: string;
    created_at: string;
  }[];
  for (const r of applied) {
    const round = out.get(r.item_key);
    if (!round || r.created_at < round.lastExportAt!) continue;
    // source is `import:<file>#<batch>`: the file name is what the secretariat recognises.
    const file = r.source.slice('import:'.length).replace(/#\d+$/u, '');
    if (!round.appliedSince.includes(file)) round.appliedSince.push(file);
  }
  return out;
}
