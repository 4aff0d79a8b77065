/**
 * One fixture per detection behaviour: the badge and the findings must follow exactly what a
 * person can read on the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badgeText, foundIds, launchExtension, readBanner, startServer, waitFor, waitScanned,
  type ExtensionBrowser, type FixtureServer,
} from './harness';

const ROBOT = 'china-robot-education-alliance';
const DISCIPLINE = 'china-positive-discipline-association';

let ext: ExtensionBrowser;
let server: FixtureServer;

beforeAll(async () => {
  server = await startServer();
  ext = await launchExtension();
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

async function open(path: string) {
  const page = await ext.context.newPage();
  await page.goto(`${server.origin}/${path}`);
  await waitScanned(ext, page);
  return page;
}

describe('finds listed names as a person reads them', () => {
  const cases: Array<[string, string, string[]]> = [
    ['a name split across inline tags', 'two-orgs.html', [DISCIPLINE, ROBOT]],
    ['traditional script and full-width Latin', 'traditional-fullwidth.html', [DISCIPLINE, ROBOT]],
    ['zero-width characters and soft hyphens inside a name', 'zero-width.html', [ROBOT]],
    ['a line break inside a name, but not a <br>', 'line-break.html', [ROBOT]],
    ['a name only in the title', 'title-only.html', [DISCIPLINE]],
    ['a name in an open shadow root', 'shadow-root.html', [ROBOT]],
    ['an exact (generic) name standing alone', 'exact-standalone.html', ['zhongguo-yishu-yuan']],
    ['names only in script, style and comments', 'none.html', []],
    ['names only in fields the user can edit, noscript, template and a ruby annotation; visible text after them', 'pruned.html', [ROBOT]],
    ['warn:false names and an exact name inside a longer word', 'no-warn-entries.html', []],
  ];
  for (const [what, path, expected] of cases) {
    it(what, async () => {
      const page = await open(path);
      await waitFor(() => foundIds(ext, page), expected);
      await waitFor(() => badgeText(ext, page), expected.length ? String(expected.length) : '');
      await page.close();
    });
  }

  it('a name in an iframe counts for the tab, and stops counting when the frame is removed', async () => {
    const page = await open('frame-parent.html');
    await waitFor(() => badgeText(ext, page), '1');
    // The banner lives in the top frame and lists what the child frame found.
    await waitFor(async () => (await readBanner(page))?.entryIds ?? [], [ROBOT]);
    await page.evaluate(() => document.getElementById('ad')!.remove());
    await waitFor(() => badgeText(ext, page), '');
    await waitFor(async () => await readBanner(page), null);
    await page.close();
  });

  it('content added after load', async () => {
    const page = await open('added-later.html');
    await waitFor(() => badgeText(ext, page), '1');
    expect(await foundIds(ext, page)).toEqual([DISCIPLINE]);
    await page.close();
  });

  it('content added to a page that never stops changing (a ticker every 50 ms)', async () => {
    const page = await open('ticker.html');
    await waitFor(() => badgeText(ext, page), '1');
    expect(await foundIds(ext, page)).toEqual([DISCIPLINE]);
    await page.close();
  });

  it('pushState navigation: findings reflect the content now shown', async () => {
    const page = await open('spa.html');
    expect(await badgeText(ext, page)).toBe('');
    await page.evaluate(() => (window as unknown as { go: (p: string, t: string) => void }).go('/spa/course', '主办：中国机器人教育联盟'));
    await waitFor(() => badgeText(ext, page), '1');
    await page.evaluate(() => (window as unknown as { go: (p: string, t: string) => void }).go('/spa/home', '欢迎回来。'));
    await waitFor(() => badgeText(ext, page), '');
    // Back: popstate shows the earlier view's URL; the page restores nothing, so nothing is found.
    await page.goBack();
    await page.waitForTimeout(400);
    expect(await badgeText(ext, page)).toBe('');
    await page.close();
  });
});
