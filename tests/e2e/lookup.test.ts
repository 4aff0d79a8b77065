/**
 * The popup's manual lookup in Chromium (the popup page opened with ?q=, as the context menu
 * opens it, and typed into): part of a name, traditional script, a typo, English, an entry that
 * never warns with its note, no result, a lawful body of the partial registry copy; several names
 * pasted at once (answered name by name), the verdict for the exact name first with similar names
 * collapsed and no weak look-alikes; "Check '…' with OrgCheck" on selected text (one name and
 * several); the page opened as a tab (a centred column); the links to the settings and help pages.
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

const cards = (page: Page) => page.locator('[data-testid="lookup-results"] li.entry');
const verdicts = (page: Page) => page.getByTestId('lookup-verdict');
/** [name, verdict] of each name answered, in order. */
const verdictsOf = (page: Page) =>
  verdicts(page).evaluateAll((els) => els.map((el) => [el.getAttribute('data-name'), el.getAttribute('data-verdict')]));
const firstId = (page: Page) => cards(page).first().getAttribute('data-entry-id', { timeout: 2000 }).catch(() => null);

async function type(query: string): Promise<void> {
  await popup.fill('#q', '');
  // Typed key by key, as a person would (each keystroke runs a lookup).
  await popup.locator('#q').pressSequentially(query);
}

describe('the lookup', () => {
  it('finds an organization from part of its name, exact and prefix hits first', async () => {
    await type('机器人教育');
    await expect.poll(() => firstId(popup)).toBe(ROBOT);
    // Part of a name is no name on the list; the names containing it are shown, not folded away.
    expect(await verdictsOf(popup)).toEqual([['机器人教育', 'not-listed']]);
    expect(await popup.getByTestId('lookup-similar').getAttribute('open')).not.toBeNull();
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
    // Not this exact name: said first; the near name is among the similar ones.
    expect(await verdictsOf(popup)).toEqual([['中国机器人教肓联盟', 'not-listed']]);
  });

  it('reads unified social credit codes pasted among names, each answered in turn', async () => {
    // A name, a national society's real code, a company's real code with a retired region (110228,
    // 北京市密云县 until 2015), a made-up code, and a society code registered in 北京市.
    await popup.fill('#q', '中国机器人教育联盟、51100000500009247D\n统一社会信用代码：91110228397176695A；91110228397176695B，51110000500009240U');
    await expect
      .poll(() => verdictsOf(popup))
      .toEqual([
        ['中国机器人教育联盟', 'listed'],
        ['51100000500009247D', 'code-valid'],
        ['91110228397176695A', 'code-valid'],
        ['91110228397176695B', 'code-invalid'],
        ['51110000500009240U', 'code-valid'],
      ]);
    const answer = (code: string) => popup.locator(`[data-testid="lookup-verdict"][data-name="${code}"]`);
    expect(await answer('51100000500009247D').getAttribute('data-meaning')).toBe('national-society');
    expect(await answer('91110228397176695A').getAttribute('data-meaning')).toBe('company');
    expect(await answer('91110228397176695A').getByTestId('code-where').textContent()).toContain('北京市');
    expect(await answer('91110228397176695A').getByTestId('code-where').textContent()).toContain('110228');
    expect(await answer('91110228397176695B').getAttribute('data-problem')).toBe('check');
    expect(await answer('51110000500009240U').getAttribute('data-meaning')).toBe('local-society');
    expect(await answer('51110000500009240U').getByTestId('code-meaning').textContent()).toContain('北京市');
    // Every answer, a code that can't be real too, links to the official registry.
    for (const code of ['51100000500009247D', '91110228397176695A', '91110228397176695B', '51110000500009240U']) {
      expect(await answer(code).getByTestId('registry-link').getAttribute('href')).toBe('https://chinanpo.mca.gov.cn/');
    }
    expect(await answer('91110228397176695A').getByTestId('company-registry-link').count()).toBe(1);
    // No internal id or enum value reaches the reader.
    const text = (await popup.getByTestId('lookup-results').textContent()) ?? '';
    expect(text).not.toMatch(/national-society|local-society|market-regulation|codeKind|codeMeaning/);
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
    expect(await verdictsOf(popup)).toEqual([['中国城市轨道交通协会', 'never-warns']]);
    // Neutral, not an alarm: its kind reads in the muted colour of the hints, not the accent red.
    const [kind, muted] = await popup.evaluate(() => [
      getComputedStyle(document.querySelector('li.entry[data-warn="false"] .kind')!).color,
      getComputedStyle(document.querySelector('.hint')!).color,
    ]);
    expect(kind).toBe(muted);
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
    expect(await popup.getByTestId('lookup-verdict').textContent()).toMatch(/“北京市海淀区某某科技有限公司” is not on OrgCheck’s list|“北京市海淀区某某科技有限公司”不在 OrgCheck 的名单上|「北京市海淀區某某科技有限公司」不在 OrgCheck 的名單上/);
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
    expect(await verdictsOf(popup)).toEqual([['中國美術家協會', 'not-listed']]);
    expect(await verdicts(popup).getByTestId('registry-link').getAttribute('href')).toMatch(/^https:\/\/chinanpo\.mca\.gov\.cn\//);
    // The listed counterfeit one character away is not in the copy: no note.
    await type('中国美术协会');
    await expect.poll(() => firstId(popup)).toBe(ENTRY.meishu);
    expect(await popup.locator('[data-testid="lawful-registry"]').count()).toBe(0);
  });
});

describe('several names, verdict first', () => {
  it('answers a pasted list name by name: all three listed', async () => {
    await popup.fill('#q', '中国美术协会、中国国家书法家协会、中国民间摄影协会');
    await expect.poll(() => verdictsOf(popup)).toEqual([
      ['中国美术协会', 'listed'],
      ['中国国家书法家协会', 'listed'],
      ['中国民间摄影协会', 'listed'],
    ]);
    expect(await popup.getByTestId('lookup-empty').count()).toBe(0);
    // Each verdict with its listing.
    expect(await verdicts(popup).first().getByTestId('lookup-exact').locator('li.entry').getAttribute('data-entry-id')).toBe(ENTRY.meishu);
    // Line breaks separate names too (the field keeps them).
    await popup.fill('#q', '中国美术协会\n北京市海淀区某某科技有限公司；中国民间摄影协会');
    await expect.poll(() => verdictsOf(popup)).toEqual([
      ['中国美术协会', 'listed'],
      ['北京市海淀区某某科技有限公司', 'not-listed'],
      ['中国民间摄影协会', 'listed'],
    ]);
  });

  it('says first that the lawful 中国书法家协会 is not listed, with the registry link; similar names collapsed', async () => {
    await popup.fill('#q', '中国书法家协会');
    await expect.poll(() => verdictsOf(popup)).toEqual([['中国书法家协会', 'not-listed']]);
    const verdict = verdicts(popup).first();
    // The verdict line comes first, before any card.
    const first = await verdict.evaluate((el) => el.firstElementChild!.textContent);
    expect(first).toMatch(/“中国书法家协会” is not on OrgCheck’s list|“中国书法家协会”不在 OrgCheck 的名单上|「中国书法家协会」不在 OrgCheck 的名單上/);
    expect(await verdict.getByTestId('registry-link').getAttribute('href')).toMatch(/^https:\/\/chinanpo\.mca\.gov\.cn\//);
    // The similar (listed) names: folded away, counted in the summary, no card visible.
    const similar = verdict.getByTestId('lookup-similar');
    expect(await similar.getAttribute('open')).toBeNull();
    expect(await similar.locator('summary').textContent()).toMatch(/^(\d+ similar names on the list|名单上有 \d+ 个相似名称|名單上有 \d+ 個相似名稱)$/);
    expect(await popup.locator('li.entry:visible').count()).toBe(0);
    await similar.locator('summary').click();
    await expect.poll(() => popup.locator('li.entry:visible').count()).toBeGreaterThan(0);
    expect(await similar.locator('li.entry').evaluateAll((els) => els.map((el) => el.querySelector('.zh')!.textContent))).toContain('中国国家书法家协会');
  });

  it('shows no weak look-alikes: 中国冷菜协会 is nothing like 中國美術協會', async () => {
    await popup.fill('#q', '中國美術協會');
    await expect.poll(() => verdictsOf(popup)).toEqual([['中國美術協會', 'listed']]);
    const names = await popup.locator('li.entry .zh').allTextContents();
    expect(names[0]).toBe('中国美术协会');
    expect(names).not.toContain('中国冷菜协会');
    expect(names).toContain('中国国际工艺美术协会');
  });
});

describe('the popup page', () => {
  it('opened as a tab, is a centred column, wide at 1280 px', async () => {
    const page = await run.ext.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`chrome-extension://${run.ext.extensionId}/src/popup/index.html?q=${encodeURIComponent('中国美术协会')}`);
    await expect.poll(() => verdictsOf(page)).toEqual([['中国美术协会', 'listed']]);
    const box = (await page.locator('main').boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(640);
    expect(box.width).toBeLessThanOrEqual(800);
    // Centred: the margins either side differ by at most a pixel or two.
    expect(Math.abs(box.x - (1280 - box.x - box.width))).toBeLessThanOrEqual(2);
    await page.close();
  });

  it('links to the settings and the help page, and says nothing about a feed nobody set', async () => {
    const footer = popup.locator('footer');
    expect(await footer.innerText()).not.toMatch(/feed|更新源|更新來源/);
    const options = popup.getByTestId('options-link');
    expect(await options.getAttribute('href')).toBe(`chrome-extension://${run.ext.extensionId}/src/options/index.html`);
    const optionsPage = waitForExtensionPage(run.ext, 'src/options/index.html');
    await options.click();
    await (await optionsPage).close();
    const help = popup.getByTestId('help-link');
    const helpUrl = `chrome-extension://${run.ext.extensionId}/src/help/index.html`;
    expect(await help.getAttribute('href')).toBe(helpUrl);
    await help.click();
    // The tab, whatever the page's state (the help page may load or not in this build): its URL.
    const tabUrls = () => currentWorker(run.ext).evaluate(async () => (await chrome.tabs.query({})).map((t) => t.pendingUrl ?? t.url));
    await expect.poll(tabUrls).toContain(helpUrl);
    await currentWorker(run.ext).evaluate(async (url) => {
      for (const t of await chrome.tabs.query({})) if ((t.pendingUrl ?? t.url) === url) await chrome.tabs.remove(t.id!);
    }, helpUrl);
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

  it('opens the lookup for a selection of several names, answered name by name', async () => {
    const page = await run.ext.context.newPage();
    await page.goto(run.url(PAGES.traditional));
    await waitScanned(run.ext, page);
    const waiting = waitForExtensionPage(run.ext, 'src/popup/index.html?q=');
    await clickContextMenu(run.ext, page, { menuItemId: 'orgcheck-lookup', selectionText: '中国美术协会、中国国家书法家协会\n 中国民间摄影协会 ' });
    const lookup = await waiting;
    expect(new URL(lookup.url()).searchParams.get('q')).toBe('中国美术协会\n中国国家书法家协会\n中国民间摄影协会');
    await expect.poll(() => verdictsOf(lookup)).toEqual([
      ['中国美术协会', 'listed'],
      ['中国国家书法家协会', 'listed'],
      ['中国民间摄影协会', 'listed'],
    ]);
    await lookup.close();
    await page.close();
  });

  it('opens the lookup with the selection in a tab', async () => {
    const page = await run.ext.context.newPage();
    await page.goto(run.url(PAGES.traditional));
    await waitScanned(run.ext, page);
    const waiting = waitForExtensionPage(run.ext, 'src/popup/index.html?q=');
    // A name broken by a space or tab stays one name (a line break would separate two).
    await clickContextMenu(run.ext, page, { menuItemId: 'orgcheck-lookup', selectionText: '  中國機器人 \t教育聯盟 ' });
    const lookup = await waiting;
    const url = new URL(lookup.url());
    expect(url.searchParams.get('q')).toBe('中國機器人 教育聯盟');
    expect(await lookup.inputValue('#q')).toBe('中國機器人 教育聯盟');
    await expect.poll(() => firstId(lookup)).toBe(ROBOT);
    // It also shows what the tab it was opened from found.
    expect(url.searchParams.get('tab')).toMatch(/^\d+$/);
    await lookup.close();
    await page.close();
  });
});
