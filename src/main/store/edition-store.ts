// The editions of the plan held in this database (see src/shared/editions.ts).
import { editionLabel, type EditionInfo, type EditionStatus } from '../../shared/editions';
import type { Db } from './database';

interface EditionRow {
  fiscal_year: number;
  title: string;
  source_name: string | null;
  source_sha256: string | null;
  loaded_at: string;
  status: EditionStatus;
}

function toInfo(db: Db, r: EditionRow): EditionInfo {
  // The current edition's items are the live plan (less those an edition dropped); others' are frozen.
  const items =
    r.status === 'current'
      ? (db.prepare('SELECT COUNT(*) FROM items WHERE retired_in IS NULL').pluck().get() as number)
      : (db.prepare('SELECT COUNT(*) FROM edition_items WHERE fiscal_year = ?').pluck().get(r.fiscal_year) as number);
  return {
    fiscalYear: r.fiscal_year,
    label: editionLabel(r.fiscal_year),
    title: r.title,
    sourceName: r.source_name,
    sourceSha256: r.source_sha256,
    loadedAt: r.loaded_at,
    status: r.status,
    items,
  };
}

export function listEditions(db: Db): EditionInfo[] {
  const rows = db.prepare('SELECT * FROM editions ORDER BY fiscal_year').all() as EditionRow[];
  return rows.map((r) => toInfo(db, r));
}

export function currentEdition(db: Db): EditionInfo | null {
  const row = db.prepare("SELECT * FROM editions WHERE status = 'current'").get() as EditionRow | undefined;
  return row ? toInfo(db, row) : null;
}

/** The fiscal year of the current edition (names the actions field), null before anything is loaded. */
export function currentFiscalYear(db: Db): number | null {
  return (db.prepare("SELECT fiscal_year FROM editions WHERE status = 'current'").pluck().get() as number | undefined) ?? null;
}

/** Record the loaded source of the current edition (the first load creates it). */
export function recordCurrentEdition(
  db: Db,
  e: { fiscalYear: number; title: string; sourceName: string; sourceSha256: string; loadedAt: string },
): void {
  db.prepare(
    `INSERT INTO editions (fiscal_year, title, source_name, source_sha256, loaded_at, status) VALUES (?, ?, ?, ?, ?, 'current')
     ON CONFLICT(fiscal_year) DO UPDATE SET title = excluded.title, source_name = excluded.source_name,
       source_sha256 = excluded.source_sha256, loaded_at = excluded.loaded_at`,
  ).run(e.fiscalYear, e.title, e.sourceName, e.sourceSha256, e.loadedAt);
}
