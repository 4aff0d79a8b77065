/**
 * The one setup of an e2e file: `const run = useExtension()` at the top of a file (or of a
 * describe block) registers the beforeAll that starts the fixture server (tests/fixtures/pages
 * on 127.0.0.1), builds the extension when asked, launches Chromium with it and runs `setup`, and
 * the afterAll that closes all of it. The handle's fields are there from beforeAll on:
 *
 *   const run = useExtension();
 *   it('…', async () => {
 *     const page = await run.ext.context.newPage();
 *     await page.goto(run.url(PAGES.twoOrgs));
 *   });
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, ROOT, startServer, TIMEOUT, waitScanned, type ExtensionBrowser, type FixtureServer } from './harness';

export interface ExtensionRun {
  /** The browser with the extension loaded. */
  readonly ext: ExtensionBrowser;
  /** Serves tests/fixtures/pages; tests add their own routes to `server.routes`. */
  readonly server: FixtureServer;
  /** A second fixture server, another site (127.0.0.1 on another port): only with `otherSite`. */
  readonly other: FixtureServer;
  /** The URL of a page on `server` (or on `site`, e.g. `other`): a path of tests/fixtures/pages, PAGES in fixtures.ts. */
  url(path: string, site?: FixtureServer): string;
  /** Opens a page of `server` in a new tab and waits until its content script has scanned it. */
  openScanned(path: string): Promise<Page>;
  /** Closes the browser and launches it again on the same profile (needs `keepProfile`). */
  restart(): Promise<void>;
}

export interface UseExtensionOptions {
  /** The built extension to load (dist/, the test build, when absent). */
  dist?: string;
  /**
   * Builds the extension into `dist` first (a test build, with these variables added to the
   * environment; a function of the fixture server when the build must name it, e.g. FEED_URL).
   */
  build?: Record<string, string> | ((server: FixtureServer) => Record<string, string>);
  /** Launches otherwise than launchExtension (e.g. launchExtensionWithActions). */
  launch?: (options: { dist?: string; userDataDir?: string }) => Promise<ExtensionBrowser>;
  /** Routes served by `server` before its own pages, added before the browser starts. */
  routes?: FixtureServer['routes'];
  /** Starts `other`, a second site. */
  otherSite?: boolean;
  /** Keeps the browser profile in a folder of the run's own, so that `restart()` finds it again. */
  keepProfile?: boolean;
  /** Runs last in beforeAll: routes, seeding, pages the tests share. */
  setup?: (run: ExtensionRun) => Promise<void>;
  /** beforeAll's timeout in ms (TIMEOUT.hook when absent: a build and a launch). */
  timeout?: number;
}

/** Builds the extension into `outDir`: a test build (ORGCHECK_TEST_HOOKS=1), with `env` added. */
export function buildExtension(outDir: string, env: Record<string, string> = {}): void {
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: ROOT,
    stdio: 'pipe',
    env: { ...process.env, ORGCHECK_TEST_HOOKS: '1', ...env },
  });
}

export function useExtension(options: UseExtensionOptions = {}): ExtensionRun {
  let ext: ExtensionBrowser | undefined;
  let server: FixtureServer | undefined;
  let other: FixtureServer | undefined;
  let profile: string | undefined;
  const launch = () => (options.launch ?? launchExtension)({ dist: options.dist, userDataDir: profile });
  const started = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`${name} is not started: use it in a test or hook, after useExtension's beforeAll`);
    return value;
  };

  const run: ExtensionRun = {
    get ext() {
      return started(ext, 'ext');
    },
    get server() {
      return started(server, 'server');
    },
    get other() {
      return started(other, 'other (useExtension({ otherSite: true }))');
    },
    url: (path, site = run.server) => `${site.origin}/${path}`,
    async openScanned(path) {
      const page = await run.ext.context.newPage();
      await page.goto(run.url(path));
      await waitScanned(run.ext, page);
      return page;
    },
    async restart() {
      if (!profile) throw new Error('restart() needs useExtension({ keepProfile: true })');
      await run.ext.close();
      ext = undefined;
      ext = await launch();
    },
  };

  beforeAll(async () => {
    server = await startServer();
    server.routes.push(...(options.routes ?? []));
    if (options.otherSite) other = await startServer();
    if (options.build) {
      if (!options.dist) throw new Error('useExtension: build needs a dist to build into');
      buildExtension(options.dist, typeof options.build === 'function' ? options.build(server) : options.build);
    }
    if (options.keepProfile) profile = await mkdtemp(join(tmpdir(), 'orgcheck-e2e-'));
    ext = await launch();
    await options.setup?.(run);
  }, options.timeout ?? TIMEOUT.hook);

  afterAll(async () => {
    await ext?.close();
    await server?.close();
    await other?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  return run;
}
