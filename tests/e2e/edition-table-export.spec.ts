// The consolidated table of a past edition from the ファイル menu (issue 9: "everything … on any edition"):
// with 令和8 applied over 令和7, switching to 令和7 and choosing 協議会資料を出力… says it is the past
// edition and downloads 令和7's table as published — its column header 令和7年度の取組 and the item 令和8
// dropped. The start page behind it names 令和7 too. Screenshot at 1366×768.
import ExcelJS from 'exceljs';
import { buildR8Edition } from '../fixtures/editions/build';
import { api, expect, freshHost, openApp, screenshot, test } from './fixtures';

const host = freshHost();

test("令和7 (archived): 協議会資料を出力 downloads 令和7's table as it was published", async ({ page }) => {
  test.setTimeout(120_000);
  const h = host.get();
  const [batch] = await api<{ id: number }[]>(h, 'editions.stage', {
    uploads: [{ name: 'r8.txt', dataBase64: Buffer.from(buildR8Edition()).toString('base64') }],
  });
  await api(h, 'editions.apply', { batch: batch!.id, author: '事務局' });
  const dropped = (await api<{ key: string; title: string }[]>(h, 'items.list', { edition: 7 })).find((it) => it.key === '3-3-2')!;

  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, h.url);
  await page.getByRole('combobox', { name: '表示する版' }).selectOption('7');
  await expect(page.locator('.archived-banner')).toContainText('令和7年度版');
  // The start page names the edition shown, not the current one.
  await expect(page.locator('#welcome-title')).toContainText('令和7年度の実施');
  await expect(page.locator('.welcome-hint').first()).toContainText('令和7年度の取組');
  await page.getByRole('button', { name: 'ファイル', exact: true }).click();
  await page.getByRole('menuitem', { name: '協議会資料を出力…' }).click();
  const dialog = page.getByRole('dialog', { name: '協議会資料を出力' });
  await expect(dialog).toContainText('令和7年度版(過去の版)');
  await expect(dialog).toContainText('令和7年度の取組');
  await screenshot(page, 'edition-table-export-1366');
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '出力' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^協議会資料_令和7年度版_\d{4}-\d\d-\d\d\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile((await download.path())!);
  const ws = book.worksheets[0]!;
  expect((ws.getRow(1).values as unknown[]).map(String).join('\t')).toContain('各府省・AMEDの令和7年度の取組');
  const texts: string[] = [];
  ws.eachRow((row) => texts.push((row.values as unknown[]).map((v) => String(v ?? '')).join('\t')));
  expect(texts.some((t) => t.includes(dropped.title))).toBe(true);
});
