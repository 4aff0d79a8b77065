/**
 * What a hostile page's renderer can send (issue 11 items 6 and 7). A renderer can forge its
 * content script's messages; these tests send them from the content script's own world
 * (evaluateInContentScript), as such a renderer would, and check that nothing outside the
 * sender's own frame, tab and site happens: extension-page messages are refused, a frame inside
 * the page opens no report window, the banner's Report opens one window per tab at a time, and
 * banner controls name only organizations the tab found.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  badgeText, clickContextMenu, clickInBanner, currentWorker, evaluateInContentScript, readBanner, tabIdOf, tabState, waitFor,
} from './harness';
import { DISCIPLINE, ENTRY, PAGES, ROBOT } from './fixtures';
import { useExtension } from './use-extension';

/** `run.other` is the frame's site: another origin. */
const run = useExtension({ otherSite: true });

beforeEach(async () => {
  for (const p of run.ext.context.pages()) if (p.url().includes('/src/report/')) await p.close();
  await currentWorker(run.ext).evaluate(async () => {
    await chrome.storage.local.set({ allowlist: [], suppressed: {}, snoozeUntil: null, enabled: true });
    await chrome.storage.session.set({ dismissed: {} });
  });
});

/** A page naming one organization, with a frame of another site naming another. */
async function openHostilePage(): Promise<Page> {
  const page = await run.ext.context.newPage();
  await page.goto(`${run.url(PAGES.hostileParent)}?frame=${encodeURIComponent(run.url(PAGES.frameChild, run.other))}`);
  await waitFor(() => badgeText(run.ext, page), '2');
  await waitFor(async () => Object.keys((await tabState(run.ext, page))?.frames ?? {}).length, 2);
  return page;
}

/** The frame's URL (the top frame's URL names it too, but escaped). */
const childFrame = () => run.url(PAGES.frameChild, run.other);

/** Sends a message as the content script of a frame would, and says how it was answered. */
function sendAs(page: Page, frame: string, type: string, payload: unknown): Promise<unknown> {
  return evaluateInContentScript(
    page,
    frame,
    `chrome.runtime.sendMessage(${JSON.stringify({ type, payload })}).then((answer) => ({ answer }), (e) => ({ error: String(e && e.message) }))`,
  );
}

const reportWindows = () => run.ext.context.pages().filter((p) => p.url().includes('/src/report/index.html')).length;
const settle = () => new Promise((r) => setTimeout(r, 1500));

describe('a frame inside the page', () => {
  it('opens no report window however often it asks; the banner\'s Report opens one', async () => {
    const page = await openHostilePage();
    const tabId = await tabIdOf(run.ext, page);
    for (let i = 0; i < 10; i++) {
      // Today's and yesterday's ways of asking, with and without naming the tab.
      await sendAs(page, childFrame(), 'bannerReport', {});
      await sendAs(page, childFrame(), 'openReport', { source: 'banner' });
      await sendAs(page, childFrame(), 'openReport', { source: 'popup', tabId });
    }
    await settle();
    expect(reportWindows()).toBe(0);

    // The user's click on the banner's Report, in the top frame, still works: once.
    const opened = run.ext.context.waitForEvent('page', { predicate: (p) => p.url().includes('/src/report/index.html') });
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
    const tabId = await tabIdOf(run.ext, page);
    const refused = [
      ['setReportEndpoint', { endpoint: `${run.other.origin}/collect` }],
      ['importSettings', { settings: { format: 'orgcheck-settings/1', enabled: false } }],
      ['warningControl', { control: { action: 'enable', on: false } }],
      ['warningControl', { control: { action: 'allowSite', site: 'example.org', on: true }, tabId }],
      ['getTabFindings', { tabId: tabId + 1 }],
      ['getReportDraft', { tabId }],
      ['setFeedSettings', { url: `${run.other.origin}/feed.json` }],
      ['deleteReport', { id: 'x' }],
    ] as const;
    for (const [type, payload] of refused) {
      for (const frame of ['', childFrame()]) {
        expect(await sendAs(page, frame, type, payload), `${type} from ${frame || 'the top frame'}`).toEqual({
          error: expect.stringMatching(/extension pages only/),
        });
      }
    }
    const local = await currentWorker(run.ext).evaluate(() => chrome.storage.local.get(['reportSettings', 'enabled', 'allowlist', 'feedSettings']));
    expect(local.enabled).toBe(true);
    expect(local.allowlist).toEqual([]);
    expect((local.reportSettings as { endpoint: string | null } | undefined)?.endpoint ?? null).toBeNull();
    expect((local.feedSettings as { url: string | null } | undefined)?.url ?? null).toBeNull();
    await page.close();
  });

  it('closes and suppresses only organizations its tab found, in bounded numbers (issue 11 item 6)', async () => {
    const page = await openHostilePage();
    const site = new URL(run.server.origin).host;
    const many = Array.from({ length: 5000 }, (_, i) => `made-up-${i}`);
    const attempts = [
      { action: 'dismiss', site, entryIds: many },
      { action: 'dismiss', site, entryIds: ['china-rural-children-education-alliance-not-on-this-page'] },
      { action: 'dismiss', site, entryIds: ['made-up-1', 'made-up-2'] },
      { action: 'suppress', site, entryId: 'x'.repeat(100_000), on: true },
      // Listed, but not on this page.
      { action: 'suppress', site, entryId: ENTRY.onNoPage, on: true },
      { action: 'snooze', duration: 'week' },
    ];
    for (const control of attempts) {
      // Under today's name and the one before.
      await sendAs(page, '', 'bannerControl', { control });
      await sendAs(page, '', 'warningControl', { control });
    }
    await settle();
    const stored = await currentWorker(run.ext).evaluate(async () => ({
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
    const waiting = run.ext.context.waitForEvent('page', { predicate: (p) => p.url().includes('/src/report/index.html') });
    await clickContextMenu(run.ext, page, { menuItemId: 'orgcheck-report' });
    const report = await waiting;
    await report.waitForSelector('[data-testid="report-json"]', { state: 'attached' });
    const r = JSON.parse((await report.locator('[data-testid="report-json"]').textContent())!) as {
      url: string;
      excerpts: Array<{ entryId: string; frameUrl: string }>;
    };
    expect(r.url).toBe(page.url());
    expect(Object.fromEntries(r.excerpts.map((e) => [e.entryId, e.frameUrl]))).toEqual({
      [DISCIPLINE]: page.url(),
      [ROBOT]: run.url(PAGES.frameChild, run.other),
    });
    await report.close();
    await page.close();
  });
});
