/**
 * Feed sync in Chromium, against a feed served by a real HTTP server on 127.0.0.1: a build with
 * FEED_URL pointing at it and the test public key (tests/fixtures/feed), built into
 * dist-e2e-feed/ by beforeAll with the request timeout shortened to 3 s. Syncs are started with
 * the popup's "Sync now" button, never by waiting for the alarm.
 */
import { createPrivateKey, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listKey } from '../../src/core/compiled-list';
import { versionFromDate, versionToDate } from '../../src/core/feed/version';
import type { BlocklistEntry } from '../../src/core/list-schema';
import { badgeText, clickInBanner, currentWorker, launchExtension, openPopupFor, readBanner, ROOT, saveScreenshot, tabIdOf, TIMEOUT, waitFor } from './harness';
import { DISCIPLINE } from './fixtures';
import { buildExtension, useExtension } from './use-extension';

const DIST = join(ROOT, 'dist-e2e-feed');
const DIST_NO_FEED = join(ROOT, 'dist-e2e-nofeed');
const FEED_DIR = join(ROOT, 'tests/fixtures/feed');
const PRIVATE_KEY = createPrivateKey(readFileSync(join(FEED_DIR, 'private.key'), 'utf8'));
const PUBLIC_KEY = readFileSync(join(FEED_DIR, 'public.key'), 'utf8').trim();
const BUNDLED = JSON.parse(readFileSync(join(ROOT, 'data/organizations.json'), 'utf8')) as BlocklistEntry[];
const BUNDLED_VERSION = (JSON.parse(readFileSync(join(ROOT, 'data/list-version.json'), 'utf8')) as { version: number }).version;
const TIMEOUT_MS = 3000;

const NEW_ORG: BlocklistEntry = {
  id: 'e2e-fictional-xinghai-test-society',
  names: { zh: '星海虚构测试促进会' },
  aliases: [],
  listings: [{ list: 'suspected-illegal-e2e', kind: 'suspected-illegal', published: '2026-11-01', sources: [] }],
  warn: true,
  exact: false,
};
const RELISTED_ID = DISCIPLINE;
const RENAMED_ID = BUNDLED[0]!.id;
const REMOVED_ID = BUNDLED[1]!.id;

/** A good feed: the bundled list with one organization added, one removed, one renamed, one relisted. */
function feedEntries(): BlocklistEntry[] {
  const entries = structuredClone(BUNDLED).filter((e) => e.id !== REMOVED_ID);
  for (const e of entries) {
    if (e.id === RENAMED_ID) e.names.zh = `${e.names.zh}总会`;
    if (e.id === RELISTED_ID) e.listings.push({ list: 'suspected-illegal-e2e', kind: 'suspected-illegal', published: '2026-11-01', sources: [] });
  }
  return [...entries, NEW_ORG];
}

/** The good feed's entries with NEW_ORG changed (a hostile entry in an otherwise good list). */
const withEntry = (change: Partial<BlocklistEntry>): BlocklistEntry[] => feedEntries().map((e) => (e.id === NEW_ORG.id ? { ...e, ...change } : e));

/** Feed versions a day after the bundled list's, `seconds` apart. */
const ver = (seconds: number) => versionFromDate(new Date(versionToDate(BUNDLED_VERSION)!.getTime() + 86_400_000 + seconds * 1000));
const V1 = ver(0);
const feedJson = (version: number, entries: unknown = feedEntries(), extra: Record<string, unknown> = {}) =>
  JSON.stringify({ schemaVersion: 1, version, generatedAt: '2026-11-29T00:00:00.000Z', entries, ...extra });
const sigOf = (body: string | Buffer) => `${sign(null, Buffer.from(body), PRIVATE_KEY).toString('base64')}\n`;

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
interface Scenario {
  feed: Handler;
  sig: Handler;
}
const send = (status: number, body: string | Buffer, headers: Record<string, string> = {}): Handler => (_req, res) => {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers });
  res.end(body);
};
/** A feed file and its good signature. */
const signedFeed = (body: string, headers: Record<string, string> = {}): Scenario => ({ feed: send(200, body, headers), sig: send(200, sigOf(body), { 'content-type': 'text/plain' }) });

/** How the feed's server answers; no network at first. */
let scenario: Scenario = { feed: (req) => req.socket.destroy(), sig: (req) => req.socket.destroy() };
const requests: Array<{ path: string; ifNoneMatch: string | undefined }> = [];
const hanging = new Set<ServerResponse>();

let page: Page;
let popup: Page;

interface Status {
  runningSince: number | null;
  last: { kind: string; at: number; error?: { code: string } } | null;
  lastSuccessAt: number | null;
}
async function syncStatus(): Promise<Status> {
  const status = await currentWorker(run.ext).evaluate(async () => (await chrome.storage.local.get('syncStatus')).syncStatus);
  return (status as Status | undefined) ?? { runningSince: null, last: null, lastSuccessAt: null };
}

async function feedSettings(): Promise<{ url: string | null; intervalHours: number } | undefined> {
  return currentWorker(run.ext).evaluate(async () => (await chrome.storage.local.get('feedSettings')).feedSettings) as Promise<
    { url: string | null; intervalHours: number } | undefined
  >;
}

/** Clicks "Sync now" in `on` (a page, or the section of one) and waits for that sync's result in storage and on the page. */
async function syncNow(on: Page | Locator, expected: string, timeout = TIMEOUT.wait): Promise<void> {
  const before = (await syncStatus()).last?.at ?? 0;
  await on.getByRole('button', { name: /Sync now|立即同步/ }).click();
  await waitFor(async () => {
    const s = await syncStatus();
    return s.runningSince === null && (s.last?.at ?? 0) > before;
  }, true, timeout);
  const last = (await syncStatus()).last!;
  expect(last.kind === 'error' ? last.error!.code : last.kind).toBe(expected);
  const result = on.getByTestId('sync-result');
  await expect.poll(() => result.getAttribute(last.kind === 'error' ? 'data-code' : 'data-kind')).toBe(expected);
}

/**
 * Puts a list in storage as a sync of an older version of OrgCheck would have (its body in
 * IndexedDB, the reference in storage.local), with no compiled form: the worker compiles it next.
 */
async function storeListAsSynced(version: number, entries: BlocklistEntry[]): Promise<void> {
  const ref = { version, generatedAt: '2026-11-29T00:00:00.000Z', count: entries.length, key: listKey(entries), publicKey: PUBLIC_KEY };
  await currentWorker(run.ext).evaluate(
    async ({ ref, entries }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('orgcheck');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('lists', 'readwrite');
        tx.objectStore('lists').put({ version: ref.version, generatedAt: ref.generatedAt, entries }, ref.version);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
      await chrome.storage.local.set({ list: ref, compiled: null });
    },
    { ref, entries },
  );
}

/** The list in use still finds both organizations after a reload (the new one exists only in the feed). */
async function expectFeedListInUse(): Promise<void> {
  await page.reload();
  await waitFor(() => badgeText(run.ext, page), '2');
}

/** The feed's files, as `scenario` answers them, and the page that names the feed's new organization. */
function feedRoute(req: IncomingMessage, res: ServerResponse): boolean {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (path === '/feed/page.html') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(readFileSync(join(FEED_DIR, 'page.html')));
    return true;
  }
  if (!path.startsWith('/feed/') && !path.startsWith('/feed2/')) return false;
  requests.push({ path, ifNoneMatch: req.headers['if-none-match'] });
  res.on('close', () => hanging.delete(res));
  hanging.add(res);
  (path.endsWith('.sig') ? scenario.sig : scenario.feed)(req, res);
  return true;
}

// The profile is the run's own (keepProfile), so that the browser can be restarted on it.
const run = useExtension({
  dist: DIST,
  routes: [feedRoute],
  // The test key may only be built in when the build is told it is a test (vite.config.ts).
  build: (server) => ({ FEED_URL: `${server.origin}/feed/blocklist.json`, FEED_PUBLIC_KEY: PUBLIC_KEY, FEED_TIMEOUT_MS: String(TIMEOUT_MS), ORGCHECK_ALLOW_TEST_FEED_KEY: '1' }),
  keepProfile: true,
});

afterAll(() => {
  for (const res of hanging) res.destroy();
});

describe('feed sync', () => {
  it('schedules the first sync within a minute of install, and warns from the bundled list with no network', async () => {
    const alarm = await waitFor(async () => {
      const a = await currentWorker(run.ext).evaluate(() => chrome.alarms.get('orgcheck-feed-sync'));
      return a ? a.scheduledTime - Date.now() < 61_000 : false;
    }, true);
    expect(alarm).toBe(true);
    // The test drives every sync itself from here on.
    await currentWorker(run.ext).evaluate(() => chrome.alarms.clearAll());

    page = await run.ext.context.newPage();
    await page.goto(run.url('feed/page.html'));
    await waitFor(() => badgeText(run.ext, page), '1'); // 中国机器人教育联盟, from the bundled list
    popup = await openPopupFor(run.ext, await tabIdOf(run.ext, page));
    await expect.poll(() => popup.getByTestId('list-source').getAttribute('data-source')).toBe('bundled');
    await syncNow(popup, 'network');
    await expect.poll(() => popup.getByTestId('sync-last-success').getAttribute('data-never')).toBe('true');
    expect(await badgeText(run.ext, page)).toBe('1');
  });

  it('takes a good newer feed: open tabs rescan and find its new organization; the popup lists the changes', async () => {
    scenario = signedFeed(feedJson(V1), { etag: '"v1"' });
    await syncNow(popup, 'updated');
    // The open tab rescans with the new list without a reload.
    await waitFor(() => badgeText(run.ext, page), '2');
    const changes = popup.getByTestId('sync-changes');
    await changes.locator('summary').click();
    await expect.poll(() => changes.textContent()).toContain('星海虚构测试促进会');
    const text = (await changes.textContent()) ?? '';
    expect(text).toContain(`${BUNDLED[0]!.names.zh}总会`); // renamed
    expect(text).toContain(BUNDLED[1]!.names.zh); // removed
    expect(text).toContain('suspected-illegal-e2e'); // listed again
    await saveScreenshot(popup, 'sync-popup-updated');
    await expect.poll(() => popup.getByTestId('list-source').getAttribute('data-source')).toBe('feed');
    const relisted = await currentWorker(run.ext).evaluate(async () => (await chrome.storage.local.get('relisted')).relisted as Record<string, number>);
    expect(Object.keys(relisted)).toEqual([RELISTED_ID]);
    // The popup's lookup uses the new list.
    await popup.fill('#q', '星海虚构');
    await expect.poll(() => popup.locator('.results .entry .zh').allTextContents()).toContain('星海虚构测试促进会');
    await expectFeedListInUse();
  });

  it('calls the same version up to date: a 304 to If-None-Match, or the same file again', async () => {
    const body = feedJson(V1);
    requests.length = 0;
    scenario = {
      feed: (req, res) => (req.headers['if-none-match'] === '"v1"' ? (res.writeHead(304), res.end()) : send(200, body)(req, res)),
      sig: send(200, sigOf(body)),
    };
    await syncNow(popup, 'up-to-date');
    expect(requests).toEqual([{ path: '/feed/blocklist.json', ifNoneMatch: '"v1"' }]);
    scenario = signedFeed(body, { etag: '"v1-again"' });
    await syncNow(popup, 'up-to-date');
    await expectFeedListInUse();
  });

  it('sends no If-None-Match when the feed list was set aside: a 304 would keep the older bundled list', async () => {
    // The stored list becomes unusable (as after a build with another key, or a lost body): the
    // bundled list is in use, while the ETag of the feed list is still stored.
    await currentWorker(run.ext).evaluate(async () => {
      const { list } = await chrome.storage.local.get('list');
      await chrome.storage.local.set({ list: { ...(list as object), publicKey: 'another key' } });
    });
    await expect.poll(async () => {
      await popup.reload();
      return popup.getByTestId('list-source').getAttribute('data-source');
    }).toBe('bundled');
    const body = feedJson(V1);
    requests.length = 0;
    scenario = {
      // A server that says "not modified" to any ETag it gave out.
      feed: (req, res) => (req.headers['if-none-match'] ? (res.writeHead(304), res.end()) : send(200, body, { etag: '"v1"' })(req, res)),
      sig: send(200, sigOf(body)),
    };
    await syncNow(popup, 'updated');
    expect(requests[0]).toEqual({ path: '/feed/blocklist.json', ifNoneMatch: undefined });
    await expect.poll(() => popup.getByTestId('list-source').getAttribute('data-source')).toBe('feed');
    await expectFeedListInUse();
  });

  const big = Buffer.alloc(21 * 1024 * 1024, 0x20);
  big.write('{"schemaVersion":1,"pad":"');
  const bad: Array<[string, string, () => Scenario]> = [
    ['bad JSON', 'json', () => signedFeed(feedJson(ver(1)).slice(0, -2) + ',]')],
    ['an HTML page', 'html', () => ({ feed: send(200, '<!doctype html><title>Wi-Fi sign-in</title>', { 'content-type': 'text/html' }), sig: send(404, '') })],
    ['an empty body', 'empty', () => signedFeed('')],
    ['the wrong schema', 'schema', () => signedFeed(feedJson(ver(1), [{ id: 'Not A Slug', names: { zh: '' } }]))],
    ['a bad signature', 'signature', () => ({ feed: send(200, feedJson(ver(1))), sig: send(200, sigOf(feedJson(ver(2)))) })],
    ['a missing signature file', 'signature-missing', () => ({ feed: send(200, feedJson(ver(1))), sig: send(404, 'not found', { 'content-type': 'text/plain' }) })],
    ['an older version', 'older', () => signedFeed(feedJson(ver(-1)))],
    // Issue 11, item 2: validly signed, hostile content (a leaked key signs anything).
    ['signed, with a 9,000-character alias', 'limits', () => signedFeed(feedJson(ver(1), withEntry({ aliases: ['长'.repeat(9000)] })))],
    ['signed, naming the one character 的', 'limits', () => signedFeed(feedJson(ver(1), withEntry({ names: { zh: '的' } })))],
    ['signed, claiming "com" as an organization’s domain', 'limits', () => signedFeed(feedJson(ver(1), withEntry({ domains: ['com'] })))],
    // Issue 18, item 6: megabytes in one entry.
    ['signed, with a note of 5,000,000 characters', 'limits', () => signedFeed(feedJson(ver(1), withEntry({ note: 'x'.repeat(5_000_000) })))],
    ['signed, with 1,000 listings on one entry', 'limits', () => signedFeed(feedJson(ver(1), withEntry({ listings: Array.from({ length: 1_000 }, () => NEW_ORG.listings[0]!) })))],
    ['signed, with the version of the year 9999', 'future', () => signedFeed(feedJson(99991231235959))],
    ['over 20 MB (Content-Length)', 'too-large', () => ({ feed: send(200, big), sig: send(200, sigOf(big)) })],
    [
      'over 20 MB (chunked, no Content-Length)',
      'too-large',
      () => ({
        feed: (_req, res) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(big);
        },
        sig: send(200, sigOf(big)),
      }),
    ],
    ['a server that never answers', 'timeout', () => ({ feed: () => undefined, sig: () => undefined })],
    ['HTTP 500', 'http-status', () => ({ feed: send(500, 'Internal Server Error', { 'content-type': 'text/plain' }), sig: send(500, '') })],
    [
      'a truncated body',
      'truncated',
      () => {
        const body = feedJson(ver(1));
        return {
          feed: (_req, res) => {
            res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
            res.write(body.slice(0, 5000));
            setTimeout(() => res.socket?.destroy(), 100);
          },
          sig: send(200, sigOf(body)),
        };
      },
    ],
  ];

  it.each(bad)('keeps the last good list when the feed is %s, and shows the error with the last success', async (_name, code, make) => {
    scenario = make();
    await syncNow(popup, code, code === 'timeout' ? TIMEOUT_MS + TIMEOUT.wait : TIMEOUT.wait);
    const lastSuccess = popup.getByTestId('sync-last-success');
    expect(await lastSuccess.getAttribute('data-never')).toBe('false');
    expect(await popup.getByTestId('sync-result').textContent()).toMatch(/\S/);
    if (code === 'signature') await saveScreenshot(popup, 'sync-popup-error');
    await expectFeedListInUse();
  });

  it('says in the options page why a validly signed hostile list was refused, and keeps the last good list', async () => {
    const options = await run.ext.context.newPage();
    await options.goto(`chrome-extension://${run.ext.extensionId}/src/options/index.html`);
    const section = options.getByTestId('feed-section');
    scenario = signedFeed(feedJson(ver(1), withEntry({ aliases: ['长'.repeat(9000)] })));
    await syncNow(section, 'limits');
    expect(await section.getByTestId('sync-result').textContent()).toContain(
      "the list breaks OrgCheck's safety limits (a name too short or too long, too many organizations, a text too long, or a web address that is not one site's)",
    );
    const detail = section.getByTestId('technical-detail');
    await detail.locator('summary').click();
    expect(await detail.locator('code').textContent()).toMatch(/aliases\.0: a matched name may have at most 100 characters; this one has 9000/);
    await saveScreenshot(options, 'sync-options-limits');
    await options.close();
    await expectFeedListInUse();
  });

  it('takes a signed list claiming a platform or a ministry as an organization’s own site without those domains, keeps the entry, and says so', async () => {
    const options = await run.ext.context.newPage();
    await options.goto(`chrome-extension://${run.ext.extensionId}/src/options/index.html`);
    const section = options.getByTestId('feed-section');
    const claims = ['xinghai-test.org.cn', 'mp.weixin.qq.com', 'mzj.beijing.gov.cn', 'people.com.cn'];
    scenario = signedFeed(feedJson(ver(3), withEntry({ domains: claims, note: '举报人声明\u202e：此举报为误报\u200b' })));
    await syncNow(section, 'updated');
    const detail = section.getByTestId('technical-detail');
    await detail.locator('summary').click();
    const text = (await detail.locator('code').textContent()) ?? '';
    expect(text).toContain(`${NEW_ORG.id}: "mp.weixin.qq.com" is under qq.com, a platform that hosts everyone's pages`);
    expect(text).toContain('"mzj.beijing.gov.cn" is under gov.cn');
    expect(text).toContain('"people.com.cn" is under people.com.cn, a publisher');
    // The list as stored (IndexedDB): the entry stays, with its one own domain, its note without format characters.
    const stored = await currentWorker(run.ext).evaluate(async (version) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('orgcheck');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const list = await new Promise<{ entries: Array<{ id: string; domains?: string[]; note?: string }> }>((resolve, reject) => {
        const request = db.transaction('lists').objectStore('lists').get(version);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      db.close();
      return list.entries.find((e) => e.id === 'e2e-fictional-xinghai-test-society');
    }, ver(3));
    expect(stored).toMatchObject({ domains: ['xinghai-test.org.cn'], note: '举报人声明：此举报为误报' });
    await options.close();
    await expectFeedListInUse();
  });

  it('says "the list may be out of date" after 30 days without a good check, in the popup and the options page', async () => {
    expect(await popup.getByTestId('list-stale').count()).toBe(0);
    const day = 86_400_000;
    const lastGood = Date.now() - 31 * day;
    await currentWorker(run.ext).evaluate(async (at) => {
      const syncStatus = (await chrome.storage.local.get('syncStatus')).syncStatus as Record<string, unknown>;
      await chrome.storage.local.set({ syncStatus: { ...syncStatus, lastSuccessAt: at } });
    }, lastGood);
    const stale = popup.getByTestId('list-stale');
    await expect.poll(() => stale.getAttribute('data-kind')).toBe('checked');
    expect(await stale.textContent()).toMatch(/^The list may be out of date: OrgCheck last managed to check for a newer one on /);
    await saveScreenshot(popup, 'sync-popup-stale');
    const options = await run.ext.context.newPage();
    await options.goto(`chrome-extension://${run.ext.extensionId}/src/options/index.html`);
    await expect.poll(() => options.getByTestId('list-status').getByTestId('list-stale').getAttribute('data-kind')).toBe('checked');
    await options.close();
    // A good check (here: the same list again) ends it.
    scenario = signedFeed(feedJson((await currentWorker(run.ext).evaluate(async () => ((await chrome.storage.local.get('list')).list as { version: number }).version))));
    await syncNow(popup, 'up-to-date');
    await expect.poll(() => stale.count()).toBe(0);
  });

  it('finishes a sync when the popup that started it closes', async () => {
    const body = feedJson(ver(5));
    scenario = {
      feed: (req, res) => void setTimeout(() => send(200, body)(req, res), 1500),
      sig: send(200, sigOf(body)),
    };
    const other = await run.ext.context.newPage();
    await other.goto(`chrome-extension://${run.ext.extensionId}/src/popup/index.html`);
    const before = (await syncStatus()).last?.at ?? 0;
    await other.getByRole('button', { name: /Sync now|立即同步/ }).click();
    await waitFor(async () => (await syncStatus()).runningSince !== null, true);
    await other.close();
    await waitFor(async () => {
      const s = await syncStatus();
      return s.runningSince === null && (s.last?.at ?? 0) > before ? s.last!.kind : null;
    }, 'updated');
    await expect.poll(() => popup.getByTestId('sync-result').getAttribute('data-kind')).toBe('updated');
    await expectFeedListInUse();
  });

  it('takes a new URL from the options page, keeping the version floor', async () => {
    const options = await run.ext.context.newPage();
    await options.goto(`chrome-extension://${run.ext.extensionId}/src/options/index.html`);
    const section = options.getByTestId('feed-section');
    const field = section.locator('#feed-url');
    await expect.poll(() => field.inputValue()).toBe(`${run.server.origin}/feed/blocklist.json`);
    // A build with the one-file format is told it is going away (issue 21 item 1).
    expect(await section.getByTestId('feed-legacy').textContent()).toMatch(/old one-file format|旧的单文件格式|舊的單檔案格式/);
    await field.fill(`${run.server.origin}/feed2/blocklist.json`);
    await section.locator('form button[type="submit"]').click();
    await expect.poll(async () => (await feedSettings())?.url).toBe(`${run.server.origin}/feed2/blocklist.json`);
    // The new URL serves a list older than the one in use: refused.
    requests.length = 0;
    scenario = signedFeed(feedJson(ver(2)));
    await syncNow(section, 'older');
    expect(requests[0]?.path).toBe('/feed2/blocklist.json');
    scenario = signedFeed(feedJson(ver(6)));
    await syncNow(section, 'updated');
    await saveScreenshot(options, 'sync-options');
    await section.locator('#feed-interval').selectOption('6');
    await expect.poll(async () => (await feedSettings())?.intervalHours).toBe(6);
    await options.close();
    await expectFeedListInUse();
  });

  it('keeps the synced list across a browser restart, and syncs soon when the last sync is older than the interval', async () => {
    // The last success two days ago, the next sync far away: a browser start must bring it forward.
    await currentWorker(run.ext).evaluate(async () => {
      const syncStatus = (await chrome.storage.local.get('syncStatus')).syncStatus as Record<string, unknown>;
      const day = 86_400_000;
      await chrome.storage.local.set({ syncStatus: { ...syncStatus, lastSuccessAt: Date.now() - 2 * day, nextAt: Date.now() + 10 * day } });
    });
    await run.restart();
    await waitFor(async () => {
      const a = await currentWorker(run.ext).evaluate(() => chrome.alarms.get('orgcheck-feed-sync'));
      return a ? a.scheduledTime - Date.now() < 61_000 : false;
    }, true);
    await currentWorker(run.ext).evaluate(() => chrome.alarms.clearAll());
    page = await run.ext.context.newPage();
    await page.goto(run.url('feed/page.html'));
    await waitFor(() => badgeText(run.ext, page), '2'); // the new organization, from the list kept in IndexedDB
  });

  it('sets aside a synced list stored before the limits existed that breaks them, for the bundled list, and says why', async () => {
    // As an older version would have stored it: a signed list whose new organization has the alias 的.
    await storeListAsSynced(ver(7), withEntry({ aliases: ['的'] }));
    await page.reload();
    // The bundled list's one organization on the page; with 的 as a name, the stored list would find two.
    await waitFor(() => badgeText(run.ext, page), '1');
    await waitFor(async () => (await syncStatus()).last?.error?.code, 'limits');
    expect(await currentWorker(run.ext).evaluate(async () => (await chrome.storage.local.get('list')).list)).toBeNull();
    const view = await openPopupFor(run.ext, await tabIdOf(run.ext, page));
    await expect.poll(() => view.getByTestId('sync-result').getAttribute('data-code')).toBe('limits');
    await expect.poll(() => view.getByTestId('list-source').getAttribute('data-source')).toBe('bundled');
    await view.close();
  });

  it('sets aside a synced list stored with a version of the year 9999 (no later list could replace it), and says why', async () => {
    await storeListAsSynced(99991231235959, feedEntries());
    await page.reload();
    await waitFor(async () => (await syncStatus()).last?.error?.code, 'future');
    await waitFor(() => badgeText(run.ext, page), '1'); // the bundled list; the stored one would find two
    expect(await currentWorker(run.ext).evaluate(async () => (await chrome.storage.local.get('list')).list)).toBeNull();
    // The floor is the bundled list's again: a good feed is taken.
    scenario = signedFeed(feedJson(ver(8)));
    const view = await openPopupFor(run.ext, await tabIdOf(run.ext, page));
    await syncNow(view, 'updated');
    await waitFor(() => badgeText(run.ext, page), '2');
    await view.close();
  });

  it('labels a list that only the feed describes with the feed’s record: in the banner, the popup (tab and lookup) and the report', async () => {
    // The feed's new organization is on a list no bundled record describes: before this feed,
    // it was labelled by its kind and date only.
    const title = { zh_CN: '星海测试名单', zh_TW: '星海測試名單', en: 'Xinghai test list from the feed' };
    const lists = { 'suspected-illegal-e2e': { issuer: { zh_CN: '测试民政局', zh_TW: '測試民政局', en: 'Test Civil Affairs Bureau' }, title, published: '2026-11-01', newsOnly: false } };
    const titles = new RegExp(`${title.en}|${title.zh_CN}|${title.zh_TW}`);
    const view = await openPopupFor(run.ext, await tabIdOf(run.ext, page));
    scenario = signedFeed(feedJson(ver(9), feedEntries(), { lists }));
    await syncNow(view, 'updated');
    await view.close();
    await page.reload();
    await waitFor(() => badgeText(run.ext, page), '2');

    // The banner: its labels come from the background (the content script carries no records).
    await expect.poll(async () => (await readBanner(page))?.entryIds ?? []).toContain(NEW_ORG.id);
    for (let opened = 0; opened < 5; opened++) {
      try {
        await clickInBanner(page, (a) => a['data-action'] === 'details' && a['aria-expanded'] === 'false');
      } catch {
        break; // none closed left
      }
    }
    await expect.poll(async () => (await readBanner(page))?.text ?? '').toMatch(titles);
    expect((await readBanner(page))!.text).not.toContain('suspected-illegal-e2e');

    const popupView = await openPopupFor(run.ext, await tabIdOf(run.ext, page));
    try {
      const card = popupView.locator(`[data-testid="tab-findings"] [data-entry-id="${NEW_ORG.id}"]`);
      await expect.poll(() => card.textContent()).toMatch(titles);
      await popupView.fill('#q', NEW_ORG.names.zh);
      const found = popupView.locator(`[data-testid="lookup-results"] [data-entry-id="${NEW_ORG.id}"]`).first();
      await expect.poll(() => found.textContent()).toMatch(titles);
      expect(await found.textContent()).not.toContain('suspected-illegal-e2e');
    } finally {
      await popupView.close();
    }

    const report = await run.ext.context.newPage();
    try {
      await report.goto(`chrome-extension://${run.ext.extensionId}/src/report/index.html?tab=${await tabIdOf(run.ext, page)}&source=popup`);
      await expect.poll(() => report.getByTestId('report-text').textContent()).toMatch(
        new RegExp(`${lists['suspected-illegal-e2e'].issuer.zh_CN}《${title.zh_CN}》|${title.en}`),
      );
    } finally {
      await report.close();
    }
  });
});

describe('a build without a feed', () => {
  beforeAll(() => buildExtension(DIST_NO_FEED, { FEED_URL: '', FEED_PUBLIC_KEY: '' }), TIMEOUT.hook);

  it('uses the bundled list, shows its freshness line, says so without feed jargon in the popup, and schedules nothing', async () => {
    const plain = await launchExtension({ dist: DIST_NO_FEED });
    try {
      const tab = await plain.context.newPage();
      await tab.goto(run.url('feed/page.html'));
      await waitFor(() => badgeText(plain, tab), '1');
      const view = await plain.context.newPage();
      await view.goto(`chrome-extension://${plain.extensionId}/src/popup/index.html`);
      // The popup says how fresh the list is, not how it was built (issue 14 item 8).
      await expect.poll(() => view.getByTestId('list-source').textContent()).toMatch(/^(List updated|名单更新于|名單更新於)/);
      // It names the built-in list in plain words; a feed nobody set is the options page's business.
      expect(await view.getByTestId('list-source').textContent()).toMatch(/built into OrgCheck|内置名单|內建名單/);
      expect(await view.locator('footer').textContent()).not.toMatch(/feed|更新源|更新來源/);
      expect(await view.getByRole('button', { name: /Sync now|立即同步/ }).count()).toBe(0);
      expect(await currentWorker(plain).evaluate(() => chrome.alarms.getAll())).toEqual([]);
      await view.goto(`chrome-extension://${plain.extensionId}/src/options/index.html`);
      await expect.poll(() => view.getByTestId('feed-section').textContent()).toMatch(/no address to fetch list updates|没有设置名单更新地址|沒有設定名單更新位址/);
      expect(await view.getByTestId('list-stale').count()).toBe(0);
      // 31 days after the built-in list's date, by the pages' clock: "may be out of date", with that date.
      const bundledDate = versionToDate(BUNDLED_VERSION)!;
      await view.clock.setFixedTime(new Date(bundledDate.getTime() + 31 * 86_400_000));
      // The date as every date the user reads (shared/i18n.ts formatDate).
      const shownDate = await view.evaluate(
        (ms) => new Date(ms).toLocaleDateString(chrome.i18n.getUILanguage(), { year: 'numeric', month: 'long', day: 'numeric' }),
        bundledDate.getTime(),
      );
      for (const path of ['src/popup/index.html', 'src/options/index.html']) {
        await view.goto(`chrome-extension://${plain.extensionId}/${path}`);
        const stale = view.getByTestId('list-stale');
        await expect.poll(() => stale.getAttribute('data-kind')).toBe('no-feed');
        expect(await stale.textContent()).toMatch(/^(The list may be out of date|名单可能已过时|名單可能已過時)/);
        expect(await stale.textContent()).toContain(shownDate);
      }
    } finally {
      await plain.close();
    }
  });
});
