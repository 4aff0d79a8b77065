/**
 * What a hostile page's renderer can send (issue 11 items 6 and 7). A renderer can forge its
 * content script's messages; these tests send them from the content script's own world
 * (evaluateInContentScript), as such a renderer would, and check that nothing outside the
 * sender's own frame, tab and site happens: extension-page messages are refused, a frame inside
 * the page opens no report window, the banner's Report opens one window per tab at a time, and
 * banner controls name only organizations the tab found.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  badgeText, clickContextMenu, clickInBanner, currentWorker, evaluateInContentScript, launchExtension, readBanner, startServer, tabIdOf,
  tabState, waitFor, type ExtensionBrowser, type FixtureServer,
} from './harness';

const ROBOT = 'china-robot-education-alliance';
const DISCIPLINE = 'china-positive-discipline-association';

let ext: ExtensionBrowser;
let server: FixtureServer;
/** The frame's site: another origin. */
let other: FixtureServer;

beforeAll(async () => {
  server = await startServer();
  other = await startServer();
  ext = await launchExtension();
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
  await other?.close();
});

beforeEach(async () => {
  for (const p of ext.context.pages()) if (p.url().includes('/src/report/')) await p.close();
  await currentWorker(ext).evaluate(async () => {
    await chrome.storage.local.set({ allowlist: [], suppressed: {}, snoozeUntil: null, enabled: true });
    await chrome.storage.session.set({ dismissed: {} });
  });
});

/** A page naming one organization, with a frame of another site naming another. */
async function openHostilePage(): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`${server.origin}/hostile-parent.html?frame=${encodeURIComponent(`${other.origin}/frame-child.html`)}`);
  await waitFor(() => badgeText(ext, page), '2');
  await waitFor(async () => Object.keys((await tabState(ext, page))?.frames ?? {}).length, 2);
  return page;
}

/** The frame's URL (the top frame's URL names it too, but escaped). */
const childFrame = () => `${other.origin}/frame-child.html`;

/** Sends a message as the content script of a frame would, and says how it was answered. */
function sendAs(page: Page, frame: string, type: string, payload: unknown): Promise<unknown> {
  return evaluateInContentScript(
    page,
    frame,
    `chrome.runtime.sendMessage(${JSON.stringify({ type, payload })}).then((answer) => ({ answer }), (e) => ({ error: String(e && e.message) }))`,
  );
}

const reportWindows = () => ext.context.pages().filter((p) => p.url().includes('/src/report/index.html')).length;
const settle = () => new Promise((r) => setTimeout(r, 1500));

describe('a frame inside the page', () => {
  it('opens no report window however often it asks; the banner\'s Report opens one', async () => {
    const page = await openHostilePage();
    const tabId = await tabIdOf(ext, page);
    for (let i = 0; i < 10; i++) {
      // Today's and yesterday's ways of asking, with and without naming the tab.
      await sendAs(page, childFrame(), 'bannerReport', {});
      await sendAs(page, childFrame(), 'openReport', { source: 'banner' });
      await sendAs(page, childFrame(), 'openReport', { source: 'popup', tabId });
    }
    await settle();
    expect(reportWindows()).toBe(0);

    // The user's click on the banner's Report, in the top frame, still works: once.
    const opened = ext.context.waitForEvent('page', { predicate: (p) => p.url().includes('/src/report/index.html') });
    await clickInBanner(page, (a) => a['data-action'] === 'report');
    await opened;
    // The page itself (its top frame) asking again and again gets no more windows.
    for (let i = 0; i < 10; i++) await sendAs(page, '', 'bannerReport', {});
    await settle();
    expect(reportWindows()).toBe(1);
    await page.close();
  });
});

describe('a content script', () => {
  it('cannot send what extension pages send', async () => {
    const page = await openHostilePage();
    const tabId = await tabIdOf(ext, page);
    const refused = [
      ['setReportEndpoint', { endpoint: `${other.origin}/collect` }],
      ['importSettings', { settings: { format: 'orgcheck-settings/1', enabled: false } }],
      ['warningControl', { control: { action: 'enable', on: false } }],
      ['warningControl', { control: { action: 'allowSite', site: 'example.org', on: true }, tabId }],
      ['getTabFindings', { tabId: tabId + 1 }],
      ['getReportDraft', { tabId }],
      ['setFeedSettings', { url: `${other.origin}/feed.json` }],
      ['deleteReport', { id: 'x' }],
    ] as const;
    for (const [type, payload] of refused) {
      for (const frame of ['', childFrame()]) {
        expect(await sendAs(page, frame, type, payload), `${type} from ${frame || 'the top frame'}`).toEqual({
          error: expect.stringMatching(/extension pages only/),
        });
      }
    }
    const local = await currentWorker(ext).evaluate(() => chrome.storage.local.get(['reportSettings', 'enabled', 'allowlist', 'feedSettings']));
    expect(local.enabled).toBe(true);
    expect(local.allowlist).toEqual([]);
    expect((local.reportSettings as { endpoint: string | null } | undefined)?.endpoint ?? null).toBeNull();
    expect((local.feedSettings as { url: string | null } | undefined)?.url ?? null).toBeNull();
    await page.close();
  });

  it('closes and suppresses only organizations its tab found, in bounded numbers (issue 11 item 6)', async () => {
    const page = await openHostilePage();
    const site = new URL(server.origin).host;
    const many = Array.from({ length: 5000 }, (_, i) => `made-up-${i}`);
    const attempts = [
      { action: 'dismiss', site, entryIds: many },
      { action: 'dismiss', site, entryIds: ['china-rural-children-education-alliance-not-on-this-page'] },
      { action: 'dismiss', site, entryIds: ['made-up-1', 'made-up-2'] },
      { action: 'suppress', site, entryId: 'x'.repeat(100_000), on: true },
      // Listed, but not on this page.
      { action: 'suppress', site, entryId: 'agricultural-project-equity-investment-promotion-association', on: true },
      { action: 'snooze', duration: 'week' },
    ];
    for (const control of attempts) {
      // Under today's name and the one before.
      await sendAs(page, '', 'bannerControl', { control });
      await sendAs(page, '', 'warningControl', { control });
    }
    await settle();
    const stored = await currentWorker(ext).evaluate(async () => ({
      dismissed: (await chrome.storage.session.get('dismissed')).dismissed,
      local: await chrome.storage.local.get(['suppressed', 'snoozeUntil']),
    }));
    expect(stored.dismissed).toEqual({});
    expect(stored.local.suppressed).toEqual({});
    expect(stored.local.snoozeUntil ?? null).toBeNull();
    // The banner still warns.
    expect((await readBanner(page))?.entryIds.sort()).toEqual([DISCIPLINE, ROBOT].sort());

    // What it found, it may close (the banner's own Close sends this).
    expect(await sendAs(page, '', 'bannerControl', { control: { action: 'dismiss', site, entryIds: [DISCIPLINE, ROBOT] } })).toMatchObject({
      answer: { banner: 'dismissed' },
    });
    await page.close();
  });
});

describe('a report', () => {
  it("gives the URL of the frame each excerpt was in, as the browser gave it (issue 11 item 6)", async () => {
    const page = await openHostilePage();
    const waiting = ext.context.waitForEvent('page', { predicate: (p) => p.url().includes('/src/report/index.html') });
    await clickContextMenu(ext, page, { menuItemId: 'orgcheck-report' });
    const report = await waiting;
    await report.waitForSelector('[data-testid="report-json"]');
    const r = JSON.parse((await report.locator('[data-testid="report-json"]').textContent())!) as {
      url: string;
      excerpts: Array<{ entryId: string; frameUrl: string }>;
    };
    expect(r.url).toBe(page.url());
    expect(Object.fromEntries(r.excerpts.map((e) => [e.entryId, e.frameUrl]))).toEqual({
      [DISCIPLINE]: page.url(),
      [ROBOT]: `${other.origin}/frame-child.html`,
    });
    await report.close();
    await page.close();
  });
});
