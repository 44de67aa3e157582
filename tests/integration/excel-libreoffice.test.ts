// Round trip through LibreOffice: export → edit cells with an independent writer (raw XML, not
// exceljs) → re-save with `soffice --headless --convert-to xlsx` → import shows exactly the edits.
// Several files go through one soffice call, because starting LibreOffice is the slow part.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COL, api, answerAdding, answerRow, changesOf, exportFor, planSnapshot, stageOk } from './excel-helpers';
import { seededService, tempDir } from './helpers';
import { editCells } from './xlsx-tools';

const soffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();

function resave(files: string[]): string {
  const out = tempDir();
  const profile = `file://${tempDir()}`;
  const res = spawnSync(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', out, ...files], {
    encoding: 'utf8',
    timeout: 90_000,
  });
  if (res.status !== 0) throw new Error(`soffice failed: ${res.stderr}`);
  return out;
}

describe.skipIf(!soffice)('LibreOffice re-save', () => {
  it('keeps exactly the edited cells, for the ministry workbook and the consolidated table', { timeout: 120_000 }, async () => {
    const svc = seededService();
    const dir = tempDir();
    const ministryFile = path.join(dir, '厚_回答.xlsx');
    fs.writeFileSync(
      ministryFile,
      editCells(await exportFor(svc, '厚'), {
        [`${COL.actions}${answerRow(svc, '厚', '1-1-1')}`]: answerAdding(
          svc,
          '1-1-1',
          'actions',
          '・LibreOffice で書いた取組\n\u3000・下位の点',
        ),
        [`${COL.future}${answerRow(svc, '厚', '1-1-3')}`]: answerAdding(svc, '1-1-3', 'future', '・方向性を更新'),
        [`${COL.comment}${answerRow(svc, '厚', '1-1-2')}`]: '補足: 予算は未定',
      }),
    );
    const tableFile = path.join(dir, '協議会資料.xlsx');
    await api(svc, 'excel.exportTable', { outFile: tableFile });
    const out = resave([ministryFile, tableFile]);
    const before = planSnapshot(svc);

    const batch = await stageOk(svc, '厚_回答.xlsx', fs.readFileSync(path.join(out, '厚_回答.xlsx')));
    expect(changesOf(batch)).toEqual(['1-1-1/actions/theirs', '1-1-2/comment/theirs', '1-1-3/future/theirs']);
    expect(batch.exportId).not.toBeNull(); // the veryHidden _meta survived
    expect(batch.report.warnings).toEqual([]);
    expect(batch.items[0]!.changes[0]!.theirs).toBe(answerAdding(svc, '1-1-1', 'actions', '・LibreOffice で書いた取組\n\u3000・下位の点'));

    const table = await stageOk(svc, '協議会資料.xlsx', fs.readFileSync(path.join(out, '協議会資料.xlsx')));
    expect(table.layout).toBe('table');
    expect(changesOf(table)).toEqual([]);
    expect(planSnapshot(svc)).toBe(before);
  });
});
