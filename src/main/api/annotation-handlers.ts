// The API methods of annotations (issue 5): list with anchor states, create, edit, delete, reply,
// counts for the outline, the Excel share (export; import = merge by id), and carrying an edition's
// annotations forward to the next one.
import type { AnnotationImportOutcome } from '../../shared/annotations';
import type { Handlers } from '../../shared/api';
import { toErrorPayload } from '../../shared/errors';
import { editionLabel } from '../../shared/editions/fiscal-year';
import { AppError } from '../../shared/errors';
import { createAnnotation, deleteAnnotation, replyTo, updateAnnotation } from '../annotations/annotate';
import { carryForward } from '../annotations/carry';
import { annotationCounts, annotationView, listAnnotationViews } from '../annotations/views';
import type { Db } from '../store/database';
import { annotationEdition, listHistory } from '../store/annotation-store';
import { fileInputs } from './round-trip-handlers';

type AnnotationMethods =
  | 'annotations.list'
  | 'annotations.create'
  | 'annotations.update'
  | 'annotations.delete'
  | 'annotations.reply'
  | 'annotations.counts'
  | 'annotations.export'
  | 'annotations.import'
  | 'annotations.history'
  | 'annotations.carryForward';

const NOTHING = { created: 0, updated: 0, unchanged: 0 };

/** An edition asked for by name must be one held here, or one that annotations were made on (a merged file's). */
function knownEdition(db: Db, edition: number | undefined): number | undefined {
  if (edition === undefined || edition === annotationEdition(db)) return edition;
  const known =
    db.prepare('SELECT 1 FROM editions WHERE fiscal_year = ?').get(edition) ??
    db.prepare('SELECT 1 FROM annotations WHERE fiscal_year = ? LIMIT 1').get(edition);
  if (!known) throw new AppError('not_found', `${editionLabel(edition)}はこのデータベースにありません。`);
  return edition;
}

export function annotationHandlers(db: Db): Pick<Handlers, AnnotationMethods> {
  return {
    'annotations.list': (args) => listAnnotationViews(db, { ...args, edition: knownEdition(db, args?.edition) }),
    'annotations.create': ({ field, ...input }) => annotationView(db, createAnnotation(db, { ...input, field: field ?? null })),
    'annotations.update': ({ id, author, ...changes }) => annotationView(db, updateAnnotation(db, id, changes, author)),
    'annotations.delete': ({ id }) => annotationView(db, deleteAnnotation(db, id)),
    'annotations.reply': ({ id, text, author }) => annotationView(db, replyTo(db, id, text, author)),
    'annotations.counts': (args) => annotationCounts(db, knownEdition(db, args?.edition)),
    'annotations.carryForward': ({ from, to }) => carryForward(db, from, to),
    // The Excel share loads exceljs on first use (see round-trip-handlers.ts).
    'annotations.export': async (args) => (await import('../annotations/excel')).exportAnnotations(db, args?.outPath),
    'annotations.import': async ({ files, uploads }) => {
      const { importAnnotationFile } = await import('../annotations/excel');
      const out: AnnotationImportOutcome[] = [];
      // Each file is checked whole and merged in its own transaction: a bad one changes nothing and
      // does not stop the others.
      for (const input of fileInputs(files, uploads)) {
        try {
          out.push(await importAnnotationFile(db, input.name, input.load()));
        } catch (err) {
          out.push({ file: input.name, error: toErrorPayload(err).message, annotations: NOTHING, replies: NOTHING, warnings: [] });
        }
      }
      return out;
    },
    'annotations.history': ({ id }) => listHistory(db, id),
  };
}
