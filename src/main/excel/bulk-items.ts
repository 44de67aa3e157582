// Whole items for many keys in two queries. Exports and imports touch thousands of items at once;
// reading them one by one (three statements each) cost 1.5 s at 100× the real plan.
import type { Bullet, ItemSummary } from '../../shared/domain';
import type { Db } from '../store/database';

type Fields = { actions: Bullet[]; future: Bullet[] };

/** Every item's actions and future bullets, by key (plain bullets: the tags are not needed here). */
export function bulletsByItem(db: Db): Map<string, Fields> {
  // Rows as arrays (raw): tens of thousands of them at 100× the plan, objects cost twice the time.
  const rows = db.prepare('SELECT item_key, field, level, text FROM bullets ORDER BY item_key, field, ord').raw().all() as [
    string,
    'actions' | 'future',
    number,
    string,
  ][];
  const out = new Map<string, Fields>();
  let lastKey = '';
  let f: Fields | undefined;
  for (const [key, field, level, text] of rows) {
    if (key !== lastKey || !f) {
      lastKey = key;
      f = out.get(key);
      if (!f) out.set(key, (f = { actions: [], future: [] }));
    }
    f[field].push({ text, level });
  }
  return out;
}

export type ExportItem = ItemSummary & Fields;

export function withBullets(db: Db, summaries: ItemSummary[]): ExportItem[] {
  const bullets = bulletsByItem(db);
  return summaries.map((s) => ({ ...s, actions: bullets.get(s.key)?.actions ?? [], future: bullets.get(s.key)?.future ?? [] }));
}
