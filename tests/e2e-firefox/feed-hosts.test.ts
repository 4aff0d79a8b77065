/**
 * The v1 feed in firefox-esr (issue 21), the flows its BiDi e2e reaches from the popup page:
 * the first tier down, the second serving an expired pointer, the third good → the list updates
 * from the third and the popup names it; then a list file whose sha256 is not the pointer's is
 * refused. A Firefox build of its own (dist-firefox-e2e-hosts/) names three 127.0.0.1 hosts, with
 * keys made for this run.
 */
import { execFileSync } from 'node:child_process';
import { createHash, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/extension-browser.mjs';
import { launchFirefox } from '../../scripts/lib/firefox-bidi.mjs';
import { versionFromDate, versionToDate } from '../../src/core/feed/version';
import { TIMEOUT } from '../../scripts/lib/timeouts.mjs';

const DIST = join(ROOT, 'dist-firefox-e2e-hosts');
const GECKO_ID = 'orgcheck@orgcheck.example';
const UUID = '5d2e3b5f-1c8e-4d2f-8b66-1f1f6d1e8b22';
const DAY = 86_400_000;
const BUNDLED = JSON.parse(readFileSync(join(ROOT, 'data/organizations.json'), 'utf8')) as unknown[];
const BUNDLED_VERSION = (JSON.parse(readFileSync(join(ROOT, 'data/list-version.json'), 'utf8')) as { version: number }).version;
const ver = (n: number) => versionFromDate(new Date(versionToDate(BUNDLED_VERSION)!.getTime() + DAY + n * 1000));
const iso = (ms: number) => new Date(ms).toISOString();

function makeKey(id: string) {
  const { privateKey } = generateKeyPairSync('ed25519');
  return { id, priv: privateKey, pub: Buffer.from(createPublicKey(privateKey).export({ format: 'jwk' }).x!, 'base64url').toString('base64') };
}
const ROOT_KEY = makeKey('root-1');
const SIGN_1 = makeKey('sign-1');

function feed(version: number, expires = Date.now() + 45 * DAY): Record<string, string> {
  const file = JSON.stringify({
    schemaVersion: 1,
    version,
    generatedAt: '2026-11-29T00:00:00.000Z',
    entries: [...BUNDLED, { id: 'e2e-firefox-org', names: { zh: '星海虚构火狐测试促进会' }, aliases: [], listings: [{ list: 'x-e2e', kind: 'suspected-illegal', published: '2026-11-01', sources: [] }], warn: true, exact: false }],
  });
  const latest = JSON.stringify({
    type: 'orgcheck-pointer',
    version,
    sha256: createHash('sha256').update(file).digest('hex'),
    size: Buffer.byteLength(file),
    generatedAt: '2026-11-29T00:00:00.000Z',
    expires: iso(expires),
    keyId: SIGN_1.id,
  });
  return {
    'v1/latest.json': latest,
    'v1/latest.json.sig': `${SIGN_1.id} ${sign(null, Buffer.from(latest), SIGN_1.priv).toString('base64')}\n`,
    [`v1/blocklist-${version}.json`]: file,
  };
}

interface Host {
  server: Server;
  folder: string;
  port: number;
  files: Record<string, string> | null;
}
async function startHost(): Promise<Host> {
  const host: Host = { server: createServer(), folder: '', port: 0, files: null };
  host.server.on('request', (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (!host.files) return void req.socket.destroy();
    const body = path.startsWith('/f/') ? host.files[path.slice(3)] : undefined;
    if (body === undefined) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((r) => host.server.listen(0, '127.0.0.1', r));
  host.port = (host.server.address() as AddressInfo).port;
  host.folder = `http://127.0.0.1:${host.port}/f/`;
  return host;
}

type Firefox = Awaited<ReturnType<typeof launchFirefox>>;
let firefox: Firefox | undefined;
let hosts: Host[] = [];
let context = '';

async function evaluate(expression: string): Promise<unknown> {
  const answer = await firefox!.bidi.send('script.evaluate', { expression, target: { context }, awaitPromise: true });
  if (answer.type !== 'success') throw new Error(JSON.stringify(answer.exceptionDetails));
  return answer.result.type === 'null' || answer.result.type === 'undefined' ? null : answer.result.value;
}
async function poll<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeout = 30_000): Promise<T> {
  let last = await read();
  for (const deadline = Date.now() + timeout; !ok(last) && Date.now() < deadline; ) {
    await new Promise((r) => setTimeout(r, 200));
    last = await read();
  }
  return last;
}
/** Presses Sync now in the popup page and returns the result's kind or error code once stored. */
async function syncNow(): Promise<string> {
  const before = ((await evaluate(`browser.storage.local.get('syncStatus').then((s) => s.syncStatus?.last?.at ?? 0)`)) as number) ?? 0;
  await poll(() => evaluate(`!!document.querySelector('[data-testid=sync-panel] button')`), (v) => v === true);
  await evaluate(`document.querySelector('[data-testid=sync-panel] button').click()`);
  const last = (await poll(
    () => evaluate(`browser.storage.local.get('syncStatus').then((s) => s.syncStatus && s.syncStatus.runningSince === null && (s.syncStatus.last?.at ?? 0) > ${before} ? JSON.stringify(s.syncStatus.last) : null)`),
    (v) => v !== null,
  )) as string | null;
  expect(last, firefox!.stderr()).not.toBeNull();
  const parsed = JSON.parse(last!) as { kind: string; error?: { code: string } };
  return parsed.kind === 'error' ? parsed.error!.code : parsed.kind;
}

beforeAll(async () => {
  hosts = await Promise.all([startHost(), startHost(), startHost()]);
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '-c', 'vite.firefox.config.ts', '--outDir', DIST, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: ROOT,
    stdio: 'pipe',
    env: {
      ...process.env,
      FEED_URLS: hosts.map((h) => h.folder).join(';'),
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

describe('the v1 feed in Firefox', () => {
  it('passes a host that is down and one serving an expired pointer, updates from the third tier, and the popup names it', async () => {
    const [h1, h2, h3] = hosts as [Host, Host, Host];
    h1.files = null;
    h2.files = feed(ver(2), Date.now() - DAY);
    h3.files = feed(ver(1));
    expect(await syncNow()).toBe('updated');
    const results = JSON.parse((await evaluate(`browser.storage.local.get('syncStatus').then((s) => JSON.stringify(s.syncStatus.hosts.map((h) => h.error?.code ?? h.result)))`)) as string);
    expect(results).toEqual(['network', 'expired', 'updated']);
    await firefox!.bidi.send('browsingContext.reload', { context, wait: 'complete' });
    const host = await poll(() => evaluate(`document.querySelector('[data-testid=list-host]')?.getAttribute('data-host') ?? null`), (v) => v !== null);
    expect(host).toBe(`127.0.0.1:${h3.port}`);
  });

  it('refuses a list file whose sha256 is not the pointer’s, and keeps the last good list', async () => {
    const [, h2, h3] = hosts as [Host, Host, Host];
    h2.files = null;
    const files = feed(ver(3));
    files[`v1/blocklist-${ver(3)}.json`] += ' ';
    h3.files = files;
    expect(await syncNow()).toBe('hosts');
    const last = JSON.parse((await evaluate(`browser.storage.local.get(['syncStatus', 'list']).then((s) => JSON.stringify([s.syncStatus.hosts.at(-1).error.code, s.list.version]))`)) as string);
    expect(last).toEqual(['hash', ver(1)]);
  });
});
