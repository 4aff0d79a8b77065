/**
 * The banner never buries the page and says who is speaking (issue 14 items 3, 4, 5, 9): the
 * title with one organization, the compact notice folded to one line, the height caps, minimise
 * and restore, the bottom sheet on a phone, the help button, and the keyboard shortcut.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { badgeText, bannerHostName, clickInBanner, currentWorker, evaluateInContentScript, readBanner, tabIdOf, waitFor, waitScanned } from './harness';
import { bannerBox, bannerTitle } from './banner-box';
import { ENTRY, PAGES, ROBOT } from './fixtures';
import { useExtension } from './use-extension';

/** `run.other`: another site, for a frame inside the page. */
const run = useExtension({ otherSite: true });

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

async function open(path: string, viewport = DESKTOP): Promise<Page> {
  const page = await run.ext.context.newPage();
  await page.setViewportSize(viewport);
  await page.goto(run.url(path));
  await waitScanned(run.ext, page);
  await waitFor(async () => (await readBanner(page))?.role !== undefined, true);
  return page;
}

/** The banner's height once it has stopped changing (fonts, a re-render). */
async function settledBox(page: Page) {
  await page.waitForTimeout(200);
  const box = await bannerBox(page);
  if (!box) throw new Error('no banner');
  return box;
}

describe('what the banner says', () => {
  it('with one organization the title is its name, with what its listing means and what to do', async () => {
    const page = await open(PAGES.otherOrg);
    expect(await bannerTitle(page)).toBe('中国大型吊装企业联盟');
    const text = (await readBanner(page))!.text;
    // The kind's sentence (website shut down by the authorities, not an outage) and the advice.
    expect(text).toMatch(/not a technical outage|并非网站故障|並非網站故障/);
    expect(text).toMatch(/unified social credit code|统一社会信用代码|統一社會信用代碼/);
    await page.close();
  });

  it('with more, the title counts them', async () => {
    const page = await open(PAGES.twoOrgs);
    expect(await bannerTitle(page)).not.toMatch(/^中国/);
    expect(await bannerTitle(page)).toMatch(/2/);
    await page.close();
  });
});

describe('the compact notice (three or more organizations)', () => {
  for (const [name, viewport] of [['1280×800', DESKTOP], ['390×844', PHONE]] as const) {
    it(`is one line until opened, then at most 33 % of the window's height at ${name}`, async () => {
      const page = await open(PAGES.notice, viewport);
      await waitFor(async () => (await readBanner(page))?.entryIds.length ?? 0, 0);
      const folded = await settledBox(page);
      expect(folded.height).toBeLessThan(64);
      await clickInBanner(page, (a) => a['data-action'] === 'expand');
      await waitFor(async () => (await readBanner(page))?.entryIds.length ?? 0, 4);
      const opened = await settledBox(page);
      expect(opened.height).toBeGreaterThan(folded.height);
      expect(opened.height).toBeLessThanOrEqual(viewport.height * 0.33 + 1);
      // Each organization's actions are in its menu.
      expect((await readBanner(page))!.text).not.toMatch(/Show on page|在页面中显示|在頁面中顯示/);
      await clickInBanner(page, (a) => a['data-action'] === 'org-menu' && (a['aria-label'] ?? '').includes('中国机器人教育联盟'));
      await waitFor(async () => /Show on page|在页面中显示|在頁面中顯示/.test((await readBanner(page))!.text), true);
      await clickInBanner(page, (a) => a['data-action'] === 'details');
      await waitFor(async () => (await settledBox(page)).height <= viewport.height * 0.33 + 1, true);
      await page.close();
    });
  }
});

describe('on a phone (390×844)', () => {
  it('the banner is a bottom sheet across the window', async () => {
    const page = await open(PAGES.twoOrgs, PHONE);
    const box = await settledBox(page);
    expect(box.x).toBeLessThanOrEqual(0.5);
    expect(box.width).toBeGreaterThanOrEqual(PHONE.width - 1);
    expect(Math.abs(box.y + box.height - PHONE.height)).toBeLessThanOrEqual(1);
    await page.close();
  });

  it('the alert takes at most 40 % of the height', async () => {
    const page = await open(PAGES.titleOnly, PHONE);
    expect((await readBanner(page))!.role).toBe('alert');
    const box = await settledBox(page);
    expect(box.height).toBeLessThanOrEqual(PHONE.height * 0.4 + 1);
    await page.close();
  });
});

describe('minimise', () => {
  it('shrinks the banner to a pill and restores it; for this page view only', async () => {
    const page = await open(PAGES.twoOrgs);
    await clickInBanner(page, (a) => a['data-action'] === 'minimise');
    await waitFor(async () => (await readBanner(page))?.role ?? 'gone', 'gone');
    const pill = (await bannerBox(page, 'button'))!;
    expect(pill.height).toBeLessThan(48);
    expect(pill.width).toBeLessThan(200);
    await clickInBanner(page, (a) => a['data-action'] === 'restore');
    await waitFor(async () => (await readBanner(page))?.entryIds.sort(), [ENTRY.discipline, ROBOT].sort());
    await clickInBanner(page, (a) => a['data-action'] === 'minimise');
    await waitFor(async () => (await readBanner(page))?.role ?? 'gone', 'gone');
    await page.reload();
    await waitScanned(run.ext, page);
    await waitFor(async () => (await readBanner(page))?.role, 'status');
    await page.close();
  });
});

describe('who is speaking', () => {
  it("names OrgCheck, and its help button opens OrgCheck's help page", async () => {
    const page = await open(PAGES.twoOrgs);
    expect((await readBanner(page))!.text).toMatch(/OrgCheck|社团核验|社團核驗/);
    const helpUrl = `chrome-extension://${run.ext.extensionId}/src/help/index.html`;
    const helpTabs = () => currentWorker(run.ext).evaluate(async (url) => (await chrome.tabs.query({ url })).length, helpUrl);
    expect(await helpTabs()).toBe(0);
    await clickInBanner(page, (a) => a['data-action'] === 'help');
    await waitFor(helpTabs, 1);
    await currentWorker(run.ext).evaluate(async (url) => chrome.tabs.remove((await chrome.tabs.query({ url })).map((t) => t.id!)), helpUrl);
    await page.close();
  });
});

describe('the help page, asked for by a hostile page', () => {
  it('opens for the top frame only, once in a while however often it asks', async () => {
    const helpUrl = `chrome-extension://${run.ext.extensionId}/src/help/index.html`;
    const helpTabs = () => currentWorker(run.ext).evaluate(async (url) => (await chrome.tabs.query({ url })).length, helpUrl);
    const child = run.url(PAGES.frameChild, run.other);
    const page = await run.ext.context.newPage();
    await page.goto(`${run.url(PAGES.hostileParent)}?frame=${encodeURIComponent(child)}`);
    await waitFor(() => badgeText(run.ext, page), '2');
    // What a compromised renderer can send: the content script's own message, from any frame.
    const ask = (frame: string) =>
      evaluateInContentScript(page, frame, `chrome.runtime.sendMessage({ type: 'openHelp', payload: {} }).catch(() => null)`);
    for (let i = 0; i < 5; i++) await ask(child);
    await page.waitForTimeout(1000);
    expect(await helpTabs()).toBe(0);
    for (let i = 0; i < 5; i++) await ask('');
    await waitFor(helpTabs, 1);
    await page.waitForTimeout(1000);
    expect(await helpTabs()).toBe(1);
    await currentWorker(run.ext).evaluate(async (url) => chrome.tabs.remove((await chrome.tabs.query({ url })).map((t) => t.id!)), helpUrl);
    await page.close();
  });
});

describe('the keyboard shortcut', () => {
  it('is registered, and its handler moves focus into the banner (restoring a minimised one)', async () => {
    const commands = await currentWorker(run.ext).evaluate(() => chrome.commands.getAll());
    expect(commands.map((c) => c.name)).toContain('focus-banner');
    const page = await open(PAGES.twoOrgs);
    await clickInBanner(page, (a) => a['data-action'] === 'minimise');
    await waitFor(async () => (await readBanner(page))?.role ?? 'gone', 'gone');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const tabId = await tabIdOf(run.ext, page);
    const focused = await currentWorker(run.ext).evaluate(async (id) => {
      const hooks = (globalThis as unknown as { orgcheckHooks: { commandReceived(c: string, t: unknown): Promise<boolean> } }).orgcheckHooks;
      return hooks.commandReceived('focus-banner', await chrome.tabs.get(id));
    }, tabId);
    expect(focused).toBe(true);
    await waitFor(async () => (await readBanner(page))?.role, 'status');
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe(await bannerHostName(page));
    await page.close();
  });
});
