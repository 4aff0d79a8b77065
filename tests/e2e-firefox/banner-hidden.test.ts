/**
 * The Firefox side of tests/e2e/banner-hidden.test.ts (issue 18 items 3, 4, 8). Firefox has no
 * IntersectionObserver v2, so what rests on it has no Firefox test: lured presses (the check says
 * "can't tell" there: Close lasts for the page view, Escape does nothing), a covered pill, a
 * flickering cover, fullscreen, and colour-only filters (nothing there reads a filter as hidden).
 * What OrgCheck reads from computed styles works the same: a mask, a zoom undone or too small;
 * and the host's random name. The badge is read from an extension page (action.getBadgeText).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BANNER_HOST } from '../../scripts/lib/firefox-bidi.mjs';
import { until, useFirefox } from './use-firefox';

// Pinned so that the test can open the add-on's own pages (moz-extension://UUID/…).
const UUID = '5d2e7a1c-3f4b-4e8a-9c21-7b6d0e4f8a33';

const run = useFirefox({ uuid: UUID });
/** A tab with an extension page, to read the badge from (the fixture pages open in run.context). */
let extensionPage = '';

beforeAll(async () => {
  const { bidi } = run.firefox;
  extensionPage = (await bidi.send('browsingContext.create', { type: 'tab' })).context;
  await bidi.send('browsingContext.navigate', { context: extensionPage, url: `moz-extension://${UUID}/src/popup/index.html`, wait: 'complete' });
});

async function open(path: string): Promise<void> {
  // In front: time in a background tab doesn't count as hidden (the extension page's tab opened last).
  await run.firefox.bidi.send('browsingContext.activate', { context: run.context });
  await run.open(path);
}

/** The badge of the fixture page's tab. */
const badge = (path: string) =>
  run.evaluate(
    `browser.tabs.query({}).then((tabs) => {
      const tab = tabs.find((t) => t.url === ${JSON.stringify(`${run.server.origin}/${path}`)});
      return tab ? browser.action.getBadgeText({ tabId: tab.id }) : 'no tab';
    })`,
    extensionPage,
  );

describe('what OrgCheck reads from computed styles, in firefox-esr', () => {
  it('a mask over the banner, from a stylesheet added after it showed: the badge shows !', async () => {
    await open('masks-banner.html');
    expect(await until(() => badge('masks-banner.html'), (b) => b === '1!')).toBe('1!');
  });

  it('a page zoomed out on <html> and back in on <body>: the banner is drawn at its own size, with no !', async () => {
    const hostWidth = `(${BANNER_HOST})?.getBoundingClientRect().width ?? 0`;
    await open('two-orgs.html');
    await until(() => run.evaluate(hostWidth), (w) => (w as number) > 0);
    const design = (await run.evaluate(hostWidth)) as number;
    await open('zoom-undone.html');
    await until(() => run.evaluate(hostWidth), (w) => (w as number) > 0);
    await new Promise((r) => setTimeout(r, 2_500));
    expect(await run.evaluate(hostWidth)).toBeCloseTo(design, 0);
    expect(await badge('zoom-undone.html')).toBe('2');
  });

  it('a zoom too small to undo (4 % on <html>): the badge shows !', async () => {
    await open('zoom-tiny.html');
    expect(await until(() => badge('zoom-tiny.html'), (b) => b === '1!')).toBe('1!');
  });
});

describe('the banner host in firefox-esr', () => {
  it('has a random name on each page view and no attribute a page could find it by', async () => {
    const read = `(() => { const h = ${BANNER_HOST}; return h ? [h.localName, h.getAttributeNames().join(' '), document.querySelectorAll('[data-orgcheck-ui], orgcheck-banner').length].join('|') : null; })()`;
    await open('two-orgs.html');
    await until(() => run.evaluate(read), (v) => v !== null);
    const first = ((await run.evaluate(read)) as string).split('|');
    await open('two-orgs.html');
    await until(() => run.evaluate(read), (v) => v !== null);
    const second = ((await run.evaluate(read)) as string).split('|');
    expect(first[0]).toMatch(/^[a-z]+-[a-z]+$/);
    expect(second[0]).toMatch(/^[a-z]+-[a-z]+$/);
    expect(second[0]).not.toBe(first[0]);
    expect([first[1], first[2]]).toEqual(['style', '0']);
  });
});
