// The meeting pack (会議用資料) on paper: annotations on three items and a ministry's note applied from
// a returned workbook, then the pack printed by Chromium to PDF with the same options Electron uses.
// The pages carry the running header (meeting, 資料番号, date) and 「n / N」 page numbers, numbers run
// through the pack, the first page is filled, and 府省からの補足 is shown with its item (and on the
// item view).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Item } from '../../src/shared/domain';
import { ANSWER_COLUMNS } from '../../src/main/excel/layout';
import type { ExportedFileInfo, StageOutcome } from '../../src/shared/imports';
import { PACK_PDF_OPTIONS } from '../../src/shared/pack-print';
import { api, expect, freshHost, openApp, openItemByKey, screenshot, test } from './fixtures';

const host = freshHost();
test.describe.configure({ mode: 'serial' });

const KEYS = ['1-1-1', '1-1-2', '1-1-3'];
const NOTE = '令和8年度予算で拡充を要求中です';
const OUT = path.resolve('test-results', 'print');

/** Annotations on words of each item's first actions bullet: eight on the first (so it runs longer than a page), three on the others. */
const COUNTS = [8, 3, 3];

async function annotate(): Promise<void> {
  for (const [i, key] of KEYS.entries()) {
    const item = await api<Item>(host.get(), 'items.get', { key });
    const text = item.actions[0]!.text;
    for (let k = 0; k < COUNTS[i]!; k++) {
      await api(host.get(), 'annotations.create', {
        itemKey: key,
        field: 'actions',
        range: { bulletIndex: 0, start: k * 4, end: k * 4 + 3 },
        comment: `${key} について確認する点 ${k + 1}(${text.slice(k * 4, k * 4 + 3)})`,
        author: '事務局',
      });
    }
  }
}

/** 厚's workbook returned with a note on 1-1-2, staged and applied through the API as the page does. */
async function applyNote(): Promise<void> {
  const [exported] = await api<(ExportedFileInfo & { dataBase64: string })[]>(host.get(), 'excel.exportMinistry', { ministries: ['厚'] });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(exported!.dataBase64, 'base64') as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet('回答')!;
  const noteColumn = ANSWER_COLUMNS.findIndex((c) => c.id === 'comment') + 1;
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === '1-1-2') ws.getCell(r, noteColumn).value = NOTE;
  const dataBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  const [staged] = await api<StageOutcome[]>(host.get(), 'imports.stage', { uploads: [{ name: '厚_回答.xlsx', dataBase64 }] });
  await api(host.get(), 'imports.apply', { batch: staged!.batch, author: '事務局' });
}

interface Word {
  page: number;
  y: number;
  text: string;
}

function pdfWords(pdf: string): { words: Word[]; pageHeight: number } {
  const html = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 }).stdout;
  const words: Word[] = [];
  let page = 0;
  let pageHeight = 0;
  for (const line of html.split('\n')) {
    const p = /<page width="[\d.]+" height="([\d.]+)"/.exec(line);
    if (p) {
      page += 1;
      pageHeight = Number(p[1]);
    }
    const m = /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">(.*)<\/word>/.exec(line);
    if (m) words.push({ page, y: Number(m[1]), text: m[2]! });
  }
  return { words, pageHeight };
}

test('the meeting pack prints with a running header, page numbers, continuous numbers and the ministry notes', async ({ page }) => {
  await annotate();
  await applyNote();
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, host.get().url);

  // The note is on the item view, with ministry, file and date.
  await openItemByKey(page, '1-1-2');
  const notes = page.getByRole('region', { name: '府省からの補足' });
  await expect(notes).toContainText(NOTE);
  await expect(notes).toContainText('厚生労働省');
  await expect(notes).toContainText('厚_回答.xlsx');
  await expect(notes).toContainText(/令和\d+年\d+月\d+日/);
  await screenshot(page, 'item-ministry-notes');
  await openItemByKey(page, '1-1-1');
  await expect(page.getByRole('region', { name: '府省からの補足' })).toHaveCount(0);

  await page.getByRole('button', { name: '注釈一覧' }).click();
  await page.getByRole('button', { name: /会議用資料/ }).click();
  const pack = page.getByRole('article', { name: /会議用資料/ });
  await expect(pack.locator('.pack-item')).toHaveCount(3);
  await pack.getByLabel('会議名').fill('第3回データ利活用・ライフコース協議会');
  await pack.getByLabel('資料番号').fill('資料2');
  await pack.getByLabel('日付').fill('2026-12-10');
  await expect(pack.getByLabel('各ページの見出し', { exact: true })).toHaveText(
    /第3回データ利活用・ライフコース協議会\s*資料2\s*令和8年12月10日/,
  );

  // Numbers run through the pack: 1–8 on the first item, 9–11 on the second, 12–14 on the third.
  await expect(pack.locator('.pack-note-num')).toHaveText(Array.from({ length: 14 }, (_, i) => String(i + 1)));
  await expect(pack.locator('.pack-item').nth(1).locator('.annot-ref').first()).toHaveText('9');
  await expect(pack.locator('.pack-item').nth(2).locator('.annot-ref').first()).toHaveText('12');
  await expect(pack.getByRole('region', { name: '1-1-2 の府省からの補足' })).toContainText(NOTE);
  await screenshot(page, 'meeting-pack');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect(pack.getByLabel('会議名')).toBeVisible();
  await screenshot(page, 'meeting-pack-1920');

  await page.emulateMedia({ media: 'print' });
  fs.mkdirSync(OUT, { recursive: true });
  const pdf = path.join(OUT, 'meeting-pack.pdf');
  await page.pdf({ path: pdf, format: 'A4', ...PACK_PDF_OPTIONS });
  spawnSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(OUT, 'meeting-pack')]);

  const { words, pageHeight } = pdfWords(pdf);
  const pages = Math.max(...words.map((w) => w.page));
  expect(pages).toBeGreaterThanOrEqual(2);
  for (let p = 1; p <= pages; p++) {
    const text = words
      .filter((w) => w.page === p)
      .map((w) => w.text)
      .join(' ');
    expect(text, `page ${p}`).toContain('資料2');
    expect(text, `page ${p}`).toContain('第3回データ利活用・ライフコース協議会');
    expect(text, `page ${p}`).toMatch(new RegExp(`(^|\\s)${p} / ${pages}(\\s|$)`));
  }
  // No half-empty first page: the first item, longer than a page, starts on it and fills it.
  const body = words.filter((w) => w.page === 1 && !/^\d+$|^\/$/.test(w.text));
  expect(Math.max(...body.map((w) => w.y))).toBeGreaterThan(pageHeight * 0.75);
  expect(
    words
      .filter((w) => w.page === 1)
      .map((w) => w.text)
      .join(''),
  ).toContain('1-1-1');
  // An item's heading is never left at the foot of a page: its column titles follow on the same page.
  const actionsTitle = words.filter((w) => w.text.endsWith('の取組'));
  for (const key of KEYS) {
    const heading = words.find((w) => w.text === key)!;
    const next = actionsTitle.find((w) => w.page > heading.page || (w.page === heading.page && w.y > heading.y))!;
    expect(next.page, `${key} heading on page ${heading.page}`).toBe(heading.page);
  }
});
