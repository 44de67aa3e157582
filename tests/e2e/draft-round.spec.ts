// Next year's round through the UI, on a fresh database holding the seed (令和7): 「新年度の照会を
// 始める」 on the editions screen makes 令和8年度版 (作成中); its inquiry workbook for one ministry is
// downloaded (令和8年度の取組 to fill in, 前年度に示した今後の方向性 beside), answered with exceljs and
// imported (it merges into the draft, the current edition does not move); 「公開する」 after a
// confirmation makes 令和8年度版 current with the answer in the item. Screenshots at 1366×768 and
// 1920×1080.
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Item } from '../../src/shared/domain';
import { api, expect, freshHost, openApp, openItemByKey, screenshot, test } from './fixtures';

const host = freshHost();

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

async function shots(page: Page, name: string): Promise<void> {
  for (const size of [...SIZES].reverse()) {
    await page.setViewportSize(size);
    await screenshot(page, `${name}-${size.width}`);
  }
}

const ANSWER = '令和8年度は、全国の医療機関で運用を開始した。';

test("start the 令和8 round, download a ministry's inquiry, answer it into the draft, publish", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize(SIZES[0]!);
  await openApp(page, host.get().url);
  await page.getByRole('navigation', { name: '画面' }).getByRole('button', { name: '版', exact: true }).click();
  const table = page.locator('.edition-table');
  await expect(table.locator('tr[data-year="7"]')).toContainText('現行');

  // ---- start: the draft is listed with its status; the live plan is unchanged
  await page.getByRole('button', { name: '新年度の照会を始める(令和8年度版)' }).click();
  await expect(table.locator('tr[data-year="8"]')).toContainText('作成中');
  await expect(table.locator('tr[data-year="8"]')).toContainText('56');
  await expect(table.locator('tr[data-year="7"]')).toContainText('現行');
  const round = page.getByRole('region', { name: '令和8年度版(作成中)の照会' });
  await expect(round).toBeVisible();
  await expect(round.getByRole('status')).toContainText('令和8年度版(作成中)を作りました(56 項目)');
  await shots(page, '70-draft-round');

  // ---- one ministry's inquiry workbook of the draft
  const ministries = round.getByRole('group', { name: '出力する府省' });
  await expect(ministries.getByRole('checkbox', { name: '厚生労働省' })).toBeChecked();
  for (const box of await ministries.getByRole('checkbox').all()) {
    if ((await box.isChecked()) && !(await box.evaluate((el) => el.parentElement?.textContent?.includes('厚生労働省'))))
      await box.uncheck();
  }
  const downloading = page.waitForEvent('download');
  await round.getByRole('button', { name: '令和8年度版の照会票を出力(1 府省)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^照会_令和8年度_厚_\d{4}-\d\d-\d\d\.xlsx$/);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-desk-e2e-draft-'));
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  await expect(round.getByRole('status')).toContainText('令和8年度版の照会票を 1 府省分出力しました');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const ws = book.getWorksheet('回答')!;
  const header = (ws.getRow(1).values as unknown[]).map(String);
  expect(header).toContain('前年度に示した今後の方向性');
  expect(header).toContain('令和8年度の取組');
  const key = String(ws.getRow(2).getCell(1).value);
  ws.getRow(2).getCell(header.indexOf('令和8年度の取組')).value = `・${ANSWER}`;
  // A new item proposed in one of the blank rows below the items: its actions are the draft's year's too.
  let blank = 2;
  while (ws.getRow(blank).getCell(1).value) blank += 1;
  ws.getRow(blank).getCell(header.indexOf('小項目')).value = '新しい取組の提案';
  ws.getRow(blank).getCell(header.indexOf('令和8年度の取組')).value = '・提案した取組';
  const answered = path.join(dir, '照会_厚_回答.xlsx');
  await book.xlsx.writeFile(answered);

  // ---- the answer merges into the draft: imported and applied as any returned workbook
  const h = host.get();
  const before = await api<Item>(h, 'items.get', { key });
  await page.getByRole('button', { name: 'ファイル', exact: true }).click();
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('menuitem', { name: '回答を取り込む…' }).click();
  await (await choosing).setFiles(answered);
  await page
    .getByRole('region', { name: '確認待ち' })
    .getByRole('button', { name: /照会_厚_回答\.xlsx/ })
    .click();
  const review = page.getByRole('article');
  await expect(review.locator('.review-batch-meta')).toContainText('反映先: 令和8年度版(作成中)');
  await expect(review).toContainText('令和8年度の取組');
  await expect(review.locator('.review-warnings')).toContainText('令和8年度の取組: ');
  await expect(review).not.toContainText('令和7年度の取組');
  await shots(page, '71-draft-answer-review');
  await review.getByRole('button', { name: '反映…' }).click();
  await page.getByRole('dialog', { name: '取り込みを反映' }).getByRole('button', { name: 'バックアップを作成して反映' }).click();
  const who = page.getByRole('dialog', { name: '作成者名' });
  await who.getByRole('textbox').fill('事務局 山田');
  await who.getByRole('button', { name: '決定' }).click();
  await expect(review.locator('.review-batch-meta')).toContainText('反映済み');
  expect((await api<Item>(h, 'items.get', { key })).actions).toEqual(before.actions);
  expect((await api<Item>(h, 'items.get', { key, edition: 8 })).actions.map((b) => b.text)).toEqual([ANSWER]);

  // ---- publish, after a confirmation
  await page.getByRole('navigation', { name: '画面' }).getByRole('button', { name: '版', exact: true }).click();
  await round.getByRole('button', { name: '公開する' }).click();
  const dialog = page.getByRole('dialog', { name: '令和8年度版を公開' });
  await expect(dialog).toContainText('令和7年度版は過去の版として');
  await shots(page, '72-draft-publish-confirm');
  await dialog.getByRole('button', { name: 'バックアップを作成して公開' }).click();
  await expect(page.getByRole('status').filter({ hasText: '令和8年度版を公開し、現在の版にしました' })).toBeVisible({ timeout: 30_000 });
  await expect(table.locator('tr[data-year="8"]')).toContainText('現行');
  await expect(table.locator('tr[data-year="7"]')).toContainText('過去の版');
  // With no draft, the next round can be started.
  await expect(page.getByRole('button', { name: '新年度の照会を始める(令和9年度版)' })).toBeVisible();
  await shots(page, '73-draft-published');

  // ---- the item shows the published answer under 令和8年度の取組
  await page.getByRole('navigation', { name: '画面' }).getByRole('button', { name: '小項目' }).click();
  await openItemByKey(page, key);
  await expect(page.getByText('令和8年度の取組').first()).toBeVisible();
  await expect(page.getByText(ANSWER, { exact: true })).toBeVisible();
  await shots(page, '74-draft-published-item');
});
