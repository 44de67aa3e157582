// The dashboard through the web host: clicking a bar on a chart's canvas (at the place Chart.js reports)
// and its number beside it narrow the list to exactly the items it counts (checked against the API's
// figures), with no CSP violation; the page prints to an A4 PDF; the warning count reaches the list,
// 確認済み lowers it, the help page lists every rule; screenshots at 1366×768 and 1920×1080.
import type { Locator, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { QUALITY_RULES } from '../../src/shared/quality';
import type { DashboardFigures } from '../../src/shared/dashboard';
import type { ExportedFileInfo, StageOutcome } from '../../src/shared/imports';
import { ANSWER_COLUMNS } from '../../src/main/excel/layout';
import { api, expect, freshHost, itemList, openApp, openItemByKey, screenshot, test } from './fixtures';
import { ROOT } from './host';

const host = freshHost();

/** Record every CSP violation the page reports (event and console), from before its first script runs. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const consoleErrors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) consoleErrors.push(msg.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  return async () => [...consoleErrors, ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp))];
}

/** Wait until every chart box holds its canvas (the chart chunk loads after the numbers). */
async function chartsDrawn(page: Page): Promise<void> {
  const boxes = page.locator('.dashboard .chart-canvas');
  await expect(boxes.first().locator('canvas')).toBeVisible();
  await expect(page.locator('.dashboard .chart-canvas canvas')).toHaveCount(await boxes.count());
}

/** A chart's figure element, by its caption. */
const chart = (page: Page, caption: string) => page.locator('figure.chart').filter({ has: page.getByText(caption, { exact: true }) });

/** The middle of the bar Chart.js drew for (dataset, index), in CSS pixels of its canvas: from the chart's own API. */
async function barPosition(canvas: Locator, dataset: number, index: number): Promise<{ x: number; y: number }> {
  return canvas.evaluate(
    (el, [d, i]) => {
      const c = (
        el as HTMLCanvasElement & { chart: { getDatasetMeta(n: number): { data: { getCenterPoint(): { x: number; y: number } }[] } } }
      ).chart;
      const p = c.getDatasetMeta(d!).data[i!]!.getCenterPoint();
      return { x: p.x, y: p.y };
    },
    [dataset, index],
  );
}

test.describe('dashboard', () => {
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    test(`${width}×${height}: a bar on the chart opens the items behind it as the filtered list, within the CSP`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      const violations = await watchCsp(page);
      await openApp(page, host.get().url);
      const figures = await api<DashboardFigures>(host.get(), 'dashboard.figures', {});
      await page.getByRole('button', { name: 'ダッシュボード' }).click();
      await expect(page.getByRole('heading', { name: /ダッシュボード/ })).toBeVisible();
      await chartsDrawn(page);
      await screenshot(page, `dashboard-${width}`);

      // 今後の方向性 × 厚 × 新規, clicked on the canvas where Chart.js drew the bar.
      const rowIndex = figures.labels.byMinistry.findIndex((r) => r.label.startsWith('厚'));
      const row = figures.labels.byMinistry[rowIndex]!;
      const kind = row.cells.findIndex((c) => c.label === '新規');
      const cell = row.cells[kind]!;
      expect(cell.count).toBeGreaterThan(0);
      const canvas = chart(page, '府省別').locator('canvas');
      await canvas.scrollIntoViewIfNeeded();
      await canvas.click({ position: await barPosition(canvas, kind, rowIndex) });
      await expect(page.getByTestId('list-count')).toContainText(`該当 ${cell.count} 件`);
      await expect(page.getByRole('list', { name: '適用中の条件' })).toContainText('府省: 厚');
      await expect(page.getByRole('list', { name: '適用中の条件' })).toContainText('新規');

      // The numbers beside the chart are the keyboard path: the same figure by its button.
      const vague = figures.quality.distribution.find((f) => f.filter.quality === 'vague')!;
      await page.getByRole('button', { name: `品質 ${vague.label}: ${vague.count} 件` }).focus();
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('list-count')).toContainText(`該当 ${vague.count} 件`);
      await expect(itemList(page).locator('.quality-badge').first()).toBeVisible();
      await screenshot(page, `dashboard-click-${width}`);
      expect(await violations(), 'CSP violations').toEqual([]);
    });
  }

  test('the dashboard prints on A4 with its charts', async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const violations = await watchCsp(page);
    await openApp(page, host.get().url);
    const figures = await api<DashboardFigures>(host.get(), 'dashboard.figures', {});
    await page.getByRole('button', { name: 'ダッシュボード' }).click();
    await chartsDrawn(page);
    fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
    const file = path.join(ROOT, 'test-results', 'dashboard.pdf');
    const pdf = await page.pdf({ path: file, format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // Redrawn for print, the charts reach the PDF as drawings, not as screen-resolution pictures: their
    // axis labels are text in it (the chart's short label, not the list's), and any picture is print-sharp.
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    const middle = figures.bySection.middle.find((f) => f.label.length > 10)!.label;
    expect(text).toContain(`${middle.slice(0, 9)}…`);
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .map((l) => l.trim().split(/\s+/))
      .filter((c) => c[2] === 'image');
    for (const c of images) expect(Number(c[12]), `x-ppi of ${c.join(' ')}`).toBeGreaterThanOrEqual(250);
    // Back on screen, the charts are drawn at the screen's ratio again.
    const ratio = await page
      .locator('.dashboard .chart-canvas canvas')
      .first()
      .evaluate((c: HTMLCanvasElement) => c.width / c.getBoundingClientRect().width);
    expect(ratio).toBeCloseTo(1, 1);
    expect(await violations(), 'CSP violations').toEqual([]);
  });

  test('照会状況: open conflicts per ministry, their bar and their number open exactly those items', async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const h = host.get();
    // 厚's inquiry workbook answered on two items that were edited here meanwhile: two conflicts.
    const [exported] = await api<ExportedFileInfo[]>(h, 'excel.exportMinistry', { ministries: ['厚'] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(exported!.dataBase64!, 'base64') as unknown as ExcelJS.Buffer);
    const sheet = wb.getWorksheet('回答')!;
    const actions = ANSWER_COLUMNS.findIndex((c) => c.id === 'actions') + 1;
    const keys = ['1-1-4', '1-1-5'];
    for (let r = 2; r <= sheet.rowCount; r++) {
      const key = String(sheet.getCell(r, 1).value ?? '');
      if (keys.includes(key)) sheet.getCell(r, actions).value = `・府省の案(${key})`;
    }
    for (const key of keys)
      await api(h, 'items.update', { key, field: 'actions', value: [{ text: `事務局の案(${key})`, level: 0 }], author: 'e2e' });
    const answered = Buffer.from(await wb.xlsx.writeBuffer());
    const [staged] = await api<StageOutcome[]>(h, 'imports.stage', {
      uploads: [{ name: '厚_回答.xlsx', dataBase64: answered.toString('base64') }],
    });
    expect(staged!.batch).not.toBeNull();

    const violations = await watchCsp(page);
    await openApp(page, h.url);
    await page.getByRole('button', { name: 'ダッシュボード' }).click();
    await chartsDrawn(page);
    // The number in the tracker: 2 conflict cells on 2 items.
    await page.getByRole('button', { name: '照会状況 厚の未解決の競合: 2 件(2 項目)' }).click();
    await expect(page.getByTestId('list-count')).toContainText('該当 2 件');
    await expect(page.getByRole('list', { name: '適用中の条件' })).toContainText('未解決の競合 厚');
    for (const key of keys) await expect(itemList(page)).toContainText(key);

    // The bar of the chart beside it opens the same items.
    await page.getByRole('button', { name: /^条件「未解決の競合 厚/ }).click();
    await expect(page.getByTestId('list-count')).not.toContainText('該当 2 件');
    const conflicts = chart(page, '未解決の競合がある項目(府省別)');
    await expect(conflicts.getByRole('button', { name: '未解決の競合 厚: 2 件' })).toBeVisible();
    const canvas = conflicts.locator('canvas');
    await canvas.scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-conflicts-1366');
    await canvas.click({ position: await barPosition(canvas, 0, 0) });
    await expect(page.getByTestId('list-count')).toContainText('該当 2 件');
    expect(await violations(), 'CSP violations').toEqual([]);
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
    await chartsDrawn(page);
    await screenshot(page, 'dashboard-warnings-1920');
    await page.getByRole('button', { name: '品質ラベルの説明' }).click();
    for (const r of QUALITY_RULES) await expect(page.locator('.quality-help')).toContainText(r.explanation);
    await screenshot(page, 'quality-help-1920');
  });
});
