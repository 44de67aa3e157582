// Loading source documents from a folder (the bundled seeds/ on first start, the CLI `seed`): the
// first follow-up table is loaded directly; a changed or newer one is matched to the current edition
// by content and staged as an edition import, to be reviewed and applied (src/main/editions).
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { stageEdition } from '../editions/edition-batches';
import type { Db } from '../store/database';
import { currentEdition } from '../store/edition-store';
import { checkSourceSize, detectKind, ingestText, sha256, type IngestReport } from './ingest';

export interface LoadReport extends IngestReport {
  /** The edition import a changed follow-up table was staged as (nothing written yet). */
  staged: number | null;
}

/** Load one document: directly when it is the first table (or a project sheet), staged otherwise. */
export function loadSource(db: Db, name: string, text: string): LoadReport {
  checkSourceSize(name, Buffer.byteLength(text));
  const edition = currentEdition(db);
  if (detectKind(text) !== 'plan' || edition === null || edition.items === 0) return { ...ingestText(db, name, text), staged: null };
  const hash = sha256(text);
  const known = db.prepare('SELECT sha256 FROM documents WHERE name = ?').pluck().get(name) as string | undefined;
  const unchanged: LoadReport = {
    document: name,
    kind: 'plan',
    unchanged: true,
    created: 0,
    updated: 0,
    revisions: 0,
    warnings: [],
    staged: null,
  };
  if (known === hash || edition.sourceSha256 === hash) return unchanged;
  const batch = stageEdition(db, name, text);
  return {
    ...unchanged,
    unchanged: false,
    staged: batch.id,
    warnings: [
      `版の取り込み #${batch.id} として準備しました(${batch.kind === 'new' ? '新しい版' : '現在の版の資料の変更'})。確認して反映するまで計画は変わりません。`,
    ],
  };
}

/** Load every .txt in a folder, the follow-up table first (projects may refer to it). */
export function ingestDir(db: Db, dir: string): LoadReport[] {
  let names: string[];
  try {
    names = fs
      .readdirSync(dir)
      .filter((n) => n.endsWith('.txt'))
      .sort();
  } catch {
    throw new AppError('seed', `資料のフォルダーが見つかりません: ${dir}`);
  }
  if (names.length === 0) throw new AppError('seed', `資料のフォルダーに .txt がありません: ${dir}`);
  // Every file's size is checked before any is read or ingested: a folder with one oversized file
  // changes nothing.
  for (const n of names) checkSourceSize(n, fs.statSync(path.join(dir, n)).size);
  return names.map((n) => loadSource(db, n, fs.readFileSync(path.join(dir, n), 'utf8')));
}

/** First start: an empty store is filled from the bundled seeds. */
export function ensureSeeded(db: Db, dir: string): LoadReport[] | null {
  const count = (db.prepare('SELECT COUNT(*) AS n FROM items').get() as { n: number }).n;
  return count === 0 ? ingestDir(db, dir) : null;
}
