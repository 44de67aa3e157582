// 「公開する」: the draft edition becomes the current one. After a backup, in one immediate transaction
// that first checks neither the draft nor the current edition moved since the checks (the backup lets
// other writers in): the current edition is archived as an edition import archives it, and the live
// items take the draft's content under their own keys, each changed text a revision
// (`edition:publish#YEAR`) with its search entry rebuilt. Killed at any moment, the database is
// either as it was or published in full (tests/integration/draft-publish-crash.test.ts).
import { AppError } from '../../shared/errors';
import { editionLabel, type DraftPublishResult } from '../../shared/editions';
import { backupDatabase, writeAfterBackup } from '../store/backups';
import type { Db } from '../store/database';
import { currentEdition } from '../store/edition-store';
import { nowIso } from '../store/plan-store';
import { archiveCurrentEdition, itemTextWriter } from './apply-edition';
import { deleteDraftRows, draftDigest, refuseWhileAnswersStaged, requireDraft } from './draft-edition';
import { currentDigest, editionItems } from './edition-items';

function currentYearOrRefuse(db: Db, fiscalYear: number): number {
  const current = currentEdition(db);
  if (!current || current.fiscalYear !== fiscalYear - 1) {
    throw new AppError(
      'conflict',
      `${editionLabel(fiscalYear)}は、その前年度の版が現在の版のときにだけ公開できます(現在の版: ${current?.label ?? 'なし'})。データベースは変更していません。`,
    );
  }
  return current.fiscalYear;
}

export async function publishDraft(db: Db, fiscalYear: number, author: string): Promise<DraftPublishResult> {
  requireDraft(db, fiscalYear, '公開する');
  const previousYear = currentYearOrRefuse(db, fiscalYear);
  refuseWhileAnswersStaged(db, fiscalYear);
  const draftToken = draftDigest(db, fiscalYear);
  const currentToken = currentDigest(db);
  const backup = await backupDatabase(db, `before-publish-${fiscalYear}`);
  const result: DraftPublishResult = { fiscalYear, previousYear, updated: 0, revisions: 0, dropped: [], backup: backup.name };
  const write = db.transaction(() => {
    // Read again: the backup let other writers in.
    requireDraft(db, fiscalYear, '公開する');
    currentYearOrRefuse(db, fiscalYear);
    refuseWhileAnswersStaged(db, fiscalYear);
    if (draftDigest(db, fiscalYear) !== draftToken || currentDigest(db) !== currentToken) {
      throw new AppError(
        'conflict',
        `${editionLabel(fiscalYear)}の公開を準備している間に、作成中の版か現在の版が変更されました。もう一度公開してください。データベースは変更していません。`,
      );
    }
    const draft = editionItems(db, fiscalYear);
    const now = nowIso();
    archiveCurrentEdition(db, previousYear);
    // The draft's rows go: a current edition is read from the live plan.
    deleteDraftRows(db, fiscalYear);
    db.prepare("UPDATE editions SET status = 'current', loaded_at = ? WHERE fiscal_year = ?").run(now, fiscalYear);

    const writeTexts = itemTextWriter(db, `edition:publish#${fiscalYear}`, author, now);
    const placeOf = db.prepare('SELECT section_id, label, position, ministries, lead, retired_in FROM items WHERE key = ?');
    const place = db.prepare(
      `UPDATE items SET section_id = ?, major = ?, middle = ?, area = ?, label = ?, position = ?, ministries = ?, lead = ?,
         relisted_from = ?, retired_in = NULL WHERE key = ?`,
    );
    const inDraft = new Set<string>();
    for (const it of draft) {
      inDraft.add(it.key);
      const was = placeOf.get(it.key) as
        { section_id: string; label: string; position: number; ministries: string; lead: string; retired_in: number | null } | undefined;
      if (!was) throw new AppError('internal', `${editionLabel(fiscalYear)}の項目 ${it.key} が計画にありません。公開を中止しました。`);
      const ministries = JSON.stringify(it.ministries);
      const lead = JSON.stringify(it.lead);
      const moved =
        was.section_id !== it.sectionId ||
        was.label !== it.label ||
        was.position !== it.position ||
        was.ministries !== ministries ||
        was.lead !== lead ||
        was.retired_in !== null;
      if (moved) place.run(it.sectionId, it.major, it.middle, it.area, it.label, it.position, ministries, lead, it.relistedFrom, it.key);
      const revisions = writeTexts(it.key, it, undefined, was.retired_in !== null);
      result.revisions += revisions;
      if (moved || revisions) result.updated += 1;
    }
    // Items the draft no longer has (none unless the live plan gained some since the draft was
    // started) are retired like those a new edition drops: keys kept, out of the index.
    const retire = db.prepare('UPDATE items SET retired_in = ?, origin = NULL WHERE key = ?');
    const unindex = db.prepare('DELETE FROM search_docs WHERE item_key = ?');
    for (const key of db.prepare('SELECT key FROM items WHERE retired_in IS NULL ORDER BY position').pluck().all() as string[]) {
      if (inDraft.has(key)) continue;
      retire.run(fiscalYear, key);
      unindex.run(key);
      result.dropped.push(key);
    }
  });
  writeAfterBackup(db, backup.name, write);
  return result;
}
