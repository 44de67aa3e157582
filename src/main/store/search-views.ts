// Saved views: the list filters and search text stored under a name the user chose, listed in the
// outline. Names are unique, so the outline never shows two views a user cannot tell apart.
import type { ItemListArgs, SavedView } from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { Db } from './database';
import { nowIso } from './plan-store';

interface ViewRow {
  id: number;
  name: string;
  filters: string;
  query: string;
  updated_at: string;
}

export function listViews(db: Db): SavedView[] {
  const rows = db.prepare('SELECT id, name, filters, query, updated_at FROM saved_views ORDER BY name').all() as ViewRow[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    filters: JSON.parse(r.filters) as ItemListArgs,
    query: r.query,
    updatedAt: r.updated_at,
  }));
}

function assertNameFree(db: Db, name: string, id: number | null): void {
  const other = db.prepare('SELECT id FROM saved_views WHERE name = ?').get(name) as { id: number } | undefined;
  if (other && other.id !== id) throw new AppError('conflict', `「${name}」という名前のビューはすでにあります。別の名前にしてください`);
}

export function saveView(db: Db, name: string, filters: ItemListArgs, query: string): SavedView[] {
  db.transaction(() => {
    assertNameFree(db, name, null);
    const now = nowIso();
    db.prepare('INSERT INTO saved_views (name, filters, query, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(
      name,
      JSON.stringify(filters),
      query.trim(),
      now,
      now,
    );
  }).immediate();
  return listViews(db);
}

function assertExists(db: Db, id: number): void {
  if (!db.prepare('SELECT 1 FROM saved_views WHERE id = ?').get(id))
    throw new AppError('not_found', 'このビューは見つかりません(削除された可能性があります)');
}

export function renameView(db: Db, id: number, name: string): SavedView[] {
  db.transaction(() => {
    assertExists(db, id);
    assertNameFree(db, name, id);
    db.prepare('UPDATE saved_views SET name = ?, updated_at = ? WHERE id = ?').run(name, nowIso(), id);
  }).immediate();
  return listViews(db);
}

export function deleteView(db: Db, id: number): SavedView[] {
  db.transaction(() => {
    assertExists(db, id);
    db.prepare('DELETE FROM saved_views WHERE id = ?').run(id);
  }).immediate();
  return listViews(db);
}
