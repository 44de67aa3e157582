// Search as you type: ranked hits with the match marked, 1–2 character queries included, `/` to
// focus, hits narrowed by the filters, Enter opens the item at the matching bullet.
import { api } from './fixtures';
import { expect, hitList, openApp, screenshot, sharedHost, test } from './fixtures';

interface Hit {
  key: string;
  kind: string;
  field: string;
  snippet: string;
}

test.describe('search', () => {
  test('認知症 finds ranked hits with the match marked, and opens the item at the bullet', async ({ page }) => {
    const host = sharedHost();
    const expected = await api<Hit[]>(host, 'search', { query: '認知症', limit: 200 });
    expect(expected.length).toBeGreaterThan(3);

    await openApp(page, host.url);
    await page.keyboard.press('/');
    const box = page.getByRole('searchbox', { name: '計画を検索' });
    await expect(box).toBeFocused();
    await box.pressSequentially('認知症', { delay: 20 });

    const hits = hitList(page).getByRole('option');
    await expect(page.getByRole('status').filter({ hasText: '「認知症」の検索結果' })).toContainText(`${expected.length} 件`);
    await expect(hits.first()).toBeVisible();
    // Ranked as the API ranks them: the first hit is the API's first.
    await expect(hits.first()).toContainText(expected[0]!.key);
    await expect(hits.first().locator('mark').first()).toHaveText('認知症');
    await screenshot(page, '03-search-dementia');

    // ↓ moves into the results, Enter opens the item and marks the bullet.
    await box.press('ArrowDown');
    await expect(hitList(page)).toBeFocused();
    const firstItemHit = expected.findIndex((h) => h.kind === 'item' && (h.field === 'actions' || h.field === 'future'));
    for (let i = 0; i < firstItemHit; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const target = expected[firstItemHit]!;
    await expect(page.locator('.breadcrumb')).toContainText(target.key);
    await expect(page.locator('.cmp-bullet.is-target')).toBeFocused();
    await expect(page.locator('.cmp-bullet.is-target')).toContainText('認知症');
  });

  test('two-character queries (がん, 課題) find hits', async ({ page }) => {
    const host = sharedHost();
    await openApp(page, host.url);
    const box = page.getByRole('searchbox', { name: '計画を検索' });
    for (const query of ['がん', '課題']) {
      const expected = await api<Hit[]>(host, 'search', { query, limit: 200 });
      expect(expected.length, `API hits for ${query}`).toBeGreaterThan(0);
      await box.fill(query);
      await expect(page.getByRole('status').filter({ hasText: `「${query}」の検索結果` })).toContainText(`${expected.length} 件`);
      await expect(hitList(page).getByRole('option').first().locator('mark').first()).toHaveText(query);
    }
    await screenshot(page, '04-search-two-chars');

    // A filter narrows the hits too; Esc clears the search and the item list returns.
    await page.getByLabel('府省で絞り込む').selectOption('総');
    await expect(page.getByRole('status').filter({ hasText: '「課題」の検索結果' })).toContainText('絞り込み前');
    await box.press('Escape');
    await expect(box).toHaveValue('');
    await expect(page.getByRole('listbox', { name: '小項目の一覧' })).toBeVisible();
  });

  test('while an answer is slow, only the newest text is asked next (stale queries are never sent)', async ({ page }) => {
    await openApp(page, sharedHost().url);
    // Every search answer held back 1.5 s: the keys below pause longer than the box's debounce,
    // so each would ask on its own if the box did not wait for the answer on its way.
    const asked: string[] = [];
    await page.route('**/api/invoke', async (route) => {
      const body = route.request().postDataJSON() as { method: string; args: { query?: string } };
      if (body.method !== 'search') return route.fallback();
      asked.push(body.args.query ?? '');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.fallback();
    });
    const box = page.getByRole('searchbox', { name: '計画を検索' });
    await box.pressSequentially('にんちしょう', { delay: 150 });
    await expect(page.getByRole('status').filter({ hasText: '「にんちしょう」の検索結果' })).toBeVisible({ timeout: 10_000 });
    await expect(hitList(page).getByRole('option').first()).toBeVisible();
    expect(asked).toEqual(['に', 'にんちしょう']);
    // The answer to 「に」 was never shown over the newer text.
    await expect(page.getByRole('status').filter({ hasText: '「にんちしょう」の検索結果' })).toBeVisible();
  });

  test('text committed from the IME is searched at once, not after the debounce', async ({ page }) => {
    await openApp(page, sharedHost().url);
    // In the page: whether each search request was sent while the compositionend event was being
    // handled (at once), or later from a timer (the debounce).
    await page.evaluate(() => {
      const w = window as unknown as { __committing: boolean; __asked: { query: string; atCommit: boolean }[] };
      w.__committing = false;
      w.__asked = [];
      window.addEventListener(
        'compositionend',
        () => {
          w.__committing = true;
          setTimeout(() => (w.__committing = false), 0);
        },
        { capture: true },
      );
      const fetchOf = window.fetch.bind(window);
      window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
        const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as { method: string; args: { query?: string } }) : null;
        if (body?.method === 'search') w.__asked.push({ query: body.args.query ?? '', atCommit: w.__committing });
        return fetchOf(input, init);
      };
    });
    const box = page.getByRole('searchbox', { name: '計画を検索' });
    await box.focus();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'にんちしょう', selectionStart: 6, selectionEnd: 6 });
    await cdp.send('Input.insertText', { text: '認知症' });
    await expect(box).toHaveValue('認知症');
    await expect(page.getByRole('status').filter({ hasText: '「認知症」の検索結果' })).toBeVisible();
    const asked = await page.evaluate(() => (window as unknown as { __asked: { query: string; atCommit: boolean }[] }).__asked);
    expect(asked.filter((a) => a.query === '認知症')).toEqual([{ query: '認知症', atCommit: true }]);
  });

  test('a query with no match says so', async ({ page }) => {
    await openApp(page, sharedHost().url);
    await page.getByRole('searchbox', { name: '計画を検索' }).fill('存在しない語句ぬぬぬ');
    await expect(page.getByText('に一致する箇所はありません')).toBeVisible();
  });
});
