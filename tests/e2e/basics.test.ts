/**
 * The basics, end to end: a page naming two listed organizations gets the badge and the banner
 * (in a closed shadow root), a page naming none gets neither, and navigation clears them; the
 * banner closes; the popup finds an organization from part of its name and shows a tab's
 * findings; a tab's findings outlive the service worker's stop; a compiled list stored by
 * another version is rebuilt. (This file began as the project's first, skeleton, test.)
 */
import { describe, expect, it } from 'vitest';
import { badgeText, bannerHostName, clickInBanner, openPopupFor, stopServiceWorker, tabIdOf, readBanner, saveScreenshot, TIMEOUT, waitFor } from './harness';
import { DISCIPLINE, PAGES, ROBOT } from './fixtures';
import { useExtension } from './use-extension';

const run = useExtension();

describe('the built extension in Chromium', () => {
  it('counts two listed organizations on the badge and names both in the banner', async () => {
    const page = await run.ext.context.newPage();
    await page.goto(run.url(PAGES.twoOrgs));
    await waitFor(() => badgeText(run.ext, page), '2');
    const banner = await waitFor(async () => (await readBanner(page))?.entryIds.sort() ?? [], [
      DISCIPLINE,
      ROBOT,
    ]);
    expect(banner).toHaveLength(2);
    const snapshot = (await readBanner(page))!;
    expect(snapshot.shadowMode).toBe('closed');
    expect(snapshot.text).toContain('中国机器人教育联盟');
    expect(snapshot.text).toContain('中国正面管教协会');
    expect(snapshot.text).toContain('Website shut down');
    // Why it is listed (the list's title, who published it, when) opens on request; never the list's id.
    await clickInBanner(page, (a) => a['data-action'] === 'details');
    await waitFor(async () => /2021 batch 3|2021年第三批/.test((await readBanner(page))!.text), true);
    expect((await readBanner(page))!.text).toMatch(/May 31, 2021|2021年5月31日/);
    expect((await readBanner(page))!.text).not.toContain('website-shutdown-2021-batch3');
    // The page cannot reach into the banner's closed root.
    const host = await bannerHostName(page);
    expect(host).not.toBeNull();
    expect(await page.evaluate((host) => document.querySelector(host)?.shadowRoot ?? null, host!)).toBeNull();
    await saveScreenshot(page, 'two-orgs');
    await page.close();
  });

  it('leaves the badge empty and shows no banner on a page naming none', async () => {
    const page = await run.ext.context.newPage();
    await page.goto(run.url(PAGES.none));
    // Give the scan time to finish: a report has reached the background when the tab state exists.
    await page.waitForTimeout(1500);
    expect(await badgeText(run.ext, page)).toBe('');
    expect(await readBanner(page)).toBeNull();
    await page.close();
  });

  it('follows navigation: the badge and banner clear on a page naming none', async () => {
    const page = await run.ext.context.newPage();
    await page.goto(run.url(PAGES.twoOrgs));
    await waitFor(() => badgeText(run.ext, page), '2');
    await page.goto(run.url(PAGES.none));
    await waitFor(() => badgeText(run.ext, page), '');
    expect(await readBanner(page)).toBeNull();
    await page.close();
  });

  it('closes the banner with its close button', async () => {
    const page = await run.ext.context.newPage();
    await page.goto(run.url(PAGES.twoOrgs));
    await waitFor(async () => (await readBanner(page)) !== null, true);
    await clickInBanner(page, (attrs) => attrs['data-action'] === 'close');
    await waitFor(async () => (await readBanner(page)) === null, true);
    // Closing hides the banner, not the finding: the badge still counts.
    expect(await badgeText(run.ext, page)).toBe('2');
    await page.close();
  });

  it('finds an organization in the popup from part of its name', async () => {
    const page = await run.ext.context.newPage();
    await page.goto(`chrome-extension://${run.ext.extensionId}/src/popup/index.html?q=${encodeURIComponent('机器人教育')}`);
    await expect.poll(() => page.locator('.results .entry .zh').allTextContents()).toContain('中国机器人教育联盟');
    // The search box has focus on open.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    // Chromium grants the content scripts' sites with the extension: no "cannot read pages" notice.
    expect(await page.getByTestId('host-access').count()).toBe(0);
    await page.fill('#q', '中國正面管教');
    await expect.poll(() => page.locator('.results .entry .zh').first().textContent()).toBe('中国正面管教协会');
    await page.close();
  });

  it('keeps every tab’s findings when Chrome stops the idle service worker', async () => {
    const page = await run.ext.context.newPage();
    await page.goto(run.url(PAGES.twoOrgs));
    await waitFor(() => badgeText(run.ext, page), '2');
    await stopServiceWorker(run.ext); // resolves when the worker has closed
    // Opening the popup wakes the worker, which finds the tab's findings in storage.session.
    const popup = await run.ext.context.newPage();
    const restarted = run.ext.context.serviceWorkers().length ? undefined : run.ext.context.waitForEvent('serviceworker', { timeout: TIMEOUT.wait });
    await popup.goto(`chrome-extension://${run.ext.extensionId}/src/popup/index.html`);
    await restarted;
    const tabId = await tabIdOf(run.ext, page);
    await popup.goto(`chrome-extension://${run.ext.extensionId}/src/popup/index.html?tab=${tabId}`);
    await expect.poll(() => popup.locator('[data-testid="tab-findings"] .zh').count()).toBe(2);
    // And keeps counting: a navigation after the restart updates the badge.
    await page.goto(run.url(PAGES.traditional));
    await waitFor(() => badgeText(run.ext, page), '1');
    await popup.close();
    await page.close();
  });

  it('rebuilds a compiled list that another version of the extension stored', async () => {
    const worker = () => run.ext.context.serviceWorkers().find((w) => w.url().includes(run.ext.extensionId))!;
    const readCompiled = () =>
      worker().evaluate(async () => (await chrome.storage.local.get('compiled')).compiled as { compiler: string; fold: string; matcher: { format: number } });
    const current = await readCompiled();
    // As after an update: a matcher format this code can't read, built by other code.
    await worker().evaluate(
      (stale) => chrome.storage.local.set({ compiled: stale }),
      { ...current, compiler: '1-older', fold: undefined, matcher: { format: 1, tables: {} } },
    );
    const page = await run.ext.context.newPage();
    await page.goto(run.url(PAGES.traditional));
    await waitFor(() => badgeText(run.ext, page), '1');
    const rebuilt = await readCompiled();
    expect(rebuilt.compiler).toBe(current.compiler);
    expect(rebuilt.matcher.format).toBe(3);
    expect(rebuilt.fold).toBe(current.fold);
    await page.close();
  });

  it('shows a tab’s findings in the popup opened with ?tab=', async () => {
    const page = await run.ext.context.newPage();
    await page.goto(run.url(PAGES.twoOrgs));
    await waitFor(() => badgeText(run.ext, page), '2');
    const popup = await openPopupFor(run.ext, await tabIdOf(run.ext, page));
    await expect.poll(() => popup.locator('[data-testid="tab-findings"] .zh').allTextContents()).toEqual(
      expect.arrayContaining(['中国机器人教育联盟', '中国正面管教协会']),
    );
    await popup.close();
    await page.close();
  });
});
