/**
 * Signatures that name their key, for the v1 feed (a folder holding v1/keys.json and
 * v1/latest.json, see docs/publishing-the-list.md). A `.sig` file there is one line per
 * signature, `<key id> <base64 signature>`: a key statement that rotates the root carries two
 * (the old root's and the new one's), everything else one. Ed25519 as in signature.ts. Pure.
 */
import { decodeBase64, importFeedPublicKey, parsePublicKey, verifyFeedSignature, type Bytes } from './signature';

/** A public key with its id: `id:base64` in the build's FEED_ROOT_KEY / FEED_SIGNING_KEY. */
export interface KeyRef {
  id: string;
  /** The public.key line (base64 of the raw 32 bytes). */
  key: string;
}

/** Letters, digits and `.`, `_`, `-`; at most 64: an id is printed in .sig lines and logs. */
export const KEY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** A .sig file of the v1 feed holds at most this many lines (one per key; two for a root rotation). */
export const MAX_SIGNATURE_LINES = 4;
export const MAX_KEYED_SIGNATURE_BYTES = 1024;

/** `id:base64` → KeyRef, or null when either half is malformed. */
export function parseKeyRef(text: string): KeyRef | null {
  const at = text.trim().indexOf(':');
  if (at < 0) return null;
  const id = text.trim().slice(0, at);
  const key = text.trim().slice(at + 1);
  return KEY_ID.test(id) && parsePublicKey(key) ? { id, key } : null;
}

export interface SignatureLine {
  keyId: string;
  signature: string;
}

/** The lines of a v1 .sig file, or null when it is not one (too big, too many lines, a malformed line). */
export function parseSignatureLines(body: Bytes | string): SignatureLine[] | null {
  const text = typeof body === 'string' ? body : new TextDecoder().decode(body);
  if (text.length > MAX_KEYED_SIGNATURE_BYTES) return null;
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  if (lines.length === 0 || lines.length > MAX_SIGNATURE_LINES) return null;
  const parsed: SignatureLine[] = [];
  for (const line of lines) {
    const m = /^(\S+)\s+(\S+)$/.exec(line);
    if (!m || !KEY_ID.test(m[1]!) || !decodeBase64(m[2]!)) return null;
    parsed.push({ keyId: m[1]!, signature: m[2]! });
  }
  return parsed;
}

export function signatureLine(keyId: string, signature: string): string {
  return `${keyId} ${signature}`;
}

const imported = new Map<string, Promise<CryptoKey>>();
function cryptoKey(line: string): Promise<CryptoKey> {
  let key = imported.get(line);
  if (!key) {
    key = importFeedPublicKey(line);
    // A failed import (no Ed25519 here) is not cached: the error reaches every caller alike.
    key.catch(() => imported.delete(line));
    imported.set(line, key);
  }
  return key;
}

/** Whether `lines` hold a valid signature of `data` by `key` (under its id). Throws FeedKeyError when the key can't be imported. */
export async function signedBy(key: KeyRef, data: Bytes, lines: readonly SignatureLine[]): Promise<boolean> {
  const line = lines.find((l) => l.keyId === key.id);
  if (!line) return false;
  return verifyFeedSignature(await cryptoKey(key.key), data, line.signature);
}
