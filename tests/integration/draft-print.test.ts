// The draft edition's inquiry workbook as printed: LibreOffice converts a real export to PDF and the
// pages are checked as excel-print.test.ts checks the current edition's: every word at 9 pt or more,
// with the reference column (前年度に示した今後の方向性) and 令和8年度の取組 on the answer pages.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from './excel-helpers';
import { seededService, tempDir } from './helpers';
import { BOX_PER_POINT, canPrint, pdfWords, savePages, toPdf, type Word } from './print-pdf';

describe.skipIf(!canPrint)("the draft's inquiry workbook printed (LibreOffice → PDF)", () => {
  let words: Word[];

  beforeAll(async () => {
    const svc = seededService();
    await api(svc, 'editions.start', { fiscalYear: 8 });
    const file = path.join(tempDir(), '照会_厚_R8.xlsx');
    await api(svc, 'excel.exportMinistry', { ministries: ['厚'], edition: 8, outFile: file });
    svc.close();
    expect(fs.statSync(file).size).toBeGreaterThan(5000);
    const [pdf] = toPdf([file]);
    words = pdfWords(pdf!);
    savePages(pdf!, 'draft-inquiry');
  }, 150_000);

  it('every word prints at 9 pt or more; 記入要領 fits its one page', () => {
    expect(words.filter((w) => w.page === 2).map((w) => w.text)).not.toContain('出力日時:');
    const smallest = Math.min(...words.map((w) => w.height));
    expect(smallest / BOX_PER_POINT).toBeGreaterThanOrEqual(9);
  });

  it("the answer pages show last year's directions beside 令和8年度の取組", () => {
    const text = words
      .filter((w) => w.page > 1)
      .map((w) => w.text)
      .join('');
    expect(text).toContain('前年度に示した');
    expect(text).toContain('令和8年度の取組');
    expect(text).not.toContain('令和7年度の取組');
  });
});
