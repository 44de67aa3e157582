import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    // Tests that spawn the CLI or the web host run the built output: build it when stale.
    globalSetup: ['tests/build-output.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
