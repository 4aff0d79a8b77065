import { createPrivateKey, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  decodeBase64, encodeBase64, importFeedPublicKey, parsePublicKey, signatureUrl, signFeed, verifyFeedSignature,
} from '../../../src/core/feed/signature';
import { bytes, keys, PRIVATE_KEY_PEM, PUBLIC_KEY_LINE } from './feed-helpers';

describe('feed signatures (Ed25519 via WebCrypto)', () => {
  const data = bytes('{"schemaVersion":1,"version":20260101120000}');

  it('verifies a good signature', async () => {
    const sig = await signFeed(await keys.private(), data);
    expect(sig).toMatch(/^[A-Za-z0-9+/]{86}==$/);
    expect(await verifyFeedSignature(await keys.public(), data, sig)).toBe(true);
    expect(await verifyFeedSignature(await keys.public(), data, `  ${sig}\r\n`)).toBe(true);
  });

  it('rejects every single flipped bit of the data (sampled) and of the signature', async () => {
    const publicKey = await keys.public();
    const sig = await signFeed(await keys.private(), data);
    for (let i = 0; i < data.length; i += 5) {
      const tampered = data.slice();
      tampered[i]! ^= 0x01;
      expect(await verifyFeedSignature(publicKey, tampered, sig)).toBe(false);
    }
    const raw = decodeBase64(sig)!;
    for (const i of [0, 31, 32, 63]) {
      const bad = raw.slice();
      bad[i]! ^= 0x80;
      expect(await verifyFeedSignature(publicKey, data, encodeBase64(bad))).toBe(false);
    }
  });

  it('rejects a signature made with another key', async () => {
    const other = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const sig = await signFeed(other.privateKey, data);
    expect(await verifyFeedSignature(await keys.public(), data, sig)).toBe(false);
    expect(await verifyFeedSignature(other.publicKey, data, sig)).toBe(true);
  });

  it('rejects malformed signatures without throwing', async () => {
    const publicKey = await keys.public();
    for (const sig of ['', 'abc', '====', encodeBase64(new Uint8Array(63)), encodeBase64(new Uint8Array(65)), 'é'.repeat(88)]) {
      expect(await verifyFeedSignature(publicKey, data, sig)).toBe(false);
    }
  });

  it('verifies what Node’s crypto.sign (the feed tool) produced', async () => {
    const sig = sign(null, data, createPrivateKey(PRIVATE_KEY_PEM)).toString('base64');
    expect(await verifyFeedSignature(await keys.public(), data, sig)).toBe(true);
  });

  it('reads public.key as one line of base64 of 32 bytes', async () => {
    expect(PUBLIC_KEY_LINE).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(parsePublicKey(`${PUBLIC_KEY_LINE}\n`)).toHaveLength(32);
    expect(parsePublicKey(PUBLIC_KEY_LINE.slice(4))).toBeNull();
    expect(parsePublicKey(encodeBase64(new Uint8Array(33)))).toBeNull();
    await expect(importFeedPublicKey('not a key')).rejects.toMatchObject({ reason: 'format' });
  });

  it('decodes strict base64 only', () => {
    expect(decodeBase64('aGVsbG8=')).toEqual(bytes('hello'));
    expect(decodeBase64('aGVsbG8')).toBeNull();
    expect(decodeBase64('aGV sbG8=')).toBeNull();
    expect(decodeBase64('aGVsbG8_')).toBeNull();
    expect(encodeBase64(bytes('hello'))).toBe('aGVsbG8=');
    const big = new Uint8Array(100_000).map((_, i) => i % 251);
    expect(decodeBase64(encodeBase64(big))).toEqual(big);
  });
});

describe('where a signature is', () => {
  it('is the feed\'s path with ".sig" appended', () => {
    expect(signatureUrl('https://lists.example.org/blocklist.json')).toBe('https://lists.example.org/blocklist.json.sig');
    // A URL stored before queries were refused still gets its signature from the path.
    expect(signatureUrl('https://lists.example.org/b.json?v=2#x')).toBe('https://lists.example.org/b.json.sig?v=2');
  });
});
