// The e2e fixtures: every page refuses (and records) any request to a host other than 127.0.0.1, and a
// test fails if one was attempted or if the page threw. Helpers open the app, reach the shared
// read-only host or a fresh host per spec file, call the API, and save screenshots.
import { test as base, expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, startHost, type Host } from './host';

export { expect };

const LOCAL_HOSTS = new Set(['127.0.0.1']);

export interface NetworkGuard {
  /** The off-site URLs recorded so far, handed over (and forgotten) for a test that expects them. */
  takeOffsite(): string[];
}

export const test = base.extend<{ networkGuard: NetworkGuard }>({
  networkGuard: [
    async ({ page }, use) => {
      const offsite: string[] = [];
      const pageErrors: string[] = [];
      await page.context().route('**/*', async (route) => {
        const url = new URL(route.request().url());
        const local = ['data:', 'blob:', 'about:'].includes(url.protocol) || LOCAL_HOSTS.has(url.hostname);
        if (local) return route.continue();
        offsite.push(route.request().url());
        return route.abort('blockedbyclient');
      });
      page.on('pageerror', (e) => pageErrors.push(String(e)));
      await use({ takeOffsite: () => offsite.splice(0) });
      expect(offsite, 'requests to hosts other than 127.0.0.1').toEqual([]);
      expect(pageErrors, 'uncaught errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});

/** The host started by global-setup, shared by the specs that only read. */
export function sharedHost(): Pick<Host, 'url' | 'origin' | 'token' | 'db'> {
  const url = process.env.COUNCIL_E2E_URL;
  const db = process.env.COUNCIL_E2E_DB;
  if (!url || !db) throw new Error('global setup did not start the web host');
  const parsed = new URL(url);
  return { url, origin: parsed.origin, token: parsed.searchParams.get('token') ?? '', db };
}

/** A host on its own fresh database for the tests of one spec file (started before, stopped after). */
export function freshHost(): { get(): Host } {
  let host: Host | undefined;
  test.beforeAll(async () => {
    host = await startHost();
  });
  test.afterAll(async () => {
    await host?.close();
  });
  return {
    get() {
      if (!host) throw new Error('fresh host not started');
      return host;
    },
  };
}

/** Open the app and wait until the plan is shown. */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('listbox', { name: '小項目の一覧' })).toBeVisible();
  await expect(itemList(page).getByRole('option').first()).toBeVisible();
}

/** Call the API over HTTP as the page does (for setting up conflicts and expected values). */
export async function api<T>(host: Pick<Host, 'origin' | 'token'>, method: string, args: unknown): Promise<T> {
  const res = await fetch(`${host.origin}/api/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-council-token': host.token },
    body: JSON.stringify({ method, args }),
  });
  const envelope = (await res.json()) as { ok: boolean; result?: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(envelope.error?.message);
  return envelope.result as T;
}

const SHOTS = path.join(ROOT, 'test-results', 'screenshots');

/** Save a screenshot of a main screen under test-results/screenshots/NAME.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  // Let fonts and the link drawing settle.
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** The window sizes whose layout is checked: a common laptop and a full-HD screen. */
export const SCREEN_SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

/** Screenshots NAME-1920 and NAME-1366 of the page as it is (left at 1366×768). */
export async function screenshotsAtSizes(page: Page, name: string): Promise<void> {
  for (const size of [...SCREEN_SIZES].reverse()) {
    await page.setViewportSize(size);
    await screenshot(page, `${name}-${size.width}`);
  }
}

/** The item list (listbox) and the search results. */
export const itemList = (page: Page) => page.getByRole('listbox', { name: '小項目の一覧' });
export const hitList = (page: Page) => page.getByRole('listbox', { name: '検索結果' });

/** Click an item's row, scrolling the virtualised list until the row is rendered. */
export async function openItemByKey(page: Page, key: string): Promise<void> {
  const list = itemList(page);
  const option = page.locator(`[id="item-${key}"]`);
  const top = () =>
    list.evaluate((el) => {
      el.scrollTop = 0;
    });
  await top();
  // The list is virtual: a row found can be unmounted again before the click when the list re-renders
  // (late facets change its rows' heights), so a click that does not land starts the search over.
  for (let i = 0; i < 400; i++) {
    if (await option.isVisible()) {
      try {
        await option.click({ timeout: 3000 });
        break;
      } catch {
        await top();
        continue;
      }
    }
    await list.evaluate((el) => {
      el.scrollTop += el.clientHeight * 0.7;
    });
  }
  await expect(page.locator('.breadcrumb')).toContainText(key);
}
