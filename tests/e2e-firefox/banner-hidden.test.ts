/**
 * The Firefox side of tests/e2e/banner-hidden.test.ts (issue 18 items 3, 4, 8). Firefox has no
 * IntersectionObserver v2, so what rests on it has no Firefox test: lured presses (the check says
 * "can't tell" there: Close lasts for the page view, Escape does nothing), a covered pill, a
 * flickering cover, fullscreen, and colour-only filters (nothing there reads a filter as hidden).
 * What OrgCheck reads from computed styles works the same: a mask, a zoom undone or too small;
 * and the host's random name. The badge is read from an extension page (action.getBadgeText).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, ROOT } from '../../scripts/lib/extension-browser.mjs';
import { BANNER_HOST, DIST_FIREFOX, launchFirefox } from '../../scripts/lib/firefox-bidi.mjs';
import { TIMEOUT } from '../../scripts/lib/timeouts.mjs';

type Firefox = Awaited<ReturnType<typeof launchFirefox>>;
type Server = Awaited<ReturnType<typeof startServer>>;

const GECKO_ID = 'orgcheck@orgcheck.example';
// Pinned so that the test can open the add-on's own pages (moz-extension://UUID/…).
const UUID = '5d2e7a1c-3f4b-4e8a-9c21-7b6d0e4f8a33';

let firefox: Firefox | undefined;
let server: Server | undefined;
/** The tab with the fixture page, and one with an extension page (to read the badge). */
let page = '';
let extensionPage = '';

beforeAll(async () => {
  server = await startServer(join(ROOT, 'tests/fixtures/pages'));
  firefox = await launchFirefox({ allowSystemAccess: true, extensionUuids: { [GECKO_ID]: UUID } });
  const { bidi } = firefox;
  await bidi.send('webExtension.install', { extensionData: { type: 'path', path: DIST_FIREFOX } });
  const { contexts } = await bidi.send('browsingContext.getTree', { maxDepth: 0 });
  page = contexts[0].context;
  extensionPage = (await bidi.send('browsingContext.create', { type: 'tab' })).context;
  await bidi.send('browsingContext.navigate', { context: extensionPage, url: `moz-extension://${UUID}/src/popup/index.html`, wait: 'complete' });
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

async function evaluate(context: string, expression: string): Promise<unknown> {
  const answer = await firefox!.bidi.send('script.evaluate', { expression, target: { context }, awaitPromise: true });
  if (answer.type !== 'success') throw new Error(JSON.stringify(answer.exceptionDetails));
  return answer.result.type === 'null' || answer.result.type === 'undefined' ? null : (answer.result.value as unknown);
}

async function open(path: string): Promise<void> {
  // In front: time in a background tab doesn't count as hidden (the extension page's tab opened last).
  await firefox!.bidi.send('browsingContext.activate', { context: page });
  await firefox!.bidi.send('browsingContext.navigate', { context: page, url: `${server!.origin}/${path}`, wait: 'complete' });
}

/** The badge of the fixture page's tab. */
const badge = (path: string) =>
  evaluate(
    extensionPage,
    `browser.tabs.query({}).then((tabs) => {
      const tab = tabs.find((t) => t.url === ${JSON.stringify(`${server!.origin}/${path}`)});
      return tab ? browser.action.getBadgeText({ tabId: tab.id }) : 'no tab';
    })`,
  );

async function until<T>(read: () => Promise<T>, expected: T, timeoutMs = TIMEOUT.wait): Promise<T> {
  let last = await read();
  for (const deadline = Date.now() + timeoutMs; JSON.stringify(last) !== JSON.stringify(expected) && Date.now() < deadline; ) {
    await new Promise((r) => setTimeout(r, 200));
    last = await read();
  }
  return last;
}

describe('what OrgCheck reads from computed styles, in firefox-esr', () => {
  it('a mask over the banner, from a stylesheet added after it showed: the badge shows !', async () => {
    await open('masks-banner.html');
    expect(await until(() => badge('masks-banner.html'), '1!', 20_000)).toBe('1!');
  });

  it('a page zoomed out on <html> and back in on <body>: the banner is drawn at its own size, with no !', async () => {
    const hostWidth = `(${BANNER_HOST})?.getBoundingClientRect().width ?? 0`;
    await open('two-orgs.html');
    await until(async () => (await evaluate(page, hostWidth)) as number > 0, true);
    const design = (await evaluate(page, hostWidth)) as number;
    await open('zoom-undone.html');
    await until(async () => (await evaluate(page, hostWidth)) as number > 0, true);
    await new Promise((r) => setTimeout(r, 2_500));
    expect(await evaluate(page, hostWidth)).toBeCloseTo(design, 0);
    expect(await badge('zoom-undone.html')).toBe('2');
  });

  it('a zoom too small to undo (4 % on <html>): the badge shows !', async () => {
    await open('zoom-tiny.html');
    expect(await until(() => badge('zoom-tiny.html'), '1!', 20_000)).toBe('1!');
  });
});

describe('the banner host in firefox-esr', () => {
  it('has a random name on each page view and no attribute a page could find it by', async () => {
    const read = `(() => { const h = ${BANNER_HOST}; return h ? [h.localName, h.getAttributeNames().join(' '), document.querySelectorAll('[data-orgcheck-ui], orgcheck-banner').length].join('|') : null; })()`;
    await open('two-orgs.html');
    await until(async () => (await evaluate(page, read)) !== null, true);
    const first = ((await evaluate(page, read)) as string).split('|');
    await open('two-orgs.html');
    await until(async () => (await evaluate(page, read)) !== null, true);
    const second = ((await evaluate(page, read)) as string).split('|');
    expect(first[0]).toMatch(/^[a-z]+-[a-z]+$/);
    expect(second[0]).toMatch(/^[a-z]+-[a-z]+$/);
    expect(second[0]).not.toBe(first[0]);
    expect([first[1], first[2]]).toEqual(['style', '0']);
  });
});
