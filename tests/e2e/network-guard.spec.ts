// The guard itself: a page that tries to reach another host is stopped, and the guard records the URL
// (any URL it records and no test takes fails that test, so the other specs passing means the app
// never left 127.0.0.1).
import { expect, openApp, sharedHost, test } from './fixtures';

test('a request to another host is blocked and recorded', async ({ page, networkGuard }) => {
  await openApp(page, sharedHost().url);
  expect(networkGuard.takeOffsite()).toEqual([]);
  const failure = await page.goto('http://example.invalid/guard-check').then(
    () => 'loaded',
    (err: Error) => err.message,
  );
  expect(failure).toContain('net::ERR_BLOCKED_BY_CLIENT');
  expect(networkGuard.takeOffsite()).toEqual(['http://example.invalid/guard-check']);
});
