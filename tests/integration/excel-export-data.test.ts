// Exports without a path return the workbook's bytes (base64) under a suggested file name: the page
// saves them as a download, in Electron and in the browser alike. The export is remembered as with a
// path, so a returned copy of a downloaded workbook merges three-way.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { api, apiError, stageOk } from './excel-helpers';
import { seededService } from './helpers';

async function readBook(base64: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  return wb;
}

describe('exports returned as data', () => {
  it('returns one workbook per ministry as base64, named 照会_<code>_<date>.xlsx, and records the export', async () => {
    const svc = seededService();
    const out = await api(svc, 'excel.exportMinistry', { ministries: ['厚', '文'], dueDate: '令和8年1月9日', contact: '事務局' });
    expect(out.map((o) => o.ministry)).toEqual(['厚', '文']);
    for (const o of out) {
      expect(o.file).toMatch(new RegExp(`^照会_${o.ministry}_\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
      expect(o.dataBase64).toBeTruthy();
      const wb = await readBook(o.dataBase64!);
      expect(wb.getWorksheet('回答')!.rowCount).toBeGreaterThan(o.items);
    }
    const recorded = svc.db.prepare("SELECT file_name FROM exports WHERE kind = 'ministry' ORDER BY created_at").pluck().all();
    expect(recorded).toEqual(out.map((o) => o.file));

    // A returned copy of the downloaded bytes stages against the recorded base: three-way, no warning about a missing base.
    const detail = await stageOk(svc, out[0]!.file, Buffer.from(out[0]!.dataBase64!, 'base64'));
    expect(detail.report.baseSource).toBe('export');
    expect(detail.items).toEqual([]);
  });

  it('returns the consolidated table as data, and still refuses two destinations', async () => {
    const svc = seededService();
    const table = await api(svc, 'excel.exportTable', {});
    expect(table.file).toMatch(/^協議会資料_\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect((await readBook(table.dataBase64!)).worksheets.length).toBeGreaterThan(0);
    expect(await apiError(svc, 'excel.exportMinistry', { ministries: ['厚'], outDir: '/tmp/a', outFile: '/tmp/b.xlsx' })).toContain(
      'どちらか一方',
    );
  });
});
