// People, not one shared name: the author is asked before editing or annotating starts (never in the
// middle of a save), can be switched from the header (several people share one PC), and every
// revision and annotation shows who made it. The annotation list has one 府省 filter.
import type { Item } from '../../src/shared/domain';
import { api, expect, freshHost, openApp, openItemByKey, screenshot, test } from './fixtures';

const host = freshHost();
test.describe.configure({ mode: 'serial' });
const KEY = '1-1-2';

test('cancelling the name leaves the item unedited; the name asked at 編集, not at Ctrl+S', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const before = await api<Item>(host.get(), 'items.get', { key: KEY });
  await openApp(page, host.get().url);
  await openItemByKey(page, KEY);
  await expect(page.getByRole('button', { name: /作成者: 未設定/ })).toBeVisible();

  const who = page.getByRole('dialog', { name: '作成者名' });
  const editor = page.getByRole('textbox', { name: '小項目名' });
  await page.getByRole('button', { name: '編集', exact: true }).click();
  await expect(who).toBeVisible();
  await screenshot(page, 'people-asked-before-editing-1366x768');
  await who.getByRole('button', { name: 'キャンセル' }).click();
  await expect(who).toBeHidden();
  await expect(editor).toHaveCount(0);
  expect((await api<Item>(host.get(), 'items.get', { key: KEY })).version).toBe(before.version);

  await page.getByRole('button', { name: '編集', exact: true }).click();
  await who.getByRole('textbox').fill('事務局 山田');
  await who.getByRole('button', { name: '決定' }).click();
  await editor.fill(`${before.title}(山田)`);
  await editor.press('Control+s');
  await expect(who).toBeHidden();
  await expect(page.locator('#item-title')).toContainText('(山田)');
  await expect(page.getByRole('button', { name: /作成者: 事務局 山田/ })).toBeVisible();
});

test('switch the author from the header: the next revision and annotation carry the new name', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, host.get().url);
  await openItemByKey(page, KEY);

  // Switch to another person (a new name), then edit as that person.
  await page.getByRole('button', { name: /作成者: 事務局 山田/ }).click();
  const who = page.getByRole('dialog', { name: '作成者の切り替え' });
  await expect(who).toBeVisible();
  await who.getByRole('textbox').fill('事務局 鈴木');
  await who.getByRole('button', { name: '決定' }).click();
  await expect(page.getByRole('button', { name: /作成者: 事務局 鈴木/ })).toBeVisible();

  await page.getByRole('button', { name: '編集', exact: true }).click();
  const editor = page.getByRole('textbox', { name: '小項目名' });
  await editor.fill((await editor.inputValue()).replace('(山田)', '(鈴木)'));
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.locator('#item-title')).toContainText('(鈴木)');

  // A note on the item, as 鈴木: no question, the name is on the card.
  const panel = page.getByRole('complementary', { name: /注釈/ });
  await panel.getByRole('button', { name: 'メモを追加' }).click();
  await panel.getByRole('textbox', { name: /メモ/ }).fill('次回会議で確認');
  await panel.getByRole('button', { name: '追加' }).click();
  await expect(panel.locator('.annot-card').filter({ hasText: '次回会議で確認' })).toContainText('事務局 鈴木');

  // Back to 山田 with one click: the names used on this PC are offered.
  await page.getByRole('button', { name: /作成者: 事務局 鈴木/ }).click();
  await expect(who.getByRole('group', { name: 'この端末で使われた名前' })).toBeVisible();
  await screenshot(page, 'people-switch-author-1366x768');
  await who.getByRole('button', { name: '事務局 山田' }).click();
  await expect(page.getByRole('button', { name: /作成者: 事務局 山田/ })).toBeVisible();

  // The history shows who made each revision.
  await page.getByRole('tab', { name: '変更履歴' }).click();
  const history = page.locator('.revision-author');
  await expect(history.filter({ hasText: '事務局 鈴木' })).toHaveCount(1);
  await expect(history.filter({ hasText: '事務局 山田' })).toHaveCount(1);
  const revisions = await api<{ author: string }[]>(host.get(), 'items.history', { key: KEY });
  expect(
    revisions
      .map((r) => r.author)
      .slice(0, 2)
      .sort(),
  ).toEqual(['事務局 山田', '事務局 鈴木']);
  await screenshot(page, 'people-history-authors-1366x768');
});

test('注釈一覧 has one 府省 filter', async ({ page }) => {
  for (const size of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size);
    await openApp(page, host.get().url);
    await page.getByRole('button', { name: '注釈一覧' }).click();
    await expect(page.getByRole('group', { name: '注釈の絞り込み' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: '府省' })).toHaveCount(1);
    await expect(page.locator('.annot-card').filter({ hasText: '次回会議で確認' })).toContainText('事務局 鈴木');
    await screenshot(page, `people-annotation-list-${size.width}x${size.height}`);
  }
});
