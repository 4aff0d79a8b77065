import { defineConfig } from 'vitest/config';
import { TIMEOUT } from './scripts/lib/timeouts.mjs';

// Three projects: fast unit tests under plain Node, e2e tests that drive the test build of the
// extension (dist/, `npm run build:test`) in Debian Chromium, and the Firefox build's. `npm test`
// runs all (scripts/run-tests.mjs). Timeouts come from scripts/lib/timeouts.mjs: generous enough
// for a machine ten times slower; expect.poll waits as long as the harness's waitFor.
const browserTests = {
  environment: 'node',
  // Browsers are heavy on a 2-core machine: one file at a time.
  fileParallelism: false,
  testTimeout: TIMEOUT.test,
  hookTimeout: TIMEOUT.hook,
  expect: { poll: { timeout: TIMEOUT.wait, interval: 100 } },
} as const;

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // vitest's 5 s failed the slower files on a busy machine: a property test of 10,000 random
          // cases took over a minute at a load average of 40, a build from a unit test over 30 s.
          testTimeout: TIMEOUT.test,
          hookTimeout: TIMEOUT.hook,
        },
      },
      {
        test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], ...browserTests },
      },
      {
        // The Firefox build (dist-firefox/) in firefox-esr through WebDriver BiDi.
        test: { name: 'e2e-firefox', include: ['tests/e2e-firefox/**/*.test.ts'], ...browserTests },
      },
    ],
  },
});
