// Carrying an edition's annotations forward to a later edition (「前年度の注釈を引き継ぐ」): each
// annotation of `from` (with its replies) is copied to the same item key in `to` and re-anchored on
// that edition's text with the ordinary anchoring. One whose words are gone is still copied, as an
// orphan of `to` that keeps its original quote; one whose item `to` dropped is not copied.
//
// The copy's id is derived from the original's id and the target edition, so carrying twice (here,
// or in another reviewer's database whose file is merged later) yields the same record, never a
// second one: the origin is remembered in the id itself as well as in `carriedFrom`.
import { createHash } from 'node:crypto';
import { fieldSegments, type AnnotationCore, type CarryForwardResult } from '../../shared/annotations';
import { createAnchor } from '../../shared/annotations/anchor';
import { editionLabel } from '../../shared/editions/fiscal-year';
import { AppError } from '../../shared/errors';
import { findAnnotation, readAllAnnotations, saveCore, saveReply } from '../store/annotation-store';
import type { Db } from '../store/database';
import { anchorState, editionItemLookup } from './views';

/** A name-based (version 5 layout) UUID for the copy of record `id` in edition `to`. */
export function carriedId(id: string, to: number): string {
  const h = createHash('sha1').update(`council-desk/carry:${id}:${to}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function heldEdition(db: Db, fiscalYear: number): void {
  const held = db.prepare('SELECT 1 FROM editions WHERE fiscal_year = ?').get(fiscalYear);
  if (!held) throw new AppError('not_found', `${editionLabel(fiscalYear)}はこのデータベースにありません。`);
}

export function carryForward(db: Db, from: number, to: number): CarryForwardResult {
  if (from >= to) {
    throw new AppError(
      'bad_request',
      `注釈は前の版から後の版へ引き継ぎます(${editionLabel(from)} → ${editionLabel(to)} は引き継げません)。`,
    );
  }
  const result: CarryForwardResult = { from, to, carried: 0, orphaned: [], skipped: [] };
  db.transaction(() => {
    heldEdition(db, from);
    heldEdition(db, to);
    const target = editionItemLookup(db, to);
    for (const { replies, ...original } of readAllAnnotations(db, from)) {
      if (original.deletedAt) continue;
      const id = carriedId(original.id, to);
      if (findAnnotation(db, id)) {
        result.skipped.push({ key: original.itemKey, reason: 'already_carried' });
        continue;
      }
      const item = target(original.itemKey);
      if (!item) {
        result.skipped.push({ key: original.itemKey, reason: 'item_dropped' });
        continue;
      }
      const copy: AnnotationCore = { ...original, id, fiscalYear: to, carriedFrom: original.id };
      const place = anchorState(original, item);
      if (place.state === 'anchored' && original.field) {
        const bulletIndex = place.bulletIndex ?? 0;
        copy.anchor = createAnchor(fieldSegments(item, original.field), { bulletIndex, start: place.start, end: place.end }, item.version);
        copy.bulletIndex = place.bulletIndex;
      } else if (place.state === 'orphan' && original.anchor) {
        result.orphaned.push({ key: original.itemKey, quote: original.anchor.quote });
      }
      saveCore(db, copy);
      for (const reply of replies) if (!reply.deletedAt) saveReply(db, id, { ...reply, id: carriedId(reply.id, to) });
      result.carried += 1;
    }
  }).immediate();
  return result;
}
