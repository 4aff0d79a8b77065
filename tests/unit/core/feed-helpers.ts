/** Shared by the feed unit tests: the test key pair (tests/fixtures/feed) and feed builders. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BlocklistEntry } from '../../../src/core/list-schema';
import { decodeBase64, importFeedPublicKey, signFeed, type Bytes } from '../../../src/core/feed/signature';
import type { FetchedFile } from '../../../src/core/feed/validate';

export const FEED_FIXTURES = path.resolve(__dirname, '../../fixtures/feed');
export const PUBLIC_KEY_LINE = readFileSync(path.join(FEED_FIXTURES, 'public.key'), 'utf8').trim();
export const PRIVATE_KEY_PEM = readFileSync(path.join(FEED_FIXTURES, 'private.key'), 'utf8');

export async function importPrivateKey(pem: string): Promise<CryptoKey> {
  const der = decodeBase64(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''))!;
  return crypto.subtle.importKey('pkcs8', der, { name: 'Ed25519' }, false, ['sign']);
}

export const keys = {
  private: () => importPrivateKey(PRIVATE_KEY_PEM),
  public: () => importFeedPublicKey(PUBLIC_KEY_LINE),
};

export function entry(id: string, zh: string, lists: string[] = ['banned-2020'], extra: Partial<BlocklistEntry> = {}): BlocklistEntry {
  return {
    id,
    names: { zh },
    aliases: [],
    listings: lists.map((list) => ({ list, kind: 'banned' as const, published: '2020-01-01', sources: [] })),
    warn: true,
    exact: false,
    ...extra,
  };
}

export const ENTRIES: BlocklistEntry[] = [entry('alpha-society', '甲协会'), entry('beta-union', '乙联合会')];

export function feedDoc(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { schemaVersion: 1, version: 20260101120000, generatedAt: '2026-01-01T12:00:00.000Z', entries: ENTRIES, ...overrides };
}

export const bytes = (text: string): Bytes => new TextEncoder().encode(text) as Bytes;

export function file(body: Bytes | string, status = 200, contentType: string | null = 'application/json'): FetchedFile {
  return { status, contentType, body: typeof body === 'string' ? bytes(body) : body };
}

/** The feed file and its .sig, signed with the test key. */
export async function signed(body: string | Bytes): Promise<{ feed: FetchedFile; signature: FetchedFile }> {
  const data = typeof body === 'string' ? bytes(body) : body;
  const sig = await signFeed(await keys.private(), data);
  return { feed: file(data), signature: file(`${sig}\n`, 200, 'text/plain') };
}
