// The API methods of the change list (変更一覧): the revisions of every item, filtered and paged,
// the same rows as a workbook, and the 「前回会議」 date the 「前回会議以降」 filter starts from.
import type { Handlers } from '../../shared/api';
import { describeChangeFilter, type ChangeFilter } from '../../shared/change-log';
import { fieldLabel } from '../../shared/fields';
import { changeAuthors, getLastMeeting, listChanges, setLastMeeting } from '../store/change-log';
import type { Db } from '../store/database';
import { currentFiscalYear } from '../store/edition-store';
import { nowIso } from '../store/plan-store';

type ChangeMethods = 'changes.list' | 'changes.export' | 'changes.authors' | 'changes.lastMeeting' | 'changes.setLastMeeting';

export function changeHandlers(db: Db): Pick<Handlers, ChangeMethods> {
  return {
    'changes.list': (args) => {
      const { limit, offset, ...filter } = args ?? {};
      return listChanges(db, filter, { limit: limit ?? 200, offset });
    },
    'changes.export': async ({ outFile, ...filter }: ChangeFilter & { outFile?: string }) => {
      const page = listChanges(db, filter);
      const fiscalYear = currentFiscalYear(db);
      const heading = describeChangeFilter(filter, page.lastMeeting, (f) => fieldLabel(f, fiscalYear));
      // exceljs loads when a workbook is first written, not with the API.
      const { buildChangesWorkbook, changesFileName } = await import('../excel/changes-workbook');
      const { workbookBase64, writeWorkbookFile } = await import('../excel/export-ministry');
      const wb = buildChangesWorkbook(page.rows, fiscalYear, heading);
      if (outFile === undefined) return { file: changesFileName(nowIso()), dataBase64: await workbookBase64(wb) };
      await writeWorkbookFile(wb, outFile);
      return { file: outFile };
    },
    'changes.authors': () => changeAuthors(db),
    'changes.lastMeeting': () => ({ lastMeeting: getLastMeeting(db) }),
    'changes.setLastMeeting': ({ date }) => ({ lastMeeting: setLastMeeting(db, date) }),
  };
}
