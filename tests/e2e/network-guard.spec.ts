// The guard itself: a page that tries to reach another host makes its test fail (so the other specs
// passing means the app never left 127.0.0.1).
import { openApp, sharedHost, test } from './fixtures';

test('a request to another host fails the test', async ({ page }) => {
  test.fail(true, 'the network guard must turn an off-machine request into a failure');
  await openApp(page, sharedHost().url);
  await page.goto('http://example.invalid/').catch(() => undefined);
});
