/**
 * The v1 feed tools as docs/publishing-the-list.md runs them: keygen with ids, `npm run feed --
 * keys` signed by the root, `npm run feed` writing the pointer, the immutable list file and the
 * signature into a folder, `refresh`; then a client's whole sync (core/feed/host-sync.ts) over
 * that folder, as a build with those keys would run it.
 */
import { execFile, execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { syncFromHosts, type Get } from '../../../src/core/feed/host-sync';
import { initialTrust } from '../../../src/core/feed/key-statement';
import { parseKeyRef } from '../../../src/core/feed/keyed-signature';

const ROOT = path.resolve(__dirname, '../../..');
const tmp = mkdtempSync(path.join(tmpdir(), 'orgcheck-feed-v1-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const run = (script: string, args: string[]) =>
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', script), ...args], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
const keyRef = (dir: string) =>
  parseKeyRef(`${readFileSync(path.join(tmp, dir, 'key-id'), 'utf8').trim()}:${readFileSync(path.join(tmp, dir, 'public.key'), 'utf8').trim()}`)!;

const site = path.join(tmp, 'site');
const folderGet: Get = async (url) => {
  const file = path.join(site, new URL(url).pathname);
  if (!existsSync(file)) return { kind: 'file', file: { status: 404, contentType: 'text/plain', body: new Uint8Array(0) }, etag: null };
  return { kind: 'file', file: { status: 200, contentType: 'application/json', body: new Uint8Array(readFileSync(file)) }, etag: null };
};
const clientSync = (signingDir: string) =>
  syncFromHosts({
    tiers: [['https://mirror.example/']],
    trust: initialTrust(keyRef('root')),
    buildSigning: keyRef(signingDir),
    inUse: { source: 'bundled', version: 20000101000000 },
    etags: {},
    now: Date.now(),
    get: folderGet,
  });

describe('npm run feed (v1)', () => {
  it('writes a folder a client takes; rotates the signing key with a root-signed statement', async () => {
    for (const [dir, id] of [['root', 'root-1'], ['sign-a', 'sign-a'], ['sign-b', 'sign-b']]) run('feed-keygen.mjs', ['--out', path.join(tmp, dir!), '--id', id!]);
    const input = ['--in', path.join(ROOT, 'data/organizations.json'), '--out', site];
    run('feed-publish.mjs', ['--key', path.join(tmp, 'sign-a'), ...input, '--hosts', 'https://fastly.jsdelivr.net/gh/o/r/']);
    const pointer = JSON.parse(readFileSync(path.join(site, 'v1/latest.json'), 'utf8')) as { version: number; keyId: string; expires: string; hosts: string[][] };
    expect(pointer.keyId).toBe('sign-a');
    expect(pointer.hosts).toEqual([['https://fastly.jsdelivr.net/gh/o/r/']]);
    expect(Date.parse(pointer.expires) - Date.now()).toBeGreaterThan(44 * 86_400_000);
    expect(existsSync(path.join(site, `v1/blocklist-${pointer.version}.json`))).toBe(true);
    expect(readFileSync(path.join(site, 'v1/latest.json.sig'), 'utf8')).toMatch(/^sign-a [A-Za-z0-9+/]{86}==\n$/);
    const first = await clientSync('sign-a');
    expect(first.outcome.kind).toBe('new');

    // Rotation: the root lists sign-b only and revokes sign-a; the next list is signed by sign-b.
    run('feed-publish.mjs', ['keys', '--root', path.join(tmp, 'root'), '--signing', path.join(tmp, 'sign-b'), '--revoke', 'sign-a', '--out', site]);
    run('feed-publish.mjs', ['--key', path.join(tmp, 'sign-b'), ...input]);
    const rotated = await clientSync('sign-a');
    expect(rotated.outcome.kind).toBe('new');
    expect(rotated.trust.revoked).toEqual(['sign-a']);
    // The hosts carried stay with the next pointer.
    expect(JSON.parse(readFileSync(path.join(site, 'v1/latest.json'), 'utf8')).hosts).toEqual(pointer.hosts);
    // A pointer signed again by the revoked key: the tool's own check refuses it, and writes nothing.
    const before = readFileSync(path.join(site, 'v1/latest.json.sig'), 'utf8');
    expect(() => run('feed-publish.mjs', ['refresh', '--key', path.join(tmp, 'sign-a'), '--out', site])).toThrow(/self-check failed/);
    expect(readFileSync(path.join(site, 'v1/latest.json.sig'), 'utf8')).toBe(before);
    // A key statement signed by a signing key is refused too.
    expect(() => run('feed-publish.mjs', ['keys', '--root', path.join(tmp, 'sign-b'), '--signing', path.join(tmp, 'sign-b'), '--out', site])).toThrow(/self-check failed|cannot be published/);
  });

  it('feed:verify reports each host’s version and expiry, and fails on a host that serves nothing', async () => {
    const server = createServer((req, res) => {
      const file = path.join(site, new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/f\//, '/'));
      if (!req.url?.startsWith('/f/') || !existsSync(file)) return void res.writeHead(404).end();
      res.writeHead(200).end(readFileSync(file));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      const keys = ['--root', `${keyRef('root').id}:${keyRef('root').key}`, '--signing', `${keyRef('sign-b').id}:${keyRef('sign-b').key}`];
      const verify = (hosts: string) =>
        promisify(execFile)(process.execPath, [path.join(ROOT, 'scripts/feed-verify.mjs'), '--hosts', hosts, ...keys], { cwd: ROOT, encoding: 'utf8' });
      const version = (JSON.parse(readFileSync(path.join(site, 'v1/latest.json'), 'utf8')) as { version: number }).version;
      const good = await verify(`http://127.0.0.1:${port}/f/`);
      expect(good.stdout).toContain(`✓ http://127.0.0.1:${port}/f/: version ${version}, key sign-b`);
      await expect(verify(`http://127.0.0.1:${port}/f/ http://127.0.0.1:${port}/missing/`)).rejects.toMatchObject({
        code: 1,
        stdout: expect.stringContaining(`http://127.0.0.1:${port}/missing/ serves no usable list`),
      });
      // The newest pointer expiring within the margin fails too.
      await expect(
        promisify(execFile)(process.execPath, [path.join(ROOT, 'scripts/feed-verify.mjs'), '--hosts', `http://127.0.0.1:${port}/f/`, ...keys, '--min-expiry-days', '60'], { cwd: ROOT, encoding: 'utf8' }),
      ).rejects.toMatchObject({ code: 1, stdout: expect.stringContaining('npm run feed -- refresh') });
    } finally {
      server.close();
    }
  });
});
