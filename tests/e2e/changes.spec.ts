// 変更一覧 through the web host at 1366×768: edits, a restore and an edition revision listed newest
// first with their diffs; filters (source, item, 前回会議以降); the 前回会議 date set from the screen;
// a bad item key shows a Japanese message; a row's link opens the item; the export downloads a workbook.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { ChangePage } from '../../src/shared/change-log';
import type { Item } from '../../src/shared/domain';
import { buildTypoFixEdition } from '../fixtures/editions/build';
import { api, expect, freshHost, openApp, screenshot, test } from './fixtures';

const host = freshHost();

async function edit(key: string, field: 'title' | 'future', value: unknown, author: string): Promise<void> {
  const item = await api<Item>(host.get(), 'items.get', { key });
  await api(host.get(), 'items.update', { key, field, value, author, expectedVersion: item.version });
}

test.describe('変更一覧', () => {
  test.beforeAll(async () => {
    await edit('1-1-8', 'title', '直した小項目名', '佐藤');
    await edit(
      '1-1-9',
      'future',
      [
        { text: '今後は拡充する', level: 0 },
        { text: '下位の方向性を新たに追加', level: 1 },
      ],
      '鈴木',
    );
    const [batch] = await api<{ id: number }[]>(host.get(), 'editions.stage', {
      uploads: [{ name: 'r7-typo.txt', dataBase64: Buffer.from(buildTypoFixEdition()).toString('base64') }],
    });
    await api(host.get(), 'editions.apply', { batch: batch!.id, author: '事務局' });
  });

  test('lists every change with its diff, filters, and opens the item', async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await api(host.get(), 'changes.setLastMeeting', { date: null });
    const all = await api<ChangePage>(host.get(), 'changes.list', {});
    await openApp(page, host.get().url);
    await page.getByRole('button', { name: '変更一覧' }).click();
    const view = page.getByRole('region', { name: /変更一覧/ });
    await expect(view.getByRole('heading', { name: /変更一覧/ })).toContainText(`${all.total} 件`);
    const rows = view.getByRole('article');
    await expect(rows.first()).toContainText(`#${all.rows[0]!.id}`);
    await expect(rows.first()).toContainText('版の更新');
    const future = view.getByRole('article', { name: /1-1-9/ });
    await expect(future).toContainText('鈴木');
    await expect(future.locator('ins.diff-ins').last()).toContainText('下位の方向性を新たに追加');
    await screenshot(page, 'changes-1366');

    await view.getByLabel('変更元').selectOption('edit');
    await expect(view.getByRole('heading', { name: /変更一覧/ })).toContainText('2 件');
    await expect(rows).toHaveCount(2);

    await view.getByLabel('管理番号').fill('1-1-');
    await expect(view.getByRole('alert')).toHaveText('管理番号の形式が正しくありません(例: 1-1-16)');
    await expect(rows).toHaveCount(2);
    await view.getByLabel('管理番号').fill('1-1-8');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('直した小項目名');
    await screenshot(page, 'changes-filtered-1366');

    await rows.first().getByRole('button', { name: /1-1-8/ }).click();
    await expect(page.locator('.breadcrumb')).toContainText('1-1-8');
  });

  test('the 前回会議 date is set from the screen and filters; the export downloads the rows', async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await api(host.get(), 'changes.setLastMeeting', { date: null });
    await openApp(page, host.get().url);
    await page.getByRole('button', { name: '変更一覧' }).click();
    const view = page.getByRole('region', { name: /変更一覧/ });
    const since = view.getByRole('checkbox', { name: /前回会議以降/ });
    await expect(since).toBeDisabled();

    // Every change was made today: a meeting tomorrow leaves none after it; today keeps them all.
    const day = (offset: number) => {
      const d = new Date(Date.now() + offset * 86_400_000);
      return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(d);
    };
    const all = await api<ChangePage>(host.get(), 'changes.list', {});
    await view.getByLabel('前回会議の日付').fill(day(1));
    await view.getByRole('button', { name: '設定' }).click();
    await expect(view.getByRole('status').filter({ hasText: '前回会議の日付を' })).toContainText(day(1));
    expect((await api<{ lastMeeting: string }>(host.get(), 'changes.lastMeeting', {})).lastMeeting).toBe(day(1));
    await since.check();
    await expect(view.getByText('条件に合う変更はありません。')).toBeVisible();
    await view.getByLabel('前回会議の日付').fill(day(-1));
    await view.getByRole('button', { name: '設定' }).click();
    await expect(view.getByRole('heading', { name: /変更一覧/ })).toContainText(`${all.total} 件`);
    await screenshot(page, 'changes-meeting-1366');

    await view.getByLabel('変更元').selectOption('edition');
    const edition = await api<ChangePage>(host.get(), 'changes.list', { source: 'edition' });
    await expect(view.getByRole('heading', { name: /変更一覧/ })).toContainText(`${edition.total} 件`);
    const downloading = page.waitForEvent('download');
    await view.getByRole('button', { name: 'ブックに書き出す' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^変更一覧_.*\.xlsx$/);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'council-desk-changes-')), download.suggestedFilename());
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.getWorksheet('変更一覧')!.rowCount).toBe(1 + edition.total);
  });

  test('layout at 1920×1080: filters on one line, rows full width', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openApp(page, host.get().url);
    await page.getByRole('button', { name: '変更一覧' }).click();
    const view = page.getByRole('region', { name: /変更一覧/ });
    await expect(view.getByRole('article').first()).toBeVisible();
    const filters = await view.getByRole('group').boundingBox();
    expect(filters!.height).toBeLessThan(60);
    const row = await view.getByRole('article').first().boundingBox();
    expect(row!.width).toBeGreaterThan(1800);
    await screenshot(page, 'changes-1920');
  });

  test('scrolling to the end loads the next page of changes', async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    for (let i = 0; i < 230; i++) await edit('1-1-10', 'title', `何度も直した小項目名 ${i}`, '高橋');
    const all = await api<ChangePage>(host.get(), 'changes.list', { limit: 1000 });
    expect(all.rows.length).toBe(all.total);
    expect(all.total).toBeGreaterThan(200); // the page loads 200 at a time
    await openApp(page, host.get().url);
    await page.getByRole('button', { name: '変更一覧' }).click();
    const view = page.getByRole('region', { name: /変更一覧/ });
    const feed = view.getByRole('feed', { name: '変更の一覧' });
    await expect(view.getByRole('article').first()).toContainText('何度も直した小項目名 229');
    const oldest = view.getByRole('article', { name: new RegExp(`^#${all.rows.at(-1)!.id} `) });
    for (let i = 0; i < 100 && !(await oldest.isVisible()); i++) await feed.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect(oldest).toContainText('直した小項目名');
  });
});
