// Excel holds at most 32,767 characters in a cell. exceljs writes a longer text anyway, and Excel then
// calls the workbook damaged and cuts the text when repairing it. Exports refuse instead, naming the
// items, and write nothing.
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXCEL_MAX_CELL_CHARS } from '../../src/main/excel/layout';
import { writeField } from '../../src/main/store/plan-store';
import { bulletsToCell } from '../../src/shared/merge/cell-text';
import { api, apiError, stageOk } from './excel-helpers';
import { seededService, tempDir } from './helpers';

const CTX = { author: 'テスト', source: 'edit' };

/** Bullets whose cell text (`・` lines joined by LF) is exactly `length` characters long. */
function bulletsOfLength(length: number) {
  const bullets: { text: string; level: number }[] = [];
  let left = length;
  while (left > 0) {
    const line = Math.min(4001, left - (bullets.length ? 1 : 0)); // `・` + text, after a LF
    bullets.push({ text: 'あ'.repeat(line - 1), level: 0 });
    left -= line + (bullets.length > 1 ? 1 : 0);
  }
  expect(bulletsToCell(bullets)).toHaveLength(length);
  return bullets;
}

const exportsCount = (svc: ReturnType<typeof seededService>) =>
  (svc.db.prepare('SELECT COUNT(*) AS n FROM exports').get() as { n: number }).n;

describe("Excel's 32,767-character cell limit", () => {
  it('refuses a ministry export with a cell one character too long, naming the item and column; no file, no record', async () => {
    const svc = seededService();
    writeField(svc.db, '1-1-1', 'actions', bulletsOfLength(EXCEL_MAX_CELL_CHARS + 1), CTX);
    const dir = tempDir();
    const file = path.join(dir, '厚.xlsx');
    const message = await apiError(svc, 'excel.exportMinistry', { ministries: ['厚'], outFile: file });
    expect(message).toMatch(
      /^厚生労働省\(厚\)向けの回答票を出力できません。Excel の1つのセルに入る文字数\(32,767 文字\)を超える欄が 1 か所あります: 1-1-1「①.+」の「令和7年度の取組」\(32,768 文字\)/,
    );
    expect(message).toContain('箇条書きを短くするか項目を分けてから');
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(exportsCount(svc)).toBe(0);
  });

  it('several ministries at once: one that cannot be exported stops the request before any file is written', async () => {
    const svc = seededService();
    writeField(svc.db, '1-1-1', 'future', bulletsOfLength(40_000), CTX); // 文 and 厚, not 総
    const dir = tempDir();
    const message = await apiError(svc, 'excel.exportMinistry', { ministries: ['総', '厚'], outDir: dir });
    expect(message).toMatch(/^厚生労働省\(厚\)向けの回答票を出力できません。.*1-1-1「.+」の「今後の方向性・課題など」\(40,000 文字\)/);
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(exportsCount(svc)).toBe(0);
  });

  it('refuses the consolidated table too', async () => {
    const svc = seededService();
    writeField(svc.db, '1-1-3', 'actions', bulletsOfLength(EXCEL_MAX_CELL_CHARS + 100), CTX);
    const file = path.join(tempDir(), 'table.xlsx');
    const message = await apiError(svc, 'excel.exportTable', { outFile: file });
    expect(message).toMatch(/^協議会資料を出力できません。.*1-1-3「.+」の「各府省・AMEDの令和7年度の取組」\(32,867 文字\)/);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('a cell of exactly 32,767 characters is exported whole and reads back unchanged', async () => {
    const svc = seededService();
    writeField(svc.db, '1-1-1', 'actions', bulletsOfLength(EXCEL_MAX_CELL_CHARS), CTX);
    const file = path.join(tempDir(), '厚.xlsx');
    await api(svc, 'excel.exportMinistry', { ministries: ['厚'], outFile: file });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file) as unknown as ExcelJS.Buffer);
    expect(String(wb.getWorksheet('回答')!.getCell('E2').value)).toHaveLength(EXCEL_MAX_CELL_CHARS);
    const batch = await stageOk(svc, '厚.xlsx', fs.readFileSync(file));
    expect(batch.counts).toEqual({});
  });
});
