/**
 * Drives the built extension (dist/, the test build: `npm run build:test`) in Debian Chromium
 * through playwright-core, against pages served from 127.0.0.1 by a server started inside the
 * tests. A test file starts both with useExtension() (use-extension.ts) and names the list's
 * entries and the fixture pages through fixtures.ts.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import {
  currentWorker,
  launchExtension as launch,
  ROOT,
  startServer as serve,
  stopServiceWorker,
  tabIdOf as tabIdOrNone,
} from '../../scripts/lib/extension-browser.mjs';
import { TIMEOUT } from '../../scripts/lib/timeouts.mjs';

export { currentWorker, ROOT, stopServiceWorker, TIMEOUT };
export const FIXTURES = join(ROOT, 'tests/fixtures/pages');
export const OUTPUT = join(ROOT, 'test-output');

export type FixtureServer = Awaited<ReturnType<typeof serve>>;
export type ExtensionBrowser = Awaited<ReturnType<typeof launch>>;

/** Serves tests/fixtures/pages (or `dir`) on 127.0.0.1 at a free port. */
export function startServer(dir = FIXTURES): Promise<FixtureServer> {
  return serve(dir);
}

/**
 * Chromium with the extension (scripts/lib/extension-browser.mjs), whose pages wait as long as
 * the tests do (TIMEOUT): Playwright's own 30 s default timed out a load on a busy machine.
 */
export async function launchExtension(...args: Parameters<typeof launch>): ReturnType<typeof launch> {
  const ext = await launch(...args);
  ext.context.setDefaultTimeout(TIMEOUT.wait);
  ext.context.setDefaultNavigationTimeout(TIMEOUT.load);
  return ext;
}


export async function tabIdOf(ext: ExtensionBrowser, page: Page): Promise<number> {
  const id = await tabIdOrNone(ext, page);
  if (id < 0) throw new Error(`no tab for ${page.url()}`);
  return id;
}

/**
 * A fresh start for a test of the banner's controls: the pages a test opened closed, and every
 * control it set undone (sites not warned on, "not this organization", the snooze, re-warnings,
 * closes and pending choices).
 */
export async function resetControls(ext: ExtensionBrowser): Promise<void> {
  for (const p of ext.context.pages().filter((p) => p.url() !== 'about:blank')) await p.close();
  await currentWorker(ext).evaluate(async () => {
    await chrome.storage.local.set({ allowlist: [], suppressed: {}, snoozeUntil: null, relisted: {} });
    await chrome.storage.session.set({ dismissed: {}, pendingChoices: {} });
  });
}

export async function badgeText(ext: ExtensionBrowser, page: Page): Promise<string> {
  const tabId = await tabIdOf(ext, page);
  return currentWorker(ext).evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** Polls until `read` returns `expected` (or fails with the last value seen). */
export async function waitFor<T>(read: () => Promise<T>, expected: T, timeoutMs = TIMEOUT.wait): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    try {
      last = await read();
      if (JSON.stringify(last) === JSON.stringify(expected)) return last;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out: expected ${JSON.stringify(expected)}, last saw ${JSON.stringify(last)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeName: string;
  nodeType: number;
  nodeValue?: string;
  localName?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

export interface BannerSnapshot {
  /** All text inside the closed shadow root, in document order. */
  text: string;
  /** data-entry-id of each organization shown. */
  entryIds: string[];
  /** role of the banner section. */
  role: string | undefined;
  shadowMode: string | undefined;
}

/**
 * The banner's host: its name is random and it carries no attribute of ours (issue 18 item 8), so
 * tests know it by the marker on the container inside its shadow root (content/banner/mount.ts),
 * which only CDP's pierce (or the open-shadow build) can see.
 */
export const isBannerHost = (n: CdpNode): boolean =>
  n.nodeType === 1 && !!n.shadowRoots?.[0]?.children?.some((c) => c.nodeType === 1 && attributes(c)['data-orgcheck-root'] !== undefined);

/** The banner host's element name on this page view (random), or null: no banner. */
export async function bannerHostName(page: Page): Promise<string | null> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    return findNode(root, isBannerHost)?.localName ?? null;
  } finally {
    await cdp.detach();
  }
}

/** Reads the banner's closed shadow root through CDP (DOM.getDocument with pierce). */
export async function readBanner(page: Page): Promise<BannerSnapshot | null> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const host = findNode(root, isBannerHost);
    const shadow = host?.shadowRoots?.[0];
    if (!host || !shadow) return null;
    const texts: string[] = [];
    const entryIds: string[] = [];
    let role: string | undefined;
    visit(shadow, (n) => {
      if (n.nodeType === 3 && n.nodeValue) texts.push(n.nodeValue);
      const attrs = attributes(n);
      if (attrs['data-entry-id']) entryIds.push(attrs['data-entry-id']);
      if (n.localName === 'section' && attrs.role) role = attrs.role;
    });
    const shadowMode = (shadow as CdpNode & { shadowRootType?: string }).shadowRootType;
    return { text: texts.join(' '), entryIds, role, shadowMode };
  } finally {
    await cdp.detach();
  }
}

function attributes(n: CdpNode): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; n.attributes && i < n.attributes.length; i += 2) out[n.attributes[i]!] = n.attributes[i + 1]!;
  return out;
}

function visit(n: CdpNode, fn: (n: CdpNode) => void): void {
  fn(n);
  n.shadowRoots?.forEach((c) => visit(c, fn));
  n.children?.forEach((c) => visit(c, fn));
}

function findNode(n: CdpNode, pred: (n: CdpNode) => boolean): CdpNode | undefined {
  if (pred(n)) return n;
  for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) {
    const found = findNode(c, pred);
    if (found) return found;
  }
  return undefined;
}

/** Saves a screenshot under test-output/ (ignored by git). */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(OUTPUT, { recursive: true });
  const file = join(OUTPUT, `${name}.png`);
  await writeFile(file, await page.screenshot());
  return file;
}

/**
 * How long a banner must have been on screen before clickInBanner clicks it: the banner ignores
 * presses until it has been visible for 800 ms (core/banner-gate.ts); the rest is margin for a
 * loaded machine (IntersectionObserver v2 reports visibility up to 100 ms late).
 */
export const BANNER_SETTLE_MS = 1_600;

/** When each page's banner (its <section>, by backend node id) was first seen by clickInBanner. */
const bannerFirstSeen = new WeakMap<Page, { nodeId: number; at: number }>();

/**
 * Clicks an element inside the banner's closed shadow root with trusted CDP mouse events
 * (Playwright's locators can't pierce a closed root). `match` picks the element by its
 * attributes, e.g. (a) => a.class === 'close'. Waits first until the banner (a new one: after a
 * reload, or back after the confirmation page) has been seen for BANNER_SETTLE_MS, as a user who
 * reads it before clicking would; `settle: false` clicks at once (a lured click).
 */
export async function clickInBanner(
  page: Page,
  match: (attrs: Record<string, string>, node: { localName?: string }) => boolean,
  { settle = true }: { settle?: boolean } = {},
): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const host = findNode(root, isBannerHost);
    const shadow = host?.shadowRoots?.[0];
    const target = shadow && findNode(shadow, (n) => n.nodeType === 1 && match(attributes(n), n));
    if (!target) throw new Error('no such element in the banner');
    const section = findNode(shadow, (n) => n.localName === 'section');
    if (settle && section) {
      let seen = bannerFirstSeen.get(page);
      if (seen?.nodeId !== section.backendNodeId) bannerFirstSeen.set(page, (seen = { nodeId: section.backendNodeId, at: Date.now() }));
      const wait = seen.at + BANNER_SETTLE_MS - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: target.backendNodeId });
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: target.backendNodeId })) as {
      model: { content: number[] };
    };
    const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
    const x = (x1 + x3) / 2;
    const y = (y1 + y3) / 2;
    await cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y });
    await cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', x, y, button: 'left', clickCount: 1 });
    await cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', x, y, button: 'left', clickCount: 1 });
  } finally {
    await cdp.detach();
  }
}

interface StoredTabState {
  url: string;
  frames: Record<string, { url: string; findings: Array<{ id: string; count: number; forms: string[] }> }>;
}

/** What the background holds for the page's tab (storage.session), or null. */
export async function tabState(ext: ExtensionBrowser, page: Page): Promise<StoredTabState | null> {
  const tabId = await tabIdOf(ext, page);
  return currentWorker(ext).evaluate(async (id) => {
    const key = `tab:${id}`;
    return ((await chrome.storage.session.get(key))[key] as StoredTabState | undefined) ?? null;
  }, tabId);
}

/** Waits until the page's top frame has reported a scan of its current URL. */
export async function waitScanned(ext: ExtensionBrowser, page: Page, timeoutMs = TIMEOUT.wait): Promise<StoredTabState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await tabState(ext, page).catch(() => null);
    if (state?.frames['0']?.url === page.url()) return state;
    if (Date.now() > deadline) throw new Error(`no scan reported for ${page.url()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Ids of the organizations the tab's frames found, sorted. */
export async function foundIds(ext: ExtensionBrowser, page: Page): Promise<string[]> {
  const state = await tabState(ext, page);
  const ids = new Set(Object.values(state?.frames ?? {}).flatMap((f) => f.findings.map((x) => x.id)));
  return [...ids].sort();
}

// ---- reports and lookup (tests/e2e/report.test.ts, lookup.test.ts) ----------------------------

/** Extension pages (report window, popup page in a tab …) whose URL contains `path`. */
export function waitForExtensionPage(ext: ExtensionBrowser, path: string, timeoutMs = TIMEOUT.wait): Promise<Page> {
  const found = ext.context.pages().find((p) => p.url().includes(`${ext.extensionId}/${path}`));
  if (found) return Promise.resolve(found);
  return ext.context.waitForEvent('page', { predicate: (p) => p.url().includes(`${ext.extensionId}/${path}`), timeout: timeoutMs });
}

/**
 * Calls the worker's context-menu handler as a click on a native menu item would
 * (background/context-menu.ts exposes it as orgcheckHooks.contextMenuClicked in a test build only:
 * `npm run build:test`).
 */
export async function clickContextMenu(ext: ExtensionBrowser, page: Page, info: { menuItemId: string; selectionText?: string }): Promise<void> {
  const tabId = await tabIdOf(ext, page);
  await currentWorker(ext).evaluate(
    async ({ info, tabId }) => {
      const tab = await chrome.tabs.get(tabId);
      const hooks = (globalThis as unknown as { orgcheckHooks?: { contextMenuClicked: (i: unknown, t: unknown) => Promise<void> } }).orgcheckHooks;
      if (!hooks) throw new Error('no orgcheckHooks in the worker: this is a release build, build the tests\' with npm run build:test');
      await hooks.contextMenuClicked(info, tab);
    },
    { info, tabId },
  );
}

/**
 * Clicks the toolbar button on a page's tab through CDP's Extensions.triggerAction: it opens the
 * popup and grants activeTab, as a user's click does. Needs a browser launched with
 * --enable-unsafe-extension-debugging (launchExtensionWithActions).
 */
export async function triggerAction(ext: ExtensionBrowser, page: Page): Promise<void> {
  const browser = ext.context.browser();
  if (!browser) throw new Error('no browser for CDP');
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{}] } as never)) as unknown as {
      targetInfos: Array<{ type: string; targetId: string; url: string }>;
    };
    const tab = targetInfos.find((t) => t.type === 'tab' && t.url === page.url());
    if (!tab) throw new Error(`no tab target for ${page.url()}`);
    await cdp.send('Extensions.triggerAction' as never, { id: ext.extensionId, targetId: tab.targetId } as never);
  } finally {
    await cdp.detach();
  }
}

/** The popup, opened as a page in a new tab, showing tab `tabId`'s findings and controls (?tab=). */
export async function openPopupFor(ext: ExtensionBrowser, tabId: number): Promise<Page> {
  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html?tab=${tabId}`);
  return popup;
}

/** launchExtension, plus the flag that lets tests click the toolbar button (triggerAction). */
export function launchExtensionWithActions(options: { dist?: string; userDataDir?: string } = {}): Promise<ExtensionBrowser> {
  return launchExtension({ ...options, args: ['--enable-unsafe-extension-debugging'] });
}


/**
 * Values of the extension's IndexedDB store "reports" (shared/storage/reports.ts: `report:<id>` records,
 * `reportIndex`, `reportOutbox`), read in the worker. Absent keys are left out.
 */
export async function storedReports(ext: ExtensionBrowser, keys: string[]): Promise<Record<string, unknown>> {
  return currentWorker(ext).evaluate(async (keys) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('orgcheck');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      if (!db.objectStoreNames.contains('reports')) return {};
      const store = db.transaction('reports').objectStore('reports');
      const out: Record<string, unknown> = {};
      await Promise.all(
        keys.map(
          (key) =>
            new Promise<void>((resolve) => {
              const request = store.get(key);
              request.onsuccess = () => {
                if (request.result !== undefined) out[key] = request.result;
                resolve();
              };
              request.onerror = () => resolve();
            }),
        ),
      );
      return out;
    } finally {
      db.close();
    }
  }, keys);
}

// ---- a hostile page's renderer (tests/e2e/hostile-frames.test.ts) -----------------------------

/**
 * Runs `expression` in the extension's content-script world of the frame whose URL contains
 * `frameUrlPart` (the top frame when it is ''), through CDP, and returns its value. It stands for
 * a compromised renderer, which can send whatever its content script could.
 */
export async function evaluateInContentScript(page: Page, frameUrlPart: string, expression: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: Array<{ id: number; auxData?: { frameId?: string; type?: string } }> = [];
    cdp.on('Runtime.executionContextCreated', (event: { context: (typeof contexts)[number] }) => contexts.push(event.context));
    await cdp.send('Runtime.enable'); // reports every existing context
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as unknown as { frameTree: FrameTreeNode };
    const frames: FrameTreeNode['frame'][] = [];
    const walk = (node: FrameTreeNode) => {
      frames.push(node.frame);
      node.childFrames?.forEach(walk);
    };
    walk(frameTree);
    const frame = frameUrlPart ? frames.find((f) => f.url.includes(frameUrlPart)) : frames[0];
    if (!frame) throw new Error(`no frame with ${frameUrlPart}`);
    const context = contexts.find((c) => c.auxData?.type === 'isolated' && c.auxData.frameId === frame.id);
    if (!context) throw new Error(`no content script in ${frame.url}`);
    const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
      expression,
      contextId: context.id,
      awaitPromise: true,
      returnByValue: true,
    })) as { result: { value?: unknown }; exceptionDetails?: { text: string } };
    if (exceptionDetails) throw new Error(exceptionDetails.text);
    return result.value;
  } finally {
    await cdp.detach();
  }
}

interface FrameTreeNode {
  frame: { id: string; url: string };
  childFrames?: FrameTreeNode[];
}

/**
 * Makes a choice on the banner ("not this organization", "don't warn on …", a snooze) and
 * confirms it on the confirmation page it opens (src/confirm/): the banner never applies one
 * itself. Waits until that page has closed.
 */
export async function chooseAndConfirm(
  ext: ExtensionBrowser,
  page: Page,
  match: (attrs: Record<string, string>, node: { localName?: string }) => boolean,
): Promise<void> {
  const opened = ext.context.waitForEvent('page', { predicate: (p) => p.url().includes(`${ext.extensionId}/src/confirm/`) });
  await clickInBanner(page, match);
  const confirm = await opened;
  const closed = confirm.waitForEvent('close');
  await confirm.locator('[data-action="confirm"]').click();
  await closed;
}

/**
 * Writes values into the extension's IndexedDB store "reports" (as storedReports reads it), in the
 * worker: to set up a report in a state a test can't wait for (e.g. queued days ago).
 */
export async function putStoredReports(ext: ExtensionBrowser, values: Record<string, unknown>): Promise<void> {
  await currentWorker(ext).evaluate(async (values) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('orgcheck');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('reports', 'readwrite');
        for (const [key, value] of Object.entries(values)) tx.objectStore('reports').put(value, key);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    } finally {
      db.close();
    }
  }, values);
}
