// The workbooks as printed: LibreOffice converts the real exports to PDF once, and the pages are
// checked for what a reader holds in hand: legible body text (≥ 9 pt), the instructions first with
// the respondent's fields, no machine dates, page numbers and title on every page, headings never
// left at the foot of a page without their first item, bullets hang-indented under their 「・」.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, exportFor } from './excel-helpers';
import { seededService, tempDir } from './helpers';
import fs from 'node:fs';
import { BOX_PER_POINT, canPrint, lineStarts, pageCount, pdfWords, savePages, toPdf, type Word } from './print-pdf';

const HEADING = /^(大項目\d|中項目\d|\d+\))/u;

describe.skipIf(!canPrint)('printed workbooks (LibreOffice → PDF)', () => {
  let ministry: { pdf: string; words: Word[] };
  let table: { pdf: string; words: Word[] };

  beforeAll(async () => {
    const svc = seededService();
    const dir = tempDir();
    const ministryFile = path.join(dir, '照会_厚.xlsx');
    fs.writeFileSync(ministryFile, await exportFor(svc, '厚'));
    const tableFile = path.join(dir, '協議会資料.xlsx');
    await api(svc, 'excel.exportTable', { outFile: tableFile });
    svc.close();
    const [m, t] = toPdf([ministryFile, tableFile]);
    ministry = { pdf: m!, words: pdfWords(m!) };
    table = { pdf: t!, words: pdfWords(t!) };
    savePages(m!, 'inquiry');
    savePages(t!, 'table');
  }, 150_000);

  it('inquiry workbook: every word prints at 9 pt or more', () => {
    const smallest = Math.min(...ministry.words.map((w) => w.height));
    expect(smallest / BOX_PER_POINT).toBeGreaterThanOrEqual(9);
  });

  it('inquiry workbook: 記入要領 is the first page, with the respondent fields; the answer sheet names the section', () => {
    const first = ministry.words.filter((w) => w.page === 1).map((w) => w.text);
    expect(first).toContain('厚生労働省');
    for (const label of ['部署', '担当者', '連絡先', '回答日']) expect(first).toContain(label);
    const rest = ministry.words
      .filter((w) => w.page > 1)
      .map((w) => w.text)
      .join('');
    expect(rest).toContain('区分');
    expect(rest).toMatch(/1-1\s*データ/u);
    expect(rest).not.toMatch(/大項目1/);
  });

  it('inquiry workbook: dates are 和暦, never ISO', () => {
    const text = ministry.words.map((w) => w.text).join(' ');
    expect(text).toMatch(/令和\d+年\d+月\d+日/);
    expect(text).not.toMatch(/\d{4}-\d\d-\d\dT|\d\d:\d\d:\d\d/);
  });

  it('consolidated table: every word prints at 9 pt or more; title and 「n / N ページ」 on every page', () => {
    const smallest = Math.min(...table.words.map((w) => w.height));
    expect(smallest / BOX_PER_POINT).toBeGreaterThanOrEqual(9);
    const pages = pageCount(table.pdf);
    expect(pages).toBeGreaterThan(5);
    for (let p = 1; p <= pages; p++) {
      const text = table.words
        .filter((w) => w.page === p)
        .map((w) => w.text)
        .join(' ');
      expect(text, `page ${p}`).toContain(`${p} / ${pages} ページ`);
      expect(text, `page ${p}`).toMatch(/^健康・医療戦略/);
    }
  });

  it('consolidated table: a heading is never the last row of its page', () => {
    const pages = pageCount(table.pdf);
    const itemColumnX = Math.min(...table.words.filter((w) => HEADING.test(w.text)).map((w) => w.x));
    let headings = 0;
    for (let p = 1; p <= pages; p++) {
      const starts = lineStarts(table.words, p, itemColumnX - 2, itemColumnX + 20).filter((w) => !/ページ$/.test(w.text));
      headings += starts.filter((w) => HEADING.test(w.text)).length;
      const last = starts.at(-1);
      expect(last && HEADING.test(last.text), `page ${p} ends with the heading 「${last?.text}」`).toBe(false);
    }
    expect(headings).toBeGreaterThan(10);
  });

  it('consolidated table: wrapped bullet lines start under the text, not under the 「・」', () => {
    // The actions column's left edge: where most 「・」 lines start.
    const xs = new Map<number, number>();
    for (const w of table.words) if (w.text.startsWith('・')) xs.set(Math.round(w.x), (xs.get(Math.round(w.x)) ?? 0) + 1);
    const bulletX = [...xs].sort((a, b) => b[1] - a[1])[0]![0];
    const column = table.words.filter((w) => w.x > bulletX - 2 && w.x < bulletX + 200);
    let continuations = 0;
    for (const p of new Set(column.map((w) => w.page))) {
      for (const w of lineStarts(column, p, bulletX - 2, bulletX + 200)) {
        // A 「・」 line is a bullet (a sub-bullet starts one full-width space further right).
        if (!w.text.startsWith('・')) {
          continuations += 1;
          expect(w.x, `「${w.text}」 on page ${p}`).toBeGreaterThan(bulletX + 5);
        }
      }
    }
    expect(continuations).toBeGreaterThan(50);
  });
});
