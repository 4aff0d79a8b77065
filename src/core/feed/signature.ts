/**
 * Feed signatures: Ed25519 through WebCrypto (crypto.subtle), in the extension and in the Node
 * feed tools alike, so one implementation signs and checks and no crypto library ships.
 *
 * Why Ed25519 rather than ECDSA P-256: 32-byte public keys and 64-byte signatures (the key fits
 * on one line of FEED_PUBLIC_KEY); signing is deterministic, so no per-signature random nonce can
 * leak the private key as a weak nonce does with ECDSA; there are no curve parameters, point
 * encodings or DER/raw signature formats to get wrong; a signature has one valid encoding
 * (no malleability). Supported by Node ≥ 20 and by Chromium's WebCrypto (without a flag from
 * Chrome 137; an older browser cannot check and so fails closed, see `importFeedPublicKey`).
 *
 * Formats (both one line of standard base64, surrounding whitespace ignored):
 *   public.key          the raw 32-byte public key        (44 characters)
 *   blocklist.json.sig  the 64-byte signature over the exact bytes of blocklist.json (88 characters)
 */

export const SIGNATURE_ALGORITHM = 'Ed25519';
export const PUBLIC_KEY_BYTES = 32;
export const SIGNATURE_BYTES = 64;

/** Bytes over a plain ArrayBuffer, as WebCrypto takes them. */
export type Bytes = Uint8Array<ArrayBuffer>;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Strict standard base64 (whitespace around it is ignored); null for anything else. */
export function decodeBase64(text: string): Bytes | null {
  const s = text.trim();
  if (!BASE64.test(s)) return null;
  const binary = atob(s);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The raw key bytes of a public.key line, or null when it is not 32 bytes of base64. */
export function parsePublicKey(text: string): Bytes | null {
  const bytes = decodeBase64(text);
  return bytes && bytes.length === PUBLIC_KEY_BYTES ? bytes : null;
}

export class FeedKeyError extends Error {
  constructor(
    message: string,
    /** 'format': not a key; 'unsupported': this browser's WebCrypto has no Ed25519. */
    readonly reason: 'format' | 'unsupported',
  ) {
    super(message);
  }
}

/** Imports a public.key line for verifying. Throws FeedKeyError. */
export async function importFeedPublicKey(text: string): Promise<CryptoKey> {
  const raw = parsePublicKey(text);
  if (!raw) throw new FeedKeyError('the feed public key is not 32 bytes of base64', 'format');
  try {
    return await crypto.subtle.importKey('raw', raw, { name: SIGNATURE_ALGORITHM }, false, ['verify']);
  } catch (error) {
    throw new FeedKeyError(`this browser cannot check Ed25519 signatures (${String(error)})`, 'unsupported');
  }
}

/**
 * Whether `signatureText` (the .sig file) is a valid signature of `data` under `key`. Any
 * malformed signature is simply not valid.
 */
export async function verifyFeedSignature(key: CryptoKey, data: Bytes, signatureText: string): Promise<boolean> {
  const signature = decodeBase64(signatureText);
  if (!signature || signature.length !== SIGNATURE_BYTES) return false;
  try {
    return await crypto.subtle.verify({ name: SIGNATURE_ALGORITHM }, key, signature, data);
  } catch {
    return false;
  }
}

/** Signs bytes (the feed tool, and tests): returns the .sig line (base64, no newline). */
export async function signFeed(privateKey: CryptoKey, data: Bytes): Promise<string> {
  const signature = await crypto.subtle.sign({ name: SIGNATURE_ALGORITHM }, privateKey, data);
  return encodeBase64(new Uint8Array(signature));
}

/** Where a feed's signature is: the feed's path with ".sig" appended (any query kept). */
export function signatureUrl(url: string): string {
  const u = new URL(url);
  u.hash = '';
  u.pathname = `${u.pathname}.sig`;
  return u.href;
}
