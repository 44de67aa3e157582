// The header on a government laptop (1366×768) and a desktop screen (1920×1080): every screen button
// whole and in view without sideways scrolling, nothing overlapping, the search box and ホーム always
// there, every screen button opens its screen; with the large font nothing scrolls sideways either.
import type { Page } from '@playwright/test';
import { expect, openApp, openItemByKey, screenshot, sharedHost, test } from './fixtures';

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

type Box = { name: string; left: number; right: number; top: number; bottom: number };

/** What the header's layout gives: its overflow and the box of every control in it. */
function measureHeader(page: Page) {
  return page.evaluate(() => {
    const header = document.querySelector<HTMLElement>('.app-header')!;
    const nav = header.querySelector<HTMLElement>('.view-nav')!;
    const boxes = [...header.querySelectorAll<HTMLElement>('a, button, input, select')].map((el) => {
      const r = el.getBoundingClientRect();
      const name = el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.getAttribute('placeholder') ?? el.tagName;
      return { name: name || el.tagName, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    });
    return {
      headerOverflow: header.scrollWidth - header.clientWidth,
      navOverflow: nav.scrollWidth - nav.clientWidth,
      pageOverflow: document.scrollingElement!.scrollWidth - window.innerWidth,
      width: window.innerWidth,
      headerHeight: header.getBoundingClientRect().height,
      boxes,
    };
  });
}

const overlaps = (a: Box, b: Box) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

async function expectHeaderFits(page: Page): Promise<void> {
  const m = await measureHeader(page);
  expect(m.headerOverflow, 'header scrolls sideways').toBeLessThanOrEqual(0);
  expect(m.navOverflow, 'screen buttons scroll sideways').toBeLessThanOrEqual(0);
  expect(m.pageOverflow, 'page scrolls sideways').toBeLessThanOrEqual(0);
  for (const b of m.boxes) {
    expect(b.left, `${b.name} starts left of the window`).toBeGreaterThanOrEqual(0);
    expect(b.right, `${b.name} ends right of the window`).toBeLessThanOrEqual(m.width);
  }
  const clashes = m.boxes.flatMap((a, i) =>
    m.boxes
      .slice(i + 1)
      .filter((b) => overlaps(a, b))
      .map((b) => `${a.name} × ${b.name}`),
  );
  expect(clashes, 'header controls overlapping').toEqual([]);
  const nav = page.getByRole('navigation', { name: '画面' });
  for (const button of await nav.getByRole('button').all()) await expect(button).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole('searchbox', { name: '計画を検索' })).toBeInViewport({ ratio: 1 });
  expect((await page.getByRole('searchbox', { name: '計画を検索' }).boundingBox())!.width).toBeGreaterThanOrEqual(200);
}

for (const size of SIZES) {
  test(`at ${size.width}×${size.height} every screen button is whole, in view and opens its screen`, async ({ page }) => {
    await page.setViewportSize(size);
    await openApp(page, sharedHost().url);
    await expectHeaderFits(page);
    await screenshot(page, `header-${size.width}x${size.height}`);

    const nav = page.getByRole('navigation', { name: '画面' });
    const names = (await nav.getByRole('button').allTextContents()).map((t) => t.trim());
    expect(names).toHaveLength(10);
    expect(names[0]).toBe('ホーム');
    // Each screen in turn (the start page last), each button a real click on its spot; an item is
    // open first (小項目 marks the item view, the start page is ホーム's).
    await openItemByKey(page, '1-1-1');
    for (const name of [...names.slice(1), names[0]!]) {
      const button = nav.getByRole('button', { name, exact: true });
      await button.click();
      await expect(button).toHaveAttribute('aria-current', 'page');
      await expectHeaderFits(page);
    }
    await expect(page.locator('#welcome-title')).toBeVisible();
  });
}

test('小項目 on the start page opens the first item of the list (it used to leave the start page as it was)', async ({ page }) => {
  await page.setViewportSize(SIZES[0]!);
  await openApp(page, sharedHost().url);
  await expect(page.locator('#welcome-title')).toBeVisible();
  const first = await page.getByRole('listbox', { name: '小項目の一覧' }).getByRole('option').first().textContent();
  await page.getByRole('navigation', { name: '画面' }).getByRole('button', { name: '小項目', exact: true }).click();
  await expect(page.locator('#welcome-title')).toBeHidden();
  await expect(page.getByRole('navigation', { name: '画面' }).getByRole('button', { name: '小項目', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
  expect(first).toContain('1-1-1');
  await expect(page.locator('.item-view')).toContainText('1-1-1');
});

test('at 1366×768 with the large font the header wraps instead of scrolling sideways', async ({ page }) => {
  await page.setViewportSize(SIZES[0]!);
  await openApp(page, sharedHost().url);
  // (A fresh browser context per test: the remembered size does not reach other tests.)
  await page.getByRole('group', { name: '文字の大きさ' }).getByRole('button', { name: '文字を大きく' }).click();
  await expectHeaderFits(page);
  await screenshot(page, 'header-1366x768-large-font');
});
