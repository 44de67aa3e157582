// Editing on a fresh database: edit a bullet in place (the author asked once, before editing), save as a revision,
// see it in the history with a word diff, restore it; a refused version shows the conflict; leaving
// with unsaved edits asks first.
import type { Item } from '../../src/shared/domain';
import { api, expect, freshHost, openApp, openItemByKey, screenshot, test } from './fixtures';

const host = freshHost();
test.describe.configure({ mode: 'serial' });

const KEY = '1-1-4';

test('edit a bullet, see the diff in the history, restore it', async ({ page }) => {
  const before = await api<Item>(host.get(), 'items.get', { key: KEY });
  const original = before.actions[0]!.text;
  const edited = original.replace('研究開発', '研究開発及び人材育成');
  expect(edited).not.toBe(original);

  await openApp(page, host.get().url);
  await openItemByKey(page, KEY);
  await page.getByRole('button', { name: '編集', exact: true }).click();
  // The author is asked once, before editing starts (not in the middle of the save).
  const dialog = page.getByRole('dialog', { name: '作成者名' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox').fill('事務局 山田');
  await dialog.getByRole('button', { name: '決定' }).click();
  const box = page.getByRole('textbox', { name: /令和7年度の取組 1番目/ });
  await expect(box).toHaveValue(original);
  await box.fill(edited);

  // Add a future bullet, indent it, then remove it again: the tools work and leave no trace.
  const futureBoxes = page.getByRole('textbox', { name: /今後の方向性・課題など \d+番目/ });
  const futureCount = await futureBoxes.count();
  await page.getByRole('button', { name: `今後の方向性・課題など ${futureCount}番目の後に追加` }).click();
  await expect(futureBoxes).toHaveCount(futureCount + 1);
  await expect(futureBoxes.last()).toBeFocused();
  await page.keyboard.type('一時的な箇条書き');
  await page.keyboard.press('Alt+ArrowRight');
  await expect(futureBoxes.last()).toHaveAccessibleName(/階層2/);
  await page.getByRole('button', { name: `今後の方向性・課題など ${futureCount + 1}番目を削除` }).click();
  await expect(futureBoxes).toHaveCount(futureCount);
  await screenshot(page, '10-editor');

  // Save: no question now, the author is known.
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('#cmp-actions-0')).toContainText('及び人材育成');
  await expect(page.getByRole('button', { name: '作成者: 事務局 山田' })).toBeVisible();
  const saved = await api<Item>(host.get(), 'items.get', { key: KEY });
  expect(saved.actions[0]!.text).toBe(edited);
  expect(saved.version).toBe(before.version + 1);
  expect(saved.future).toEqual(before.future);

  // The history shows the revision with a word-level diff.
  await page.getByRole('tab', { name: '変更履歴' }).click();
  const revisions = page.locator('.revision');
  await expect(revisions).toHaveCount(1);
  await expect(revisions.first()).toContainText('事務局 山田');
  await expect(revisions.first()).toContainText('令和7年度の取組');
  await expect(revisions.first().locator('ins')).toHaveText(['[追加: 及び人材育成]']);
  await screenshot(page, '11-history-diff');

  // One click restores the text before the edit, as a new revision.
  await revisions.first().getByRole('button', { name: 'この変更の前に戻す' }).click();
  await expect(page.getByRole('status').filter({ hasText: '戻しました' })).toBeVisible();
  await expect(revisions).toHaveCount(2);
  await expect(revisions.first()).toContainText('復元');
  const restored = await api<Item>(host.get(), 'items.get', { key: KEY });
  expect(restored.actions[0]!.text).toBe(original);
  await page.getByRole('tab', { name: '取組と今後の方向性' }).click();
  await expect(page.locator('#cmp-actions-0')).not.toContainText('及び人材育成');
});

test('a save refused because the item changed meanwhile shows the conflict', async ({ page }) => {
  await openApp(page, host.get().url);
  await openItemByKey(page, KEY);
  await page.getByRole('button', { name: '編集', exact: true }).click();
  await page.getByRole('textbox', { name: '小項目名' }).fill('競合する編集の題名');

  // Someone else saves the item first.
  const current = await api<Item>(host.get(), 'items.get', { key: KEY });
  await api<Item>(host.get(), 'items.update', {
    key: KEY,
    field: 'title',
    value: `${current.title}(他の編集)`,
    author: '別の人',
    expectedVersion: current.version,
  });

  await page.getByRole('button', { name: '保存', exact: true }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('保存できませんでした');
  await expect(alert).toContainText('変更されています');
  // The edit is still on screen.
  await expect(page.getByRole('textbox', { name: '小項目名' })).toHaveValue('競合する編集の題名');
  await screenshot(page, '12-conflict');
  await alert.getByRole('button', { name: /最新の内容を読み込む/ }).click();
  await expect(page.locator('#item-title')).toContainText('(他の編集)');
});

test('leaving an item with unsaved edits asks first', async ({ page }) => {
  await openApp(page, host.get().url);
  await openItemByKey(page, KEY);
  await page.getByRole('button', { name: '編集', exact: true }).click();
  await page.getByRole('textbox', { name: /今後の方向性・課題など 1番目/ }).fill('保存しない変更');

  // In-app navigation: another item.
  await page.locator('[id="item-1-1-3"]').click();
  const dialog = page.getByRole('dialog', { name: '保存していない変更があります' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: '編集に戻る' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('textbox', { name: /今後の方向性・課題など 1番目/ })).toHaveValue('保存しない変更');

  // Another screen: same question; discard this time.
  await page.getByRole('navigation', { name: '画面' }).getByRole('button', { name: 'AMED事業' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: '破棄して移動' }).click();
  await expect(page.getByRole('article')).toContainText('医療等情報連携基盤整備');

  // Leaving the page: beforeunload asks.
  await page.getByRole('navigation', { name: '画面' }).getByRole('button', { name: '小項目' }).click();
  await page.getByRole('button', { name: '編集', exact: true }).click();
  await page.getByRole('textbox', { name: '小項目名' }).fill('保存しない題名');
  const dialogShown = page.waitForEvent('dialog');
  const reload = page.reload({ timeout: 2_000 }).catch(() => 'cancelled');
  const leave = await dialogShown;
  expect(leave.type()).toBe('beforeunload');
  await leave.dismiss();
  expect(await reload).toBe('cancelled');
  await expect(page.getByRole('textbox', { name: '小項目名' })).toHaveValue('保存しない題名');
  const unchanged = await api<Item>(host.get(), 'items.get', { key: KEY });
  expect(unchanged.title).not.toBe('保存しない題名');
});
