// Carrying last year's annotations forward through the UI (issue 9), on a fresh database: annotations
// made on 令和7 stay on 令和7 when the 令和8 table is applied (the 注釈一覧 of 令和8 is empty, the archived
// 令和7 view shows them read-only); 「前年度の注釈を引き継ぐ」 copies them to 令和8, re-anchored, lists
// the one whose words are gone with its original quote and the dropped item, and a second click
// copies nothing. Screenshots at 1366×768 and 1920×1080.
import type { Page } from '@playwright/test';
import { buildR8Edition } from '../fixtures/editions/build';
import { api, expect, freshHost, openApp, openItemByKey, SCREEN_SIZES, screenshotsAtSizes, test } from './fixtures';

const host = freshHost();
test.describe.configure({ mode: 'serial' });

async function openAnnotationList(page: Page) {
  await page.getByRole('navigation', { name: '画面' }).getByRole('button', { name: '注釈一覧' }).click();
  return page.getByRole('article', { name: /注釈一覧/ });
}

test('annotations of 令和7 stay on it after 令和8 is applied, and are carried forward by the button', async ({ page }) => {
  test.setTimeout(180_000);
  const author = '委員A';
  for (const [itemKey, quote, comment] of [
    ['1-1-1', '先端ゲノム研究', '規模は?'],
    ['1-1-11', 'リアルワールドデータ利活用', '採択数は?'],
    ['3-3-2', '次世代医療基盤法 DB', '環境整備の中身は?'],
  ] as const) {
    await api(host.get(), 'annotations.create', { itemKey, field: 'actions', quote, comment, author });
  }
  const [batch] = await api<{ id: number }[]>(host.get(), 'editions.stage', {
    uploads: [{ name: 'r8.txt', dataBase64: Buffer.from(buildR8Edition()).toString('base64') }],
  });
  await api(host.get(), 'editions.apply', { batch: batch!.id, author: '事務局' });

  await page.setViewportSize(SCREEN_SIZES[0]);
  await openApp(page, host.get().url);
  const view = await openAnnotationList(page);
  await expect(view.getByRole('status').first()).toContainText('0件中 0件を表示');
  await expect(view).toContainText('まだ注釈がありません');
  const carry = view.getByRole('region', { name: '前年度の注釈' });
  await expect(carry).toContainText('令和7年度版の注釈を令和8年度版の同じ項目へ写します');

  await carry.getByRole('button', { name: '前年度の注釈を引き継ぐ' }).click();
  const result = carry.getByRole('status', { name: '引き継ぎの結果' });
  await expect(result).toContainText('令和7年度版から 2件を引き継ぎました');
  await expect(result.getByRole('list', { name: '元の文言がない注釈' })).toContainText('1-1-11 「リアルワールドデータ利活用」');
  await expect(result).toContainText('令和8年度版にない項目の注釈は引き継いでいません: 3-3-2');
  await expect(view.locator('.annot-group')).toHaveCount(2);
  const orphan = view.locator('[aria-labelledby="annot-group-1-1-11"]');
  await expect(orphan).toContainText('元の文が見つかりません');
  await expect(orphan.locator('.annot-quote-old')).toHaveText('リアルワールドデータ利活用');
  // the carried copies are the current edition's: they can be answered
  await expect(view.locator('[aria-labelledby="annot-group-1-1-1"]').getByRole('button', { name: '注釈に返信' })).toBeVisible();
  await screenshotsAtSizes(page, '70-annotations-carried');

  // a second click carries nothing
  await carry.getByRole('button', { name: '前年度の注釈を引き継ぐ' }).click();
  await expect(result).toContainText('令和7年度版から 0件を引き継ぎました(引き継ぎ済みの 2件はそのままです)');
  await expect(view.locator('.annot-group')).toHaveCount(2);

  // the carried annotation sits in 令和8's text
  await page.getByRole('navigation', { name: '画面' }).getByRole('button', { name: '小項目' }).click();
  await openItemByKey(page, '1-1-1');
  await expect(page.locator('.item-view mark.annot-mark').first()).toHaveText('先端ゲノム研究');
});

test('令和7年度版 shows its own annotations, read-only', async ({ page }) => {
  await page.setViewportSize(SCREEN_SIZES[0]);
  await openApp(page, host.get().url);
  await page.getByRole('combobox', { name: '表示する版' }).selectOption('7');
  await expect(page.locator('.archived-banner')).toContainText('令和7年度版 — 過去の版(閲覧のみ)');

  // the dropped item, in 令和7's text, with its annotation and no way to change it
  await openItemByKey(page, '3-3-2');
  const panel = page.locator('#annot-panel');
  await expect(panel).toContainText('環境整備の中身は?');
  await expect(panel).toContainText('閲覧のみ');
  await expect(page.locator('.item-view mark.annot-mark').first()).toHaveText('次世代医療基盤法 DB');
  await expect(panel.getByRole('button', { name: '注釈を編集' })).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'メモを追加' })).toHaveCount(0);
  await screenshotsAtSizes(page, '71-annotations-archived-item');

  const view = await openAnnotationList(page);
  await expect(view.getByRole('heading', { name: /注釈一覧/ })).toContainText('令和7年度版・過去の版(閲覧のみ)');
  await expect(view.locator('.annot-group')).toHaveCount(3);
  await expect(view.getByRole('region', { name: '前年度の注釈' })).toHaveCount(0);
  await expect(view.getByRole('button', { name: '注釈に返信' })).toHaveCount(0);

  // the meeting pack prints them on 令和7's text
  await view.getByRole('button', { name: /会議用資料/ }).click();
  const pack = page.getByRole('article', { name: /会議用資料/ });
  await expect(pack.locator('.pack-item')).toHaveCount(3);
  await expect(pack.locator('.pack-item').filter({ hasText: '3-3-2' })).toContainText('令和7年度の取組');
  await expect(pack.locator('.pack-item').filter({ hasText: '1-1-11' })).toContainText('リアルワールドデータ利活用');
  await expect(pack.locator('.pack-item').filter({ hasText: '1-1-11' }).locator('.annot-ref')).not.toHaveCount(0);
});
