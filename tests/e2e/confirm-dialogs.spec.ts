// The question before an edition import is discarded (the same confirm dialog as the Excel round
// trip's apply and discard, which round-trip.spec.ts goes through): the focus starts on 「やめる」, so
// Enter and Esc leave the batch staged; 「破棄する」 discards it and the current edition stays as it was.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildR8Edition } from '../fixtures/editions/build';
import { api, expect, freshHost, openApp, screenshot, test } from './fixtures';

const host = freshHost();

test('discarding an edition import asks first; Enter and Esc keep it, 破棄する discards it', async ({ page }) => {
  test.setTimeout(120_000);
  const h = host.get();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-desk-e2e-confirm-'));
  const r8 = path.join(dir, '令和8年度フォローアップ.txt');
  fs.writeFileSync(r8, buildR8Edition());
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, h.url);
  await page.getByRole('navigation', { name: '画面' }).getByRole('button', { name: '版', exact: true }).click();
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '新しい版の資料を取り込む…' }).click();
  await (await choosing).setFiles(r8);
  await expect(page.getByRole('heading', { name: '版の取り込みの確認: 令和8年度フォローアップ.txt' })).toBeVisible({ timeout: 30_000 });
  const status = async () => (await api<{ status: string }[]>(h, 'editions.batches', {})).map((b) => b.status);
  expect(await status()).toEqual(['staged']);

  const dialog = page.getByRole('dialog', { name: '版の取り込みを破棄' });
  await page.getByRole('button', { name: '破棄…' }).click();
  await expect(dialog).toContainText('令和8年度フォローアップ.txt');
  await expect(dialog).toContainText('版は変わりません');
  await expect(dialog.getByRole('button', { name: 'やめる' })).toBeFocused();
  await screenshot(page, 'confirm-discard-edition-1366');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  expect(await status()).toEqual(['staged']);

  await page.getByRole('button', { name: '破棄…' }).click();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await status()).toEqual(['staged']);

  await page.getByRole('button', { name: '破棄…' }).click();
  await dialog.getByRole('button', { name: '破棄する' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.notice')).toContainText('取り込みを破棄しました。版は変わっていません。');
  expect(await status()).toEqual(['discarded']);
  expect(await api<{ fiscalYear: number; status: string }[]>(h, 'editions.list', {})).toMatchObject([{ fiscalYear: 7, status: 'current' }]);
});
