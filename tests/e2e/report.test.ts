/**
 * "Report this page" end to end: the report built from a fixture page (two frames, a selection,
 * a note) checked field by field in the downloaded JSON; the banner and context-menu entry
 * points; a screenshot under activeTab (the toolbar button clicked through CDP); a real endpoint
 * on 127.0.0.1 that fails twice with 503 then accepts, one that answers 400, and one that is down
 * when the browser closes and up after it starts again; the history on the options page.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import bundled from '../../data/organizations.json' with { type: 'json' };
import {
  clickContextMenu, clickInBanner, currentWorker, launchExtensionWithActions, putStoredReports, readBanner, storedReports,
  tabIdOf, tabState, triggerAction, openPopupFor, waitFor, waitForExtensionPage, waitScanned, type ExtensionBrowser,
} from './harness';
import { DISCIPLINE, PAGES, ROBOT } from './fixtures';
import { useExtension } from './use-extension';

const DIST = process.env.ORGCHECK_DIST; // a build elsewhere than dist/, while developing
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface Received {
  scenario: string;
  body: string;
  key: string | undefined;
  status: number;
}

const received: Received[] = [];
/** scenario → status to answer the nth POST (1-based) with. */
const scenarios: Record<string, (n: number) => number> = {
  flaky: (n) => (n <= 2 ? 503 : 200),
  bad: () => 400,
  ok: () => 200,
  restart: () => (restartUp ? 200 : 503),
  /** Answers with a redirect to another endpoint (of this server): never to be followed. */
  moved: () => 307,
  // Endpoints the user replaces while a report is queued for them (always "later"), and the
  // ones they replace them with.
  olda: () => 503,
  oldb: () => 503,
  oldc: () => 503,
  oldd: () => 503,
  newa: () => 200,
  newb: () => 200,
  newc: () => 200,
  /** Would accept a report: one past its 3 days must not reach it. */
  late: () => 200,
};
let restartUp = false;

function endpointRoute(req: IncomingMessage, res: ServerResponse): boolean | Promise<boolean> {
  const m = /^\/collect\/([a-z]+)$/.exec(req.url ?? '');
  if (!m) return false;
  const scenario = m[1]!;
  const cors = {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'POST',
    'access-control-allow-headers': 'content-type, idempotency-key',
  };
  if (req.method === 'OPTIONS') {
    res.writeHead(204, cors);
    res.end();
    return true;
  }
  return new Promise((done) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const n = received.filter((r) => r.scenario === scenario).length + 1;
      const status = scenarios[scenario]?.(n) ?? 404;
      received.push({ scenario, body: Buffer.concat(chunks).toString('utf8'), key: req.headers['idempotency-key'] as string | undefined, status });
      if (status === 307) {
        res.writeHead(307, { ...cors, location: '/collect/ok' });
        res.end();
        done(true);
        return;
      }
      res.writeHead(status, { ...cors, 'content-type': 'text/plain; charset=utf-8' });
      res.end(status === 400 ? 'bad report: the field "organizations" is required' : status === 200 ? 'accepted' : 'try later');
      done(true);
    });
  });
}

async function setReportSettings(e: ExtensionBrowser, endpoint: string | null, retryBaseMs: number): Promise<void> {
  await currentWorker(e).evaluate((s) => chrome.storage.local.set({ reportSettings: s }), { endpoint, retryBaseMs });
}

async function openFixture(e: ExtensionBrowser, path: string): Promise<Page> {
  const page = await e.context.newPage();
  await page.goto(run.url(path));
  await waitScanned(e, page);
  return page;
}

/** Opens the report page for `page` as the context menu does, and waits for its preview. */
async function openReportViaMenu(e: ExtensionBrowser, page: Page): Promise<Page> {
  const waiting = e.context.waitForEvent('page', { predicate: (p) => p.url().includes('/src/report/index.html') });
  await clickContextMenu(e, page, { menuItemId: 'orgcheck-report' });
  const report = await waiting;
  await report.waitForSelector('[data-testid="report-json"]', { state: 'attached' });
  return report;
}

async function shownReport(report: Page): Promise<Record<string, unknown>> {
  return JSON.parse((await report.locator('[data-testid="report-json"]').textContent())!) as Record<string, unknown>;
}

async function download(report: Page, action: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([report.waitForEvent('download'), report.click(`button[data-action="${action}"]`)]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
}

const deliveryState = (report: Page) => report.locator('.delivery').getAttribute('data-state', { timeout: 1000 }).catch(() => null);

// `run.other`: a second site, for an ad frame inside the page.
const run = useExtension({ dist: DIST, launch: launchExtensionWithActions, routes: [endpointRoute], otherSite: true });

describe('a report of a page', () => {
  it('holds the page, its organizations in context, the selection and the note, and nothing else', async () => {
    const page = await openFixture(run.ext, PAGES.reportPage);
    // Both frames have scanned.
    await waitFor(async () => Object.keys((await tabState(run.ext, page))?.frames ?? {}).length, 2);
    // A person selects the paragraph (three clicks: a script's selection in a page nobody touched is not taken).
    await page.locator('#other').click({ clickCount: 3 });
    const before = Date.now();
    const report = await openReportViaMenu(run.ext, page);
    await report.fill('#r-note', '  收费颁证，疑似山寨社团。  ');
    await expect.poll(async () => (await shownReport(report)).note).toBe('收费颁证，疑似山寨社团。');

    const json = await download(report, 'download-json');
    const r = JSON.parse(json.text) as Record<string, any>;
    // Exactly what the page showed, and these fields only.
    expect(json.text.trimEnd()).toBe((await report.locator('[data-testid="report-json"]').textContent())!.trimEnd());
    expect(Object.keys(r)).toEqual(['format', 'id', 'createdAt', 'url', 'title', 'organizations', 'excerpts', 'selection', 'selectionFrom', 'note', 'screenshot']);
    expect(r.format).toBe('orgcheck-report/1');
    expect(r.id).toMatch(UUID);
    expect(json.name).toBe(`orgcheck-report-${r.createdAt.slice(0, 10)}-${r.id.slice(0, 8)}.json`);
    expect(Date.parse(r.createdAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(r.createdAt)).toBeLessThanOrEqual(Date.now());
    expect(r.url).toBe(page.url());
    expect(r.title).toBe('2024全国少儿机器人大赛报名通知');
    const entry = (id: string) => (bundled as Array<{ id: string; listings: unknown[] }>).find((e) => e.id === id)!;
    expect(r.organizations).toEqual([
      {
        id: ROBOT,
        name: '中国机器人教育联盟',
        nameEn: 'China Robot Education Alliance',
        listings: entry(ROBOT).listings,
        forms: ['中国机器人教育联盟'],
      },
      {
        id: DISCIPLINE,
        name: '中国正面管教协会',
        nameEn: expect.any(String),
        listings: entry(DISCIPLINE).listings,
        forms: ['中國正面管教協會'],
      },
    ]);
    expect(r.excerpts).toEqual([
      {
        entryId: ROBOT, form: '中国机器人教育联盟', before: '本次大赛由', after: '主办，获奖选手颁发等级证书，报名费每人980元。',
        frameUrl: page.url(),
      },
      {
        entryId: DISCIPLINE, form: '中國正面管教協會', before: '协办单位：', after: '（家庭教育指导中心）',
        frameUrl: run.url(PAGES.reportChild),
      },
    ]);
    expect(r.selection).toBe('联系电话：010-12345678。请于六月底前报名，逾期不候。');
    expect(r.selectionFrom).toBe(new URL(page.url()).origin);
    expect(r.note).toBe('收费颁证，疑似山寨社团。');
    expect(r.screenshot).toBeNull();

    // The text the copy button and the .txt file give, in the language chosen.
    await report.check('input[name="lang"][value="zh"]');
    const txt = await download(report, 'download-txt');
    expect(txt.name).toBe(`orgcheck-report-${r.createdAt.slice(0, 10)}-${r.id.slice(0, 8)}.txt`);
    expect(txt.text).toBe(await report.locator('[data-testid="report-text"]').textContent());
    for (const s of [r.id, page.url(), '中国机器人教育联盟', '网站已被关停', '…本次大赛由【中国机器人教育联盟】主办', '收费颁证，疑似山寨社团。', '联系电话：010-12345678']) {
      expect(txt.text).toContain(s);
    }
    await report.check('input[name="lang"][value="en"]');
    await expect.poll(() => report.locator('[data-testid="report-text"]').textContent()).toContain('China Robot Education Alliance');
    // The complaint channel is the ministry's platform.
    expect(await report.locator('a[data-action="complaint"]').getAttribute('href')).toBe('https://chinanpo.mca.gov.cn/');
    // Without an endpoint, nothing can be sent, and no line about sending shows.
    expect(await report.locator('button[data-action="send"]').count()).toBe(0);
    expect(await report.getByTestId('endpoint-line').count()).toBe(0);
    // Kept in the history with what was done with it: in IndexedDB, where content scripts can't
    // read it, and nothing of it in storage.local (which they can, and whose changes every frame hears).
    const stored = await storedReports(run.ext, [`report:${r.id}`, 'reportIndex']);
    expect((stored[`report:${r.id}`] as { actions: Array<{ kind: string }> }).actions.map((a) => a.kind)).toEqual(['download-json', 'download-txt']);
    expect(stored.reportIndex).toContain(r.id);
    const localKeys = await currentWorker(run.ext).evaluate(async () => Object.keys(await chrome.storage.local.get(null)));
    expect(localKeys.filter((k) => k.startsWith('report:') || k === 'reportIndex' || k === 'reportOutbox')).toEqual([]);
    await report.close();
    await page.close();
  });

  it('opens from the banner, without a screenshot option', async () => {
    const page = await openFixture(run.ext, PAGES.twoOrgs);
    await waitFor(async () => (await readBanner(page)) !== null, true);
    const waiting = waitForExtensionPage(run.ext, 'src/report/index.html');
    await clickInBanner(page, (a) => a['data-action'] === 'report');
    const report = await waiting;
    expect(new URL(report.url()).searchParams.get('source')).toBe('banner');
    await report.waitForSelector('[data-testid="report-json"]', { state: 'attached' });
    const r = await shownReport(report);
    expect((r.organizations as Array<{ id: string }>).map((o) => o.id).sort()).toEqual([
      DISCIPLINE,
      ROBOT,
    ]);
    expect(await report.locator('[data-testid="screenshot"]').count()).toBe(0);
    await report.close();
    await page.close();
  });

  it('opens from the popup', async () => {
    const page = await openFixture(run.ext, PAGES.twoOrgs);
    const tabId = await tabIdOf(run.ext, page);
    const popup = await openPopupFor(run.ext, tabId);
    const waiting = waitForExtensionPage(run.ext, 'src/report/index.html');
    await popup.click('button[data-action="report"]');
    const report = await waiting;
    const url = new URL(report.url());
    expect([url.searchParams.get('tab'), url.searchParams.get('source')]).toEqual([String(tabId), 'popup']);
    await report.waitForSelector('[data-testid="screenshot"]');
    expect(((await shownReport(report)).organizations as unknown[]).length).toBe(2);
    await report.close();
    await popup.close();
    await page.close();
  });

  it('includes a screenshot only when ticked, under activeTab from the toolbar button', async () => {
    const page = await openFixture(run.ext, PAGES.twoOrgs);
    // Without activeTab (nothing invoked the extension on this tab), no screenshot can be taken.
    let report = await openReportViaMenu(run.ext, page);
    await report.click('[data-testid="screenshot"]');
    await expect.poll(() => report.locator('[data-testid="screenshot-error"]').textContent()).toBeTruthy();
    expect((await shownReport(report)).screenshot).toBeNull();
    await report.close();

    // The toolbar button (as a user's click: CDP Extensions.triggerAction) grants activeTab.
    await page.bringToFront();
    await triggerAction(run.ext, page);
    report = await openReportViaMenu(run.ext, page);
    expect((await shownReport(report)).screenshot).toBeNull(); // not until ticked
    await report.check('[data-testid="screenshot"]');
    await report.locator('[data-testid="screenshot-image"]').waitFor();
    const json = await download(report, 'download-json');
    const r = JSON.parse(json.text) as { screenshot: string };
    expect(r.screenshot).toMatch(/^data:image\/jpeg;base64,\/9j\//);
    // Saved as an image, to attach to the official form: a PNG of the screenshot's size.
    const [png] = await Promise.all([report.waitForEvent('download'), report.click('button[data-action="download-png"]')]);
    expect(png.suggestedFilename()).toBe(json.name.replace(/\.json$/, '.png'));
    const bytes = await readFile(await png.path());
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const shown = await report.getByTestId('screenshot-image').evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual(shown);
    // Unticking takes it out again.
    await report.uncheck('[data-testid="screenshot"]');
    expect((await shownReport(report)).screenshot).toBeNull();
    await report.close();
    await page.close();
  });
});

describe('the text the reporter selected (issue 18 item 5)', () => {
  /**
   * The report-ad page with its ad frame (another site) in `mode`, once the frame's content script
   * answers (the frame's own script selected its claim before). Asked through the worker only:
   * Playwright evaluates in a page as a user gesture, which would give the frame the user
   * activation that only a person's interaction may give (navigator.userActivation).
   */
  async function adPage(mode: 'offscreen' | 'transparent' | 'visible'): Promise<Page> {
    const ad = run.url(`${PAGES.reportAdFrame}?mode=${mode}`, run.other);
    const page = await run.ext.context.newPage();
    await page.goto(run.url(`${PAGES.reportAdPage}?ad=${encodeURIComponent(ad)}`));
    const tabId = await tabIdOf(run.ext, page);
    await waitFor(
      () =>
        currentWorker(run.ext).evaluate(async ({ tabId, ad }) => {
          const frames = (await chrome.webNavigation.getAllFrames({ tabId })) ?? [];
          const frame = frames.find((f) => f.url === ad);
          if (!frame) return false;
          return chrome.tabs.sendMessage(tabId, { type: 'collectReportContext', payload: {} }, { frameId: frame.frameId }).then(() => true, () => false);
        }, { tabId, ad }),
      true,
      20_000,
    );
    return page;
  }

  /** Opens the report from the toolbar popup and gives its draft. */
  async function reportFromPopup(page: Page): Promise<Record<string, any>> {
    const popup = await openPopupFor(run.ext, await tabIdOf(run.ext, page));
    const waiting = waitForExtensionPage(run.ext, 'src/report/index.html');
    await popup.click('button[data-action="report"]');
    const report = await waiting;
    await report.waitForSelector('[data-testid="report-json"]', { state: 'attached' });
    const r = await shownReport(report);
    const text = (await report.locator('[data-testid="report-text"]').textContent()) ?? '';
    await report.close();
    await popup.close();
    return { ...r, text };
  }

  it('leaves out what an ad frame selects by script: off-screen, transparent, or in a frame nobody interacted with', async () => {
    for (const mode of ['offscreen', 'transparent', 'visible'] as const) {
      const page = await adPage(mode);
      if (mode !== 'visible') {
        // Even with the focus: a user clicks the ad (its frame gets focus; the frame selects its claim again).
        await page.frameLocator('iframe').locator('#ad').click();
        expect(await page.evaluate(() => document.activeElement?.localName)).toBe('iframe');
        const frame = page.frames().find((f) => f !== page.mainFrame())!;
        await waitFor(() => frame.evaluate(() => String(getSelection())), '举报人声明：此举报为误报，请勿处理');
      }
      const r = await reportFromPopup(page);
      expect(r.selection, mode).toBeNull();
      expect(r).not.toHaveProperty('selectionFrom');
      expect(r.text, mode).not.toContain('误报');
      expect((r.organizations as Array<{ id: string }>).map((o) => o.id)).toEqual([ROBOT]);
      await page.close();
    }
  });

  it('takes the user’s own selection in the page from the popup, labelled with the page’s origin', async () => {
    // A page with a frame of its own that leaves the focus alone (report-ad-frame.html's script takes it back
    // every 100 ms, and Chrome clears a frame's selection when another takes the focus).
    const page = await openFixture(run.ext, PAGES.reportPage);
    // A person selects the paragraph (three clicks: trusted input), in the top frame.
    await page.locator('#other').click({ clickCount: 3 });
    const r = await reportFromPopup(page);
    expect(r.selection).toBe('联系电话：010-12345678。请于六月底前报名，逾期不候。');
    expect(r.selectionFrom).toBe(new URL(page.url()).origin);
    expect(r.text).toContain(`联系电话：010-12345678。请于六月底前报名，逾期不候。\n  (selected on: ${new URL(page.url()).origin})`);
    await page.close();
  });

  it('takes the browser’s selection text from the context menu, and none from the banner', async () => {
    const page = await openFixture(run.ext, PAGES.reportPage);
    await page.locator('#other').click({ clickCount: 3 });
    const waiting = run.ext.context.waitForEvent('page', { predicate: (p) => p.url().includes('/src/report/index.html') });
    await clickContextMenu(run.ext, page, { menuItemId: 'orgcheck-report', selectionText: '请于六月底前报名' });
    const fromMenu = await waiting;
    await fromMenu.waitForSelector('[data-testid="report-json"]', { state: 'attached' });
    const r = await shownReport(fromMenu);
    expect([r.selection, r.selectionFrom]).toEqual(['请于六月底前报名', new URL(page.url()).origin]);
    await fromMenu.close();

    // The banner is in the page: a press there may be the page's doing, so its report takes no selection.
    await page.locator('#other').click({ clickCount: 3 });
    expect(await page.evaluate(() => String(getSelection()).trim())).toBe('联系电话：010-12345678。请于六月底前报名，逾期不候。');
    await waitFor(async () => (await readBanner(page)) !== null, true);
    const fromBanner = waitForExtensionPage(run.ext, 'src/report/index.html');
    await clickInBanner(page, (a) => a['data-action'] === 'report');
    const report = await fromBanner;
    await report.waitForSelector('[data-testid="report-json"]', { state: 'attached' });
    const b = await shownReport(report);
    expect(b.selection).toBeNull();
    expect(b).not.toHaveProperty('selectionFrom');
    await report.close();
    await page.close();
  });
});

describe('sending to an endpoint', () => {
  it('retries after 503s and delivers the report exactly once, intact', async () => {
    await setReportSettings(run.ext, `${run.server.origin}/collect/flaky`, 400);
    const page = await openFixture(run.ext, PAGES.twoOrgs);
    const report = await openReportViaMenu(run.ext, page);
    const shown = (await report.locator('[data-testid="report-json"]').textContent())!;
    const id = (JSON.parse(shown) as { id: string }).id;
    await report.click('button[data-action="send"]');
    await expect.poll(() => deliveryState(report)).toBe('sent');
    expect(await report.locator('.delivery').getAttribute('data-attempts')).toBe('3');
    const posts = received.filter((x) => x.scenario === 'flaky');
    expect(posts.map((p) => p.status)).toEqual([503, 503, 200]);
    const accepted = posts.filter((p) => p.status === 200);
    expect(accepted).toHaveLength(1);
    expect(accepted[0]!.key).toBe(id);
    expect(accepted[0]!.body).toBe(shown);
    // Sending again changes nothing: nothing more arrives.
    expect(await report.locator('button[data-action="send"]').isDisabled()).toBe(true);
    await report.waitForTimeout(1500);
    expect(received.filter((x) => x.scenario === 'flaky')).toHaveLength(3);
    await report.close();
    await page.close();
  });

  it('does not follow a redirect: the report stays here, refused, and nothing reaches the other address', async () => {
    await setReportSettings(run.ext, `${run.server.origin}/collect/moved`, 300);
    const okBefore = received.filter((x) => x.scenario === 'ok').length;
    const page = await openFixture(run.ext, PAGES.twoOrgs);
    const report = await openReportViaMenu(run.ext, page);
    await report.click('button[data-action="send"]');
    await expect.poll(() => deliveryState(report)).toBe('rejected');
    expect(await report.locator('.delivery').getAttribute('data-reason')).toBe('redirect');
    await report.waitForTimeout(1500); // several backoff periods: no retry
    expect(received.filter((x) => x.scenario === 'moved')).toHaveLength(1);
    expect(received.filter((x) => x.scenario === 'ok')).toHaveLength(okBefore);
    await report.close();
    await page.close();
  });

  it('stops at a 400 and shows the server’s answer', async () => {
    await setReportSettings(run.ext, `${run.server.origin}/collect/bad`, 300);
    const page = await openFixture(run.ext, PAGES.twoOrgs);
    const report = await openReportViaMenu(run.ext, page);
    await report.click('button[data-action="send"]');
    await expect.poll(() => deliveryState(report)).toBe('rejected');
    expect(await report.locator('[data-testid="server-answer"]').textContent()).toBe('bad report: the field "organizations" is required');
    expect(await report.locator('.delivery').textContent()).toContain('400');
    await report.waitForTimeout(2500); // several backoff periods: no retry
    expect(received.filter((x) => x.scenario === 'bad')).toHaveLength(1);
    await report.close();
    await page.close();
  });
});

describe('the report page when the worker does not answer', () => {
  it('says so instead of loading for ever, and a screenshot that gets no answer frees its checkbox', async () => {
    const page = await openFixture(run.ext, PAGES.twoOrgs);
    const tabId = await tabIdOf(run.ext, page);
    const url = `chrome-extension://${run.ext.extensionId}/src/report/index.html?tab=${tabId}&source=popup`;
    // The message fails as it does when the worker throws or the extension was reloaded.
    const failing = (types: string[]) => {
      const original = chrome.runtime.sendMessage.bind(chrome.runtime) as (...a: unknown[]) => unknown;
      (chrome.runtime as { sendMessage: unknown }).sendMessage = (...args: unknown[]) => {
        if (types.includes((args[0] as { type?: string } | undefined)?.type ?? '')) return Promise.reject(new Error('no answer (test)'));
        return original(...args);
      };
    };
    let report = await run.ext.context.newPage();
    await report.addInitScript(failing, ['getReportDraft']);
    await report.goto(url);
    await expect.poll(() => report.getByTestId('report-load-error').textContent()).toMatch(/did not answer|没有响应|沒有回應/);
    await report.close();

    report = await run.ext.context.newPage();
    await report.addInitScript(failing, ['captureScreenshot']);
    await report.goto(url);
    await report.waitForSelector('[data-testid="report-json"]', { state: 'attached' });
    await report.click('[data-testid="screenshot"]');
    await report.getByTestId('screenshot-error').waitFor();
    expect(await report.locator('[data-testid="screenshot"]').isDisabled()).toBe(false);
    expect(await report.getByTestId('screenshot-error').innerText()).not.toContain('no answer (test)'); // the detail is collapsed…
    expect(await report.getByTestId('technical-detail').textContent()).toContain('no answer (test)'); // …here
    await report.close();
    await page.close();
  });
});

describe('the report history on the options page', () => {
  it('lists, views, exports and deletes reports; sets the endpoint', async () => {
    const options = await run.ext.context.newPage();
    await options.goto(`chrome-extension://${run.ext.extensionId}/src/options/index.html`);
    const items = options.locator('[data-testid="report-history"] > li');
    await expect.poll(() => items.count()).toBeGreaterThanOrEqual(4);
    const count = await items.count();
    expect(await options.locator('li[data-state="sent"]').count()).toBe(1);
    expect(await options.locator('li[data-state="rejected"] [data-testid="server-answer"]').textContent()).toContain('bad report');

    const first = items.first();
    await first.locator('button[data-action="view"]').click();
    expect(await first.locator('[data-testid="history-json"]').textContent()).toContain('"format": "orgcheck-report/1"');

    const [file] = await Promise.all([options.waitForEvent('download'), options.click('button[data-action="export-all"]')]);
    const all = JSON.parse(await readFile(await file.path(), 'utf8')) as Array<{ id: string; delivery: unknown }>;
    expect(all).toHaveLength(count);
    expect(all.every((r) => UUID.test(r.id))).toBe(true);

    const id = await first.getAttribute('data-report-id');
    await first.locator('button[data-action="delete"]').click();
    await expect.poll(() => items.count()).toBe(count - 1);
    expect(await options.locator(`li[data-report-id="${id}"]`).count()).toBe(0);

    // The endpoint: only https or http://127.0.0.1.
    await options.fill('#report-endpoint', 'http://example.com/reports');
    await options.click('button[data-action="save-endpoint"]');
    await options.locator('[data-testid="report-endpoint-section"] form [role="alert"]').waitFor();
    await options.fill('#report-endpoint', `${run.server.origin}/collect/ok`);
    await options.click('button[data-action="save-endpoint"]');
    await expect
      .poll(() => currentWorker(run.ext).evaluate(async () => ((await chrome.storage.local.get('reportSettings')).reportSettings as { endpoint?: string } | undefined)?.endpoint))
      .toBe(`${run.server.origin}/collect/ok`);
    await options.close();
  });
});

describe('reports kept by an older version', () => {
  it('are moved from storage.local into IndexedDB (storage schema 1 → 2) and listed', async () => {
    const id = '0b7e3a52-5c1f-4d7e-9a3b-2f4c6d8e0a1b';
    const now = Date.now();
    const record = {
      report: {
        format: 'orgcheck-report/1', id, createdAt: new Date(now - 86_400_000).toISOString(), url: 'https://example.org/old', title: 'old',
        organizations: [], excerpts: [], selection: null, note: 'kept by version 1', screenshot: null,
      },
      savedAt: now - 86_400_000,
      actions: [{ kind: 'copy-zh', at: now - 86_400_000 }],
      delivery: null,
    };
    await currentWorker(run.ext).evaluate(
      async ({ id, record }) => chrome.storage.local.set({ schemaVersion: 1, reportIndex: [id], reportOutbox: [], [`report:${id}`]: record }),
      { id, record },
    );
    // A page that reads reports migrates first (as the worker does when it starts after an update).
    const options = await run.ext.context.newPage();
    await options.goto(`chrome-extension://${run.ext.extensionId}/src/options/index.html`);
    await options.locator(`li[data-report-id="${id}"]`).waitFor();
    const local = await currentWorker(run.ext).evaluate(async () => chrome.storage.local.get(null));
    expect(Object.keys(local).filter((k) => k.startsWith('report:') || k === 'reportIndex' || k === 'reportOutbox')).toEqual([]);
    expect(local.schemaVersion).toBe(2);
    const moved = await storedReports(run.ext, [`report:${id}`, 'reportIndex']);
    expect(moved[`report:${id}`]).toEqual(record);
    expect(moved.reportIndex).toContain(id);
    await options.locator(`li[data-report-id="${id}"] button[data-action="delete"]`).click();
    await expect.poll(() => options.locator(`li[data-report-id="${id}"]`).count()).toBe(0);
    await options.close();
  });
});

// After the history test, which counts the reports the tests before it sent.
describe('an endpoint the user no longer has set', () => {
  const posts = (scenario: string) => received.filter((x) => x.scenario === scenario).length;

  /** A report sent to `scenario` (always 503, retried every few hundred ms), once it has been tried twice. */
  async function queuedFor(scenario: string): Promise<{ page: Page; report: Page; id: string; shown: string }> {
    await setReportSettings(run.ext, `${run.server.origin}/collect/${scenario}`, 300);
    const page = await openFixture(run.ext, PAGES.twoOrgs);
    const report = await openReportViaMenu(run.ext, page);
    const shown = (await report.locator('[data-testid="report-json"]').textContent())!;
    await report.click('button[data-action="send"]');
    await expect.poll(() => posts(scenario)).toBeGreaterThanOrEqual(2);
    return { page, report, id: (JSON.parse(shown) as { id: string }).id, shown };
  }

  /** Nothing more reaches `scenario` over several retry periods (after a margin for a POST already under way). */
  async function expectNoMorePosts(page: Page, scenario: string): Promise<void> {
    await page.waitForTimeout(500);
    const count = posts(scenario);
    await page.waitForTimeout(4000); // retries every 0.3–2.4 s until now: several would have come
    expect(posts(scenario)).toBe(count);
  }

  it('gets nothing more once the endpoint is changed, however it was changed', async () => {
    const { page, report } = await queuedFor('olda');
    // As a settings import, or any other window, changes it: in storage.
    await setReportSettings(run.ext, `${run.server.origin}/collect/newa`, 300);
    await expectNoMorePosts(report, 'olda');
    // Not sent to the new one either: the user did not ask for that. The page says why.
    expect(posts('newa')).toBe(0);
    await expect.poll(() => deliveryState(report)).toBe('stopped');
    expect(await report.locator('.delivery').getAttribute('data-reason')).toBe('endpoint-changed');
    expect(await report.locator('.delivery').textContent()).toContain(`you changed the report endpoint`);
    await report.close();
    await page.close();
  });

  it('options page: changing it asks first; "send them to the new one" sends there once, and nothing more to the old', async () => {
    const { page, report, id, shown } = await queuedFor('oldb');
    const options = await run.ext.context.newPage();
    await options.goto(`chrome-extension://${run.ext.extensionId}/src/options/index.html`);
    await options.locator(`li[data-report-id="${id}"][data-state]`).waitFor();
    await options.fill('#report-endpoint', `${run.server.origin}/collect/newb`);
    await options.click('button[data-action="save-endpoint"]');
    const question = options.getByTestId('queued-question');
    await expect.poll(() => question.textContent()).toContain('1 report(s) are still waiting to be sent to 127.0.0.1');
    // Nothing saved before the answer.
    const endpointNow = () =>
      currentWorker(run.ext).evaluate(async () => ((await chrome.storage.local.get('reportSettings')).reportSettings as { endpoint: string | null }).endpoint);
    expect(await endpointNow()).toBe(`${run.server.origin}/collect/oldb`);
    await question.locator('button[data-action="queued-send-to-new"]').click();
    await expect.poll(endpointNow).toBe(`${run.server.origin}/collect/newb`);
    await expect.poll(() => posts('newb')).toBe(1);
    expect(received.find((x) => x.scenario === 'newb')!.body).toBe(shown);
    await expectNoMorePosts(options, 'oldb');
    expect(posts('newb')).toBe(1);
    await expect.poll(() => options.locator(`li[data-report-id="${id}"]`).getAttribute('data-state')).toBe('sent');
    await options.close();
    await report.close();
    await page.close();
  });

  it('a settings import that sets another endpoint says so first, and then keeps the queued report unsent, sent nowhere', async () => {
    const { page, report, id } = await queuedFor('oldd');
    const options = await run.ext.context.newPage();
    await options.goto(`chrome-extension://${run.ext.extensionId}/src/options/index.html`);
    await options.locator(`li[data-report-id="${id}"][data-state]`).waitFor();
    const chooser = options.waitForEvent('filechooser');
    await options.getByRole('button', { name: 'Import settings…' }).click();
    const settings = { reportEndpoint: `${run.server.origin}/collect/newc` };
    await (await chooser).setFiles({ name: 's.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'orgcheck-settings', version: 1, settings })) });
    const preview = options.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.locator('li').allTextContents()).toEqual([
      `Check this: Reports you choose to send will go to ${run.server.origin}/collect/newc (now: ${run.server.origin}/collect/oldd).`,
      `1 report(s) waiting to be sent to ${new URL(run.server.origin).host} will not be sent; they stay in your report history.`,
    ]);
    await preview.getByRole('button', { name: 'Apply these changes' }).click();
    const item = options.locator(`li[data-report-id="${id}"]`);
    await expect.poll(() => item.getAttribute('data-state')).toBe('stopped');
    expect(await item.locator('.delivery').getAttribute('data-reason')).toBe('endpoint-changed');
    await expectNoMorePosts(options, 'oldd');
    expect(posts('newc')).toBe(0);
    await options.close();
    await report.close();
    await page.close();
  });

  it('options page: removing it asks first; "keep them unsent" keeps the report in the history, sent nowhere; "delete" deletes', async () => {
    const { page, report, id } = await queuedFor('oldc');
    const options = await run.ext.context.newPage();
    await options.goto(`chrome-extension://${run.ext.extensionId}/src/options/index.html`);
    await options.locator(`li[data-report-id="${id}"][data-state]`).waitFor();
    // Cancel: nothing changes, the question goes.
    await options.click('button[data-action="remove-endpoint"]');
    await options.getByTestId('queued-question').locator('button[data-action="queued-cancel"]').click();
    expect(await options.getByTestId('queued-question').count()).toBe(0);
    expect(await options.locator('#report-endpoint').inputValue()).toBe(`${run.server.origin}/collect/oldc`);
    // Removal offers no "send to the new one".
    await options.click('button[data-action="remove-endpoint"]');
    const question = options.getByTestId('queued-question');
    expect(await question.locator('button[data-action="queued-send-to-new"]').count()).toBe(0);
    await question.locator('button[data-action="queued-keep"]').click();
    const item = options.locator(`li[data-report-id="${id}"]`);
    await expect.poll(() => item.getAttribute('data-state')).toBe('stopped');
    expect(await item.locator('.delivery').getAttribute('data-reason')).toBe('endpoint-removed');
    expect(await item.locator('.delivery').textContent()).toContain('you removed the report endpoint');
    await expectNoMorePosts(options, 'oldc');
    await report.close();

    // Another report queued, then the endpoint changed with "delete": gone from the history.
    const second = await queuedFor('oldc');
    await options.reload();
    await options.locator(`li[data-report-id="${second.id}"][data-state="queued"]`).waitFor();
    await options.fill('#report-endpoint', `${run.server.origin}/collect/newa`);
    await options.click('button[data-action="save-endpoint"]');
    await options.getByTestId('queued-question').locator('button[data-action="queued-delete"]').click();
    await expect.poll(() => options.locator(`li[data-report-id="${second.id}"]`).count()).toBe(0);
    expect(await storedReports(run.ext, [`report:${second.id}`])).toEqual({});
    await expectNoMorePosts(options, 'oldc');
    expect(posts('newa')).toBe(0);
    // The first, kept unsent, is still there.
    expect(await item.getAttribute('data-state')).toBe('stopped');
    await second.report.close();
    await second.page.close();
    await options.close();
    await page.close();
  });
});

describe('retries end', () => {
  it('3 days after Send: a report past them is not sent (even when due and the endpoint would take it); the history says so', async () => {
    const id = '5d2f7c1e-8a4b-4c3d-9e2f-1a6b7c8d9e0f';
    const now = Date.now();
    const endpoint = `${run.server.origin}/collect/late`;
    const record = {
      report: {
        format: 'orgcheck-report/1', id, createdAt: new Date(now - 4 * 86_400_000).toISOString(), url: 'https://example.org/late', title: 'late',
        organizations: [], excerpts: [], selection: null, note: null, screenshot: null,
      },
      savedAt: now - 4 * 86_400_000,
      actions: [{ kind: 'send', at: now - 3 * 86_400_000 - 60_000 }],
      // Queued 3 days and a minute ago, tried 9 times, due now (as after a browser closed for days).
      delivery: {
        state: 'queued', endpoint, attempts: 9, queuedAt: now - 3 * 86_400_000 - 60_000, nextAt: now - 1000,
        lastError: { kind: 'network', status: null, detail: 'net::ERR_CONNECTION_REFUSED' },
      },
    };
    const lists = (await storedReports(run.ext, ['reportIndex', 'reportOutbox'])) as { reportIndex?: string[]; reportOutbox?: string[] };
    await putStoredReports(run.ext, { [`report:${id}`]: record, reportIndex: [id, ...(lists.reportIndex ?? [])], reportOutbox: [...(lists.reportOutbox ?? []), id] });
    // Wakes the outbox (as a browser start does): a change of the report settings drains it.
    await setReportSettings(run.ext, endpoint, 250);
    const options = await run.ext.context.newPage();
    await options.goto(`chrome-extension://${run.ext.extensionId}/src/options/index.html`);
    const item = options.locator(`li[data-report-id="${id}"]`);
    await expect.poll(() => item.getAttribute('data-state')).toBe('stopped');
    expect(await item.locator('.delivery').getAttribute('data-reason')).toBe('expired');
    expect(await item.locator('.delivery').textContent()).toMatch(/^Not sent: OrgCheck tried 9 time\(s\) and stopped .+ It keeps trying for at most 3 days after you press Send/);
    await options.waitForTimeout(1500);
    expect(received.filter((x) => x.scenario === 'late')).toHaveLength(0);
    // Try again: a new window, and it goes.
    await item.locator('button[data-action="retry"]').click();
    await expect.poll(() => item.getAttribute('data-state')).toBe('sent');
    expect(received.filter((x) => x.scenario === 'late')).toHaveLength(1);
    await options.close();
  });
});

describe('the outbox across a browser restart', () => {
  it('sends a report queued when the browser closed after it starts again', async () => {
    const userDataDir = await mkdtemp(join(tmpdir(), 'orgcheck-restart-'));
    try {
      let e = await launchExtensionWithActions({ dist: DIST, userDataDir });
      // A long backoff: nothing is retried before the browser closes.
      await setReportSettings(e, `${run.server.origin}/collect/restart`, 120_000);
      const page = await openFixture(e, PAGES.twoOrgs);
      const report = await openReportViaMenu(e, page);
      const shown = (await report.locator('[data-testid="report-json"]').textContent())!;
      await report.click('button[data-action="send"]');
      await expect.poll(() => report.locator('.delivery').getAttribute('data-attempts')).toBe('1');
      await expect.poll(() => deliveryState(report)).toBe('queued');
      await e.close();

      restartUp = true;
      e = await launchExtensionWithActions({ dist: DIST, userDataDir });
      try {
        await expect.poll(() => received.filter((x) => x.scenario === 'restart' && x.status === 200).length).toBe(1);
        const accepted = received.find((x) => x.scenario === 'restart' && x.status === 200)!;
        expect(accepted.body).toBe(shown);
        const options = await e.context.newPage();
        await options.goto(`chrome-extension://${e.extensionId}/src/options/index.html`);
        await expect.poll(() => options.locator('li[data-state="sent"]').count()).toBe(1);
      } finally {
        await e.close();
      }
    } finally {
      await rm(userDataDir, { recursive: true, force: true });
    }
  });
});
