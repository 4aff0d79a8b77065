#!/usr/bin/env node
/**
 * npm run feed:verify -- --hosts "https://a.example/x/ https://b.example/" [--root ID:KEY] [--signing ID:KEY]
 *                        [--max-lag-hours 48] [--min-expiry-days 7]
 *
 * Fetches every host's v1 feed as a fresh client of a build with these keys would (the key
 * statement, the pointer and its signature, the list file and its sha256: core/feed/host-sync.ts)
 * and reports, per host, the version it serves and when its pointer expires. Exits 1 when a host
 * fails, when a host serves an older version than the newest one for more than --max-lag-hours
 * after that was published, or when the newest pointer expires within --min-expiry-days (time
 * to run `npm run feed -- refresh`). Needs no secret: only public keys.
 *
 * Hosts, keys: the flags, else the environment a build reads (FEED_URLS, FEED_ROOT_KEY,
 * FEED_SIGNING_KEY). Used by .github/workflows/feed-verify.yml on a schedule.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runnerImport } from 'vite';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const { values } = parseArgs({
  options: {
    hosts: { type: 'string' },
    root: { type: 'string' },
    signing: { type: 'string' },
    'max-lag-hours': { type: 'string', default: '48' },
    'min-expiry-days': { type: 'string', default: '7' },
    help: { type: 'boolean', short: 'h' },
  },
});
const USAGE = 'usage: npm run feed:verify -- --hosts "https://a.example/x/ https://b.example/" [--root ID:KEY] [--signing ID:KEY] [--max-lag-hours 48] [--min-expiry-days 7]';
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
function die(message) {
  console.error(message);
  process.exit(2);
}

const load = async (path) => (await runnerImport(join(ROOT, path), { configFile: false, logLevel: 'silent', root: ROOT })).module;
const core = await load('src/core/feed/index.ts');
const urlPolicy = await load('src/core/url-policy.ts');

const hostsText = values.hosts ?? process.env.FEED_URLS ?? '';
let hosts;
try {
  hosts = core.parseFeedUrls(hostsText).flat();
} catch (error) {
  die(`--hosts: ${error.message}`);
}
if (hosts.length === 0) die(USAGE);
const root = core.parseKeyRef(values.root ?? process.env.FEED_ROOT_KEY ?? '');
const signing = core.parseKeyRef(values.signing ?? process.env.FEED_SIGNING_KEY ?? '');
if (!root || !signing) die('the root and signing public keys are needed as ID:KEY (--root, --signing, or FEED_ROOT_KEY, FEED_SIGNING_KEY)');
const maxLagMs = Number(values['max-lag-hours']) * HOUR;
const minExpiryMs = Number(values['min-expiry-days']) * DAY;

/** The client's request rules, in Node: https redirects only, no cache, the body capped. */
async function get(url, { cap }) {
  try {
    const response = await fetch(url, { redirect: 'follow', cache: 'no-store', signal: AbortSignal.timeout(30_000) });
    if (response.redirected && !urlPolicy.isSecureFetchUrl(response.url)) return { kind: 'error', error: { code: 'redirect', detail: response.url } };
    const body = new Uint8Array(await response.arrayBuffer());
    if (body.length > cap) return { kind: 'error', error: { code: 'too-large', detail: `${body.length} bytes` } };
    return { kind: 'file', file: { status: response.status, contentType: response.headers.get('content-type'), body }, etag: response.headers.get('etag') };
  } catch (error) {
    return { kind: 'error', error: { code: error?.name === 'TimeoutError' ? 'timeout' : 'network', detail: String(error?.cause?.message ?? error?.message ?? error) } };
  }
}

const now = Date.now();
const results = [];
for (const host of hosts) {
  const result = await core.syncFromHosts({
    tiers: [[host]],
    trust: core.initialTrust(root),
    buildSigning: signing,
    inUse: { source: 'bundled', version: 20000101000000 },
    etags: {},
    now,
    get,
  });
  results.push({ host, result });
}

const served = results.filter((r) => r.result.outcome.kind !== 'error').map((r) => ({ host: r.host, pointer: r.result.pointer }));
const newest = served.reduce((best, r) => (!best || r.pointer.version > best.pointer.version ? r : best), null);
const problems = [];
for (const { host, result } of results) {
  if (result.outcome.kind === 'error') {
    const error = result.outcome.error;
    console.log(`✗ ${host}: ${error.code}${error.detail ? ` (${error.detail})` : ''}`);
    problems.push(`${host} serves no usable list`);
    continue;
  }
  const p = result.pointer;
  const left = Date.parse(p.expires) - now;
  const behind = newest && p.version < newest.pointer.version;
  console.log(`${behind ? '!' : '✓'} ${host}: version ${p.version}, key ${p.keyId}, expires ${p.expires} (in ${(left / DAY).toFixed(1)} days)${behind ? `, behind ${newest.pointer.version}` : ''}`);
  if (behind && now - Date.parse(newest.pointer.generatedAt) > maxLagMs) {
    problems.push(`${host} still serves ${p.version}, ${((now - Date.parse(newest.pointer.generatedAt)) / HOUR).toFixed(0)} h after ${newest.pointer.version} was published`);
  }
}
if (newest) {
  const left = Date.parse(newest.pointer.expires) - now;
  if (left < minExpiryMs) problems.push(`the newest pointer (${newest.pointer.version}) expires on ${newest.pointer.expires}: run npm run feed -- refresh and upload it`);
}
if (problems.length) {
  console.log(`\n${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`\nall ${hosts.length} host(s) serve version ${newest.pointer.version}`);
