// The dashboard of an archived edition through the web host (issue 11): with 令和8 applied over 令和7,
// switching to 令和7 shows 令和7's figures (the title says which edition; 照会状況 and ingest warnings
// say why they are absent), and a number opens 令和7's items filtered by 令和7's facets: the list holds
// exactly the items the figure counts, among them 3-3-2 (dropped in 令和8). Screenshots at 1366×768.
import { buildR8Edition } from '../fixtures/editions/build';
import type { DashboardFigures, Figure } from '../../src/shared/dashboard';
import { api, expect, freshHost, itemList, openApp, screenshot, test } from './fixtures';
import type { Host } from './host';

const host = freshHost();

/** The item 令和8 dropped: only 令和7's own facets can count it. */
const DROPPED = '3-3-2';

/** A quality or timeline figure of 令和7 that counts the dropped item, with the context its button names. */
async function countingDropped(h: Host, r7: DashboardFigures): Promise<{ figure: Figure; context: string; keys: string[] }> {
  const candidates = [
    ...r7.quality.distribution.map((figure) => ({ figure, context: '品質' })),
    ...r7.timeline.total.map((figure) => ({ figure, context: '時期' })),
  ];
  for (const c of candidates) {
    if (c.figure.count === 0) continue;
    const keys = (await api<{ key: string }[]>(h, 'items.list', { edition: 7, ...c.figure.filter })).map((it) => it.key);
    if (keys.includes(DROPPED)) return { ...c, keys };
  }
  throw new Error(`no figure of 令和7 counts ${DROPPED}`);
}

test("令和7 (archived): the dashboard shows 令和7's figures and a number opens 令和7's filtered list", async ({ page }) => {
  test.setTimeout(180_000);
  const h = host.get();
  const [batch] = await api<{ id: number }[]>(h, 'editions.stage', {
    uploads: [{ name: 'r8.txt', dataBase64: Buffer.from(buildR8Edition()).toString('base64') }],
  });
  await api(h, 'editions.apply', { batch: batch!.id, author: '事務局' });
  const r7 = await api<DashboardFigures>(h, 'dashboard.figures', { edition: 7 });
  const { figure, context, keys } = await countingDropped(h, r7);
  expect(keys).toHaveLength(figure.count);

  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, h.url);
  await page.getByRole('combobox', { name: '表示する版' }).selectOption('7');
  await expect(page.locator('.archived-banner')).toContainText('令和7年度版');
  await page.getByRole('button', { name: 'ダッシュボード' }).click();
  const heading = page.getByRole('heading', { name: /ダッシュボード/ });
  await expect(heading).toContainText('令和7年度');
  await expect(heading).toContainText('過去の版');
  await expect(heading).toContainText(`全 ${r7.itemCount} 項目`);
  const dashboard = page.locator('.dashboard');
  await expect(dashboard).toContainText('過去の版には照会状況はありません');
  await expect(dashboard).toContainText('取込時の注意は現在の版の項目について確認するものです');
  await expect(page.locator('.dashboard .chart-canvas canvas').first()).toBeVisible();
  await screenshot(page, 'dashboard-archived-1366');
  await dashboard.getByText(/過去の版には照会状況はありません/).scrollIntoViewIfNeeded();
  await screenshot(page, 'dashboard-archived-round-1366');

  await page.getByRole('button', { name: `${context} ${figure.label}: ${figure.count} 件` }).click();
  await expect(page.getByTestId('list-count')).toContainText(`該当 ${figure.count} 件 / 全 ${r7.itemCount} 件`);
  await expect(page.locator('.archived-banner')).toContainText('令和7年度版');
  const shown = await itemList(page)
    .locator('[id^="item-"]')
    .evaluateAll((els) => els.map((e) => e.id.slice('item-'.length)));
  // The list is virtualised: the rows drawn are some of the figure's items, in its order.
  expect(shown.length).toBeGreaterThan(0);
  expect(keys.slice(0, shown.length)).toEqual(shown);
  await screenshot(page, 'dashboard-archived-click-1366');
});
