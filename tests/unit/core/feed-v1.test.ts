import { describe, expect, it } from 'vitest';
import { hostTiers, parseFeedUrls, hostAllowed, parseHostAllow, isLegacyFeedUrl } from '../../../src/core/feed/hosts';
import { syncFromHosts, type HostSyncInput } from '../../../src/core/feed/host-sync';
import { checkKeyStatement, initialTrust, signingKeyFor, type FeedTrust } from '../../../src/core/feed/key-statement';
import { checkIntervalHours, checkPointer } from '../../../src/core/feed/pointer';
import { bytes } from './feed-helpers';
import { feedFiles, iso, listFile, makeKey, memoryGet, NOW, pointerFor, sigFile, statement, type HostFiles, type TestKey } from './feed-v1-helpers';

const DAY = 86_400_000;
const IN_USE = 20261101000000;
const V = 20261130000000;

const root = await makeKey('root-1');
const signing = await makeKey('sign-1');
const signing2 = await makeKey('sign-2');
const root2 = await makeKey('root-2');

async function keysFile(json: string, ...by: TestKey[]): Promise<[string, string]> {
  return [json, await sigFile(json, ...by)];
}

describe('key statements', () => {
  it('takes a newer statement signed by the root, and keeps every revoked id', async () => {
    const [body, sig] = await keysFile(statement(2, root, [signing2], { revoked: ['sign-1'] }), root);
    const checked = await checkKeyStatement(initialTrust(root.ref), bytes(body), bytes(sig), NOW);
    expect(checked.kind).toBe('newer');
    if (checked.kind !== 'newer') return;
    expect(checked.trust.revoked).toEqual(['sign-1']);
    expect(signingKeyFor(checked.trust, signing.ref, 'sign-1', NOW)).toMatchObject({ ok: false, code: 'key-revoked' });
    expect(signingKeyFor(checked.trust, signing.ref, 'sign-2', NOW)).toMatchObject({ ok: true });
    // A later statement that leaves the revocation out does not bring the key back.
    const [later, laterSig] = await keysFile(statement(3, root, [signing, signing2]), root);
    const again = await checkKeyStatement(checked.trust, bytes(later), bytes(laterSig), NOW);
    expect(again.kind === 'newer' && again.trust.revoked).toEqual(['sign-1']);
  });

  it('refuses a statement signed by a signing key, even one the build trusts', async () => {
    const [body, sig] = await keysFile(statement(2, root, [signing]), signing);
    expect(await checkKeyStatement(initialTrust(root.ref), bytes(body), bytes(sig), NOW)).toMatchObject({ kind: 'refused' });
  });

  it('calls an older statement older and changes nothing; the same version is nothing new', async () => {
    const [b3, s3] = await keysFile(statement(3, root, [signing]), root);
    const held = await checkKeyStatement(initialTrust(root.ref), bytes(b3), bytes(s3), NOW);
    if (held.kind !== 'newer') throw new Error('expected newer');
    const [b2, s2] = await keysFile(statement(2, root, [signing]), root);
    expect(await checkKeyStatement(held.trust, bytes(b2), bytes(s2), NOW)).toEqual({ kind: 'older', version: 2 });
    expect(await checkKeyStatement(held.trust, bytes(b3), bytes(s3), NOW)).toEqual({ kind: 'same' });
  });

  it('refuses an expired statement', async () => {
    const [body, sig] = await keysFile(statement(2, root, [signing], { expires: iso(NOW - DAY) }), root);
    expect(await checkKeyStatement(initialTrust(root.ref), bytes(body), bytes(sig), NOW)).toMatchObject({ kind: 'refused' });
  });

  it('rotates the root only with the old and the new root’s signatures', async () => {
    const json = statement(2, root2, [signing]);
    expect(await checkKeyStatement(initialTrust(root.ref), bytes(json), bytes(await sigFile(json, root)), NOW)).toMatchObject({ kind: 'refused' });
    expect(await checkKeyStatement(initialTrust(root.ref), bytes(json), bytes(await sigFile(json, root2)), NOW)).toMatchObject({ kind: 'refused' });
    const both = await checkKeyStatement(initialTrust(root.ref), bytes(json), bytes(await sigFile(json, root, root2)), NOW);
    expect(both.kind === 'newer' && both.trust.root).toEqual(root2.ref);
  });

  it('before any statement, trusts the build’s signing key only; after one, the keys it lists within their dates', async () => {
    expect(signingKeyFor(initialTrust(root.ref), signing.ref, 'sign-1', NOW)).toMatchObject({ ok: true });
    expect(signingKeyFor(initialTrust(root.ref), signing.ref, 'sign-2', NOW)).toMatchObject({ ok: false, code: 'key-unknown' });
    const [body, sig] = await keysFile(
      statement(2, root, [signing2], { signing: [{ ...signing2.ref, notBefore: iso(NOW + DAY), expires: iso(NOW + 9 * DAY) }] }),
      root,
    );
    const checked = await checkKeyStatement(initialTrust(root.ref), bytes(body), bytes(sig), NOW);
    if (checked.kind !== 'newer') throw new Error('expected newer');
    expect(signingKeyFor(checked.trust, signing.ref, 'sign-1', NOW)).toMatchObject({ ok: false, code: 'key-unknown' });
    expect(signingKeyFor(checked.trust, signing.ref, 'sign-2', NOW)).toMatchObject({ ok: false, code: 'key-expired' });
    expect(signingKeyFor(checked.trust, signing.ref, 'sign-2', NOW + 2 * DAY)).toMatchObject({ ok: true });
  });
});

describe('pointers', () => {
  it('accepts a pointer signed by the build’s key and refuses a key id that differs from the signer', async () => {
    const file = listFile(V);
    const pointer = pointerFor(file, V, signing);
    expect(await checkPointer(initialTrust(root.ref), signing.ref, bytes(pointer), bytes(await sigFile(pointer, signing)), NOW)).toMatchObject({ ok: true });
    const lying = pointerFor(file, V, signing2);
    expect(await checkPointer(initialTrust(root.ref), signing.ref, bytes(lying), bytes(await sigFile(lying, signing)), NOW)).toMatchObject({
      ok: false,
      error: { code: 'signature' },
    });
    // The root itself signs no pointer.
    expect(await checkPointer(initialTrust(root.ref), signing.ref, bytes(pointer), bytes(await sigFile(pointer, root)), NOW)).toMatchObject({
      ok: false,
      error: { code: 'key-unknown' },
    });
  });

  it('honours a check hint between 6 h and 7 days, never below the user’s interval', () => {
    expect(checkIntervalHours(24, undefined)).toBe(24);
    expect(checkIntervalHours(24, 1)).toBe(24);
    expect(checkIntervalHours(1, 1)).toBe(6);
    expect(checkIntervalHours(24, 48)).toBe(48);
    expect(checkIntervalHours(24, 1000)).toBe(168);
  });
});

describe('hosts', () => {
  it('reads FEED_URLS as tiers of folders', () => {
    expect(parseFeedUrls('https://a.example/x, https://b.example/ ; https://c.example/y/')).toEqual([
      ['https://a.example/x/', 'https://b.example/'],
      ['https://c.example/y/'],
    ]);
    expect(() => parseFeedUrls('http://a.example/')).toThrow();
    expect(() => parseFeedUrls('https://a.example/blocklist.json')).toThrow();
    expect(isLegacyFeedUrl('https://a.example/blocklist.json')).toBe(true);
  });

  it('puts carried hosts the allowlist admits before the build’s, which stay last; shuffles within a tier', () => {
    const allow = parseHostAllow('jsdelivr.net, .pages.dev');
    expect(hostAllowed('https://fastly.jsdelivr.net/gh/x/', allow)).toBe(true);
    expect(hostAllowed('https://evil-jsdelivr.net/', allow)).toBe(false);
    const built = [['https://a.example/', 'https://b.example/'], ['https://c.example/']];
    const carried = [['https://fastly.jsdelivr.net/gh/x/', 'https://evil.example/'], ['https://b.example/', 'https://x.pages.dev/']];
    const order = hostTiers({ user: null, carried, built, allow }, () => 0);
    expect(order).toEqual([
      ['https://fastly.jsdelivr.net/gh/x/'],
      ['https://x.pages.dev/'],
      ['https://b.example/', 'https://a.example/'],
      ['https://c.example/'],
    ]);
    expect(hostTiers({ user: null, carried, built, allow }, () => 0.99)[2]).toEqual(['https://a.example/', 'https://b.example/']);
  });
});

describe('syncFromHosts', () => {
  const H1 = 'http://127.0.0.1:1/';
  const H2 = 'http://127.0.0.1:2/';
  const H3 = 'http://127.0.0.1:3/';
  const run = (hosts: Record<string, HostFiles>, extra: Partial<HostSyncInput> = {}, log: string[] = []) =>
    syncFromHosts({
      tiers: [[H1], [H2], [H3]],
      trust: initialTrust(root.ref),
      buildSigning: signing.ref,
      inUse: { source: 'bundled', version: IN_USE },
      etags: {},
      now: NOW,
      get: memoryGet(hosts, log),
      ...extra,
    });

  it('passes a host that is down and one with an expired pointer, and updates from the next', async () => {
    const stale = await feedFiles(V + 1, signing, { pointer: { expires: iso(NOW - DAY) } });
    const log: string[] = [];
    const result = await run({ [H1]: null, [H2]: stale, [H3]: await feedFiles(V, signing) }, {}, log);
    expect(result.outcome.kind).toBe('new');
    expect(result.servedBy).toBe(H3);
    expect(result.hosts.map((h) => h.error?.code ?? h.result)).toEqual(['network', 'expired', 'updated']);
    // The expired pointer's file is never fetched.
    expect(log).not.toContain(`${H2}v1/blocklist-${V + 1}.json`);
  });

  it('says "expired" when the newest pointer any host serves has expired', async () => {
    const stale = await feedFiles(V, signing, { pointer: { expires: iso(NOW - DAY) } });
    const result = await run({ [H1]: stale, [H2]: null, [H3]: stale });
    expect(result.outcome).toMatchObject({ kind: 'error', error: { code: 'expired' } });
    expect(result.expired).toEqual({ version: V, expires: iso(NOW - DAY) });
  });

  it('refuses a file whose sha256 is not the pointer’s', async () => {
    const files = await feedFiles(V, signing);
    const other = listFile(V).replace('甲协会', '丙协会');
    const result = await run({ [H1]: { ...files, [`v1/blocklist-${V}.json`]: other }, [H2]: null, [H3]: null });
    expect(result.hosts[0]!.error!.code).toBe('hash');
    expect(result.outcome.kind).toBe('error');
  });

  it('calls a lagging host older and goes on; takes a newer key statement for the next hosts', async () => {
    const keys = await keysFile(statement(2, root, [signing2], { revoked: ['sign-1'] }), root);
    const lagging = await feedFiles(20261031000000, signing);
    const result = await run({ [H1]: lagging, [H2]: await feedFiles(V, signing, { keys }), [H3]: await feedFiles(V, signing2) });
    expect(result.hosts.map((h) => h.error?.code ?? h.result)).toEqual(['older', 'key-revoked', 'updated']);
    expect(result.hosts[1]!.keys).toBe('newer');
    expect(result.trust.statement?.version).toBe(2);
  });

  it('fails a host whose key statement is signed by a signing key; ignores an older statement', async () => {
    const forged = await keysFile(statement(5, root, [signing]), signing);
    const r1 = await run({ [H1]: await feedFiles(V, signing, { keys: forged }), [H2]: null, [H3]: null });
    expect(r1.hosts[0]!.error!.code).toBe('keys');
    expect(r1.trust.statement).toBeNull();

    const held = await checkKeyStatement(initialTrust(root.ref), ...(await keysFile(statement(3, root, [signing2]), root)).map(bytes) as [never, never], NOW);
    if (held.kind !== 'newer') throw new Error('expected newer');
    const old = await keysFile(statement(2, root, [signing]), root);
    const trust: FeedTrust = held.trust;
    const r2 = await run({ [H1]: await feedFiles(V, signing, { keys: old }), [H2]: null, [H3]: await feedFiles(V, signing2) }, { trust });
    expect(r2.hosts.map((h) => h.error?.code ?? h.result)).toEqual(['key-unknown', 'network', 'updated']);
    expect(r2.hosts[0]!.keys).toBe('older');
    expect(r2.trust.statement?.version).toBe(3);
  });

  it('is up to date on the same version, and sends the ETag it holds for the list in use', async () => {
    const files = await feedFiles(IN_USE, signing);
    const asked: Array<string | undefined> = [];
    const get = memoryGet({ [H1]: files });
    const result = await syncFromHosts({
      tiers: [[H1]],
      trust: initialTrust(root.ref),
      buildSigning: signing.ref,
      inUse: { source: 'feed', version: IN_USE },
      etags: { [`${H1}v1/latest.json`]: { value: '"e"', version: IN_USE, expires: iso(NOW + DAY) } },
      now: NOW,
      get: async (url, options) => {
        if (url.endsWith('latest.json')) asked.push(options.ifNoneMatch);
        return url.endsWith('latest.json') ? { kind: 'not-modified' } : get(url, options);
      },
    });
    expect(asked).toEqual(['"e"']);
    expect(result.outcome).toEqual({ kind: 'up-to-date', version: IN_USE });
  });
});
