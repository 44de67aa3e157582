// The Electron smoke test: the real desktop app (out/main/index.js in an Electron runtime) on a temp
// database. Run by `npm test` when a runtime is present (installed, or ELECTRON_OVERRIDE_DIST_PATH);
// otherwise npm test prints why it was skipped on its own summary line.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/electron',
  testMatch: '*.spec.ts',
  globalSetup: './tests/electron/global-setup.ts',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results/playwright-electron',
});
