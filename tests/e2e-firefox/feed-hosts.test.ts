/**
 * The v1 feed in firefox-esr (issue 21), the same flows as tests/e2e/feed-hosts.test.ts, driven
 * from the popup page through BiDi: the first tier down, the second serving an expired pointer,
 * the third good → the list updates from the third and the popup names it; a list file whose
 * sha256 is not the pointer's is refused; key statements signed by a signing key, older ones and
 * revoked keys are refused, a rotation is taken; hosts a feed carries are used within the
 * allowlist only. A Firefox build of its own (dist-firefox-e2e-hosts/) names three 127.0.0.1
 * hosts, with keys made for this run. The tests run in order, each from the state the one before
 * left.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/extension-browser.mjs';
import { launchFirefox } from '../../scripts/lib/firefox-bidi.mjs';
import { DAY, feed, iso, keys, listFile, ROOT_KEY, SIGN_1, SIGN_2, SIGN_3, startHost, ver, type Host } from '../feed-hosts-kit';
import { TIMEOUT } from '../../scripts/lib/timeouts.mjs';
import { until } from './use-firefox';

const DIST = join(ROOT, 'dist-firefox-e2e-hosts');
const GECKO_ID = 'orgcheck@orgcheck.example';
const UUID = '5d2e3b5f-1c8e-4d2f-8b66-1f1f6d1e8b22';

type Firefox = Awaited<ReturnType<typeof launchFirefox>>;
let firefox: Firefox | undefined;
let hosts: Host[] = [];
let context = '';

async function evaluate(expression: string): Promise<unknown> {
  const answer = await firefox!.bidi.send('script.evaluate', { expression, target: { context }, awaitPromise: true });
  if (answer.type !== 'success') throw new Error(JSON.stringify(answer.exceptionDetails));
  return answer.result.type === 'null' || answer.result.type === 'undefined' ? null : answer.result.value;
}
/** Presses Sync now in the popup page and returns the result's kind or error code once stored. */
async function syncNow(): Promise<string> {
  const before = ((await evaluate(`browser.storage.local.get('syncStatus').then((s) => s.syncStatus?.last?.at ?? 0)`)) as number) ?? 0;
  await until(() => evaluate(`!!document.querySelector('[data-testid=sync-panel] button')`), (v) => v === true);
  await evaluate(`document.querySelector('[data-testid=sync-panel] button').click()`);
  const last = (await until(
    () => evaluate(`browser.storage.local.get('syncStatus').then((s) => s.syncStatus && s.syncStatus.runningSince === null && (s.syncStatus.last?.at ?? 0) > ${before} ? JSON.stringify(s.syncStatus.last) : null)`),
    (v) => v !== null,
  )) as string | null;
  expect(last, firefox!.stderr()).not.toBeNull();
  const parsed = JSON.parse(last!) as { kind: string; error?: { code: string } };
  return parsed.kind === 'error' ? parsed.error!.code : parsed.kind;
}

beforeAll(async () => {
  hosts = await Promise.all([startHost(), startHost(), startHost(), startHost()]);
  // Another host name (localhost), outside the build's allowlist (127.0.0.1).
  hosts.push(await startHost('localhost'));
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '-c', 'vite.firefox.config.ts', '--outDir', DIST, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: ROOT,
    stdio: 'pipe',
    env: {
      ...process.env,
      FEED_URLS: hosts.slice(0, 3).map((h) => h.folder).join(';'),
      FEED_ROOT_KEY: `${ROOT_KEY.id}:${ROOT_KEY.pub}`,
      FEED_SIGNING_KEY: `${SIGN_1.id}:${SIGN_1.pub}`,
      FEED_HOST_ALLOW: '127.0.0.1',
      FEED_TIMEOUT_MS: '3000',
    },
  });
  firefox = await launchFirefox({ allowSystemAccess: true, extensionUuids: { [GECKO_ID]: UUID } });
  const installed = await firefox.bidi.send('webExtension.install', { extensionData: { type: 'path', path: DIST } });
  expect(installed.extension).toBe(GECKO_ID);
  const { contexts } = await firefox.bidi.send('browsingContext.getTree', { maxDepth: 0 });
  context = contexts[0].context;
  await firefox.bidi.send('browsingContext.navigate', { context, url: `moz-extension://${UUID}/src/popup/index.html`, wait: 'complete' });
}, TIMEOUT.hook);

afterAll(async () => {
  await firefox?.close();
  for (const h of hosts) await new Promise((r) => h.server.close(r));
});

/** Each host's answer in the last sync: [folder, result or error code, key statement news]. */
const hostResults = async () =>
  JSON.parse(
    (await evaluate(
      `browser.storage.local.get('syncStatus').then((s) => JSON.stringify((s.syncStatus.hosts ?? []).map((h) => [h.host, h.error?.code ?? h.result, h.keys ?? ''])))`,
    )) as string,
  ) as string[][];
const listVersion = async () => (await evaluate(`browser.storage.local.get('list').then((s) => s.list?.version ?? null)`)) as number | null;

describe('the v1 feed in Firefox', () => {
  it('passes a host that is down and one serving an expired pointer, updates from the third tier, and the popup names it', async () => {
    const [h1, h2, h3] = hosts as [Host, Host, Host];
    h1.files = null;
    h2.files = feed(ver(2), 2, SIGN_1, { expires: iso(Date.now() - DAY) });
    h3.files = feed(ver(1), 1, SIGN_1);
    expect(await syncNow()).toBe('updated');
    expect((await hostResults()).map(([, r]) => r)).toEqual(['network', 'expired', 'updated']);
    expect(await listVersion()).toBe(ver(1));
    await firefox!.bidi.send('browsingContext.reload', { context, wait: 'complete' });
    const host = await until(() => evaluate(`document.querySelector('[data-testid=list-host]')?.getAttribute('data-host') ?? null`), (v) => v !== null);
    expect(host).toBe(`127.0.0.1:${h3.port}`);
  });

  it('refuses a list file whose sha256 is not the pointer’s, and keeps the last good list', async () => {
    const [, h2, h3] = hosts as [Host, Host, Host];
    h2.files = null;
    const files = feed(ver(3), 3, SIGN_1);
    files[`v1/blocklist-${ver(3)}.json`] = listFile(ver(3), 4);
    h3.files = files;
    expect(await syncNow()).toBe('hosts');
    expect((await hostResults()).at(-1)).toEqual([h3.folder, 'hash', '']);
    expect(await listVersion()).toBe(ver(1));
  });

  it('refuses a key statement signed by a signing key', async () => {
    const h3 = hosts[2]!;
    h3.files = { ...feed(ver(3), 3, SIGN_2), ...keys(2, [SIGN_2], [SIGN_1.id], SIGN_1) };
    expect(await syncNow()).toBe('hosts');
    expect((await hostResults()).at(-1)).toEqual([h3.folder, 'keys', '']);
    expect(await evaluate(`browser.storage.local.get('feedTrust').then((s) => s.feedTrust ?? null)`)).toBeNull();
    expect(await listVersion()).toBe(ver(1));
  });

  it('rotates to a new signing key: its feeds are taken, the old key’s refused', async () => {
    const h3 = hosts[2]!;
    h3.files = { ...feed(ver(3), 3, SIGN_2), ...keys(2, [SIGN_2], [], ROOT_KEY) };
    expect(await syncNow()).toBe('updated');
    expect(await listVersion()).toBe(ver(3));
    h3.files = { ...feed(ver(4), 4, SIGN_1), ...keys(2, [SIGN_2], [], ROOT_KEY) };
    expect(await syncNow()).toBe('hosts');
    expect((await hostResults()).at(-1)).toEqual([h3.folder, 'key-unknown', '']);
    expect(await listVersion()).toBe(ver(3));
  });

  it('refuses an older key statement, even one that lists the old key', async () => {
    const h3 = hosts[2]!;
    h3.files = { ...feed(ver(4), 4, SIGN_1), ...keys(1, [SIGN_1], [], ROOT_KEY) };
    expect(await syncNow()).toBe('hosts');
    expect((await hostResults()).at(-1)).toEqual([h3.folder, 'key-unknown', 'older']);
    expect(await listVersion()).toBe(ver(3));
  });

  it('refuses a revoked key’s feed even when a host serves the earlier key statement that listed it', async () => {
    const h3 = hosts[2]!;
    h3.files = { ...feed(ver(4), 4, SIGN_3), ...keys(3, [SIGN_3], [SIGN_2.id], ROOT_KEY) };
    expect(await syncNow()).toBe('updated');
    expect(await listVersion()).toBe(ver(4));
    h3.files = { ...feed(ver(5), 5, SIGN_2), ...keys(2, [SIGN_2], [], ROOT_KEY) };
    expect(await syncNow()).toBe('hosts');
    expect((await hostResults()).at(-1)).toEqual([h3.folder, 'key-revoked', 'older']);
    expect(await listVersion()).toBe(ver(4));
  });

  it('uses the hosts a feed carries on the next sync, within the allowlist only', async () => {
    const [, , h3, h4, h5] = hosts as [Host, Host, Host, Host, Host];
    h3.files = { ...feed(ver(5), 5, SIGN_3, { hosts: [[h5.folder], [h4.folder]] }), ...keys(3, [SIGN_3], [SIGN_2.id], ROOT_KEY) };
    expect(await syncNow()).toBe('updated');
    h4.files = feed(ver(6), 6, SIGN_3);
    h5.files = feed(ver(6), 6, SIGN_3);
    h3.log.length = 0;
    expect(await syncNow()).toBe('updated');
    expect(await listVersion()).toBe(ver(6));
    expect((await hostResults())[0]).toEqual([h4.folder, 'updated', '']);
    expect(h5.log).toEqual([]);
    expect(h3.log).toEqual([]);
  });
});
