// @ts-check
/**
 * Every timeout of the tests, in one place (the e2e harness, the Firefox tests, vitest.config.ts,
 * and the browser launchers of scripts/lib). Each is what a machine ten times slower than the
 * project's own (2 cores shared with several builds and browsers) needs: a wait ends as soon as
 * its condition holds, so a generous timeout costs nothing when things work, and only a broken
 * run waits it out. ORGCHECK_TIMEOUT_SCALE multiplies them all (e.g. 3 under a debugger).
 */
const scale = Number(process.env.ORGCHECK_TIMEOUT_SCALE) || 1;

export const TIMEOUT = Object.freeze({
  /** A wait for a condition: a badge, a stored value, an element, a message, a browser's answer. */
  wait: 60_000 * scale,
  /** A page load or navigation (a page under a flood of frames took over 30 s on a loaded machine). */
  load: 120_000 * scale,
  /** One test: several loads and waits. */
  test: 300_000 * scale,
  /** A test that loads many pages or 5 MB ones (the corpora, the main-thread pages). */
  long: 1_200_000 * scale,
  /** A beforeAll: a build of the extension and a browser launch. */
  hook: 600_000 * scale,
});
