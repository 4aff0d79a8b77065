/**
 * Feed hosts for the v1 feed's end-to-end tests (Chromium and Firefox alike): keys made for the
 * run, signed pointers, list files and key statements, and HTTP servers on 127.0.0.1 (another
 * port: another host) serving a folder whose files a test sets.
 */
import { createHash, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ROOT } from '../scripts/lib/extension-browser.mjs';
import { versionFromDate, versionToDate } from '../src/core/feed/version';
import type { BlocklistEntry } from '../src/core/list-schema';

const BUNDLED = JSON.parse(readFileSync(join(ROOT, 'data/organizations.json'), 'utf8')) as BlocklistEntry[];
const BUNDLED_VERSION = (JSON.parse(readFileSync(join(ROOT, 'data/list-version.json'), 'utf8')) as { version: number }).version;
export const DAY = 86_400_000;

export interface Key {
  id: string;
  priv: KeyObject;
  pub: string;
}
export function makeKey(id: string): Key {
  const { privateKey } = generateKeyPairSync('ed25519');
  const x = createPublicKey(privateKey).export({ format: 'jwk' }).x!;
  return { id, priv: privateKey, pub: Buffer.from(x, 'base64url').toString('base64') };
}
/** The run's keys: one root and three signing keys, made fresh for each test file. */
export const ROOT_KEY = makeKey('root-1');
export const SIGN_1 = makeKey('sign-1');
export const SIGN_2 = makeKey('sign-2');
export const SIGN_3 = makeKey('sign-3');

export const sigFile = (body: string, ...keys: Key[]) => `${keys.map((k) => `${k.id} ${sign(null, Buffer.from(body), k.priv).toString('base64')}`).join('\n')}\n`;
export const iso = (ms: number) => new Date(ms).toISOString();
/** List versions a day after the bundled list's, `n` seconds apart. */
export const ver = (n: number) => versionFromDate(new Date(versionToDate(BUNDLED_VERSION)!.getTime() + DAY + n * 1000));

export function newOrg(n: number): BlocklistEntry {
  return {
    id: `e2e-hosts-org-${n}`,
    names: { zh: `星海虚构第${'一二三四五六七八九十'[n]}测试促进会` },
    aliases: [],
    listings: [{ list: 'suspected-illegal-e2e', kind: 'suspected-illegal', published: '2026-11-01', sources: [] }],
    warn: true,
    exact: false,
  };
}
/** The list file of version `n`: the bundled list and one organization more. */
export const listFile = (version: number, n: number) =>
  JSON.stringify({ schemaVersion: 1, version, generatedAt: '2026-11-29T00:00:00.000Z', entries: [...BUNDLED, newOrg(n)] });

export type Files = Record<string, string>;

/** A feed folder at list version `version` (organization `n` added), its pointer signed by `key`. */
export function feed(version: number, n: number, key: Key, pointer: Record<string, unknown> = {}): Files {
  const file = listFile(version, n);
  const latest = JSON.stringify({
    type: 'orgcheck-pointer',
    version,
    sha256: createHash('sha256').update(file).digest('hex'),
    size: Buffer.byteLength(file),
    generatedAt: '2026-11-29T00:00:00.000Z',
    expires: iso(Date.now() + 45 * DAY),
    keyId: key.id,
    ...pointer,
  });
  return { 'v1/latest.json': latest, 'v1/latest.json.sig': sigFile(latest, key), [`v1/blocklist-${version}.json`]: file };
}

/** A key statement, signed by `by`. */
export function keys(version: number, signing: Key[], revoked: string[], ...by: Key[]): Files {
  const body = JSON.stringify({
    type: 'orgcheck-keys',
    version,
    expires: iso(Date.now() + 365 * DAY),
    root: { id: ROOT_KEY.id, key: ROOT_KEY.pub },
    signing: signing.map((k) => ({ id: k.id, key: k.pub, notBefore: iso(Date.now() - DAY), expires: iso(Date.now() + 365 * DAY) })),
    revoked,
  });
  return { 'v1/keys.json': body, 'v1/keys.json.sig': sigFile(body, ...by) };
}

/** One host: an HTTP server on 127.0.0.1 serving `files` below /f/ (null: it drops every connection). */
export interface Host {
  server: Server;
  port: number;
  files: Files | null;
  log: string[];
  folder: string;
}
export async function startHost(name = '127.0.0.1'): Promise<Host> {
  const host: Host = { server: createServer(), port: 0, files: null, log: [], folder: '' };
  host.server.on('request', (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    host.log.push(path);
    if (!host.files) return void req.socket.destroy();
    const body = path.startsWith('/f/') ? host.files[path.slice(3)] : undefined;
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return void res.end('not found');
    }
    res.writeHead(200, { 'content-type': path.endsWith('.sig') ? 'text/plain' : 'application/json', 'content-length': String(Buffer.byteLength(body)) });
    res.end(body);
  });
  await new Promise<void>((resolve) => host.server.listen(0, '127.0.0.1', resolve));
  host.port = (host.server.address() as AddressInfo).port;
  host.folder = `http://${name}:${host.port}/f/`;
  return host;
}
