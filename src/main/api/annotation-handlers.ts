// The API methods of annotations (issue 5): list with anchor states, create, edit, delete, reply,
// counts for the outline, and the Excel share (export; import = merge by id).
import type { AnnotationImportOutcome } from '../../shared/annotations';
import type { Handlers } from '../../shared/api';
import { toErrorPayload } from '../../shared/errors';
import { createAnnotation, deleteAnnotation, replyTo, updateAnnotation } from '../annotations/annotate';
import { annotationCounts, annotationView, listAnnotationViews } from '../annotations/views';
import type { Db } from '../store/database';
import { listHistory } from '../store/annotation-store';
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
  | 'annotations.history';

const NOTHING = { created: 0, updated: 0, unchanged: 0 };

export function annotationHandlers(db: Db): Pick<Handlers, AnnotationMethods> {
  return {
    'annotations.list': (args) => listAnnotationViews(db, args ?? {}),
    'annotations.create': ({ field, ...input }) => annotationView(db, createAnnotation(db, { ...input, field: field ?? null })),
    'annotations.update': ({ id, author, ...changes }) => annotationView(db, updateAnnotation(db, id, changes, author)),
    'annotations.delete': ({ id }) => annotationView(db, deleteAnnotation(db, id)),
    'annotations.reply': ({ id, text, author }) => annotationView(db, replyTo(db, id, text, author)),
    'annotations.counts': () => annotationCounts(db),
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
