// The consolidated table (協議会資料) of a past edition: after 令和8 is applied, `export table --edition 7`
// prints 令和7 exactly as it was published (its column header, its items, including the one 令和8
// dropped), while `export table` prints the current 令和8. Asking for notes on a past edition, for a
// draft or for an edition that is not held is refused with a message, and nothing is written.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Service } from '../../src/main/api/service';
import { buildR8Edition } from '../fixtures/editions/build';
import { cli } from './cli-helpers';
import { api, apiError } from './excel-helpers';
import { seededService, tempDir } from './helpers';

async function applyR8(svc: Service): Promise<void> {
  const source = path.join(tempDir(), 'r8.txt');
  fs.writeFileSync(source, buildR8Edition());
  const [batch] = await api(svc, 'editions.stage', { files: [source] });
  await api(svc, 'editions.apply', { batch: batch!.id, author: '事務局' });
}

/** Every cell's text of the table sheet, row by row. */
async function tableText(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const rows: string[] = [];
  wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).map((v) => String(v ?? '')).join('\t')));
  return rows;
}

describe('export table --edition', () => {
  it('prints a past edition as it was published and the current one as it is now', async () => {
    const svc = seededService();
    try {
      await applyR8(svc);
      const r7 = await api(svc, 'items.list', { edition: 7 });
      const r8 = await api(svc, 'items.list', {});
      const dropped = r7.find((it) => it.key === '3-3-2')!;
      expect(r8.some((it) => it.key === '3-3-2')).toBe(false);

      const dir = tempDir();
      const past = path.join(dir, 'r7.xlsx');
      const now = path.join(dir, 'r8.xlsx');
      expect((await api(svc, 'excel.exportTable', { outFile: past, edition: 7 })).items).toBe(r7.length);
      expect((await api(svc, 'excel.exportTable', { outFile: now })).items).toBe(r8.length);
      const [pastText, nowText] = [await tableText(past), await tableText(now)];
      expect(pastText[0]).toContain('令和7年度の取組');
      expect(nowText[0]).toContain('令和8年度の取組');
      expect(pastText.some((row) => row.includes(dropped.title))).toBe(true);
      expect(nowText.some((row) => row.includes(dropped.title))).toBe(false);
      // The CLI takes the same option.
      const cliFile = path.join(dir, 'cli-r7.xlsx');
      const r = await cli(['--db', svc.db.name, 'export', 'table', '--edition', '7', '--out', cliFile]);
      expect(r.code, r.err).toBe(0);
      expect(await tableText(cliFile)).toEqual(pastText);
    } finally {
      svc.close();
    }
  });

  it('refuses notes on a past edition, a draft and an edition not held, writing no file', async () => {
    const svc = seededService();
    try {
      await applyR8(svc);
      const dir = tempDir();
      const out = path.join(dir, 'refused.xlsx');
      expect(await apiError(svc, 'excel.exportTable', { outFile: out, edition: 7, ministryNotes: true })).toBe(
        '府省からの補足は現在の版にだけ記録されています。令和7年度版の協議会資料には付けられません。',
      );
      expect(await apiError(svc, 'excel.exportTable', { outFile: out, edition: 6 })).toBe('令和6年度版はこのデータベースにありません。');
      await api(svc, 'editions.start', { fiscalYear: 9 });
      expect(await apiError(svc, 'excel.exportTable', { outFile: out, edition: 9 })).toBe(
        '令和9年度版は作成中の版です。協議会資料は現在の版か過去の版について出力できます。',
      );
      expect(fs.existsSync(out)).toBe(false);
    } finally {
      svc.close();
    }
  });
});
