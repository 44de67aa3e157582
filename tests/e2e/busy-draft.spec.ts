// Saving while another program holds the database's write lock (a CLI `apply`, say) for longer than
// the busy timeout: the editor says so in plain Japanese, keeps the draft on screen, and the same
// save goes through with one click once the other program is done.
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Item } from '../../src/shared/domain';
import { api, expect, freshHost, openApp, openItemByKey, screenshot, test } from './fixtures';
import { ROOT } from './host';

const host = freshHost();
const KEY = '1-1-5';

/** tests/fixtures/hold-write-lock.mjs in a child process; resolves once it holds the lock. */
function holdWriteLock(db: string, ms: number): Promise<{ done: Promise<unknown> }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'tests', 'fixtures', 'hold-write-lock.mjs'), db, String(ms)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const done = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && resolve({ done }));
    child.once('exit', (code) => reject(new Error(`lock holder exited (${code}) before taking the lock`)));
  });
}

test('a save refused because another program holds the database keeps the draft, and retrying saves it', async ({ page }) => {
  test.setTimeout(60_000);
  const before = await api<Item>(host.get(), 'items.get', { key: KEY });
  await api(host.get(), 'prefs.set', { author: '事務局 山田' });
  await openApp(page, host.get().url);
  await openItemByKey(page, KEY);
  await page.getByRole('button', { name: '編集', exact: true }).click();
  const title = page.getByRole('textbox', { name: '小項目名' });
  await title.fill('使用中でも消えない題名');

  const holder = await holdWriteLock(host.get().db, 9000);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('保存できませんでした', { timeout: 15_000 });
  await expect(alert).toContainText('他の処理がデータベースを使用中です');
  await expect(alert).toContainText('編集内容はまだ画面に残っています');
  // The draft is still there, and nothing was written.
  await expect(title).toHaveValue('使用中でも消えない題名');
  expect(await api<Item>(host.get(), 'items.get', { key: KEY })).toMatchObject({ title: before.title, version: before.version });
  await screenshot(page, '13-busy-save');

  await holder.done;
  await alert.getByRole('button', { name: 'もう一度保存' }).click();
  await expect(page.locator('#item-title')).toContainText('使用中でも消えない題名');
  expect(await api<Item>(host.get(), 'items.get', { key: KEY })).toMatchObject({
    title: '使用中でも消えない題名',
    version: before.version + 1,
  });
});
