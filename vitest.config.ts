import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests under plain Node, and e2e tests that drive the built
// extension (dist/) in Debian Chromium. `npm test` runs both.
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
