/**
 * Issue 18 item 1: what the user types is set aside (never read), and nothing else is. A page
 * can make the browser fire trusted `beforeinput`/`input` events with no person involved
 * (execCommand): that must not make OrgCheck read less. Each attack page (typed-by-page.html)
 * names one organization, attacks 2.5 s after load, then adds a second name as a sentinel: once
 * the sentinel is found, OrgCheck has scanned the page after the attack, and the first name must
 * still count, on the badge and in the banner.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { badgeText, FIXTURES, foundIds, readBanner, tabState, waitFor, waitScanned } from './harness';
import { DISCIPLINE, ENTRY, PAGES, ROBOT } from './fixtures';
import { useExtension } from './use-extension';

const HOISTING = ENTRY.hoisting;
const MEISHU = ENTRY.meishu;

const run = useExtension();

const bannerIds = async (page: Page) => (await readBanner(page))?.entryIds.sort() ?? null;

/**
 * Types `text` as a person does with a Chinese input method: a composition (trusted
 * compositionstart/compositionupdate), then its commit. (Playwright's keyboard.type sends
 * characters off the US layout with no key event at all, as dictation does.)
 */
async function typeWithIme(page: Page, text: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    await cdp.send('Input.insertText', { text });
  } finally {
    await cdp.detach();
  }
}

/** Every page form the tab's frames report (what was read), sorted. */
async function forms(page: Page): Promise<string[]> {
  const frames = Object.values((await tabState(run.ext, page))?.frames ?? {});
  return frames.flatMap((f) => f.findings.flatMap((x) => x.forms)).sort();
}

describe('a page that fakes "the user typed here", with no person involved', () => {
  const attacks: Array<[string, string]> = [
    ['designMode on, execCommand insertText into the named paragraph, undo: the name still counts', 'design-mode'],
    ['a wrapper made contentEditable for a moment and written into: the name still counts', 'wrapper'],
    ['execCommand into a hidden <input> in a component\'s closed shadow root: the component\'s content still counts', 'shadow-input'],
  ];
  for (const [what, attack] of attacks) {
    it(what, async () => {
      const page = await run.openScanned(`typed-by-page.html?attack=${attack}`);
      // The page a person is looking at (execCommand in designMode needs a focused document).
      await page.bringToFront();
      await waitFor(() => page.evaluate(() => (window as unknown as { attackDone: boolean }).attackDone), true);
      // The browser did fire a trusted input event (execCommand fires no beforeinput): the attack is real.
      expect(await page.evaluate(() => (window as unknown as { inputEvents: string[] }).inputEvents)).toContain('input:true');
      await waitFor(() => foundIds(run.ext, page), [DISCIPLINE, ROBOT].sort());
      await waitFor(() => badgeText(run.ext, page), '2');
      await waitFor(() => bannerIds(page), [DISCIPLINE, ROBOT].sort());
      await page.close();
    });
  }
});

describe('what a person types is set aside, and only that', () => {
  it('typing in a closed shadow root\'s search box of a component that wraps the page sets aside only that box', async () => {
    const page = await run.openScanned('typed-in-component.html');
    await waitFor(() => foundIds(run.ext, page), [ROBOT]);
    // The box is at the top left of the page (inside the closed root: no locator reaches it).
    await page.mouse.click(20, 15);
    // Real key presses (ASCII), then Chinese (Playwright inserts it with no key event).
    await page.keyboard.type('zhongguo ');
    await page.keyboard.type('我推荐中国正面管教协会');
    // The page answers the search with a name of its own, in the component's content: read.
    await waitFor(() => foundIds(run.ext, page), [HOISTING, ROBOT].sort());
    await waitFor(() => badgeText(run.ext, page), '2');
    expect(await forms(page)).toEqual(['中国大型吊装企业联盟', '中国机器人教育联盟']);
    await page.close();
  });

  it('a name the page put in a field counts, and keeps counting after the user types there; what the user types is not read', async () => {
    const page = await run.openScanned('typed-fields.html');
    await waitFor(() => foundIds(run.ext, page), [DISCIPLINE, ROBOT].sort());
    await page.click('#prefilled');
    await page.keyboard.press('End');
    await page.keyboard.type('，中国大型吊装企业联盟');
    await page.keyboard.press('Home');
    await page.keyboard.type('中国美术协会，');
    // The page adds a name as a sentinel: found means scanned after the typing.
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p>另见：中国大型吊装企业联盟</p>'));
    await waitFor(() => foundIds(run.ext, page), [DISCIPLINE, HOISTING, ROBOT].sort());
    expect(await forms(page)).toEqual(['中国大型吊装企业联盟', '中国机器人教育联盟', '中国正面管教协会']);
    expect(await foundIds(run.ext, page)).not.toContain(MEISHU);
    await page.close();
  });

  it('a fill without key events (as autofill fills) and a drop into a field are not read', async () => {
    const page = await run.openScanned('typed-fields.html');
    await waitFor(() => foundIds(run.ext, page), [DISCIPLINE, ROBOT].sort());
    // page.fill inserts the text with no key event (CDP Input.insertText), as autofill does.
    await page.fill('#name', '中国大型吊装企业联盟');
    // A drag of text from elsewhere dropped onto the message box (trusted drag events).
    const box = (await page.locator('#message').boundingBox())!;
    const cdp = await page.context().newCDPSession(page);
    const drag = { x: box.x + 20, y: box.y + 20, data: { items: [{ mimeType: 'text/plain', data: '中国美术协会' }], dragOperationsMask: 1 } };
    for (const type of ['dragEnter', 'dragOver', 'drop'] as const) await cdp.send('Input.dispatchDragEvent', { type, ...drag });
    await cdp.detach();
    expect(await page.inputValue('#name')).toBe('中国大型吊装企业联盟');
    expect(await page.inputValue('#message')).toBe('中国美术协会');
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p>另见：“中国艺术院”</p>'));
    await waitFor(() => foundIds(run.ext, page), [DISCIPLINE, ENTRY.exactName, ROBOT].sort());
    await page.close();
  });

  it('what the user typed, restored by the browser on going back, is not read', async () => {
    // Served with no-store, so that the page is not kept in the back/forward cache: going back
    // loads it again, and the browser puts back what the user had typed.
    run.server.routes.push(async (req, res) => {
      if (req.url !== '/no-store/typed-fields.html') return false;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(await readFile(join(FIXTURES, 'typed-fields.html'), 'utf8'));
      return true;
    });
    const page = await run.openScanned('no-store/typed-fields.html');
    await page.click('#name');
    await page.keyboard.type('中国大型吊装企业联盟');
    await page.goto(run.url(PAGES.none));
    await waitScanned(run.ext, page);
    await page.goBack();
    await waitScanned(run.ext, page);
    expect(await page.evaluate(() => performance.getEntriesByType('navigation')[0]!.toJSON().type)).toBe('back_forward');
    expect(await page.inputValue('#name')).toBe('中国大型吊装企业联盟');
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p>另见：“中国艺术院”</p>'));
    await waitFor(() => foundIds(run.ext, page), [DISCIPLINE, ENTRY.exactName, ROBOT].sort());
    await page.close();
  });

  it('typing in an editable region sets aside the paragraphs typed in; a name found there before keeps counting', async () => {
    const page = await run.openScanned('hidden-editable.html');
    await waitFor(() => foundIds(run.ext, page), [ROBOT]);
    await page.click('#article p');
    await page.keyboard.press('End');
    await typeWithIme(page, '，中国大型吊装企业联盟，中国美术协会');
    // Enter before the last name moves it into a new paragraph: the user's text still.
    for (let i = 0; i < '中国美术协会'.length; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    expect(await page.locator('#article p').count()).toBe(2);
    await page.click('#comment');
    await typeWithIme(page, '我推荐中国正面管教协会');
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p>另见：“中国艺术院”</p>'));
    await waitFor(() => foundIds(run.ext, page), [ENTRY.exactName, ROBOT].sort());
    expect(await forms(page)).toEqual(['中国机器人教育联盟', '中国艺术院']);
    // The page's name leaves the page: it stops counting.
    await page.evaluate(() => document.querySelector('#article p')!.remove());
    await waitFor(() => foundIds(run.ext, page), [ENTRY.exactName]);
    await page.close();
  });
});

describe('values the page set are page text', () => {
  it('an editable field\'s value from the markup or a script, a <select> option, an image\'s alt text', async () => {
    const page = await run.openScanned('page-set-values.html');
    await waitFor(() => foundIds(run.ext, page), [DISCIPLINE, HOISTING, MEISHU, ROBOT].sort());
    await page.close();
  });
});
