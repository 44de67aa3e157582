// The page asks for the workbook reader (imports.prepare) only when the user turns to importing:
// not on opening the app, but on opening the import screen, and on files dragged over the window.
import type { Page } from '@playwright/test';
import { expect, openApp, sharedHost, test } from './fixtures';

function prepareCalls(page: Page): { count(): number } {
  let n = 0;
  page.on('request', (req) => {
    if (req.url().endsWith('/api/invoke') && (JSON.parse(req.postData() ?? '{}') as { method?: string }).method === 'imports.prepare')
      n += 1;
  });
  return { count: () => n };
}

test('opening the app does not ask for the reader; the import screen does', async ({ page }) => {
  const calls = prepareCalls(page);
  await openApp(page, sharedHost().url);
  await page.waitForTimeout(500);
  expect(calls.count()).toBe(0);
  await page.getByRole('navigation', { name: '画面' }).getByRole('button', { name: '取り込み' }).click();
  await expect.poll(() => calls.count()).toBe(1);
});

test('files dragged over the window ask for the reader once, before the drop', async ({ page }) => {
  const calls = prepareCalls(page);
  await openApp(page, sharedHost().url);
  const transfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['x'], 'answer.xlsx'));
    return dt;
  });
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
  await expect.poll(() => calls.count()).toBe(1);
  await page.dispatchEvent('main', 'dragleave', { dataTransfer: transfer });
  await page.dispatchEvent('main', 'dragleave', { dataTransfer: transfer });
});
