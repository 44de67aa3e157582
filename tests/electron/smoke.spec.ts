// Smoke test of the desktop app itself (Playwright's _electron): start it on a temp database, check the
// window title, the four 大項目, a search, an export through the menu command into a temp file, that
// no request leaves council://app, and quit. Skipped, with the reason, where no Electron runtime is.
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findElectronRuntime, packagedApp, root } from '../../scripts/electron-runtime.mjs';

// COUNCIL_DESK_PACKAGED=1 (the release workflow, after npm run dist): the packaged app in dist/, which
// must be there; otherwise this checkout's build in the Electron runtime, skipped when there is none.
const packaged = process.env.COUNCIL_DESK_PACKAGED === '1';
const runtime = packaged ? packagedApp() : findElectronRuntime();

test('the desktop app starts, shows and searches the plan, exports through its menu, stays offline, quits', async () => {
  if (packaged && runtime.missing) throw new Error(runtime.missing);
  test.skip(!runtime.executable, `no Electron runtime: ${runtime.missing}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-desk-electron-'));
  const exported = path.join(dir, '協議会資料.xlsx');
  const args = [...(packaged ? [] : [root]), `--user-data-dir=${path.join(dir, 'user-data')}`];
  // CI runs as root in a container, where Chromium's sandbox cannot start.
  if (process.platform === 'linux' && process.getuid?.() === 0) args.unshift('--no-sandbox');
  let app: ElectronApplication | undefined;
  try {
    app = await electron.launch({
      executablePath: runtime.executable!,
      args,
      env: { ...process.env, COUNCIL_DESK_DB: path.join(dir, 'plan.db') } as Record<string, string>,
      timeout: 60_000,
    });
    const window: Page = await app.firstWindow();
    const requests: string[] = [];
    window.on('request', (req) => requests.push(req.url()));

    await expect(window).toHaveTitle('協議会デスク');
    const outline = window.getByRole('navigation', { name: '目次' });
    await expect(outline.getByRole('button', { name: /^大項目\d/ })).toHaveCount(4);

    const box = window.getByRole('searchbox', { name: '計画を検索' });
    await box.fill('認知症');
    await expect(window.getByRole('status').filter({ hasText: '「認知症」の検索結果' })).toContainText('件');
    await expect(
      window
        .getByRole('listbox')
        .filter({ has: window.locator('mark') })
        .getByRole('option')
        .first(),
    ).toBeVisible();

    // The download the page starts is saved to the temp file instead of asking where (the app's own
    // will-download rule still refuses anything but its blob: URLs).
    await app.evaluate(({ session }, file) => {
      session.defaultSession.on('will-download', (_event, item) => item.setSavePath(file));
    }, exported);
    await app.evaluate(({ Menu }) => {
      const file = Menu.getApplicationMenu()?.items.find((i) => i.label === 'ファイル');
      const item = file?.submenu?.items.find((i) => i.label === '協議会資料を出力…');
      if (!item) throw new Error('menu command 協議会資料を出力… not found');
      item.click();
    });
    const dialog = window.getByRole('dialog', { name: '協議会資料を出力' });
    await dialog.getByRole('button', { name: '出力', exact: true }).click();
    await expect.poll(() => fs.existsSync(exported) && fs.statSync(exported).size > 0, { timeout: 30_000 }).toBe(true);
    expect(fs.readFileSync(exported).subarray(0, 2).toString('latin1')).toBe('PK');

    const foreign = requests.filter(
      (u) => !u.startsWith('council://app/') && !u.startsWith('blob:council://app/') && !u.startsWith('data:'),
    );
    expect(foreign).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
  } finally {
    await app?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
