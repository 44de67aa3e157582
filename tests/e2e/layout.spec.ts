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

const width = (page: Page, selector: string) => page.locator(selector).evaluate((el) => Math.round(el.getBoundingClientRect().width));

test('panes collapse and resize (drag and keyboard), and are remembered after a reload', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, sharedHost().url);
  const outline = page.locator('#pane-outline');
  const list = page.locator('#pane-list');

  // Drag the outline's edge 100 px to the right.
  const before = await width(page, '#pane-outline');
  const handle = page.getByRole('separator', { name: '目次の幅' });
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 200);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 50, box.y + 200, { steps: 3 });
  await page.mouse.move(box.x + box.width / 2 + 100, box.y + 200, { steps: 3 });
  await page.mouse.up();
  expect(await width(page, '#pane-outline')).toBe(before + 100);

  // The list's edge from the keyboard: End is the widest, ← narrows by 16 px.
  const listHandle = page.getByRole('separator', { name: '一覧の幅' });
  await listHandle.focus();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  expect(await width(page, '#pane-list')).toBe(640 - 16);
  await expect(listHandle).toHaveAttribute('aria-valuenow', '624');

  // Collapse the outline: the list and the main pane take its room.
  const mainBefore = await width(page, '#main');
  await page.getByRole('button', { name: '目次を閉じる' }).click();
  await expect(outline).toHaveCount(0);
  expect(await width(page, '#main')).toBeGreaterThan(mainBefore + 200);
  await screenshot(page, 'layout-outline-collapsed-1366x768');

  // All of it is remembered.
  await page.reload();
  await expect(itemList(page)).toBeVisible();
  await expect(outline).toHaveCount(0);
  expect(await width(page, '#pane-list')).toBe(624);
  await page.getByRole('button', { name: '目次を表示' }).click();
  await expect(outline).toBeVisible();
  expect(await width(page, '#pane-outline')).toBe(before + 100);

  // The list collapses too, and comes back.
  await page.getByRole('button', { name: '一覧を閉じる' }).click();
  await expect(list).toHaveCount(0);
  await page.getByRole('button', { name: '一覧を表示' }).click();
  await expect(itemList(page)).toBeVisible();

  // A long outline name can be read whole on hover, badges or not.
  const entry = page.locator('#pane-outline .outline-middle .outline-button').first();
  await expect(entry).toHaveAttribute('title', /データ利活用・ライフコース/);
});

test('the annotations pane collapses and resizes beside the item at 1920×1080', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openApp(page, sharedHost().url);
  await openItemByKey(page, '1-1-1');
  const panel = page.locator('#annot-panel');
  await expect(panel).toBeVisible();
  const handle = page.getByRole('separator', { name: '注釈の幅' });
  await handle.focus();
  // The panel is on the right: ← widens it.
  await page.keyboard.press('Home');
  expect(await width(page, '#annot-panel')).toBe(240);
  await page.keyboard.press('Shift+ArrowLeft');
  expect(await width(page, '#annot-panel')).toBe(304);
  await screenshot(page, 'layout-annotations-1920x1080');
  await page.getByRole('button', { name: '注釈を閉じる' }).click();
  await expect(panel).toHaveCount(0);
  await page.reload();
  await openItemByKey(page, '1-1-1');
  await expect(panel).toHaveCount(0);
  await screenshot(page, 'layout-annotations-collapsed-1920x1080');
  await page.getByRole('button', { name: '注釈を表示' }).click();
  expect(await width(page, '#annot-panel')).toBe(304);
});

test('font size 小/中/大 from the header, remembered after a reload', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, sharedHost().url);
  const bodySize = () => page.evaluate(() => getComputedStyle(document.body).fontSize);
  expect(await bodySize()).toBe('15px');
  await page.getByRole('button', { name: '文字を大きく' }).click();
  expect(await bodySize()).toBe('17px');
  await page.reload();
  await expect(itemList(page)).toBeVisible();
  await expect(page.getByRole('button', { name: '文字を大きく' })).toHaveAttribute('aria-pressed', 'true');
  expect(await bodySize()).toBe('17px');
  await openItemByKey(page, '1-1-1');
  await expectWindowUnscrolled(page);
  await screenshot(page, 'layout-font-large-1366x768');
  await page.getByRole('button', { name: '文字を小さく' }).click();
  expect(await bodySize()).toBe('14px');
});

/** WCAG contrast ratio of an element's text against the first opaque background behind it. */
async function contrastOf(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
      const lum = ([r, g, b]: number[]) => {
        const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
      };
      let bg: number[] | null = null;
      for (let n: Element | null = el; n && !bg; n = n.parentElement) {
        const c = rgb(getComputedStyle(n).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3]! > 0.9)) bg = c.slice(0, 3);
      }
      const fg = lum(rgb(getComputedStyle(el).color));
      const back = lum(bg ?? [255, 255, 255]);
      return (Math.max(fg, back) + 0.05) / (Math.min(fg, back) + 0.05);
    });
}

test('the system dark mode gives a dark palette with legible text', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await openApp(page, sharedHost().url);
    await openItemByKey(page, '1-1-3');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(21, 23, 27)');
    for (const selector of [
      '.app-name',
      '.view-button',
      '.option .item-title, .option',
      '.breadcrumb',
      '.cmp-text, .cmp-bullet',
      '.chip',
      '.count',
      '.pane-title',
    ]) {
      expect(await contrastOf(page, selector), selector).toBeGreaterThanOrEqual(4.5);
    }
    await screenshot(page, `layout-dark-${size.width}x${size.height}`);
  }
});

test('at 1920×1080 the pane handles report the widths the screen size gives', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openApp(page, sharedHost().url);
  await expect(page.getByRole('separator', { name: '目次の幅' })).toHaveAttribute(
    'aria-valuenow',
    String(await width(page, '#pane-outline')),
  );
  await expect(page.getByRole('separator', { name: '一覧の幅' })).toHaveAttribute('aria-valuenow', String(await width(page, '#pane-list')));
  await screenshot(page, 'layout-start-1920x1080');
});
