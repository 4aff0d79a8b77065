/**
 * The popup's manual lookup in Chromium (the popup page opened with ?q=, as the context menu
 * opens it, and typed into): part of a name, traditional script, a typo, English, an entry that
 * never warns with its note, no result, a lawful body of the partial registry copy; and "Check
 * '…' with OrgCheck" on selected text.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { clickContextMenu, currentWorker, waitForExtensionPage, waitScanned } from './harness';
import { DISCIPLINE, ENTRY, PAGES, ROBOT } from './fixtures';
import { useExtension } from './use-extension';

let popup: Page;

const run = useExtension({
  dist: process.env.ORGCHECK_DIST,
  async setup({ ext }) {
    popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html`);
  },
});

const cards = (page: Page) => page.locator('[data-testid="lookup-results"] > li.entry');
const firstId = (page: Page) => cards(page).first().getAttribute('data-entry-id', { timeout: 2000 }).catch(() => null);

async function type(query: string): Promise<void> {
  await popup.fill('input[type="search"]', '');
  // Typed key by key, as a person would (each keystroke runs a lookup).
  await popup.locator('input[type="search"]').pressSequentially(query);
}

describe('the lookup', () => {
  it('finds an organization from part of its name, exact and prefix hits first', async () => {
    await type('机器人教育');
    await expect.poll(() => firstId(popup)).toBe(ROBOT);
    await type('中国机器人教育联盟');
    await expect.poll(() => cards(popup).first().getAttribute('data-rank')).toBe('0');
    const card = cards(popup).first();
    // Its listings: kind, the list's title (never its id), who published it when, and source links.
    expect(await card.locator('.listings li').first().getAttribute('data-kind')).toBe('website-shutdown');
    expect(await card.locator('.listings').textContent()).toMatch(
      /Websites of illegal social organizations shut down, 2021 batch 3 — published by Ministry of Civil Affairs on May 31, 2021|2021年第三批关停的非法社会组织网站 — 民政部 公布于 2021年5月31日|2021年第三批關停的非法社會組織網站 — 民政部 公布於 2021年5月31日/,
    );
    expect(await card.locator('.listings').textContent()).not.toContain('website-shutdown-2021-batch3');
    const links = await card.locator('.listings a.source').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links).toContain('https://chinanpo.org.cn/ds/2304c39d2d.html');
  });

  it('folds traditional script', async () => {
    await type('中國正面管教協會');
    await expect.poll(() => firstId(popup)).toBe(DISCIPLINE);
    expect(await cards(popup).first().getAttribute('data-rank')).toBe('0');
  });

  it('tolerates one wrong character', async () => {
    await type('中国机器人教肓联盟');
    await expect.poll(() => firstId(popup)).toBe(ROBOT);
    expect(await cards(popup).first().getAttribute('data-rank')).toBe('3');
  });

  it('finds English names', async () => {
    await type('china robot education');
    await expect.poll(() => firstId(popup)).toBe(ROBOT);
    await expect.poll(() => cards(popup).first().locator('.en').first().textContent()).toBe('China Robot Education Alliance');
  });

  it('shows the registered look-alike where known', async () => {
    await type('全国音乐家协会');
    await expect.poll(() => firstId(popup)).toBe(ENTRY.withLookalike);
    expect(await cards(popup).first().locator('.lookalike').textContent()).toContain('中国音乐家协会');
  });

  it('finds an entry that never warns, with why in plain words and no research note', async () => {
    await type('中国城市轨道交通协会');
    await expect.poll(() => firstId(popup)).toBe(ENTRY.neverWarns);
    const card = cards(popup).first();
    expect(await card.getAttribute('data-warn')).toBe('false');
    // Why, in the UI language; the research note (English, for maintainers) nowhere.
    expect(await card.locator('.no-warn-reason').textContent()).toMatch(/Same name as a lawfully registered society|与一家合法登记的社会组织同名|與一家合法登記的社會組織同名/);
    expect(await card.textContent()).not.toContain('DO NOT BLOCK');
    expect(await card.textContent()).not.toContain('same name as a lawfully registered body');
  });

  it('says what no result means and links to the official registry search', async () => {
    await type('北京市海淀区某某科技有限公司');
    const empty = popup.locator('[data-testid="lookup-empty"]');
    await empty.waitFor();
    expect(await cards(popup).count()).toBe(0);
    expect(await empty.textContent()).toMatch(/partial|不完整/);
    const link = empty.locator('[data-testid="registry-link"]');
    expect(await link.getAttribute('href')).toMatch(/^https:\/\/chinanpo\.mca\.gov\.cn\//);
    expect(await link.getAttribute('target')).toBe('_blank');
  });

  it('says when a name is in the partial copy of the national registry, with its date and where to confirm', async () => {
    await type('中國美術家協會');
    const note = popup.locator('[data-testid="lawful-registry"]');
    await note.waitFor();
    expect(await note.textContent()).toMatch(/中国美术家协会|中國美術家協會|China Artists/);
    expect(await note.textContent()).toContain('2017–2018');
    expect(await note.locator('[data-testid="lawful-registry-link"]').getAttribute('href')).toMatch(/^https:\/\/chinanpo\.mca\.gov\.cn\//);
    // The listed counterfeit one character away is not in the copy: no note.
    await type('中国美术协会');
    await expect.poll(() => firstId(popup)).toBe(ENTRY.meishu);
    expect(await popup.locator('[data-testid="lawful-registry"]').count()).toBe(0);
  });
});

describe('the context menu on selected text', () => {
  it('has its items', async () => {
    // update() fails for an item that does not exist.
    const exist = await currentWorker(run.ext).evaluate(async () => {
      const ok = (id: string) => chrome.contextMenus.update(id, {}).then(() => true, () => false);
      return [await ok('orgcheck-lookup'), await ok('orgcheck-report'), await ok('no-such-item')];
    });
    expect(exist).toEqual([true, true, false]);
  });

  it('opens the lookup with the selection in a tab', async () => {
    const page = await run.ext.context.newPage();
    await page.goto(run.url(PAGES.traditional));
    await waitScanned(run.ext, page);
    const waiting = waitForExtensionPage(run.ext, 'src/popup/index.html?q=');
    await clickContextMenu(run.ext, page, { menuItemId: 'orgcheck-lookup', selectionText: '  中國機器人\n教育聯盟 ' });
    const lookup = await waiting;
    const url = new URL(lookup.url());
    expect(url.searchParams.get('q')).toBe('中國機器人 教育聯盟');
    expect(await lookup.inputValue('input[type="search"]')).toBe('中國機器人 教育聯盟');
    await expect.poll(() => firstId(lookup)).toBe(ROBOT);
    // It also shows what the tab it was opened from found.
    expect(url.searchParams.get('tab')).toMatch(/^\d+$/);
    await lookup.close();
    await page.close();
  });
});
