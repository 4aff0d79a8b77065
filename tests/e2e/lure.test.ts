/**
 * Issue 11 item 1: a page can't silence the warning. A lure page covers the banner with a
 * top-layer popover that lets clicks through (pointer-events: none), so the user's real clicks
 * land on banner controls they can't see; none of them may outlast the page view. Choices made on
 * a visible banner still work, through the confirmation page. And a page that hides the banner
 * without any click (covering it, removing it twice) gets "!" on the badge and a line in the popup.
 * Clicks are trusted CDP mouse events at the control's coordinates (clickInBanner).
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  badgeText, clickInBanner, currentWorker, openPopupFor, readBanner, tabIdOf, waitFor, waitForExtensionPage, waitScanned, resetControls } from './harness';
import { DISCIPLINE, PAGES, ROBOT } from './fixtures';
import { useExtension } from './use-extension';

const run = useExtension();

beforeEach(() => resetControls(run.ext));

async function open(url: string): Promise<Page> {
  const page = await run.ext.context.newPage();
  await page.goto(url);
  await waitScanned(run.ext, page);
  return page;
}

const bannerIds = async (page: Page) => (await readBanner(page))?.entryIds.sort() ?? null;
const confirmPages = () => run.ext.context.pages().filter((p) => p.url().includes('/src/confirm/'));
const controls = () =>
  currentWorker(run.ext).evaluate(async () => ({
    ...(await chrome.storage.local.get(['allowlist', 'suppressed', 'snoozeUntil'])),
    ...(await chrome.storage.session.get(['dismissed', 'pendingChoices'])),
  }));
const NO_CONTROLS = { allowlist: [], suppressed: {}, snoozeUntil: null, dismissed: {}, pendingChoices: {} };

describe('lured clicks', () => {
  it('land on every banner control under a lure and silence nothing: after a reload the warning stands', async () => {
    const page = await open(run.url(PAGES.lure));
    await waitFor(() => bannerIds(page), [ROBOT]);
    await waitFor(() => page.evaluate(() => (window as unknown as { lureShown: boolean }).lureShown), true);
    // The user reads "点击任意位置继续" and clicks where the banner is (under the lure).
    await page.waitForTimeout(400);
    const lured = (match: Parameters<typeof clickInBanner>[1]) => clickInBanner(page, match, { settle: false });
    await lured((a) => a['data-action'] === 'more'); // opens the menu (changes nothing)
    await waitFor(async () => (await readBanner(page))?.text.includes('127.0.0.1') ?? false, true);
    await lured((a) => a['data-action'] === 'not-this');
    await lured((a) => a['data-action'] === 'allow-site');
    await lured((a) => a['data-action'] === 'snooze-hour');
    await lured((a) => a['data-action'] === 'snooze-day');
    await page.waitForTimeout(500);
    // None acted: the banner stays, no confirmation page opened, nothing was stored.
    expect(await bannerIds(page)).toEqual([ROBOT]);
    expect(confirmPages()).toEqual([]);
    expect(await controls()).toEqual(NO_CONTROLS);
    // Close closes the banner for this page view only.
    await lured((a) => a['data-action'] === 'close');
    await waitFor(() => readBanner(page), null);
    await page.waitForTimeout(300);
    expect(await controls()).toEqual(NO_CONTROLS);
    expect(confirmPages()).toEqual([]);

    await page.reload();
    await waitScanned(run.ext, page);
    await waitFor(() => bannerIds(page), [ROBOT]);
    expect(await badgeText(run.ext, page)).toMatch(/^1!?$/);
    await page.close();
  });
});

describe('clicks on a visible banner', () => {
  it('Close closes it for the session on that site', async () => {
    const page = await open(run.url(PAGES.twoOrgs));
    await waitFor(() => bannerIds(page), [DISCIPLINE, ROBOT]);
    await clickInBanner(page, (a) => a['data-action'] === 'close');
    await waitFor(() => readBanner(page), null);
    await page.reload();
    await waitScanned(run.ext, page);
    await page.waitForTimeout(500);
    expect(await readBanner(page)).toBeNull();
    expect(await badgeText(run.ext, page)).toBe('2');
    // The popup shows it closed, and opens it again.
    const popup = await openPopupFor(run.ext, await tabIdOf(run.ext, page));
    await popup.getByTestId('dismissed').getByRole('button').click();
    await waitFor(() => bannerIds(page), [DISCIPLINE, ROBOT]);
    await popup.close();
    await page.close();
  });

  it('"not this organization" asks on the confirmation page; Confirm applies it, the popup lists and undoes it', async () => {
    const page = await open(run.url(PAGES.twoOrgs));
    await waitFor(() => bannerIds(page), [DISCIPLINE, ROBOT]);
    const opened = waitForExtensionPage(run.ext, 'src/confirm/index.html');
    // "Not this organization" sits under "More options" (issue 14 item 9).
    await clickInBanner(page, (a) => a['data-action'] === 'more');
    await clickInBanner(page, (a) => a['data-action'] === 'not-this' && (a['aria-label'] ?? '').includes('中国机器人教育联盟'), { settle: false });
    const confirm = await opened;
    expect(confirm.url()).toContain(`tab=${await tabIdOf(run.ext, page)}`);
    // The banner hides meanwhile; nothing applies before Confirm.
    await waitFor(() => readBanner(page), null);
    await expect.poll(() => confirm.getByTestId('confirm-question').textContent()).toContain('中国机器人教育联盟');
    expect((await controls()).suppressed).toEqual({});
    await confirm.locator('[data-action="confirm"]').click();
    await waitFor(() => bannerIds(page), [DISCIPLINE]);
    await waitFor(() => badgeText(run.ext, page), '1');
    expect((await controls()).suppressed).toEqual({ [new URL(run.server.origin).host]: [ROBOT] });
    await waitFor(async () => confirmPages().length, 0);
    const popup = await openPopupFor(run.ext, await tabIdOf(run.ext, page));
    await expect.poll(() => popup.getByTestId('suppressed').textContent()).toContain('中国机器人教育联盟');
    await popup.getByTestId('suppressed').getByRole('button').click();
    await waitFor(() => badgeText(run.ext, page), '2');
    await waitFor(() => bannerIds(page), [DISCIPLINE, ROBOT]);
    await popup.close();
    await page.close();
  });

  it('"don\'t warn on this site": Cancel applies nothing and brings the banner back', async () => {
    const page = await open(run.url(PAGES.twoOrgs));
    await waitFor(() => bannerIds(page), [DISCIPLINE, ROBOT]);
    await clickInBanner(page, (a) => a['data-action'] === 'more');
    const opened = waitForExtensionPage(run.ext, 'src/confirm/index.html');
    await clickInBanner(page, (a) => a['data-action'] === 'allow-site');
    const confirm = await opened;
    await expect.poll(() => confirm.getByTestId('confirm-question').textContent()).toContain(new URL(run.server.origin).host);
    await confirm.locator('[data-action="cancel"]').click();
    await waitFor(() => bannerIds(page), [DISCIPLINE, ROBOT]);
    expect(await controls()).toEqual(NO_CONTROLS);
    await page.close();
  });

  it('a snooze asks first, Confirm starts it; "Report a false warning" opens the report of that tab', async () => {
    const page = await open(run.url(PAGES.twoOrgs));
    await waitFor(() => bannerIds(page), [DISCIPLINE, ROBOT]);
    await clickInBanner(page, (a) => a['data-action'] === 'more');
    const opened = waitForExtensionPage(run.ext, 'src/confirm/index.html');
    await clickInBanner(page, (a) => a['data-action'] === 'snooze-hour');
    const confirm = await opened;
    const report = waitForExtensionPage(run.ext, 'src/report/index.html');
    await confirm.locator('[data-action="report"]').click();
    expect((await report).url()).toContain(`tab=${await tabIdOf(run.ext, page)}`);
    await (await report).close();
    expect((await controls()).snoozeUntil).toBeNull();
    await confirm.locator('[data-action="confirm"]').click();
    await waitFor(async () => ((await controls()).snoozeUntil as number | null) !== null, true);
    await page.waitForTimeout(300);
    expect(await readBanner(page)).toBeNull();
    expect(await badgeText(run.ext, page)).toBe('2');
    await page.close();
  });

  it('closing the confirmation page cancels', async () => {
    const page = await open(run.url(PAGES.twoOrgs));
    await waitFor(() => bannerIds(page), [DISCIPLINE, ROBOT]);
    const opened = waitForExtensionPage(run.ext, 'src/confirm/index.html');
    // "Not this organization" sits under "More options" (issue 14 item 9).
    await clickInBanner(page, (a) => a['data-action'] === 'more');
    await clickInBanner(page, (a) => a['data-action'] === 'not-this' && (a['aria-label'] ?? '').includes('中国机器人教育联盟'), { settle: false });
    await (await opened).close();
    await waitFor(() => bannerIds(page), [DISCIPLINE, ROBOT]);
    expect(await controls()).toEqual(NO_CONTROLS);
    await page.close();
  });
});

/**
 * Sends a message as the top frame's content script would (CDP, in the extension's isolated world
 * of the top frame): what a compromised renderer can forge.
 */
async function sendAsContentScript(page: Page, message: unknown): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: Array<{ id: number; origin: string; auxData?: { type?: string; frameId?: string } }> = [];
    cdp.on('Runtime.executionContextCreated', (event) => contexts.push(event.context as (typeof contexts)[number]));
    await cdp.send('Runtime.enable');
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const context = contexts.find((c) => c.auxData?.type === 'isolated' && c.auxData.frameId === frameTree.frame.id && c.origin.startsWith('chrome-extension://'));
    if (!context) throw new Error('no content-script world in the top frame');
    const { result } = (await cdp.send('Runtime.evaluate', {
      expression: `chrome.runtime.sendMessage(${JSON.stringify(message)})`,
      contextId: context.id,
      awaitPromise: true,
      returnByValue: true,
    })) as { result: { value: unknown } };
    return result.value;
  } finally {
    await cdp.detach();
  }
}

describe('requests a page forges', () => {
  it('open one confirmation page per tab, refuse another site, and apply nothing by themselves', async () => {
    const page = await open(run.url(PAGES.twoOrgs));
    await waitFor(() => bannerIds(page), [DISCIPLINE, ROBOT]);
    const site = new URL(run.server.origin).host;
    const refused = await sendAsContentScript(page, { type: 'requestChoice', payload: { control: { action: 'allowSite', site: 'example.org', on: true } } });
    expect(refused).toBe(false);
    // The old way, applying a choice straight from the banner, is refused too.
    await sendAsContentScript(page, { type: 'warningControl', payload: { control: { action: 'allowSite', site, on: true } } });
    expect(await controls()).toEqual(NO_CONTROLS);

    const opened = waitForExtensionPage(run.ext, 'src/confirm/index.html');
    expect(await sendAsContentScript(page, { type: 'requestChoice', payload: { control: { action: 'snooze', duration: 'day' } } })).toBe(true);
    const confirm = await opened;
    await expect.poll(() => confirm.getByTestId('confirm-question').textContent()).toContain('1 day');
    await page.waitForTimeout(1_200);
    expect(await sendAsContentScript(page, { type: 'requestChoice', payload: { control: { action: 'allowSite', site, on: true } } })).toBe(true);
    // The same page now asks about the new choice; no second one opened.
    await expect.poll(() => confirm.getByTestId('confirm-question').textContent()).toContain(site);
    await page.waitForTimeout(500);
    expect(confirmPages()).toHaveLength(1);
    expect(await controls()).toMatchObject({ allowlist: [], snoozeUntil: null });
    await confirm.locator('[data-action="cancel"]').click();
    await waitFor(async () => confirmPages().length, 0);
    expect(await controls()).toEqual(NO_CONTROLS);
    await page.close();
  });
});

describe('a page that asks again while the confirmation page shows its first choice', () => {
  it('Confirm applies only the choice it showed: the new one is shown, said to be asked again, and Confirm waits', async () => {
    const page = await open(run.url(PAGES.twoOrgs));
    await waitFor(() => bannerIds(page), [DISCIPLINE, ROBOT]);
    const site = new URL(run.server.origin).host;
    const opened = waitForExtensionPage(run.ext, 'src/confirm/index.html');
    expect(await sendAsContentScript(page, { type: 'requestChoice', payload: { control: { action: 'snooze', duration: 'day' } } })).toBe(true);
    const confirm = await opened;
    await expect.poll(() => confirm.getByTestId('confirm-question').textContent()).toContain('1 day');
    expect(await confirm.getByTestId('confirm-asked-again').count()).toBe(0);
    // What the page was issued with the choice it shows (the snooze): Confirm sends it back.
    const shown = await confirm.evaluate(async (tabId) => {
      const view = (await chrome.runtime.sendMessage({ type: 'getPendingChoice', payload: { tabId } })) as { nonce?: string };
      return view.nonce ?? '';
    }, await tabIdOf(run.ext, page));

    // The page swaps the choice: the confirmation page shows the new one, says the page asked
    // again, and keeps Confirm off for a while.
    await page.waitForTimeout(1_200);
    expect(await sendAsContentScript(page, { type: 'requestChoice', payload: { control: { action: 'allowSite', site, on: true } } })).toBe(true);
    await expect.poll(() => confirm.getByTestId('confirm-question').textContent()).toContain(site);
    await expect.poll(() => confirm.getByTestId('confirm-asked-again').count()).toBe(1);
    expect(await confirm.locator('[data-action="confirm"]').isDisabled()).toBe(true);
    expect(await confirm.getByTestId('confirm-asked-again').textContent()).toContain('asked again');
    // A Confirm for the choice shown before (its nonce) applies nothing: neither the old choice nor the new.
    const settled = await confirm.evaluate(
      ({ tabId, nonce }) => chrome.runtime.sendMessage({ type: 'settleChoice', payload: { tabId, confirm: true, nonce } }),
      { tabId: await tabIdOf(run.ext, page), nonce: shown },
    );
    expect(settled).toEqual({ ok: false });
    await page.waitForTimeout(300);
    expect(await controls()).toMatchObject({ allowlist: [], snoozeUntil: null });
    expect(confirmPages()).toHaveLength(1);
    await expect.poll(() => confirm.locator('[data-action="confirm"]').isEnabled()).toBe(true);
    await confirm.locator('[data-action="confirm"]').click();
    await waitFor(async () => ((await controls()).allowlist as string[]).includes(site), true);
    expect((await controls()).snoozeUntil).toBeNull();
    await page.close();
  });
});

describe('a page that hides the banner without a click', () => {
  async function popupLeadsWithHiddenLine(page: Page) {
    const popup = await openPopupFor(run.ext, await tabIdOf(run.ext, page));
    await expect.poll(() => popup.getByTestId('page-hid-banner').count()).toBe(1);
    // It leads: the first thing after the title.
    expect(await popup.locator('main > h1 + [data-testid="page-hid-banner"]').textContent()).toContain("This page hid OrgCheck's warning");
    await popup.close();
  }

  it('covering it for more than 2 s: the badge shows "!" and the popup says so (a banner left visible: no alarm)', async () => {
    const shown = await open(run.url(PAGES.twoOrgs));
    await waitFor(() => bannerIds(shown), [DISCIPLINE, ROBOT]);
    await shown.waitForTimeout(3_000);
    expect(await badgeText(run.ext, shown)).toBe('2');
    const calm = await openPopupFor(run.ext, await tabIdOf(run.ext, shown));
    await expect.poll(() => calm.getByTestId('tab-findings').count()).toBe(1);
    expect(await calm.getByTestId('page-hid-banner').count()).toBe(0);
    await calm.close();
    await shown.close();

    const page = await open(`${run.url(PAGES.lure)}?delay=0`);
    await waitFor(() => badgeText(run.ext, page), '1');
    await waitFor(() => badgeText(run.ext, page), '1!');
    await popupLeadsWithHiddenLine(page);
    // A new page view starts over.
    await page.goto(run.url(PAGES.exactStandalone));
    await waitScanned(run.ext, page);
    await waitFor(async () => (await badgeText(run.ext, page)).endsWith('!'), false);
    await page.close();
  });

  it('removing it twice: the badge shows "!" and the popup says so', async () => {
    const page = await open(run.url(PAGES.removesBanner));
    await waitFor(() => badgeText(run.ext, page), '1!');
    await popupLeadsWithHiddenLine(page);
    await page.close();
  });

});
