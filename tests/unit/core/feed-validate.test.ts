import { describe, expect, it } from 'vitest';
import { importFeedPublicKey } from '../../../src/core/feed/signature';
import { checkBody, checkFeed, checkHead, MAX_FEED_BYTES, type FeedOutcome } from '../../../src/core/feed/validate';
import { bytes, feedDoc, file, keys, signed } from './feed-helpers';

const CURRENT = 20250101000000;

async function check(body: string | Uint8Array<ArrayBuffer>, options: { current?: number; status?: number; contentType?: string | null } = {}): Promise<FeedOutcome> {
  const { feed, signature } = await signed(body);
  return checkFeed({
    feed: { ...feed, status: options.status ?? 200, contentType: options.contentType === undefined ? 'application/json' : options.contentType },
    signature,
    publicKey: await keys.public(),
    currentVersion: options.current ?? CURRENT,
  });
}

const codeOf = (o: FeedOutcome) => (o.kind === 'error' ? o.error.code : o.kind);

describe('checkFeed: the whole pipeline', () => {
  it('accepts a good, newer, signed feed', async () => {
    const outcome = await check(JSON.stringify(feedDoc()));
    expect(outcome.kind).toBe('new');
    if (outcome.kind === 'new') {
      expect(outcome.feed.version).toBe(20260101120000);
      expect(outcome.feed.entries.map((e) => e.id)).toEqual(['alpha-society', 'beta-union']);
    }
  });

  it('accepts a UTF-8 byte order mark and surrounding whitespace', async () => {
    expect(codeOf(await check(`\uFEFF\n ${JSON.stringify(feedDoc())}\n`))).toBe('new');
  });

  it.each([
    [500, 'http-status'],
    [404, 'http-status'],
    [204, 'http-status'],
  ])('refuses HTTP %i', async (status, code) => {
    const outcome = await check(JSON.stringify(feedDoc()), { status });
    expect(outcome).toEqual({ kind: 'error', error: { code, detail: `HTTP ${status}` } });
  });

  it('refuses a web page, by content type or by its first character', async () => {
    expect(codeOf(await check('<!doctype html><title>Sign in to Wi-Fi</title>', { contentType: 'text/html; charset=utf-8' }))).toBe('html');
    expect(codeOf(await check('  <html><body>Login</body></html>', { contentType: 'application/json' }))).toBe('html');
    expect(codeOf(await check(JSON.stringify(feedDoc()), { contentType: 'application/xhtml+xml' }))).toBe('html');
  });

  it('refuses an empty or blank body', async () => {
    expect(codeOf(await check(''))).toBe('empty');
    expect(codeOf(await check(' \n\t '))).toBe('empty');
  });

  it('refuses a body over 20 MB, before checking its signature', async () => {
    const big = new Uint8Array(MAX_FEED_BYTES + 1).fill(0x20);
    big[0] = 0x7b;
    const outcome = await checkFeed({ feed: file(big), signature: null, publicKey: await keys.public(), currentVersion: CURRENT });
    expect(codeOf(outcome)).toBe('too-large');
  });

  it('refuses a feed whose signature file is missing, empty or oversized', async () => {
    const { feed } = await signed(JSON.stringify(feedDoc()));
    const publicKey = await keys.public();
    const run = (signature: Parameters<typeof checkFeed>[0]['signature']) => checkFeed({ feed, signature, publicKey, currentVersion: CURRENT });
    expect(codeOf(await run(null))).toBe('signature-missing');
    expect(await run(file('not found', 404, 'text/plain'))).toEqual({ kind: 'error', error: { code: 'signature-missing', detail: 'HTTP 404' } });
    expect(codeOf(await run(file('')))).toBe('signature-missing');
    expect(codeOf(await run(file('A'.repeat(2000))))).toBe('signature-missing');
  });

  it('refuses a tampered body, a wrong key and a malformed signature', async () => {
    const json = JSON.stringify(feedDoc());
    const { feed, signature } = await signed(json);
    const publicKey = await keys.public();
    // One byte changed: a forger bumping the version (still valid JSON, still the schema).
    const tampered = feed.body.slice();
    const at = json.indexOf('20260101120000');
    tampered[at + 3] = '7'.charCodeAt(0);
    expect(JSON.parse(new TextDecoder().decode(tampered)).version).toBe(20270101120000);
    expect(codeOf(await checkFeed({ feed: file(tampered), signature, publicKey, currentVersion: CURRENT }))).toBe('signature');
    const otherPair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    expect(codeOf(await checkFeed({ feed, signature, publicKey: otherPair.publicKey, currentVersion: CURRENT }))).toBe('signature');
    expect(codeOf(await checkFeed({ feed, signature: file('bm90IGEgc2lnbmF0dXJl'), publicKey, currentVersion: CURRENT }))).toBe('signature');
    expect(codeOf(await checkFeed({ feed, signature: file('%%% not base64 %%%'), publicKey, currentVersion: CURRENT }))).toBe('signature');
  });

  it('refuses a body cut short (the signature covers the whole file)', async () => {
    const json = JSON.stringify(feedDoc());
    const { signature } = await signed(json);
    const cut = file(json.slice(0, Math.floor(json.length / 2)));
    expect(codeOf(await checkFeed({ feed: cut, signature, publicKey: await keys.public(), currentVersion: CURRENT }))).toBe('signature');
  });

  it('refuses bad JSON and invalid UTF-8, even when signed', async () => {
    expect(codeOf(await check('{"schemaVersion": 1, "version": '))).toBe('json');
    expect(codeOf(await check(new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]) as Uint8Array<ArrayBuffer>))).toBe('json');
  });

  it('refuses the wrong schema and names the path of the problem', async () => {
    const outcome = await check(JSON.stringify(feedDoc({ entries: [{ id: 'Bad Id', names: {} }] })));
    expect(codeOf(outcome)).toBe('schema');
    expect(outcome.kind === 'error' && outcome.error.detail).toMatch(/entries\.0\.id/);
    expect(codeOf(await check(JSON.stringify([feedDoc()])))).toBe('schema');
    expect(codeOf(await check(JSON.stringify(feedDoc({ schemaVersion: undefined }))))).toBe('schema');
    expect(codeOf(await check(JSON.stringify(feedDoc({ version: '20260101120000' }))))).toBe('schema');
    expect(codeOf(await check(JSON.stringify(feedDoc({ version: 20261301120000 }))))).toBe('schema');
    expect(codeOf(await check(JSON.stringify(feedDoc({ generatedAt: 'yesterday' }))))).toBe('schema');
    const dup = feedDoc();
    dup.entries = [...(dup.entries as unknown[]), (dup.entries as unknown[])[0]];
    expect(codeOf(await check(JSON.stringify(dup)))).toBe('schema');
  });

  it('refuses a format newer than this build reads', async () => {
    expect(codeOf(await check(JSON.stringify(feedDoc({ schemaVersion: 2 }))))).toBe('schema-version');
  });

  it('refuses an older version, and calls the same version up to date', async () => {
    expect(codeOf(await check(JSON.stringify(feedDoc()), { current: 20260101120001 }))).toBe('older');
    expect(await check(JSON.stringify(feedDoc()), { current: 20260101120000 })).toEqual({ kind: 'up-to-date', version: 20260101120000 });
  });

  it('refuses a newer feed without entries', async () => {
    expect(codeOf(await check(JSON.stringify(feedDoc({ entries: [] }))))).toBe('no-entries');
  });
});

describe('checkHead and checkBody', () => {
  it('rules out status, HTML and a declared size over the cap from the headers alone', () => {
    expect(checkHead({ status: 200, contentType: 'application/json', contentLength: 1000 })).toBeNull();
    expect(checkHead({ status: 200, contentType: null, contentLength: null })).toBeNull();
    expect(checkHead({ status: 301, contentType: null, contentLength: null })?.code).toBe('http-status');
    expect(checkHead({ status: 200, contentType: 'TEXT/HTML', contentLength: null })?.code).toBe('html');
    expect(checkHead({ status: 200, contentType: 'application/json', contentLength: MAX_FEED_BYTES + 1 })?.code).toBe('too-large');
    expect(checkHead({ status: 200, contentType: 'application/json', contentLength: MAX_FEED_BYTES })).toBeNull();
  });

  it('checks the body before any cryptography', () => {
    expect(checkBody(file('{}'))).toBeNull();
    expect(checkBody(file(bytes('')))?.code).toBe('empty');
  });

  it('does not load a key that is not 32 bytes of base64', async () => {
    await expect(importFeedPublicKey('abc')).rejects.toMatchObject({ reason: 'format' });
  });
});
