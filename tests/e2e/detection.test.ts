/**
 * One fixture per detection behaviour: the badge and the findings must follow exactly what a
 * person can read on the page.
 */
import { describe, expect, it } from 'vitest';
import { badgeText, foundIds, readBanner, waitFor } from './harness';
import { DISCIPLINE, ENTRY, PAGES, ROBOT } from './fixtures';
import { useExtension } from './use-extension';

const run = useExtension();

const open = (path: string) => run.openScanned(path);

describe('finds listed names as a person reads them', () => {
  const cases: Array<[string, string, string[]]> = [
    ['a name split across inline tags', PAGES.twoOrgs, [DISCIPLINE, ROBOT]],
    ['traditional script and full-width Latin', PAGES.traditionalFullwidth, [DISCIPLINE, ROBOT]],
    ['zero-width characters and soft hyphens inside a name', PAGES.zeroWidth, [ROBOT]],
    ['a line break inside a name, but not a <br>', PAGES.lineBreak, [ROBOT]],
    ['a name only in the title', PAGES.titleOnly, [DISCIPLINE]],
    ['a name in an open shadow root', PAGES.shadowRoot, [ROBOT]],
    ['an exact (generic) name standing alone', PAGES.exactStandalone, [ENTRY.exactName]],
    ['names only in script, style and comments', PAGES.none, []],
    ['names only in noscript, template and a ruby annotation; visible text after them, and around a <select>', PAGES.pruned, [ROBOT]],
    ['warn:false names and an exact name inside a longer word', PAGES.noWarnEntries, []],
    // Issue 12: names in running Chinese prose (由…主办, …颁发, …会员, 加入…) warn; a guarded name inside a longer
    // name (中国国际摄影协会) or word (中国艺术院校) and a lawful look-alike (中国美术家协会) do not.
    ['names in running Chinese prose, not inside longer names', PAGES.zhProseNames, [ENTRY.meishu, ENTRY.shuhua, ENTRY.yingbiShufa, ENTRY.yiyuan]],
  ];
  for (const [what, path, expected] of cases) {
    it(what, async () => {
      const page = await open(path);
      await waitFor(() => foundIds(run.ext, page), expected);
      await waitFor(() => badgeText(run.ext, page), expected.length ? String(expected.length) : '');
      await page.close();
    });
  }

  it('a name in an iframe counts for the tab, and stops counting when the frame is removed', async () => {
    const page = await open(PAGES.frameParent);
    await waitFor(() => badgeText(run.ext, page), '1');
    // The banner lives in the top frame and lists what the child frame found.
    await waitFor(async () => (await readBanner(page))?.entryIds ?? [], [ROBOT]);
    await page.evaluate(() => document.getElementById('ad')!.remove());
    await waitFor(() => badgeText(run.ext, page), '');
    await waitFor(async () => await readBanner(page), null);
    await page.close();
  });

  it('content added after load', async () => {
    const page = await open(PAGES.addedLater);
    await waitFor(() => badgeText(run.ext, page), '1');
    expect(await foundIds(run.ext, page)).toEqual([DISCIPLINE]);
    await page.close();
  });

  it('content added to a page that never stops changing (a ticker every 50 ms)', async () => {
    const page = await open(PAGES.ticker);
    await waitFor(() => badgeText(run.ext, page), '1');
    expect(await foundIds(run.ext, page)).toEqual([DISCIPLINE]);
    await page.close();
  });

  it('pushState navigation: findings reflect the content now shown', async () => {
    const page = await open(PAGES.spa);
    expect(await badgeText(run.ext, page)).toBe('');
    await page.evaluate(() => (window as unknown as { go: (p: string, t: string) => void }).go('/spa/course', '主办：中国机器人教育联盟'));
    await waitFor(() => badgeText(run.ext, page), '1');
    await page.evaluate(() => (window as unknown as { go: (p: string, t: string) => void }).go('/spa/home', '欢迎回来。'));
    await waitFor(() => badgeText(run.ext, page), '');
    // Back: popstate shows the earlier view's URL; the page restores nothing, so nothing is found.
    await page.goBack();
    await page.waitForTimeout(400);
    expect(await badgeText(run.ext, page)).toBe('');
    await page.close();
  });
});
