// Ingest warnings a person has confirmed (確認済み): who and when, per warning text, so the count of
// unchecked warnings can reach zero without hiding what the ingest said.
import { AppError } from '../../shared/errors';
import type { Db } from './database';
import { nowIso } from './plan-store';

export interface WarningCheck {
  warning: string;
  checkedBy: string;
  checkedAt: string;
}

/** Every check, by item key. */
export function warningChecksByItem(db: Db): Map<string, WarningCheck[]> {
  const rows = db.prepare('SELECT item_key, warning, checked_by, checked_at FROM warning_checks').all() as {
    item_key: string;
    warning: string;
    checked_by: string;
    checked_at: string;
  }[];
  const out = new Map<string, WarningCheck[]>();
  for (const r of rows) {
    const list = out.get(r.item_key) ?? [];
    list.push({ warning: r.warning, checkedBy: r.checked_by, checkedAt: r.checked_at });
    out.set(r.item_key, list);
  }
  return out;
}

/**
 * Mark the item's warnings as checked: the one given, or all of them. A warning the item does not
 * have is refused (and nothing is written), so a stale page cannot confirm what it never showed.
 */
export function checkWarnings(db: Db, key: string, author: string, warning?: string): WarningCheck[] {
  return db.transaction(() => {
    const row = db.prepare('SELECT warnings FROM items WHERE key = ?').get(key) as { warnings: string } | undefined;
    if (!row) throw new AppError('not_found', `項目 ${key} が見つかりません。`);
    const warnings = JSON.parse(row.warnings) as string[];
    if (warnings.length === 0) throw new AppError('bad_request', `項目 ${key} には取込時の注意がありません。`);
    if (warning !== undefined && !warnings.includes(warning)) {
      throw new AppError('bad_request', `項目 ${key} にその取込時の注意はありません(画面を開き直してください)。`);
    }
    const now = nowIso();
    const insert = db.prepare(
      'INSERT INTO warning_checks (item_key, warning, checked_by, checked_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
    );
    for (const w of warning === undefined ? warnings : [warning]) insert.run(key, w, author, now);
    return warningChecksByItem(db).get(key) ?? [];
  })();
}
