// Keyboard-only use: `/` to search, ↓ ↑ through the list, Enter opens, Esc goes back to the list and
// then clears the search, Tab reaches the comparison, the tabs switch with ← →.
import { expect, hitList, itemList, openApp, sharedHost, test } from './fixtures';

test('the list, the item view and the search work from the keyboard alone', async ({ page }) => {
  await openApp(page, sharedHost().url);
  const list = itemList(page);

  // Tab from the top reaches the search box, then the list via ↓.
  await page.keyboard.press('/');
  const box = page.getByRole('searchbox', { name: '計画を検索' });
  await expect(box).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(list).toBeFocused();

  // ↓ ↓ Enter opens the third item; the heading takes the focus.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const active = await list.getAttribute('aria-activedescendant');
  expect(active).toBe('item-1-1-3');
  await page.keyboard.press('Enter');
  await expect(page.locator('#item-title')).toBeFocused();
  await expect(page.locator('.breadcrumb')).toContainText('1-1-3');
  await expect(page.locator('#item-1-1-3')).toHaveAttribute('aria-selected', 'true');

  // Esc returns to the list, on the open item; ↑ Enter opens the one before.
  await page.keyboard.press('Escape');
  await expect(list).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page.locator('.breadcrumb')).toContainText('1-1-2');

  // Tab moves from the heading through the item view to the comparison; ↓ moves inside a column.
  await page.locator('#item-title').focus();
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    if (await page.locator('#cmp-actions-0').evaluate((el) => el === document.activeElement)) break;
  }
  await expect(page.locator('#cmp-actions-0')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#cmp-actions-1')).toBeFocused();
  await expect(page.locator('#cmp-actions-1')).toHaveClass(/is-active/);

  // The tabs: focus the selected one, → selects 変更履歴.
  await page.getByRole('tab', { name: '取組と今後の方向性' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: '変更履歴' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: '変更履歴' })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: '取組と今後の方向性' })).toHaveAttribute('aria-selected', 'true');

  // End / Home jump in the list.
  await page.keyboard.press('Escape');
  await expect(list).toBeFocused();
  await page.keyboard.press('End');
  await expect(list).toHaveAttribute('aria-activedescendant', /item-4-1-8/);
  await page.keyboard.press('Home');
  await expect(list).toHaveAttribute('aria-activedescendant', 'item-1-1-1');

  // Search from the keyboard, Esc in the results clears the query.
  await page.keyboard.press('/');
  await page.keyboard.type('がん');
  await expect(hitList(page).getByRole('option').first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(hitList(page)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(box).toHaveValue('');
  await expect(list).toBeVisible();
});
