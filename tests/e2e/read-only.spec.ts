// A database the app cannot write (here: `chattr +i`, which stops root too) opens with a banner that
// says so, and the plan reads as usual.
import { spawnSync } from 'node:child_process';
import { expect, openApp, test } from './fixtures';
import { cliJson, startHost, tempDb, type Host } from './host';

test('an unwritable database opens read-only with a banner', async ({ page }) => {
  const db = tempDb('read-only');
  cliJson(db, ['items']); // creates and seeds it
  test.skip(spawnSync('chattr', ['+i', db]).status !== 0, 'chattr +i is not available here');
  let host: Host | undefined;
  try {
    host = await startHost(db);
    await openApp(page, host.url);
    await expect(page.getByRole('status').filter({ hasText: '読み取り専用で開いています' })).toBeVisible();
  } finally {
    spawnSync('chattr', ['-i', db]);
    await host?.close();
  }
});
