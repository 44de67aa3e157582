// The API methods of the Excel round trip: exports, staged imports, backups.
import fs from 'node:fs';
import path from 'node:path';
import type { Handlers } from '../../shared/api';
import { AppError, toErrorPayload } from '../../shared/errors';
import type { StageOutcome } from '../../shared/imports';
import { ZIP_LIMITS } from '../excel/zip-check';
import { backupDatabase, listBackups, restoreBackup } from '../store/backups';
import type { Db } from '../store/database';
import { applyBatch, decide, discardBatch, getBatch, listBatches } from '../store/import-store';
import { nowIso } from '../store/plan-store';

type RoundTripMethods =
  | 'excel.exportMinistry'
  | 'excel.exportTable'
  | 'imports.stage'
  | 'imports.list'
  | 'imports.get'
  | 'imports.decide'
  | 'imports.apply'
  | 'imports.discard'
  | 'backups.list'
  | 'backups.create'
  | 'backups.restore';

function readUpload(file: string): Buffer {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new AppError('not_found', `${path.basename(file)}: ファイルが見つかりません(${file})。`);
  }
  if (!stat.isFile()) throw new AppError('bad_request', `${path.basename(file)}: ファイルではありません(${file})。`);
  if (stat.size > ZIP_LIMITS.maxFileBytes)
    throw new AppError('bad_request', `${path.basename(file)}: ファイルが大きすぎます(上限 ${ZIP_LIMITS.maxFileBytes / 2 ** 20} MB)。`);
  return fs.readFileSync(file);
}

/** Files given by path (desktop, CLI) or uploaded as base64 (web host), each read only when its turn comes. */
export function fileInputs(
  files: readonly string[] = [],
  uploads: readonly { name: string; dataBase64: string }[] = [],
): { name: string; load: () => Buffer }[] {
  return [
    ...files.map((f) => ({ name: path.basename(f), load: () => readUpload(f) })),
    ...uploads.map((u) => ({ name: path.basename(u.name), load: () => Buffer.from(u.dataBase64, 'base64') })),
  ];
}

export function roundTripHandlers(db: Db): Pick<Handlers, RoundTripMethods> {
  return {
    // The Excel modules (and exceljs under them) load on the first call that needs them, so a CLI
    // command or a start-up that never touches a workbook does not pay for them.
    'excel.exportMinistry': async ({ ministries, leadOnly, dueDate, contact, edition, outDir, outFile }) => {
      const { exportMinistry, exportMinistryData, ministryExportItems, ministryFileName } = await import('../excel/export-ministry');
      // Check every ministry first: one that cannot be exported (a cell too long for Excel) stops the
      // request before any file is written, rather than leaving half the set on disk.
      for (const ministry of ministries) ministryExportItems(db, { ministry, leadOnly, edition });
      const out = [];
      for (const ministry of ministries) {
        const fileName = ministryFileName(ministry, nowIso(), edition);
        if (outDir === undefined && outFile === undefined) {
          // No path: the bytes go back to the page, which saves them as a download.
          out.push(await exportMinistryData(db, { ministry, leadOnly, dueDate, contact, edition, fileName }));
        } else {
          const file = outFile ?? path.join(outDir!, fileName);
          out.push(await exportMinistry(db, { ministry, leadOnly, dueDate, contact, edition, file }));
        }
      }
      return out;
    },
    'excel.exportTable': async ({ outFile, ministryNotes, edition }) => {
      const { exportTable, exportTableData, tableFileName } = await import('../excel/export-table');
      return outFile === undefined
        ? exportTableData(db, tableFileName(nowIso(), edition), { ministryNotes, edition })
        : exportTable(db, outFile, { ministryNotes, edition });
    },
    'imports.stage': async ({ files, uploads, ministry }) => {
      const { stageWorkbook } = await import('../excel/import-workbook');
      const out: StageOutcome[] = [];
      // One file failing (broken, hostile, already imported) does not stop the others.
      for (const input of fileInputs(files, uploads)) {
        try {
          const staged = await stageWorkbook(db, input.name, input.load(), { ministry });
          out.push({ file: input.name, batch: staged.batch, error: null });
        } catch (err) {
          out.push({ file: input.name, batch: null, error: toErrorPayload(err).message });
        }
      }
      return out;
    },
    'imports.list': () => listBatches(db),
    'imports.get': ({ batch }) => getBatch(db, batch),
    'imports.decide': ({ batch, decisions }) => decide(db, batch, decisions),
    'imports.apply': ({ batch, author }) => applyBatch(db, batch, author),
    'imports.discard': ({ batch }) => discardBatch(db, batch),
    'backups.list': () => listBackups(db),
    'backups.create': () => backupDatabase(db, 'manual'),
    'backups.restore': ({ name }) => restoreBackup(db, name),
  };
}
