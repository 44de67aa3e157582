// The dashboard through the web host: clicking a chart element narrows the list to exactly the items
// it counts (checked against the API's figures), the warning count reaches the list, 確認済み lowers
// it, the help page lists every rule; screenshots at 1366×768 and 1920×1080.
import { QUALITY_RULES } from '../../src/shared/quality';
import type { DashboardFigures } from '../../src/shared/dashboard';
import { api, expect, freshHost, itemList, openApp, openItemByKey, screenshot, test } from './fixtures';

const host = freshHost();

test.describe('dashboard', () => {
  test('a chart element opens the items behind it as the filtered list', async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await openApp(page, host.get().url);
    const figures = await api<DashboardFigures>(host.get(), 'dashboard.figures', {});
    await page.getByRole('button', { name: 'ダッシュボード' }).click();
    await expect(page.getByRole('heading', { name: /ダッシュボード/ })).toBeVisible();
    await screenshot(page, 'dashboard-1366');

    // 今後の方向性 × 厚 × 新規: the list shows the same number of items as the figure.
    const row = figures.labels.byMinistry.find((r) => r.label.startsWith('厚'))!;
    const cell = row.cells.find((c) => c.label === '新規')!;
    expect(cell.count).toBeGreaterThan(0);
    await page.getByRole('button', { name: `今後の方向性 ${row.label} 新規: ${cell.count} 件` }).click();
    await expect(page.getByTestId('list-count')).toContainText(`該当 ${cell.count} 件`);
    await expect(page.getByRole('list', { name: '適用中の条件' })).toContainText('府省: 厚');
    await expect(page.getByRole('list', { name: '適用中の条件' })).toContainText('新規');

    // A quality label bar.
    const vague = figures.quality.distribution.find((f) => f.filter.quality === 'vague')!;
    await page.getByRole('button', { name: `品質 ${vague.label}: ${vague.count} 件` }).click();
    await expect(page.getByTestId('list-count')).toContainText(`該当 ${vague.count} 件`);
    await expect(itemList(page).locator('.quality-badge').first()).toBeVisible();
    await screenshot(page, 'dashboard-click-1366');
  });

  test('warnings: the start page count opens them, 確認済み lowers it', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await api(host.get(), 'prefs.set', { author: 'e2e' }); // the check records who: no name prompt
    await openApp(page, host.get().url);
    const before = (await api<DashboardFigures>(host.get(), 'dashboard.figures', {})).warnings.unchecked.count;
    await page.getByRole('button', { name: `${before} 取込時の注意がある項目` }).click();
    await expect(page.getByTestId('list-count')).toContainText(`該当 ${before} 件`);
    await openItemByKey(page, '1-1-2');
    await page.locator('.warnings summary').click();
    await page.getByRole('button', { name: '確認済みにする' }).click();
    await expect(page.getByText('(すべて確認済み)')).toBeVisible();
    await expect(page.getByTestId('list-count')).toContainText(`該当 ${before - 1} 件`);
    await page.getByRole('button', { name: 'ダッシュボード' }).click();
    await expect(page.getByRole('button', { name: `未確認の取込時の注意がある項目: ${before - 1} 件` })).toBeVisible();
    await screenshot(page, 'dashboard-1920');
    await page.getByRole('button', { name: '品質ラベルの説明' }).click();
    for (const r of QUALITY_RULES) await expect(page.locator('.quality-help')).toContainText(r.explanation);
    await screenshot(page, 'quality-help-1920');
  });
});
