// The knowledge graph screen through the web host: search a node, see its neighbourhood, click an
// entity on the canvas to list its mentions (each word marked in its sentence), filter node types,
// click an item node to open the item, and the item view's 関連項目. Screenshots at 1366×768 and
// 1920×1080; the page must not trip the CSP (Cytoscape's own <style> is kept out).
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { api, expect, freshHost, openApp, screenshot, sharedHost, test } from './fixtures';

/** Click a node where Cytoscape drew it (its instance is registered on the container it draws in). */
async function clickGraphNode(page: Page, id: string): Promise<void> {
  const canvas = page.locator('.graph-canvas');
  await expect
    .poll(() =>
      canvas.evaluate(
        (el, nodeId) =>
          (el as unknown as { _cyreg?: { cy?: { getElementById(i: string): { length: number } } } })._cyreg?.cy?.getElementById(nodeId)
            .length ?? 0,
        id,
      ),
    )
    .toBe(1);
  const pos = await canvas.evaluate((el, nodeId) => {
    const cy = (el as unknown as { _cyreg: { cy: { getElementById(i: string): { renderedPosition(): { x: number; y: number } } } } })._cyreg
      .cy;
    return cy.getElementById(nodeId).renderedPosition();
  }, id);
  const box = (await canvas.boundingBox())!;
  await page.mouse.click(box.x + pos.x, box.y + pos.y);
}

async function openGraph(page: Page, consoleErrors: string[], url = sharedHost().url): Promise<void> {
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  await openApp(page, url);
  await page.getByRole('navigation', { name: '画面' }).getByRole('button', { name: 'ナレッジグラフ' }).click();
  await expect(page.getByLabel('ノードを検索')).toBeVisible();
}

async function searchAndCenter(page: Page, query: string, result: RegExp): Promise<void> {
  await page.getByLabel('ノードを検索').fill(query);
  await page.getByRole('search').getByRole('button', { name: '検索' }).click();
  await page.getByRole('list', { name: '検索結果' }).getByRole('button', { name: result }).first().click();
}

for (const size of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test(`search an entity, click it on the canvas, read its mentions, filter types (${size.width}×${size.height})`, async ({ page }) => {
    await page.setViewportSize(size);
    const consoleErrors: string[] = [];
    await openGraph(page, consoleErrors);
    await searchAndCenter(page, '次世代医療基盤法', /^次世代医療基盤法/);

    const nodes = page.getByRole('region', { name: /表示中のノード/ });
    await expect(nodes).toContainText('表示中のノード');
    for (const key of ['1-1-11', '2-2-1', '2-3-1', '2-3-2', '2-3-4', '3-2-2', '3-3-2', '3-3-4'])
      await expect(nodes.getByRole('button', { name: new RegExp(`^${key} `) })).toBeVisible();

    // Select something else in the list, then click the law's node on the canvas: its mentions come back.
    await nodes.getByRole('button', { name: /^医療等情報連携基盤整備/ }).click();
    await expect(page.getByRole('list', { name: '言及箇所' })).toHaveCount(0);
    await clickGraphNode(page, 'entity:law-jisedai-iryou-kiban');
    await expect(page.locator('#graph-selected')).toHaveText('次世代医療基盤法');
    const mentions = page.getByRole('list', { name: '言及箇所' });
    await expect(page.getByRole('heading', { name: /言及 \d+ 箇所\(小項目 8 件\)/ })).toBeVisible();
    await expect(mentions.locator('mark').first()).toBeVisible();
    const marked = await mentions.locator('mark').allTextContents();
    expect(marked).toContain('次世代医療基盤法');
    expect(marked).toContain('医療分野の研究開発に資するための匿名加工医療情報及び仮名加工医療情報に関する法律');
    expect(marked).toContain('改正次世代医療基盤法');
    await screenshot(page, `graph-entity-${size.width}x${size.height}`);

    // Only items: the law's neighbourhood then holds nothing but its eight items.
    const types = page.getByRole('group', { name: '表示するノードの種類' });
    for (const t of ['府省', '区分', '統合プロジェクト', 'AMED事業', '事業・プログラム', 'データベース・基盤', '法律・計画', '機関'])
      await types.getByLabel(t).uncheck();
    await expect(nodes.getByRole('button')).toHaveCount(9);
    await types.getByLabel('府省').check();

    if (size.width === 1366) {
      // The whole graph for other tools, as the CLI writes it.
      const exportSection = page.getByRole('region', { name: 'グラフ全体の書き出し' });
      const [download] = await Promise.all([page.waitForEvent('download'), exportSection.getByRole('button', { name: 'GraphML' }).click()]);
      expect(download.suggestedFilename()).toBe('knowledge-graph.graphml');
      const xml = fs.readFileSync(await download.path(), 'utf8');
      expect(xml).toContain('<data key="label">次世代医療基盤法</data>');
      expect(xml).toMatch(/<data key="provenance">3-3-4\/title\/0:0-8/);
    }
    expect(consoleErrors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
  });
}

test('click an item node to open the item; 関連項目 names the shared entities and opens them', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const consoleErrors: string[] = [];
  await openGraph(page, consoleErrors);
  await searchAndCenter(page, '次世代医療基盤法', /^次世代医療基盤法/);
  await clickGraphNode(page, 'item:3-3-2');
  await expect(page.locator('.breadcrumb')).toContainText('3-3-2');

  const related = page.getByRole('region', { name: '関連項目' });
  await expect(related.getByRole('listitem').first()).toBeVisible();
  const first = related.getByRole('listitem').first();
  await expect(first.getByRole('button')).toHaveText(/^3-2-2 /);
  await expect(first.getByLabel('共通の固有名')).toContainText('次世代医療基盤法');
  await expect(first.getByLabel('共通の固有名')).toContainText('次世代DB');
  await related.scrollIntoViewIfNeeded();
  await screenshot(page, 'graph-related-1366x768');
  await first.getByRole('button').click();
  await expect(page.locator('.breadcrumb')).toContainText('3-2-2');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByRole('region', { name: '関連項目' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'graph-related-1920x1080');
  expect(consoleErrors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
});

test.describe('curation of an entity', () => {
  const host = freshHost();

  test('rename, hide and show again; the changes are stored', async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await api(host.get(), 'prefs.set', { author: '事務局' });
    const consoleErrors: string[] = [];
    await openGraph(page, consoleErrors, host.get().url);
    await searchAndCenter(page, 'バイオバンク', /^バイオバンク/);
    await expect(page.locator('#graph-selected')).toHaveText('バイオバンク');

    await page.getByText('固有名の整理(名前の変更・統合・非表示)').click();
    await page.getByLabel('表示名').fill('バイオバンク(各種)');
    await page.getByRole('button', { name: '名前を変更' }).click();
    await expect(page.locator('#graph-selected')).toHaveText('バイオバンク(各種)');
    await expect(page.getByRole('list', { name: '検索結果' }).getByRole('button', { name: /^バイオバンク\(各種\)/ })).toBeVisible();
    await screenshot(page, 'graph-curation-1366x768');

    await page.getByText('固有名の整理(名前の変更・統合・非表示)').click();
    await page.getByRole('button', { name: 'グラフに表示しない' }).click();
    await expect(page.getByText('ノードを検索して選ぶと、そのつながりがここに表示されます。')).toBeVisible();
    const hidden = page.getByRole('region', { name: /非表示の固有名/ });
    await expect(hidden).toContainText('非表示の固有名 1 件');
    const stored = await api<{ id: string; label: string; hidden: boolean }[]>(host.get(), 'graph.entities', {});
    expect(stored.find((e) => e.id === 'db-biobank')).toMatchObject({ label: 'バイオバンク(各種)', hidden: true });

    await hidden.getByRole('button', { name: '再表示' }).click();
    await expect(hidden).toHaveCount(0);
    await expect(page.getByRole('list', { name: '検索結果' }).getByRole('button', { name: /^バイオバンク\(各種\)/ })).toBeVisible();
    expect(consoleErrors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
  });
});
