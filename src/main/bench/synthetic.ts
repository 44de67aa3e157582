// A synthetic plan N times the real one, made from the real items, for benchmarks and UI scale
// tests. Copies keep the real text (so search and comparison see realistic Japanese) with a copy
// number in the title, and get keys whose last number is offset by 100 per copy.
import type { Db } from '../store/database';
import { nowIso, replaceBullets } from '../store/plan-store';
import { indexItem } from '../store/search';

export function makeSyntheticPlan(db: Db, factor: number): number {
  const items = db.prepare('SELECT * FROM items WHERE origin IS NOT NULL ORDER BY position').all() as Record<string, unknown>[];
  const bullets = db.prepare('SELECT level, text FROM bullets WHERE item_key = ? AND field = ? ORDER BY ord');
  const insertKey = db.prepare('INSERT INTO issued_keys (key, issued_at) VALUES (?, ?)');
  const insertItem = db.prepare(
    `INSERT INTO items (key, section_id, major, middle, area, label, position, title, ministries, lead, warnings, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?)`,
  );
  let created = 0;
  db.transaction(() => {
    const now = nowIso();
    for (let copy = 1; copy < factor; copy++) {
      for (const it of items) {
        const parts = String(it.key).split('-');
        const last = Number(parts.pop()) + 100 * copy;
        const key = [...parts, last].join('-');
        insertKey.run(key, now);
        insertItem.run(
          key,
          it.section_id,
          it.major,
          it.middle,
          it.area,
          it.label,
          copy * items.length + Number(it.position),
          `${String(it.title)}(複製${copy})`,
          it.ministries,
          it.lead,
          now,
          now,
        );
        for (const field of ['actions', 'future'] as const) {
          replaceBullets(db, key, field, bullets.all(it.key, field) as { level: number; text: string }[]);
        }
        indexItem(db, key);
        created += 1;
      }
    }
  })();
  return created;
}
