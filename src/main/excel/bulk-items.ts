// Whole items for many keys in two queries. Exports and imports touch thousands of items at once;
// reading them one by one (three statements each) cost 1.5 s at 100× the real plan.
import type { Bullet, ItemSummary } from '../../shared/domain';
import type { Db } from '../store/database';

type Fields = { r7: Bullet[]; future: Bullet[] };

/** Every item's R7 and future bullets, by key (plain bullets: the tags are not needed here). */
export function bulletsByItem(db: Db): Map<string, Fields> {
  const rows = db.prepare('SELECT item_key, field, level, text FROM bullets ORDER BY item_key, field, ord').all() as {
    item_key: string;
    field: 'r7' | 'future';
    level: number;
    text: string;
  }[];
  const out = new Map<string, Fields>();
  for (const r of rows) {
    let f = out.get(r.item_key);
    if (!f) {
      f = { r7: [], future: [] };
      out.set(r.item_key, f);
    }
    f[r.field].push({ text: r.text, level: r.level });
  }
  return out;
}

export type ExportItem = ItemSummary & Fields;

export function withBullets(db: Db, summaries: ItemSummary[]): ExportItem[] {
  const bullets = bulletsByItem(db);
  return summaries.map((s) => ({ ...s, r7: bullets.get(s.key)?.r7 ?? [], future: bullets.get(s.key)?.future ?? [] }));
}
