/** Shared by the v1 feed unit tests: key pairs made per run, signed key statements, pointers and list files, and hosts in memory. */
import { createHash } from 'node:crypto';
import type { Answer, Get } from '../../../src/core/feed/host-sync';
import type { KeyRef } from '../../../src/core/feed/keyed-signature';
import { encodeBase64, signFeed, type Bytes } from '../../../src/core/feed/signature';
import { bytes, ENTRIES } from './feed-helpers';

export interface TestKey {
  ref: KeyRef;
  sign(data: Bytes): Promise<string>;
}

export async function makeKey(id: string): Promise<TestKey> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  return { ref: { id, key: encodeBase64(raw) }, sign: (data) => signFeed(pair.privateKey, data) };
}

/** A .sig file of the v1 feed: one line per key. */
export async function sigFile(data: string, ...by: TestKey[]): Promise<string> {
  const lines = await Promise.all(by.map(async (k) => `${k.ref.id} ${await k.sign(bytes(data))}`));
  return `${lines.join('\n')}\n`;
}

const DAY = 86_400_000;
export const NOW = Date.parse('2026-12-01T00:00:00Z');
export const iso = (ms: number) => new Date(ms).toISOString();

export function statement(version: number, root: TestKey, signing: TestKey[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    type: 'orgcheck-keys',
    version,
    expires: iso(NOW + 365 * DAY),
    root: root.ref,
    signing: signing.map((k) => ({ ...k.ref, notBefore: iso(NOW - 30 * DAY), expires: iso(NOW + 365 * DAY) })),
    revoked: [],
    ...extra,
  });
}

export function listFile(version: number, entries = ENTRIES): string {
  return JSON.stringify({ schemaVersion: 1, version, generatedAt: '2026-11-30T00:00:00.000Z', entries });
}

export function pointerFor(file: string, version: number, key: TestKey, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    type: 'orgcheck-pointer',
    version,
    sha256: createHash('sha256').update(file).digest('hex'),
    size: Buffer.byteLength(file),
    generatedAt: '2026-11-30T00:00:00.000Z',
    expires: iso(NOW + 45 * DAY),
    keyId: key.ref.id,
    ...extra,
  });
}

/** A host's files by path below its folder ("v1/latest.json" …); null: the host is down. */
export type HostFiles = Record<string, string> | null;

/** The files of a good feed at `version`, signed by `key` (and a key statement when given). */
export async function feedFiles(version: number, key: TestKey, options: { pointer?: Record<string, unknown>; keys?: [string, string] } = {}): Promise<Record<string, string>> {
  const file = listFile(version);
  const pointer = pointerFor(file, version, key, options.pointer);
  return {
    'v1/latest.json': pointer,
    'v1/latest.json.sig': await sigFile(pointer, key),
    [`v1/blocklist-${version}.json`]: file,
    ...(options.keys ? { 'v1/keys.json': options.keys[0], 'v1/keys.json.sig': options.keys[1] } : {}),
  };
}

/** A `get` over hosts in memory (host folder URL → files), logging every URL asked. */
export function memoryGet(hosts: Record<string, HostFiles>, log: string[] = []): Get {
  return async (url, { cap }) => {
    log.push(url);
    const host = Object.keys(hosts).find((h) => url.startsWith(h));
    const files = host ? hosts[host] : null;
    if (!host || !files) return { kind: 'error', error: { code: 'network', detail: 'down' } } satisfies Answer;
    const body = files[url.slice(host.length)];
    if (body === undefined) return { kind: 'file', file: { status: 404, contentType: 'text/plain', body: bytes('not found') }, etag: null };
    if (Buffer.byteLength(body) > cap) return { kind: 'error', error: { code: 'too-large', detail: `> ${cap}` } };
    return { kind: 'file', file: { status: 200, contentType: 'application/json', body: bytes(body) }, etag: null };
  };
}
