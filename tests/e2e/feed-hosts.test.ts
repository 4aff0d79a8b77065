/**
 * The v1 feed in Chromium (issue 21): several hosts in tiers, a signed pointer naming an
 * immutable list file, key statements that rotate and revoke signing keys, hosts carried by a
 * feed. Each host is its own HTTP server on 127.0.0.1 (another port: another host), serving a
 * folder whose files the test sets. The build (dist-e2e-hosts/) names three of them as three
 * tiers, with a root key and a signing key made for this run, and allows carried hosts under
 * 127.0.0.1 only. Syncs are started with the popup's "Sync now"; the tests run in order, each
 * from the state the one before left.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, feed, iso, keys, listFile, ROOT_KEY, SIGN_1, SIGN_2, SIGN_3, startHost, ver, type Host } from '../feed-hosts-kit';
import { currentWorker, openPopupFor, ROOT, tabIdOf, waitFor } from './harness';
import { PAGES } from './fixtures';
import { useExtension } from './use-extension';

const DIST = join(ROOT, 'dist-e2e-hosts');

let h1: Host, h2: Host, h3: Host, h4: Host, h5: Host;
beforeAll(async () => {
  [h1, h2, h3, h4] = await Promise.all([startHost(), startHost(), startHost(), startHost()]);
  // Another host name (localhost), outside the build's allowlist (127.0.0.1).
  h5 = await startHost('localhost');
});
afterAll(async () => {
  for (const h of [h1, h2, h3, h4, h5]) await new Promise((r) => h?.server.close(r));
});

const run = useExtension({
  dist: DIST,
  build: () => ({
    FEED_URLS: `${h1.folder};${h2.folder};${h3.folder}`,
    FEED_ROOT_KEY: `${ROOT_KEY.id}:${ROOT_KEY.pub}`,
    FEED_SIGNING_KEY: `${SIGN_1.id}:${SIGN_1.pub}`,
    FEED_HOST_ALLOW: '127.0.0.1',
    FEED_TIMEOUT_MS: '3000',
  }),
});

let popup: Page;

interface Status {
  runningSince: number | null;
  last: { kind: string; at: number; error?: { code: string } } | null;
  hosts?: Array<{ host: string; result: string; error?: { code: string }; keys?: string }>;
}
const storage = <T,>(key: string) => currentWorker(run.ext).evaluate(async (k) => (await chrome.storage.local.get(k))[k], key) as Promise<T>;
const listVersion = async () => (await storage<{ version: number } | null>('list'))?.version ?? null;
const hostResults = async () => ((await storage<Status>('syncStatus')).hosts ?? []).map((h) => [h.host, h.error?.code ?? h.result, h.keys ?? '']);

/** Clicks "Sync now" in the popup and waits for that sync's result in storage; returns its kind or error code. */
async function syncNow(): Promise<string> {
  const before = (await storage<Status | undefined>('syncStatus'))?.last?.at ?? 0;
  await popup.getByRole('button', { name: /Sync now|立即同步/ }).click();
  let last: Status['last'] = null;
  await waitFor(async () => {
    const s = await storage<Status>('syncStatus');
    last = s.last;
    return s.runningSince === null && (s.last?.at ?? 0) > before;
  }, true);
  const l = last as Status['last'];
  return l!.kind === 'error' ? l!.error!.code : l!.kind;
}

describe('the v1 feed across hosts', () => {
  beforeAll(async () => {
    await currentWorker(run.ext).evaluate(() => chrome.alarms.clearAll());
    const page = await run.ext.context.newPage();
    await page.goto(run.url(PAGES.none));
    popup = await openPopupFor(run.ext, await tabIdOf(run.ext, page));
  });

  it('passes a host that is down and one serving an expired pointer, updates from the third tier, and the popup names it', async () => {
    h1.files = null;
    h2.files = feed(ver(2), 2, SIGN_1, { expires: iso(Date.now() - DAY) });
    h3.files = feed(ver(1), 1, SIGN_1);
    expect(await syncNow()).toBe('updated');
    expect(await listVersion()).toBe(ver(1));
    expect(await hostResults()).toEqual([
      [h1.folder, 'network', ''],
      [h2.folder, 'expired', ''],
      [h3.folder, 'updated', ''],
    ]);
    // The expired pointer's list was never fetched.
    expect(h2.log).not.toContain(`/f/v1/blocklist-${ver(2)}.json`);
    // No install id, no random query: the same paths every client asks for.
    expect(h3.log).toEqual(['/f/v1/keys.json', '/f/v1/latest.json', '/f/v1/latest.json.sig', `/f/v1/blocklist-${ver(1)}.json`]);
    await popup.reload();
    await expect.poll(() => popup.getByTestId('list-host').getAttribute('data-host')).toBe(`127.0.0.1:${h3.port}`);
    expect(await popup.getByTestId('list-host').textContent()).toMatch(new RegExp(`127\\.0\\.0\\.1:${h3.port}`));
  });

  it('says the newest list any host serves has expired, and keeps the list in use', async () => {
    h2.files = null;
    h3.files = feed(ver(1), 1, SIGN_1, { expires: iso(Date.now() - DAY) });
    expect(await syncNow()).toBe('expired');
    expect(await listVersion()).toBe(ver(1));
    await expect.poll(() => popup.getByTestId('list-expired').count()).toBe(1);
    const hosts = popup.getByTestId('sync-hosts');
    await expect.poll(() => hosts.locator(`li[data-host="127.0.0.1:${h3.port}"]`).getAttribute('data-result')).toBe('expired');
  });

  it('refuses a list file whose sha256 is not the pointer’s, and keeps the last good list', async () => {
    const files = feed(ver(3), 3, SIGN_1);
    files[`v1/blocklist-${ver(3)}.json`] = listFile(ver(3), 4);
    h3.files = files;
    expect(await syncNow()).toBe('hosts');
    expect((await hostResults()).at(-1)).toEqual([h3.folder, 'hash', '']);
    expect(await listVersion()).toBe(ver(1));
    await expect.poll(() => popup.getByTestId('sync-hosts').locator(`li[data-host="127.0.0.1:${h3.port}"]`).getAttribute('data-result')).toBe('hash');
  });

  it('refuses a key statement signed by a signing key', async () => {
    h3.files = { ...feed(ver(3), 3, SIGN_2), ...keys(2, [SIGN_2], [SIGN_1.id], SIGN_1) };
    expect(await syncNow()).toBe('hosts');
    expect((await hostResults()).at(-1)).toEqual([h3.folder, 'keys', '']);
    expect((await storage('feedTrust')) ?? null).toBeNull();
    expect(await listVersion()).toBe(ver(1));
  });

  it('rotates to a new signing key: its feeds are taken, the old key’s refused', async () => {
    h3.files = { ...feed(ver(3), 3, SIGN_2), ...keys(2, [SIGN_2], [], ROOT_KEY) };
    expect(await syncNow()).toBe('updated');
    expect(await listVersion()).toBe(ver(3));
    expect((await hostResults()).at(-1)).toEqual([h3.folder, 'updated', 'newer']);
    h3.files = { ...feed(ver(4), 4, SIGN_1), ...keys(2, [SIGN_2], [], ROOT_KEY) };
    expect(await syncNow()).toBe('hosts');
    expect((await hostResults()).at(-1)).toEqual([h3.folder, 'key-unknown', '']);
    expect(await listVersion()).toBe(ver(3));
  });

  it('refuses an older key statement, even one that lists the old key', async () => {
    h3.files = { ...feed(ver(4), 4, SIGN_1), ...keys(1, [SIGN_1], [], ROOT_KEY) };
    expect(await syncNow()).toBe('hosts');
    expect((await hostResults()).at(-1)).toEqual([h3.folder, 'key-unknown', 'older']);
    expect((await storage<{ statement: { version: number } }>('feedTrust')).statement.version).toBe(2);
    expect(await listVersion()).toBe(ver(3));
  });

  it('refuses a revoked key’s feed even when a host serves the earlier key statement that listed it', async () => {
    h3.files = { ...feed(ver(4), 4, SIGN_3), ...keys(3, [SIGN_3], [SIGN_2.id], ROOT_KEY) };
    expect(await syncNow()).toBe('updated');
    expect(await listVersion()).toBe(ver(4));
    h3.files = { ...feed(ver(5), 5, SIGN_2), ...keys(2, [SIGN_2], [], ROOT_KEY) };
    expect(await syncNow()).toBe('hosts');
    expect((await hostResults()).at(-1)).toEqual([h3.folder, 'key-revoked', 'older']);
    expect(await listVersion()).toBe(ver(4));
  });

  it('uses the hosts a feed carries on the next sync, within the allowlist only', async () => {
    // localhost in a tier of its own, first: were the allowlist not applied, it would be tried first.
    h3.files = { ...feed(ver(5), 5, SIGN_3, { hosts: [[h5.folder], [h4.folder]] }), ...keys(3, [SIGN_3], [SIGN_2.id], ROOT_KEY) };
    expect(await syncNow()).toBe('updated');
    expect(await listVersion()).toBe(ver(5));
    h4.files = feed(ver(6), 6, SIGN_3);
    h5.files = feed(ver(6), 6, SIGN_3);
    h3.log.length = 0;
    expect(await syncNow()).toBe('updated');
    expect(await listVersion()).toBe(ver(6));
    // The carried host comes first (the build's own stay last); localhost is outside the allowlist.
    expect((await hostResults())[0]).toEqual([h4.folder, 'updated', '']);
    expect(h5.log).toEqual([]);
    expect(h3.log).toEqual([]);
    await popup.reload();
    await expect.poll(() => popup.getByTestId('list-host').getAttribute('data-host')).toBe(`127.0.0.1:${h4.port}`);
  });

  it('says in the options page what each host answered; checks only on Sync now when the user chooses so', async () => {
    // The newest pointer (h4's) carried no hosts: from now on only the build's are tried.
    h4.files = null;
    expect(await syncNow()).toBe('hosts');
    expect(await hostResults()).toEqual([
      [h1.folder, 'network', ''],
      [h2.folder, 'network', ''],
      [h3.folder, 'older', ''],
    ]);
    const options = await run.ext.context.newPage();
    await options.goto(`chrome-extension://${run.ext.extensionId}/src/options/index.html`);
    const section = options.getByTestId('feed-section');
    const hosts = section.getByTestId('sync-hosts');
    await expect.poll(() => hosts.locator('li').count()).toBe(3);
    expect(await hosts.locator(`li[data-host="127.0.0.1:${h3.port}"]`).textContent()).toMatch(
      new RegExp(`^127\\.0\\.0\\.1:${h3.port}: the list offered is older than the one in use$`),
    );
    // The list in use came from the carried host.
    expect(await section.getByTestId('list-host').getAttribute('data-host')).toBe(`127.0.0.1:${h4.port}`);
    // A failed sync plans a retry.
    expect((await currentWorker(run.ext).evaluate(() => chrome.alarms.getAll())).length).toBe(1);
    await section.getByTestId('feed-manual-only').check();
    await expect.poll(async () => (await storage<{ manualOnly?: boolean }>('feedSettings')).manualOnly).toBe(true);
    await expect.poll(() => currentWorker(run.ext).evaluate(() => chrome.alarms.getAll())).toEqual([]);
    // Sync now still syncs, and plans nothing after.
    h3.files = { ...feed(ver(6), 6, SIGN_3), ...keys(3, [SIGN_3], [SIGN_2.id], ROOT_KEY) };
    await popup.reload();
    expect(await syncNow()).toBe('up-to-date');
    expect(await currentWorker(run.ext).evaluate(() => chrome.alarms.getAll())).toEqual([]);
    await options.close();
  });
});
