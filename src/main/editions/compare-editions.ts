// Two editions compared item by item (their keys are the same item across editions): what the
// 新旧対照表 shows, and the follow-up of last year's promises in this year's actions.
import { AppError } from '../../shared/errors';
import { editionLabel, followUpItem, summarizeFollowUp, type EditionDiff, type FollowUpReport } from '../../shared/editions';
import type { Db } from '../store/database';
import { currentFiscalYear } from '../store/edition-store';
import { editionItems, editionRow } from './edition-items';
import { fieldChanges } from './edition-batches';

export function diffEditions(db: Db, from: number, to: number): EditionDiff {
  if (from === to) throw new AppError('bad_request', `比べる2つの版が同じです(${editionLabel(from)})。`);
  const before = editionItems(db, from);
  const after = editionItems(db, to);
  const beforeByKey = new Map(before.map((it) => [it.key, it]));
  const afterKeys = new Set(after.map((it) => it.key));
  const diff: EditionDiff = { from, to, added: [], dropped: [], renumbered: [], moved: [], changed: [] };
  for (const it of after) {
    const old = beforeByKey.get(it.key);
    if (!old) {
      diff.added.push({ key: it.key, label: it.label, section: it.sectionId, title: it.title });
      continue;
    }
    if (old.label !== it.label) diff.renumbered.push({ key: it.key, title: it.title, from: old.label, to: it.label });
    if (old.sectionId !== it.sectionId) diff.moved.push({ key: it.key, title: it.title, from: old.sectionId, to: it.sectionId });
    for (const c of fieldChanges(old, it)) diff.changed.push({ key: it.key, title: it.title, ...c });
  }
  for (const it of before) {
    if (!afterKeys.has(it.key)) diff.dropped.push({ key: it.key, label: it.label, section: it.sectionId, title: it.title });
  }
  return diff;
}

/** The edition before `fiscalYear` that this database holds, or null. */
export function previousEdition(db: Db, fiscalYear: number): number | null {
  return (db.prepare('SELECT MAX(fiscal_year) FROM editions WHERE fiscal_year < ?').pluck().get(fiscalYear) as number | null) ?? null;
}

/** For each item of an edition that the previous edition also had: its promises of last year and what became of them. */
export function followUpReport(db: Db, fiscalYear = currentFiscalYear(db)): FollowUpReport {
  if (fiscalYear === null) throw new AppError('not_found', 'まだ版がありません。');
  editionRow(db, fiscalYear);
  const previousYear = previousEdition(db, fiscalYear);
  if (previousYear === null) {
    throw new AppError(
      'not_found',
      `${editionLabel(fiscalYear)}の前の版がこのデータベースにないため、前年度の今後の方向性と比べられません。`,
    );
  }
  const before = new Map(editionItems(db, previousYear).map((it) => [it.key, it]));
  const items = editionItems(db, fiscalYear)
    .filter((it) => before.has(it.key))
    .map((it) => ({
      key: it.key,
      label: it.label,
      section: it.sectionId,
      title: it.title,
      ministries: it.ministries,
      promises: followUpItem(before.get(it.key)!.future, it.actions, fiscalYear),
    }));
  const summary = summarizeFollowUp(
    items.map((it) => ({ key: it.key, sectionId: it.section, ministries: it.ministries.map((code) => ({ code })), promises: it.promises })),
  );
  return { fiscalYear, previousYear, items, summary };
}
