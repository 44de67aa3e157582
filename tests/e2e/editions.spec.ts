// The yearly cycle through the UI, on a fresh database holding the seed (令和7): the 令和8 table built
// from the seed (tests/fixtures/editions/build.ts) is chosen on the editions screen, reviewed (the
// swap as 番号変更, the dropped and added items, a word diff), applied after a backup; then 令和8年度版
// is current and the labels say 令和8年度の取組; the follow-up of a reported and of an unreported
// promise; the overview's counts open the list; the edition diff and its 新旧対照表 download; 令和7年度版
// read-only; and search of every edition. Screenshots at 1366×768 and 1920×1080.
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { buildR8Edition } from '../fixtures/editions/build';
import { expect, freshHost, itemList, openApp, openItemByKey, SCREEN_SIZES, screenshotsAtSizes, test } from './fixtures';

const host = freshHost();
test.describe.configure({ mode: 'serial' });

/** The rows of one class in the review or the diff (a region named for the class and its count). */
const classRegion = (page: Page, label: string) => page.getByRole('region', { name: new RegExp(`^${label}`) });

async function answerAuthor(page: Page): Promise<void> {
  const who = page.getByRole('dialog', { name: '作成者名' });
  await who.getByRole('textbox').fill('事務局 山田');
  await who.getByRole('button', { name: '決定' }).click();
}

test('import the 令和8 table, review it by class, apply: 令和8年度版 is current', async ({ page }) => {
  test.setTimeout(180_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-desk-e2e-editions-'));
  const r8 = path.join(dir, '令和8年度フォローアップ.txt');
  fs.writeFileSync(r8, buildR8Edition());
  await page.setViewportSize(SCREEN_SIZES[0]);
  await openApp(page, host.get().url);

  // ---- the editions screen from the header: one edition, current
  await page.getByRole('navigation', { name: '画面' }).getByRole('button', { name: '版', exact: true }).click();
  const table = page.locator('.edition-table');
  await expect(table.locator('tr[data-year="7"]')).toContainText('令和7年度版');
  await expect(table.locator('tr[data-year="7"]')).toContainText('現行');

  // ---- a broken workbook: refused with a message
  const choosingBad = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '新しい版の資料を取り込む…' }).click();
  await (
    await choosingBad
  ).setFiles({ name: '回答.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]) });
  await expect(page.getByRole('alert').filter({ hasText: '回答.xlsx' })).toContainText('ファイルが途中で切れているか壊れています');

  // ---- the 令和8 table through the file chooser
  await page.getByRole('button', { name: '版の一覧' }).click();
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '新しい版の資料を取り込む…' }).click();
  await (await choosing).setFiles(r8);
  await expect(page.getByRole('heading', { name: '版の取り込みの確認: 令和8年度フォローアップ.txt' })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.review-batch-meta')).toContainText('新しい版(令和8年度版、令和7年度版と照合)');

  // every class is listed with its count
  const filters = page.getByRole('group', { name: '表示する分類' });
  for (const [label, n] of [
    ['番号変更', 7],
    ['移動', 1],
    ['追加', 2],
    ['削除', 1],
    ['分割', 1],
    ['要確認', 0],
    ['統合', 0],
    ['変更なし', 43],
  ] as const) {
    await expect(filters.locator('label').filter({ hasText: new RegExp(`^${label}\\s*${n}$`) })).toBeVisible();
  }
  // ① and ② of 3-2 swapped: renumbered, keys kept
  const renumbered = classRegion(page, '番号変更');
  await expect(renumbered.locator('[data-key="3-2-1"]')).toContainText('① → ②');
  await expect(renumbered.locator('[data-key="3-2-2"]')).toContainText('② → ①');
  // the dropped item and the two added ones (a fresh key, never 1-1-16 or 1-1-17)
  await expect(classRegion(page, '削除').locator('[data-key="3-3-2"]')).toContainText('次世代医療基盤法に基づく研究開発の推進');
  await expect(classRegion(page, '追加').locator('[data-key="1-1-18"]')).toContainText('医療分野の生成AI基盤モデル');
  await expect(classRegion(page, '追加').locator('[data-key="1-2-3-4"]')).toBeVisible();
  // a word diff: one word of 1-2-2-3's title
  const title = classRegion(page, '修正').locator('[data-key="1-2-2-3"]');
  await expect(title.locator('ins.diff-ins')).toContainText('適正');
  await expect(title.locator('del.diff-del')).toContainText('最適化');
  // the actions field is named for both years
  await expect(classRegion(page, '修正').locator('[data-key="1-1-3"]')).toContainText('令和7年度の取組 → 令和8年度の取組');
  await screenshotsAtSizes(page, '60-edition-review');

  // a class filter hides its rows
  await filters.getByRole('checkbox', { name: /^番号変更/ }).uncheck();
  await expect(classRegion(page, '番号変更')).toHaveCount(0);
  await filters.getByRole('checkbox', { name: /^番号変更/ }).check();
  await expect(classRegion(page, '番号変更')).toBeVisible();

  // ---- apply: the dialog says a backup is taken and what becomes of each edition
  await page.getByRole('button', { name: '反映…' }).click();
  const dialog = page.getByRole('dialog', { name: '版の取り込みを反映' });
  await expect(dialog).toContainText('令和8年度版が現行の版になります');
  await expect(dialog).toContainText('令和7年度版は過去の版として');
  await expect(dialog).toContainText('バックアップを自動で作成します');
  await dialog.getByRole('button', { name: 'バックアップを作成して反映' }).click();
  await answerAuthor(page);
  await expect(page.locator('.notice')).toContainText('令和8年度版を現行の版にしました', { timeout: 30_000 });
  await expect(page.locator('.notice')).toContainText('反映前のバックアップ');

  await page.getByRole('button', { name: '版の一覧' }).click();
  await expect(table.locator('tr[data-year="8"]')).toContainText('現行');
  await expect(table.locator('tr[data-year="7"]')).toContainText('過去の版');
  await screenshotsAtSizes(page, '61-editions-list');

  // ---- the item view now says 令和8年度の取組, and the added item is in the list
  await page.getByRole('navigation', { name: '画面' }).getByRole('button', { name: '小項目' }).click();
  await openItemByKey(page, '1-1-18');
  await expect(page.locator('.item-view')).toContainText('令和8年度の取組');
  await expect(page.locator('.item-view')).not.toContainText('令和7年度の取組');
});

test('follow-up: a reported and an unreported promise; the overview opens its items as the list', async ({ page }) => {
  await page.setViewportSize(SCREEN_SIZES[0]);
  await openApp(page, host.get().url);

  await openItemByKey(page, '1-1-3');
  await page.getByRole('tab', { name: '前年度の方向性' }).click();
  const panel = page.locator('.followup-item');
  await expect(panel.getByRole('heading', { name: '前年度に示した今後の方向性' })).toBeVisible();
  await expect(panel.getByRole('heading', { name: '令和8年度の取組' })).toBeVisible();
  const reported = panel.locator('.followup-promise').filter({ hasText: '取組あり' }).filter({ hasText: '新規公募' });
  await expect(reported).toContainText('期限 令和8年度');
  await expect(reported).toContainText('→ 取組 1');
  await expect(panel.locator('.followup-action').first()).toContainText('← 方向性');
  await screenshotsAtSizes(page, '62-followup-reported');

  await openItemByKey(page, '1-1-11');
  await expect(page.getByRole('tab', { name: '前年度の方向性' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.followup-promise').filter({ hasText: '取組の記載なし' }).first()).toBeVisible();
  await screenshotsAtSizes(page, '63-followup-unreported');

  // the plan-wide overview from the editions screen; a count opens those items as the list
  await page.getByRole('navigation', { name: '画面' }).getByRole('button', { name: '版', exact: true }).click();
  await page.getByRole('button', { name: '前年度の方向性のフォローアップ' }).click();
  await expect(page.locator('.followup-lead')).toContainText('令和7年度に示した今後の方向性');
  await screenshotsAtSizes(page, '64-followup-overview');
  const row = page.locator('.followup-table').first().locator('tr[data-group="厚"]');
  const count = row.locator('.followup-col-unreported button');
  const n = Number(await count.textContent());
  expect(n).toBeGreaterThan(0);
  await count.click();
  await expect(page.locator('.chip, .filter-chip').filter({ hasText: '厚 厚生労働省: 取組の記載なし' })).toBeVisible();
  const shown = Number(await page.getByTestId('list-count').locator('strong').textContent());
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThanOrEqual(n);
  await expect(itemList(page).locator('[id="item-1-1-11"]')).toBeAttached();
});

test('edition diff and the 新旧対照表 download', async ({ page }) => {
  await page.setViewportSize(SCREEN_SIZES[0]);
  await openApp(page, host.get().url);
  await page.getByRole('button', { name: 'ファイル', exact: true }).click();
  await page.getByRole('menuitem', { name: '版と新旧対照…' }).click();
  await page.getByRole('button', { name: '新旧対照' }).click();
  await expect(page.getByRole('heading', { name: '新旧対照: 令和8年度版(新) と 令和7年度版(旧)' })).toBeVisible();
  await expect(classRegion(page, '追加').locator('[data-key="1-1-18"]')).toBeVisible();
  await expect(classRegion(page, '削除').locator('[data-key="3-3-2"]')).toBeVisible();
  await expect(classRegion(page, '番号変更').locator('[data-key="3-2-1"]')).toContainText('① → ②');
  await expect(classRegion(page, '移動').locator('[data-key="4-1-5"]')).toBeVisible();
  await expect(classRegion(page, '修正').locator('[data-key="1-2-2-3"] ins.diff-ins')).toContainText('適正');
  await screenshotsAtSizes(page, '65-edition-diff');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '新旧対照表を Excel で保存' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'council-desk-e2e-cmp-')), download.suggestedFilename());
  await download.saveAs(file);
  await expect(page.getByRole('status').filter({ hasText: 'を保存しました' })).toBeVisible();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).map(String);
  expect(header).toContain('新(令和8年度版)');
  expect(header).toContain('旧(令和7年度版)');
});

test('令和7年度版 read-only from the switcher, and search of every edition', async ({ page }) => {
  // Many steps, two screen sizes of screenshots and a list scrolled row by row: 30 s is too tight under load.
  test.setTimeout(90_000);
  await page.setViewportSize(SCREEN_SIZES[0]);
  await openApp(page, host.get().url);
  const switcher = page.getByRole('combobox', { name: '表示する版' });
  await expect(switcher).toHaveValue('8');
  // 3-3-2 was dropped in 令和8: not in the current list
  await expect(itemList(page).locator('[id="item-3-3-2"]')).toHaveCount(0);

  await switcher.selectOption('7');
  await expect(page.locator('.archived-banner')).toContainText('令和7年度版 — 過去の版(閲覧のみ)');
  await openItemByKey(page, '3-3-2');
  await expect(page.locator('.item-view')).toContainText('令和7年度の取組');
  await expect(page.locator('.archived-badge')).toContainText('過去の版(閲覧のみ)');
  await expect(page.getByRole('button', { name: '編集', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'メモを追加' })).toHaveCount(0);
  // an item renumbered in 令和8 shows its 令和7 number. Reached as a person would, through the
  // outline: scrolling the virtual list row by row raced the list re-rendering as the shown edition's
  // facets arrived (the row found, then unmounted before the click).
  const outline = page.getByRole('navigation', { name: '目次' });
  await outline.getByRole('button', { name: /^中項目2 研究DX/ }).click();
  await page.locator('[id="item-3-2-1"]').click();
  await expect(page.locator('.breadcrumb')).toContainText('3-2-1');
  await expect(page.locator('.item-title-label')).toHaveText('①');
  await screenshotsAtSizes(page, '66-archived-edition');
  await outline.getByRole('button', { name: /^すべての項目/ }).click();

  // search searches the edition shown: the dropped item's title is found in 令和7年度版
  await page.getByRole('searchbox').fill('認定作成事業者の事業の運営状況');
  await expect(page.getByRole('listbox', { name: '検索結果' }).locator('.hit-row').first()).toContainText('3-3-2');
  await page.getByRole('searchbox').fill('');

  // search every edition: hits labelled with their edition
  await page.getByRole('checkbox', { name: 'すべての版を検索' }).check();
  await page.getByRole('searchbox').fill('生成AI基盤モデル');
  const hits = page.getByRole('listbox', { name: '検索結果' });
  await expect(hits.locator('.hit-edition').first()).toHaveText('令和8年度版');
  await screenshotsAtSizes(page, '67-search-all-editions');
  // opening a hit of another edition shows that edition
  await hits.getByRole('option').first().click();
  await expect(page.locator('.archived-banner')).toHaveCount(0);
  await expect(page.locator('.breadcrumb')).toContainText('1-1-18');

  // back to 令和7 and to the current edition by the banner
  await switcher.selectOption('7');
  await page.getByRole('button', { name: '現行の令和8年度版に戻る' }).click();
  await expect(page.locator('.archived-banner')).toHaveCount(0);
  await expect(switcher).toHaveValue('8');
});
