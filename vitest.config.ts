import { defineConfig } from 'vitest/config';

// Three projects: fast unit tests under plain Node, e2e tests that drive the test build of the
// extension (dist/, `npm run build:test`) in Debian Chromium, and the Firefox build's. `npm test` runs all.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // Browsers are heavy on a 2-core machine: one file at a time.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          // The Firefox build (dist-firefox/) in firefox-esr through WebDriver BiDi.
          name: 'e2e-firefox',
          include: ['tests/e2e-firefox/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 45_000,
          hookTimeout: 45_000,
        },
      },
    ],
  },
});
