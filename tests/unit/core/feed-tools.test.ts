/**
 * The bundled list's version stamp, the feed tools (npm run feed:keygen / npm run feed) run as
 * the README says, and the sync's user-facing messages in every locale.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFeed, checkPublished } from '../../../src/core/feed/publish';
import { FEED_ERROR_CODES } from '../../../src/core/feed/validate';
import { isFeedVersion, versionToDate } from '../../../src/core/feed/version';
import { ENTRIES } from './feed-helpers';

const ROOT = path.resolve(__dirname, '../../..');
const tmp = mkdtempSync(path.join(tmpdir(), 'orgcheck-feed-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const run = (script: string, args: string[]) =>
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', script), ...args], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });

describe('data/list-version.json (the bundled list’s version)', () => {
  const stamp = JSON.parse(readFileSync(path.join(ROOT, 'data/list-version.json'), 'utf8')) as { version: number; generatedAt: string; sha256: string };

  it('belongs to the current data/organizations.json (else: npm run feed -- --stamp-bundle)', () => {
    const sha256 = createHash('sha256').update(readFileSync(path.join(ROOT, 'data/organizations.json'))).digest('hex');
    expect(stamp.sha256, 'data/organizations.json changed: run `npm run feed -- --stamp-bundle`').toBe(sha256);
  });

  it('is a feed version that matches its generatedAt', () => {
    expect(isFeedVersion(stamp.version)).toBe(true);
    expect(versionToDate(stamp.version)?.toISOString()).toBe(new Date(stamp.generatedAt).toISOString());
  });
});

describe('feed tools', () => {
  it('buildFeed refuses invalid or empty lists and writes what the client accepts', async () => {
    expect(buildFeed([{ id: 'x' }], { version: 20260101000000, generatedAt: '2026-01-01T00:00:00Z' }).ok).toBe(false);
    expect(buildFeed([], { version: 20260101000000, generatedAt: '2026-01-01T00:00:00Z' }).ok).toBe(false);
    expect(buildFeed({ nothing: 1 }, { version: 20260101000000, generatedAt: '2026-01-01T00:00:00Z' }).ok).toBe(false);
    const built = buildFeed({ entries: ENTRIES }, { version: 20260101000000, generatedAt: '2026-01-01T00:00:00Z' });
    expect(built.ok && built.feed.entries).toHaveLength(2);
    expect(built.ok && 'lists' in built.feed).toBe(false);
    // The records of the lists ride along, checked like the rest.
    const record = { issuer: { zh_CN: '民政部', zh_TW: '民政部', en: 'MCA' }, title: { zh_CN: '甲', zh_TW: '甲', en: 'A' }, published: null, newsOnly: true };
    const withLists = buildFeed({ entries: ENTRIES }, { version: 20260101000000, generatedAt: '2026-01-01T00:00:00Z', lists: { a: record } });
    expect(withLists.ok && JSON.parse(withLists.json).lists).toEqual({ a: record });
    expect(buildFeed({ entries: ENTRIES }, { version: 20260101000000, generatedAt: '2026-01-01T00:00:00Z', lists: { a: { title: 'A' } } }).ok).toBe(false);
  });

  it('keygen writes a one-line public key and a private key readable only by its owner, and never overwrites it', () => {
    const out = run('feed-keygen.mjs', ['--out', path.join(tmp, 'keys')]);
    const publicLine = readFileSync(path.join(tmp, 'keys/public.key'), 'utf8');
    expect(publicLine).toMatch(/^[A-Za-z0-9+/]{43}=\n$/);
    expect(out).toContain(`FEED_PUBLIC_KEY=${publicLine.trim()}`);
    expect(statSync(path.join(tmp, 'keys/private.key')).mode & 0o077).toBe(0);
    expect(() => run('feed-keygen.mjs', ['--out', path.join(tmp, 'keys')])).toThrow();
  });

  it('publish signs the exact bytes, passes the client’s checks, and only moves the version up on re-runs', async () => {
    const key = path.join(tmp, 'keys/private.key');
    const publicLine = readFileSync(path.join(tmp, 'keys/public.key'), 'utf8').trim();
    const out = path.join(tmp, 'out');
    const args = ['--legacy', '--key', key, '--in', path.join(ROOT, 'data/organizations.json'), '--out', out];
    run('feed-publish.mjs', args);
    const first = readFileSync(path.join(out, 'blocklist.json'));
    const sig = readFileSync(path.join(out, 'blocklist.json.sig'), 'utf8');
    const outcome = await checkPublished(new Uint8Array(first), sig, publicLine, 0);
    expect(outcome.kind).toBe('new');
    const v1 = (JSON.parse(first.toString('utf8')) as { version: number }).version;
    // The feed carries the records of the lists (data/lists.json).
    expect(JSON.parse(first.toString('utf8')).lists).toEqual(JSON.parse(readFileSync(path.join(ROOT, 'data/lists.json'), 'utf8')));

    run('feed-publish.mjs', args);
    const v2 = (JSON.parse(readFileSync(path.join(out, 'blocklist.json'), 'utf8')) as { version: number }).version;
    expect(v2).toBeGreaterThan(v1);

    expect(() => run('feed-publish.mjs', [...args, '--version', String(v1)])).toThrow(/not above/);
    expect(() => run('feed-publish.mjs', [...args.slice(0, 3), '--in', path.join(ROOT, 'package.json'), '--out', out])).toThrow(/cannot be published: clients would refuse it/);
    // A list the clients would refuse for its content, or a version they would refuse for its date.
    const hostile = path.join(tmp, 'hostile.json');
    writeFileSync(hostile, JSON.stringify([{ ...ENTRIES[0], aliases: ['的'] }, { ...ENTRIES[1], domains: ['com'] }]));
    expect(() => run('feed-publish.mjs', [...args.slice(0, 3), '--in', hostile, '--out', out])).toThrow(
      /outside the limits[\s\S]*entries\.0\.aliases\.0: a matched name in Chinese needs at least 3 characters[\s\S]*entries\.1\.domains\.0: "com" is a public suffix/,
    );
    expect(() => run('feed-publish.mjs', [...args, '--version', '99991231235959'])).toThrow(/more than a day ahead of this computer's clock/);
    // With the wrong public key the client refuses it.
    expect((await checkPublished(new Uint8Array(first), sig, readFileSync(path.join(ROOT, 'tests/fixtures/feed/public.key'), 'utf8'), 0)).kind).toBe('error');
  });
});

describe('sync messages', () => {
  it('every error code has a message in every locale', () => {
    for (const locale of ['en', 'zh_CN', 'zh_TW']) {
      const messages = JSON.parse(readFileSync(path.join(ROOT, `public/_locales/${locale}/messages.json`), 'utf8')) as Record<string, unknown>;
      for (const code of FEED_ERROR_CODES) expect(messages, `${locale}: ${code}`).toHaveProperty(`syncError_${code.replace(/-/g, '_')}`);
      expect(messages).toHaveProperty('syncNow');
    }
  });
});
