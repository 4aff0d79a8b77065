// @ts-check
// Shared by the e2e tests, `npm run demo` and `npm run screenshots`: a static server on
// 127.0.0.1 and Debian Chromium with the built extension loaded.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { TIMEOUT } from './timeouts.mjs';

export const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
export const DIST = join(ROOT, 'dist');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

/**
 * Serves the files of `dir` on 127.0.0.1 at a free port.
 * @param {string} dir
 * @returns {Promise<{origin: string, routes: Array<(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => boolean | Promise<boolean>>, close: () => Promise<void>}>}
 */
export async function startServer(dir) {
  /** @type {Array<(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => boolean | Promise<boolean>>} */
  const routes = [];
  const server = createServer(async (req, res) => {
    try {
      for (const route of routes) if (await route(req, res)) return;
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const file = normalize(join(dir, path));
      if (!file.startsWith(dir)) throw new Error('outside');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      if (!res.headersSent) res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    routes,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done(undefined));
      }),
  };
}

const BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  // Without these, Chromium keeps calling out to Google's hosts, which this network refuses.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * What every Chromium launch of the project passes to set the browser's UI language (`locale`,
 * e.g. 'zh-CN'; en-US when none is given, whatever the shell's locale says). Debian's chromium
 * ignores --lang on Linux and takes its UI language from the environment (LANGUAGE first): with
 * chromium-l10n installed, the service worker's chrome.i18n then runs in that language as the pages
 * do; without LANGUAGE it runs in the shell's language (English on most servers) while the pages
 * follow --lang. LANGUAGE alone is enough: it wins over LANG and LC_ALL, set or not.
 * --lang and Playwright's locale set what pages are told (navigator.language, Accept-Language).
 * @param {string} [locale]
 */
export function uiLanguageOptions(locale = 'en-US') {
  return {
    locale,
    env: { ...process.env, LANGUAGE: locale.replace('-', '_') },
    args: [`--lang=${locale}`],
  };
}

/**
 * The same Chromium without any extension, for measurements with and without OrgCheck.
 * @param {{userDataDir?: string, locale?: string}} [options]
 */
export async function launchPlain(options = {}) {
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'orgcheck-plain-')));
  const language = uiLanguageOptions(options.locale);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: language.locale,
    env: language.env,
    args: [...BASE_ARGS, ...language.args],
  });
  return {
    context,
    async close() {
      await context.close();
      if (!options.userDataDir) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Chromium with the extension in `dist` loaded, in a persistent profile (extensions need one).
 * @param {{dist?: string, userDataDir?: string, headless?: boolean, colorScheme?: 'light' | 'dark', locale?: string, args?: string[]}} [options]
 *   locale: the browser's UI language (uiLanguageOptions), en-US by default;
 *   args: extra Chromium switches (e.g. --enable-unsafe-extension-debugging, which lets CDP's
 *   Extensions.triggerAction click the toolbar button as a user would)
 */
export async function launchExtension(options = {}) {
  const dist = options.dist ?? DIST;
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'orgcheck-')));
  const language = uiLanguageOptions(options.locale);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    colorScheme: options.colorScheme ?? 'light',
    locale: language.locale,
    env: language.env,
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      ...BASE_ARGS,
      ...language.args,
      ...(options.args ?? []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: TIMEOUT.wait }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    userDataDir,
    async close() {
      await context.close();
      if (!options.userDataDir) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** @typedef {Awaited<ReturnType<typeof launchExtension>>} ExtensionBrowser */

/**
 * The extension's service worker now (Chrome may have stopped and started it again).
 * @param {ExtensionBrowser} ext
 */
export function currentWorker(ext) {
  return ext.context.serviceWorkers().find((w) => w.url().includes(ext.extensionId)) ?? ext.worker;
}

/**
 * The id of the tab showing `page`, or -1. tabs.query hides URLs without the "tabs" permission,
 * which OrgCheck doesn't ask for; webNavigation (which it has) tells each tab's top-frame URL.
 * @param {ExtensionBrowser} ext
 * @param {import('playwright-core').Page} page
 * @returns {Promise<number>}
 */
export function tabIdOf(ext, page) {
  return currentWorker(ext).evaluate(async (url) => {
    for (const tab of await chrome.tabs.query({})) {
      if (tab.id === undefined) continue;
      const frame = await chrome.webNavigation.getFrame({ tabId: tab.id, frameId: 0 }).catch(() => null);
      if (frame?.url === url) return tab.id;
    }
    return -1;
  }, page.url());
}

/**
 * Stops the extension's service worker, as Chrome does when it is idle; resolves once stopped.
 * @param {ExtensionBrowser} ext
 */
export async function stopServiceWorker(ext) {
  const page = await ext.context.newPage();
  try {
    await page.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html`);
    const cdp = await ext.context.newCDPSession(page);
    const stopped = new Promise((resolve) => {
      cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
        if (event.versions.some((v) => v.scriptURL.includes(ext.extensionId) && v.runningStatus === 'stopped')) resolve(undefined);
      });
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await Promise.race([
      stopped,
      new Promise((_, reject) => setTimeout(() => reject(new Error('the service worker did not stop')), TIMEOUT.wait)),
    ]);
    await cdp.detach();
  } finally {
    await page.close();
  }
}
