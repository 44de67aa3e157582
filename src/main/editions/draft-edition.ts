// The draft edition: next year's table while the ministries are being asked for it (「新年度の照会を
// 始める」). It lives beside the current edition in edition_items / edition_sections under its own
// fiscal year, so the live plan does not move until it is published (publish-edition.ts). Its items
// start as the current edition's (titles, placement, ministries, lead) with this year's actions empty
// and the future directions as the starting text; last year's directions are not copied: they are the
// current edition's, read from there as the reference the ministries answer against.
import { createHash } from 'node:crypto';
import type { Bullet } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { editionLabel, followUpTitleTail, fiscalYearLabel, type DraftStartResult } from '../../shared/editions';
import type { Db } from '../store/database';
import { currentEdition } from '../store/edition-store';
import { nowIso } from '../store/plan-store';
import { editionItems, editionSections, plainBullets, writeEditionRows, type PlainItem } from './edition-items';

/** The draft edition held, if any (there is at most one). */
export function draftYear(db: Db): number | null {
  return (db.prepare("SELECT fiscal_year FROM editions WHERE status = 'draft'").pluck().get() as number | undefined) ?? null;
}

/** Refuses unless `fiscalYear` is the draft edition; `what` (「公開する」) names what was asked, for the message. */
export function requireDraft(db: Db, fiscalYear: number, what: string): void {
  const status = db.prepare('SELECT status FROM editions WHERE fiscal_year = ?').pluck().get(fiscalYear) as string | undefined;
  if (status === 'draft') return;
  const label = editionLabel(fiscalYear);
  const state =
    status === undefined
      ? `${label}の作成中の版はありません(破棄されたか、まだ始めていません)`
      : status === 'current'
        ? `${label}はすでに公開され、現在の版になっています`
        : `${label}は過去の版です`;
  throw new AppError('conflict', `${state}。${what}ことはできません。データベースは変更していません。`);
}

/** The title of next year's table: the current title with its year moved on (「…令和8年度の実施と今後の方向性等」). */
function draftTitle(currentTitle: string, currentYear: number, fiscalYear: number): string {
  const tail = followUpTitleTail(currentYear);
  if (currentTitle.includes(tail)) return currentTitle.replace(tail, followUpTitleTail(fiscalYear));
  const year = fiscalYearLabel(currentYear);
  return currentTitle.includes(year) ? currentTitle.split(year).join(fiscalYearLabel(fiscalYear)) : currentTitle;
}

/**
 * 「新年度の照会を始める」: create the draft edition `fiscalYear` (the current year + 1) from the current
 * edition. Refused (nothing written) for any other year, or while a draft exists.
 */
export function startDraft(db: Db, fiscalYear: number): DraftStartResult {
  return db
    .transaction(() => {
      const current = currentEdition(db);
      if (!current) throw new AppError('conflict', 'まだ版がありません。計画を読み込んでから新年度の照会を始めてください。');
      const existing = draftYear(db);
      if (existing !== null) {
        throw new AppError(
          'conflict',
          `${editionLabel(existing)}の作成中の版がすでにあります。公開するか破棄してから新しい照会を始めてください。データベースは変更していません。`,
        );
      }
      const next = current.fiscalYear + 1;
      if (fiscalYear !== next) {
        throw new AppError(
          'bad_request',
          `新年度の照会は、現在の版(${current.label})の次の年度(${fiscalYearLabel(next)})についてだけ始められます(指定: ${fiscalYearLabel(fiscalYear)})。データベースは変更していません。`,
        );
      }
      const staged = db
        .prepare("SELECT id, source_name FROM edition_batches WHERE fiscal_year = ? AND status = 'staged'")
        .get(fiscalYear) as { id: number; source_name: string } | undefined;
      if (staged) {
        throw new AppError(
          'conflict',
          `${editionLabel(fiscalYear)}の資料の取り込み(#${staged.id} ${staged.source_name})が確認待ちです。反映するか破棄してから新年度の照会を始めてください。データベースは変更していません。`,
        );
      }
      if (db.prepare('SELECT 1 FROM editions WHERE fiscal_year = ?').get(fiscalYear)) {
        throw new AppError('conflict', `${editionLabel(fiscalYear)}はすでにあります。データベースは変更していません。`);
      }
      const title = draftTitle(current.title, current.fiscalYear, fiscalYear);
      db.prepare(
        "INSERT INTO editions (fiscal_year, title, source_name, source_sha256, loaded_at, status) VALUES (?, ?, NULL, NULL, ?, 'draft')",
      ).run(fiscalYear, title, nowIso());
      // This year's actions start empty; the future directions are the starting text of the answers.
      const items = editionItems(db, current.fiscalYear).map((it) => ({ ...it, actions: [] }));
      writeEditionRows(db, fiscalYear, items, editionSections(db, current.fiscalYear));
      return { fiscalYear, title, items: items.length };
    })
    .immediate();
}

/**
 * Drop the draft edition and its rows (the round is abandoned); the current edition and the live plan
 * do not change. Its workbooks returned later are refused (requireDraft), as are its staged batches.
 */
export function discardDraft(db: Db, fiscalYear: number): { fiscalYear: number } {
  db.transaction(() => {
    requireDraft(db, fiscalYear, '破棄する');
    // Its returned workbooks waiting for review go with it: they could never be applied.
    db.prepare("UPDATE import_batches SET status = 'discarded' WHERE draft_year = ? AND status = 'staged'").run(fiscalYear);
    deleteDraftRows(db, fiscalYear);
    db.prepare("DELETE FROM editions WHERE fiscal_year = ? AND status = 'draft'").run(fiscalYear);
  }).immediate();
  return { fiscalYear };
}

/**
 * Returned workbooks of the draft still waiting for review: publishing now would leave their answers
 * out of the published edition and make them impossible to apply, so it is refused until each is
 * applied or discarded.
 */
export function refuseWhileAnswersStaged(db: Db, fiscalYear: number): void {
  const staged = db
    .prepare("SELECT id, file_name FROM import_batches WHERE draft_year = ? AND status = 'staged' ORDER BY id")
    .all(fiscalYear) as { id: number; file_name: string }[];
  if (staged.length === 0) return;
  const names = staged.map((b) => `#${b.id} ${b.file_name}`).join('、');
  throw new AppError(
    'conflict',
    `${editionLabel(fiscalYear)}に取り込む照会票が確認待ちです(${names})。「取り込み」で反映するか破棄してから公開してください。データベースは変更していません。`,
  );
}

/** A digest of the draft's items and sections: publishing checks nothing moved between its checks and its write. */
export function draftDigest(db: Db, fiscalYear: number): string {
  const h = createHash('sha256');
  for (const table of ['edition_items', 'edition_sections']) {
    for (const row of db.prepare(`SELECT * FROM ${table} WHERE fiscal_year = ? ORDER BY position`).raw().all(fiscalYear))
      h.update(JSON.stringify(row));
  }
  return h.digest('hex');
}

/** The draft's items by key (what a returned workbook is merged against). */
export function draftItems(db: Db, fiscalYear: number): Map<string, PlainItem> {
  return new Map(editionItems(db, fiscalYear).map((it) => [it.key, it]));
}

/** Write one answer field of a draft item (the merge of a returned workbook). False when the value is the same. */
export function writeDraftField(db: Db, fiscalYear: number, key: string, field: 'actions' | 'future', bullets: Bullet[]): boolean {
  const column = field === 'actions' ? 'actions' : 'future';
  const before = db.prepare(`SELECT ${column} FROM edition_items WHERE fiscal_year = ? AND key = ?`).pluck().get(fiscalYear, key) as
    string | undefined;
  if (before === undefined) throw new AppError('not_found', `${editionLabel(fiscalYear)}に項目 ${key} はありません。`);
  const after = plainBullets(bullets);
  if (before === after) return false;
  db.prepare(`UPDATE edition_items SET ${column} = ? WHERE fiscal_year = ? AND key = ?`).run(after, fiscalYear, key);
  return true;
}

/**
 * Publishing moves the draft's content into the live tables, and its rows go: a current edition is read
 * from the live plan, and archiving it later writes its rows afresh.
 */
export function deleteDraftRows(db: Db, fiscalYear: number): void {
  db.prepare('DELETE FROM edition_items WHERE fiscal_year = ?').run(fiscalYear);
  db.prepare('DELETE FROM edition_sections WHERE fiscal_year = ?').run(fiscalYear);
}
