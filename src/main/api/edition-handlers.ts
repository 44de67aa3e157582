// The API methods of editions: staging and applying a follow-up table as an edition, the comparison
// of two editions (and its 新旧対照表 workbook), the follow-up of last year's promises.
import type { Handlers } from '../../shared/api';
import { AppError } from '../../shared/errors';
import { applyEdition } from '../editions/apply-edition';
import { discardDraft, startDraft } from '../editions/draft-edition';
import { publishDraft } from '../editions/publish-edition';
import { followUpReport, diffEditions } from '../editions/compare-editions';
import { discardEditionBatch, editionBatchDetail, listEditionBatches, pairEditionItem, stageEdition } from '../editions/edition-batches';
import { checkSourceSize } from '../ingest/ingest';
import type { Db } from '../store/database';
import { listEditions } from '../store/edition-store';
import { nowIso } from '../store/plan-store';
import { fileInputs } from './round-trip-handlers';

type EditionMethods =
  | 'editions.list'
  | 'editions.stage'
  | 'editions.batches'
  | 'editions.get'
  | 'editions.pair'
  | 'editions.apply'
  | 'editions.discard'
  | 'editions.diff'
  | 'editions.followup'
  | 'editions.start'
  | 'editions.publish'
  | 'editions.discardDraft'
  | 'editions.exportComparison';

/** A workbook by its first bytes: a zip (.xlsx), or the OLE container of an old .xls or an encrypted book. */
function isWorkbook(bytes: Buffer): boolean {
  const magic = bytes.subarray(0, 4).toString('hex');
  return magic === '504b0304' || magic === 'd0cf11e0';
}

function sourceText(name: string, bytes: Buffer): string {
  checkSourceSize(name, bytes.length);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\uFFFD'))
    throw new AppError('bad_request', `${name}: UTF-8 のテキストとして読めません。文字コードを UTF-8 にして保存し直してください。`);
  return text;
}

export function editionHandlers(db: Db): Pick<Handlers, EditionMethods> {
  return {
    'editions.list': () => listEditions(db),
    // A follow-up table comes as its text extraction, or as the consolidated table workbook Council
    // Desk exports (table-source.ts, loaded only when a workbook comes).
    'editions.stage': async ({ files, uploads }) => {
      const staged = [];
      for (const input of fileInputs(files, uploads)) {
        const bytes = input.load();
        if (isWorkbook(bytes)) {
          const { stageTableWorkbook } = await import('../editions/table-source');
          staged.push(await stageTableWorkbook(db, input.name, bytes));
        } else staged.push(stageEdition(db, input.name, sourceText(input.name, bytes)));
      }
      return staged;
    },
    'editions.batches': () => listEditionBatches(db),
    'editions.get': ({ batch }) => editionBatchDetail(db, batch),
    'editions.pair': ({ batch, index, decision }) => pairEditionItem(db, batch, index, decision),
    'editions.apply': ({ batch, author }) => applyEdition(db, batch, author),
    'editions.discard': ({ batch }) => discardEditionBatch(db, batch),
    'editions.diff': ({ from, to }) => diffEditions(db, from, to),
    'editions.followup': (args) => followUpReport(db, args?.fiscalYear),
    'editions.start': ({ fiscalYear }) => startDraft(db, fiscalYear),
    'editions.publish': ({ fiscalYear, author }) => publishDraft(db, fiscalYear, author),
    'editions.discardDraft': ({ fiscalYear }) => discardDraft(db, fiscalYear),
    'editions.exportComparison': async ({ from, to, outFile }) => {
      // exceljs loads when a workbook is first written, not with the API.
      const { buildComparisonWorkbook, comparisonFileName } = await import('../editions/comparison-workbook');
      const { workbookBase64, writeWorkbookFile } = await import('../excel/export-ministry');
      const { workbook, items } = buildComparisonWorkbook(db, from, to);
      const fileName = comparisonFileName(from, to, nowIso());
      const info = { exportId: '', ministry: null, items };
      if (outFile === undefined) return { ...info, file: fileName, dataBase64: await workbookBase64(workbook) };
      await writeWorkbookFile(workbook, outFile);
      return { ...info, file: outFile };
    },
  };
}
