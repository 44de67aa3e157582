// The outline (4 大項目, 56 items, counts per section) and the filters (ministry, lead only, disease
// area, PJ), checked against the counts the CLI gives for the same database.
import { cliJson } from './host';
import { expect, itemList, openApp, screenshot, sharedHost, test } from './fixtures';

interface CliItem {
  key: string;
  area: number | null;
  pj: number[];
}

test.describe('outline and filters', () => {
  test('the outline shows the four 大項目 and all 56 items', async ({ page }) => {
    await openApp(page, sharedHost().url);
    const outline = page.getByRole('navigation', { name: '目次' });
    await expect(outline.getByRole('button', { name: /^大項目\d/ })).toHaveCount(4);
    await expect(outline.getByTestId('outline-total')).toHaveText('56');
    await expect(page.getByTestId('list-count')).toContainText('56');
    await expect(itemList(page).getByRole('option').first()).toContainText('1-1-1');

    // Section counts add up: 大項目1 has its 中項目 as children.
    const major1 = outline.getByRole('button', { name: /^大項目1 .*(\d+)件/ });
    const all = await cliJson<CliItem[]>(sharedHost().db, ['items']);
    const inMajor1 = all.filter((it) => it.key.startsWith('1-')).length;
    await expect(major1).toHaveAccessibleName(new RegExp(`\\(${inMajor1}件\\)`));

    // A 中項目's intro opens on demand.
    const toggle = outline.getByRole('button', { name: '中項目1の説明を読む' }).first();
    await toggle.click();
    await expect(outline.getByRole('region', { name: '中項目1の説明' }).first()).toContainText('ゲノム');
    await screenshot(page, '01-outline-list');

    // Choosing a section narrows the list and shows a chip.
    await major1.click();
    await expect(page.getByTestId('list-count')).toContainText(String(inMajor1));
    await expect(page.getByRole('list', { name: '適用中の条件' })).toContainText('大項目1');
  });

  test('filter by 厚, then lead only, gives the counts of the CLI', async ({ page }) => {
    const { url, db } = sharedHost();
    const byMhlw = cliJson<CliItem[]>(db, ['items', '--ministry', '厚']);
    const ledByMhlw = cliJson<CliItem[]>(db, ['items', '--ministry', '厚', '--lead']);
    expect(byMhlw.length).toBeGreaterThan(ledByMhlw.length);

    await openApp(page, url);
    const count = page.getByTestId('list-count');
    await page.getByLabel('府省で絞り込む').selectOption('厚');
    await expect(count).toContainText(`該当 ${byMhlw.length} 件 / 全 56 件`);
    const chips = page.getByRole('list', { name: '適用中の条件' });
    await expect(chips).toContainText('府省: 厚');

    await page.getByRole('checkbox', { name: '主担当(◎)のみ' }).check();
    await expect(count).toContainText(`該当 ${ledByMhlw.length} 件`);
    // Every listed row marks 厚 as the lead.
    const rows = itemList(page).getByRole('option');
    await expect(rows).toHaveCount(ledByMhlw.length);
    for (const row of await rows.all()) await expect(row.locator('.badge-lead')).toContainText('厚');
    await screenshot(page, '02-filter-mhlw-lead');

    // Combined with a disease area (認知症 = area 2).
    await page.getByRole('button', { name: '条件「主担当(◎)のみ」を外す' }).click();
    await page.getByLabel('疾患領域で絞り込む').selectOption('2');
    const mhlwDementia = byMhlw.filter((it) => it.area === 2).length;
    await expect(count).toContainText(`該当 ${mhlwDementia} 件`);
    await expect(chips.locator('li', { hasText: '疾患領域' })).toContainText('認知症');

    // And a PJ filter: PJ1.
    await page.getByRole('button', { name: 'すべて解除' }).click();
    await expect(count).toHaveText('該当 56 件');
    await page.getByLabel('統合プロジェクトで絞り込む').selectOption('1');
    const pj1 = cliJson<CliItem[]>(db, ['items']).filter((it) => it.pj.includes(1)).length;
    await expect(count).toContainText(`該当 ${pj1} 件`);

    // Removing the last chip brings everything back.
    await page.getByRole('button', { name: /^条件「PJ1/ }).click();
    await expect(count).toHaveText('該当 56 件');
    await expect(chips).toHaveCount(0);
  });
});
