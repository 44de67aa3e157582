// The item view: breadcrumb, title, ministries, both columns side by side with the comparison links
// (numbered references, drawn curves, hover highlight), labels, flags, 再掲 links both ways; and the
// other main screens (overview of future directions, AMED project), also at 1920×1080.
import { compareItem } from '../../src/shared/compare';
import type { Item, ItemSummary } from '../../src/shared/domain';
import { api, expect, openApp, openItemByKey, screenshot, sharedHost, test } from './fixtures';

async function firstLinkedItem(): Promise<{ item: Item; actions: number; future: number }> {
  const host = sharedHost();
  const list = await api<ItemSummary[]>(host, 'items.list', {});
  const items = await api<Item[]>(host, 'items.getMany', { keys: list.map((it) => it.key) });
  for (const item of items) {
    const c = compareItem(item.actions, item.future);
    const f = c.future.find((x) => x.links.length > 0);
    if (f && c.unmatchedActions.length > 0) return { item, actions: f.links[0]!.actions, future: f.index };
  }
  throw new Error('no item with a comparison link');
}

test.describe('item view', () => {
  test('shows both columns and links each future direction to the actions it follows up', async ({ page }) => {
    const { item, actions, future } = await firstLinkedItem();
    await openApp(page, sharedHost().url);
    await openItemByKey(page, item.key);

    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { level: 2 })).toContainText(item.title.slice(0, 20));
    await expect(main.getByRole('navigation', { name: '現在位置' })).toContainText(`大項目${item.major}`);
    await expect(main.getByRole('list', { name: '担当府省' })).toBeVisible();

    const actionsColumn = main.getByRole('region', { name: /令和7年度の取組/ });
    const futureColumn = main.getByRole('region', { name: /今後の方向性・課題など/ });
    await expect(actionsColumn.locator('.cmp-bullet')).toHaveCount(item.actions.length);
    await expect(futureColumn.locator('.cmp-bullet')).toHaveCount(item.future.length);
    // Every future bullet carries a label.
    await expect(futureColumn.locator('.cmp-bullet .label')).toHaveCount(item.future.length);

    // The numbered reference from the future bullet to its action, and a drawn curve.
    const fBullet = page.locator(`#cmp-future-${future}`);
    const rBullet = page.locator(`#cmp-actions-${actions}`);
    await expect(fBullet.locator('.cmp-ref', { hasText: `取${actions + 1}` })).toBeVisible();
    await expect(rBullet.locator('.cmp-ref', { hasText: `方${future + 1}` })).toBeVisible();
    await expect(page.locator('.link-gutter .link').first()).toBeAttached();

    // Hover one side: the other lights up, the rest dims, the curve turns strong.
    await fBullet.hover();
    await expect(rBullet).toHaveClass(/is-linked/);
    await expect(fBullet).toHaveClass(/is-active/);
    await expect(page.locator('.link-gutter .link.is-strong').first()).toBeAttached();
    // An action nobody follows up is flagged.
    await expect(actionsColumn.getByText('今後の方向性に記載なし').first()).toBeVisible();
    await screenshot(page, '05-item-compare');

    // Keyboard: focus the future bullet, ← jumps to its action.
    await fBullet.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(rBullet).toBeFocused();
  });

  test('a 再掲 item links to its original, and the original back to it', async ({ page }) => {
    const list = await api<ItemSummary[]>(sharedHost(), 'items.list', {});
    const copy = list.find((it) => it.relistedFrom);
    expect(copy, 'an item marked 再掲').toBeTruthy();
    const original = list.find((it) => it.key === copy!.relistedFrom)!;

    await openApp(page, sharedHost().url);
    await openItemByKey(page, copy!.key);
    const relist = page.getByRole('complementary', { name: '再掲' });
    await expect(relist).toContainText('再掲元');
    await screenshot(page, '06-item-relisted');
    await relist.getByRole('button', { name: new RegExp(original.key) }).click();
    await expect(page.locator('.breadcrumb')).toContainText(original.key);
    const back = page.getByRole('complementary', { name: '再掲' });
    await expect(back).toContainText('再掲先');
    await expect(back.getByRole('button', { name: new RegExp(copy!.key) })).toBeVisible();
  });

  test('the overview lists, per 中項目, the items whose future is boilerplate only', async ({ page }) => {
    await openApp(page, sharedHost().url);
    await page.getByRole('navigation', { name: '画面' }).getByRole('button', { name: '今後の方向性の概観' }).click();
    const table = page.getByRole('table');
    await expect(table).toBeVisible();
    // One row per 中項目 that has items.
    const list = await api<ItemSummary[]>(sharedHost(), 'items.list', {});
    const middles = new Set(list.map((it) => `${it.major}-${it.middle}`));
    await expect(table.locator('tbody tr')).toHaveCount(middles.size);
    await expect(page.getByText(/全 56 項目のうち/)).toBeVisible();
    await screenshot(page, '07-overview');
  });

  test('the AMED project record is readable in its own view', async ({ page }) => {
    await openApp(page, sharedHost().url);
    await page.getByRole('navigation', { name: '画面' }).getByRole('button', { name: 'AMED事業' }).click();
    const project = page.getByRole('article');
    await expect(project.getByRole('heading', { level: 2 })).toHaveText('医療等情報連携基盤整備・利活用推進事業');
    await expect(project.getByRole('heading', { name: '背景' })).toBeVisible();
    await expect(project.getByRole('table')).toContainText('データ利活用・ライフコース');
    await expect(project.getByRole('heading', { name: '概算要求のポイント' })).toBeVisible();
    await screenshot(page, '08-project');
  });

  test('the item view at 1920×1080', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    const { item } = await firstLinkedItem();
    await openApp(page, sharedHost().url);
    await openItemByKey(page, item.key);
    await expect(page.locator('.cmp-bullet').first()).toBeVisible();
    await screenshot(page, '09-item-1920');
  });
});
