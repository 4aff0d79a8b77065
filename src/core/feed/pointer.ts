/**
 * The small signed pointer a client checks on every sync (v1/latest.json + latest.json.sig): the
 * version of the newest list, its file's sha256 and size, the pointer's signed expiry, a check
 * hint, the signing key's id, and optionally more hosts. Only a version above the list in use
 * makes the client fetch the immutable v1/blocklist-<version>.json, and that file must hash to
 * the pointer's sha256: a host can't pair a new file with an old signature, and the file itself
 * needs no signature of its own. Pure.
 */
import * as v from 'valibot';
import { issueMessages } from '../valibot-issues';
import { isAllowedFeedUrl } from '../url-policy';
import { signingKeyFor, type FeedTrust } from './key-statement';
import { parseSignatureLines, signedBy, type KeyRef } from './keyed-signature';
import type { Bytes } from './signature';
import type { FeedError } from './validate';
import { MAX_FEED_BYTES } from './validate';
import { aheadOfClockProblem, isFeedVersion } from './version';

export const POINTER_TYPE = 'orgcheck-pointer';
/** Every path of this format starts here; a breaking change moves to v2/ beside it. */
export const FEED_PATH_PREFIX = 'v1/';
export const POINTER_PATH = `${FEED_PATH_PREFIX}latest.json`;
export const KEYS_PATH = `${FEED_PATH_PREFIX}keys.json`;
export const MAX_POINTER_BYTES = 16 * 1024;
/** What `npm run feed` signs when not told otherwise. */
export const DEFAULT_POINTER_EXPIRY_DAYS = 45;
/** A check hint is honoured between these (hours); the user's interval is a floor it can't lower. */
export const MIN_CHECK_HOURS = 6;
export const MAX_CHECK_HOURS = 168;
/** Hosts a pointer may carry: tiers of folders. */
export const MAX_HOST_TIERS = 8;
export const MAX_HOSTS_PER_TIER = 8;

/** The immutable list file a pointer's version names. */
export function listFilePath(version: number): string {
  return `${FEED_PATH_PREFIX}blocklist-${version}.json`;
}

const HostUrl = v.pipe(
  v.string(),
  v.maxLength(300),
  v.check((s: string) => isAllowedFeedUrl(s) && s.endsWith('/'), 'a host is an https folder URL ending in "/"'),
);

export const PointerSchema = v.object({
  type: v.literal(POINTER_TYPE),
  version: v.pipe(v.number(), v.check((n: number) => isFeedVersion(n), 'version must be a UTC time as an integer YYYYMMDDHHmmss')),
  sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'sha256 is 64 lowercase hex digits')),
  size: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_FEED_BYTES)),
  generatedAt: v.pipe(v.string(), v.isoTimestamp('generatedAt must be an ISO 8601 timestamp')),
  expires: v.pipe(v.string(), v.isoTimestamp('expires must be an ISO 8601 timestamp')),
  checkHours: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10_000))),
  keyId: v.string(),
  hosts: v.optional(
    v.pipe(v.array(v.pipe(v.array(HostUrl), v.minLength(1), v.maxLength(MAX_HOSTS_PER_TIER))), v.maxLength(MAX_HOST_TIERS)),
  ),
});

export type Pointer = v.InferOutput<typeof PointerSchema>;

export type PointerCheck = { ok: true; pointer: Pointer } | { ok: false; error: FeedError };

/**
 * Checks a fetched pointer: its signature line's key must be one the trust allows (core/feed/
 * key-statement.ts) and sign these bytes; only then is it parsed; the key id inside must be that
 * line's, and its dates not ahead of the clock. Expiry is the caller's (an expired pointer is a
 * fact to report, not a forgery). Throws FeedKeyError when a key can't be imported.
 */
export async function checkPointer(
  trust: FeedTrust,
  buildSigning: KeyRef,
  body: Bytes,
  sigBody: Bytes,
  now: number,
): Promise<PointerCheck> {
  const fail = (code: FeedError['code'], detail: string): PointerCheck => ({ ok: false, error: { code, detail } });
  if (body.length > MAX_POINTER_BYTES) return fail('pointer', `latest.json has ${body.length} bytes`);
  const lines = parseSignatureLines(sigBody);
  if (!lines || lines.length !== 1) return fail('signature-missing', 'latest.json.sig is not one signature line');
  const line = lines[0]!;
  const key = signingKeyFor(trust, buildSigning, line.keyId, now);
  if (!key.ok) return fail(key.code, key.detail);
  if (!(await signedBy(key.key, body, lines))) return fail('signature', `latest.json is not signed by ${line.keyId}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch (error) {
    return fail('pointer', error instanceof Error ? error.message : String(error));
  }
  const result = v.safeParse(PointerSchema, parsed);
  if (!result.success) return fail('pointer', issueMessages(result.issues, 3).join('; '));
  const pointer = result.output;
  if (pointer.keyId !== line.keyId) return fail('signature', `latest.json names key ${pointer.keyId} but is signed by ${line.keyId}`);
  const ahead = aheadOfClockProblem(pointer, now);
  if (ahead) return fail('future', ahead);
  return { ok: true, pointer };
}

export function pointerExpired(pointer: { expires: string }, now: number): boolean {
  return Date.parse(pointer.expires) < now;
}

/** Hours until the next check: the user's interval, or the signed hint when it is longer (the hint held within 6 h … 7 days). */
export function checkIntervalHours(userHours: number, hintHours: number | undefined): number {
  if (hintHours === undefined) return userHours;
  return Math.max(userHours, Math.min(MAX_CHECK_HOURS, Math.max(MIN_CHECK_HOURS, hintHours)));
}

/** Lowercase hex sha256 of bytes (WebCrypto). */
export async function sha256Hex(body: Bytes): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
