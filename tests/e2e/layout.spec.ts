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
