/**
 * Private windows in Chromium. The extension is loaded through CDP's Extensions.loadUnpacked with
 * enableInIncognito (what "Allow in Incognito" on the extensions page sets; needs
 * --enable-unsafe-extension-debugging and the pipe Playwright talks over), and the worker opens a
 * real incognito window with windows.create({incognito: true}). Then: controls set from a private
 * tab apply to private tabs only and never reach storage.local; a report about a private tab is
 * kept and sent from storage.session; a lookup from its context menu puts no page text in a URL.
 * storage.local is compared whole before and after: nothing from the private window is in it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { uiLanguageOptions } from '../../scripts/lib/extension-browser.mjs';
import {
  chooseAndConfirm, clickContextMenu, clickInBanner, currentWorker, openPopupFor, readBanner, ROOT, tabIdOf, TIMEOUT, waitFor,
  waitForExtensionPage, type ExtensionBrowser,
} from './harness';
import { PAGES } from './fixtures';
import { useExtension } from './use-extension';

let normal: Page;
let privatePage: Page;
let privateTab: number;
let localBefore: Record<string, unknown>;
const received: string[] = [];

/** Chromium with dist/ loaded and allowed in incognito. */
async function launchAllowedInPrivate(): Promise<ExtensionBrowser> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'orgcheck-private-'));
  const language = uiLanguageOptions();
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: language.locale,
    env: language.env,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--enable-unsafe-extension-debugging', ...language.args,
    ],
  });
  context.setDefaultTimeout(TIMEOUT.wait);
  context.setDefaultNavigationTimeout(TIMEOUT.load);
  const cdp = await context.browser()!.newBrowserCDPSession();
  const { id } = (await cdp.send('Extensions.loadUnpacked' as never, { path: join(ROOT, 'dist'), enableInIncognito: true } as never)) as { id: string };
  await cdp.detach();
  const worker =
    context.serviceWorkers().find((w) => w.url().includes(id)) ??
    (await context.waitForEvent('serviceworker', { predicate: (w) => w.url().includes(id), timeout: TIMEOUT.wait }));
  return {
    context,
    extensionId: id,
    worker,
    userDataDir,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

const local = () => currentWorker(run.ext).evaluate(() => chrome.storage.local.get(null));
const session = <T,>(key: string) => currentWorker(run.ext).evaluate(async (k) => (await chrome.storage.session.get(k))[k], key) as Promise<T | undefined>;
const bannerShown = async (page: Page) => (await readBanner(page)) !== null;

const run = useExtension({ launch: launchAllowedInPrivate });

beforeAll(async () => {
  run.server.routes.push((req: IncomingMessage, res: ServerResponse) => {
    if (req.url !== '/collect') return false;
    const cors = { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'POST', 'access-control-allow-headers': 'content-type, idempotency-key' };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return true;
    }
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push(body);
      res.writeHead(200, cors).end('ok');
    });
    return true;
  });
  expect(await currentWorker(run.ext).evaluate(() => chrome.extension.isAllowedIncognitoAccess())).toBe(true);
  await currentWorker(run.ext).evaluate((endpoint) => chrome.storage.local.set({ reportSettings: { endpoint, retryBaseMs: 1000 } }), `${run.server.origin}/collect`);

  normal = await run.ext.context.newPage();
  await normal.goto(run.url(PAGES.twoOrgs));
  await waitFor(() => bannerShown(normal), true);

  const opened = run.ext.context.waitForEvent('page', { predicate: (p) => p.url().includes('private=1') });
  privateTab = await currentWorker(run.ext).evaluate(
    async (url) => (await chrome.windows.create({ incognito: true, url }))!.tabs![0]!.id!,
    `${run.url(PAGES.twoOrgs)}?private=1`,
  );
  privatePage = await opened;
  expect(await currentWorker(run.ext).evaluate(async (id) => (await chrome.tabs.get(id)).incognito, privateTab)).toBe(true);
  await waitFor(() => bannerShown(privatePage), true);
  localBefore = await local();
});

describe('private windows', () => {
  it('manifest: one background for both kinds of window ("spanning")', async () => {
    expect(await currentWorker(run.ext).evaluate(() => chrome.runtime.getManifest().incognito)).toBe('spanning');
  });

  it('a snooze or "don’t warn on this site" from a private tab applies to private tabs only, until undone or the browser closes', async () => {
    const site = new URL(run.server.origin).host;
    await clickInBanner(privatePage, (a) => a['data-action'] === 'more');
    await chooseAndConfirm(run.ext, privatePage, (a) => a['data-action'] === 'snooze-hour');
    await waitFor(() => bannerShown(privatePage), false);
    expect((await session<{ snoozeUntil: number | null }>('privateControls'))?.snoozeUntil).toBeGreaterThan(Date.now());
    expect(await bannerShown(normal)).toBe(true);

    // The popup for the private tab says so, and "Resume warnings" ends the private snooze.
    const popup = await openPopupFor(run.ext, privateTab);
    await expect.poll(() => popup.getByTestId('private-note').count()).toBe(1);
    await popup.getByTestId('snoozed').getByRole('button', { name: 'Resume warnings' }).click();
    await waitFor(() => bannerShown(privatePage), true);
    expect((await session<{ snoozeUntil: number | null }>('privateControls'))?.snoozeUntil).toBeNull();

    await clickInBanner(privatePage, (a) => a['data-action'] === 'more');
    await chooseAndConfirm(run.ext, privatePage, (a) => a['data-action'] === 'allow-site');
    await waitFor(() => bannerShown(privatePage), false);
    expect((await session<{ allowlist: string[] }>('privateControls'))?.allowlist).toEqual([site]);
    // A normal tab of the same site still warns, after a reload too.
    await normal.reload();
    await waitFor(() => bannerShown(normal), true);

    await popup.reload();
    await popup.getByTestId('site-allowlisted').getByRole('button').click();
    await waitFor(() => bannerShown(privatePage), true);
    expect((await session<{ allowlist: string[] }>('privateControls'))?.allowlist).toEqual([]);
    // The popup of a normal tab has no such note.
    const normalPopup = await openPopupFor(run.ext, await tabIdOf(run.ext, normal));
    await expect.poll(() => normalPopup.getByTestId('tab-findings').count()).toBe(1);
    expect(await normalPopup.getByTestId('private-note').count()).toBe(0);
    await normalPopup.close();
    await popup.close();
  });

  it('a report about a private tab is kept and sent from storage.session, not the report history', async () => {
    const popup = await openPopupFor(run.ext, privateTab);
    const opened = waitForExtensionPage(run.ext, 'src/report/index.html');
    await popup.getByRole('button', { name: 'Report this page' }).click();
    const report = await opened;
    await expect.poll(() => report.getByTestId('report-private').count()).toBe(1);
    const id = await report.locator('main[data-report-id]').getAttribute('data-report-id');
    await report.locator('[data-action="send"]').click();
    await waitFor(async () => received.length, 1);
    expect(JSON.parse(received[0]!).url).toBe(`${run.url(PAGES.twoOrgs)}?private=1`);
    await waitFor(async () => (await session<{ delivery: { state: string } }>(`report:${id}`))?.delivery.state, 'sent');
    expect(await session('reportIndex')).toEqual([id]);
    expect(await session('reportOutbox')).toEqual([]);

    // The options page lists it, marked as forgotten when the browser closes.
    const options = await run.ext.context.newPage();
    await options.goto(`chrome-extension://${run.ext.extensionId}/src/options/index.html`);
    await expect.poll(() => options.locator(`[data-report-id="${id}"]`).getByTestId('report-private').count()).toBe(1);
    // Allowed in private windows: the Warnings section says where their settings go.
    expect(await options.getByTestId('warnings-private-note').count()).toBe(1);
    await options.close();
    await report.close();
    await popup.close();
  });

  it('a lookup from a private tab’s context menu carries no page text in its URL', async () => {
    const opened = waitForExtensionPage(run.ext, 'src/popup/index.html?pq=');
    await clickContextMenu(run.ext, privatePage, { menuItemId: 'orgcheck-lookup', selectionText: '中国机器人教育联盟' });
    const lookup = await opened;
    expect(decodeURIComponent(lookup.url())).not.toContain('机器人');
    await expect.poll(() => lookup.locator('#q').inputValue()).toBe('中国机器人教育联盟');
    await expect.poll(() => lookup.getByTestId('lookup-results').count()).toBe(1);
    await lookup.close();
  });

  it('closing a banner in a private tab is session-only; storage.local holds nothing from the private window', async () => {
    await clickInBanner(privatePage, (a) => a['data-action'] === 'close');
    await waitFor(() => bannerShown(privatePage), false);
    expect(Object.keys((await session<Record<string, unknown>>('dismissed')) ?? {})).toEqual([new URL(run.server.origin).host]);
    const after = await local();
    expect(after).toEqual(localBefore);
    expect(JSON.stringify(after)).not.toContain('private=1');
  });
});
