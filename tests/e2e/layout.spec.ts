// The layout on a government laptop (1366×768) and a desktop screen (1920×1080): only the panes scroll,
// the header stays in view whatever pane is scrolled to its end.
import type { Page } from '@playwright/test';
import { expect, itemList, openApp, openItemByKey, screenshot, sharedHost, test } from './fixtures';

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

/** Scroll an element to its end the way a wheel does (scrollTop, then the page gets its chance). */
async function scrollToEnd(page: Page, selector: string): Promise<void> {
  const pane = page.locator(selector).first();
  await pane.hover();
  for (let i = 0; i < 40; i++) await page.mouse.wheel(0, 600);
  await pane.evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
}

async function expectWindowUnscrolled(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.scrollingElement?.scrollTop ?? -1)).toBe(0);
  expect(await page.evaluate(() => document.scrollingElement!.scrollHeight <= window.innerHeight)).toBe(true);
  const header = page.locator('.app-header');
  await expect(header).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole('searchbox', { name: '計画を検索' })).toBeInViewport({ ratio: 1 });
}

for (const size of SIZES) {
  test(`at ${size.width}×${size.height} only the panes scroll, the header stays in view`, async ({ page }) => {
    await page.setViewportSize(size);
    await openApp(page, sharedHost().url);
    await openItemByKey(page, '1-1-1');
    for (const pane of ['.pane-main', '.pane-outline', '[role="listbox"][aria-label="小項目の一覧"]']) {
      await scrollToEnd(page, pane);
      await expectWindowUnscrolled(page);
    }
    await expect(itemList(page)).toBeVisible();
    await screenshot(page, `layout-scrolled-${size.width}x${size.height}`);
  });
}

test('the app name and ホーム go back to the start page; ? and F1 list every shortcut', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, sharedHost().url);
  const welcome = page.locator('#welcome-title');
  await openItemByKey(page, '1-1-2');
  await expect(welcome).toBeHidden();
  await page.getByRole('button', { name: 'ホーム', exact: true }).click();
  await expect(welcome).toBeVisible();
  await expect(page.getByRole('button', { name: 'ホーム', exact: true })).toHaveAttribute('aria-current', 'page');

  await page.getByRole('button', { name: 'ダッシュボード' }).click();
  await expect(welcome).toBeHidden();
  await page.getByRole('link', { name: '協議会デスク' }).click();
  await expect(welcome).toBeVisible();

  // ? outside a field opens the help; inside the search box it is just typed.
  const help = page.getByRole('dialog', { name: 'キーボード操作' });
  const box = page.getByRole('searchbox', { name: '計画を検索' });
  await box.focus();
  await page.keyboard.type('?');
  await expect(box).toHaveValue('?');
  await expect(help).toBeHidden();
  await box.fill('');
  await page.locator('#welcome-title').click();
  await page.keyboard.press('?');
  await expect(help).toBeVisible();
  for (const keys of ['/', 'Ctrl+S', 'Alt+↑ / Alt+↓', 'F3 / N、Shift+F3 / Shift+N', 'Shift+F10 / メニューキー', '? / F1']) {
    await expect(help.locator('kbd', { hasText: keys }).first()).toBeVisible();
  }
  await screenshot(page, 'layout-keyboard-help-1366x768');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await page.keyboard.press('F1');
  await expect(help).toBeVisible();
  await help.getByRole('button', { name: '閉じる' }).click();
  await expect(help).toBeHidden();
});
