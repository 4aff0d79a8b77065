/**
 * Everything a downloaded feed must pass before it may replace the list in use. Pure (no
 * fetch, no storage): the background's sync (background/sync.ts) does the I/O and calls these.
 *
 * Order: HTTP status → not HTML → size cap → not empty → signature → JSON → format/schema →
 * limits (core/list-limits.ts) → refused domains dropped (core/refused-domains.ts) → dates not ahead of the clock → version strictly newer → at least
 * one entry → compiled size. A signature proves who published a list, not that its content is
 * safe to use: a leaked key signs anything, so the limits and the clock are checked after it. The issue lists the signature after the schema;
 * here it comes before JSON parsing on purpose: nothing unauthenticated reaches the parser or the
 * schema, and a forged feed is reported as forged, whatever it contains. The status, HTML, size
 * and empty checks stay first because they name the usual real-world causes (a wrong URL, a
 * captive portal or login page, an interrupted upload) better than "bad signature" would.
 */
import { upgradeFeed, validateFeed, type Feed } from './schema';
import { verifyFeedSignature, type Bytes } from './signature';
import { compiledListProblem } from '../compiled-list';
import { aheadOfClockProblem, compareVersions } from './version';
import { withoutRefusedDomains } from '../refused-domains';

/** No list is anywhere near this (the bundled one is ~0.5 MB); a bigger body is refused unread. */
export const MAX_FEED_BYTES = 20 * 1024 * 1024;
/** A .sig file is 88 characters; anything past 1 kB is not one. */
export const MAX_SIGNATURE_BYTES = 1024;

/** Every way a sync can fail; each has a message `syncError_<code>` in public/_locales. */
export const FEED_ERROR_CODES = [
  /** The server answered with a status other than 200 (or 304 to a conditional request). */
  'http-status',
  /** A web page came back (captive portal, login or error page). */
  'html',
  'empty',
  'too-large',
  /** The connection broke before the whole body arrived. */
  'truncated',
  'signature-missing',
  'signature',
  'json',
  /** A feed format newer than this build reads. */
  'schema-version',
  'schema',
  /** Well formed, but outside the limits of core/list-limits.ts (name lengths, counts, sizes, domains). */
  'limits',
  /** The version or generatedAt is more than a day ahead of this computer's clock. */
  'future',
  /** Version older than the list in use. */
  'older',
  'no-entries',
  'timeout',
  /** No answer at all: offline, DNS, refused connection, TLS. */
  'network',
  /** The server redirected to a URL that is not https (nor http on this computer): not followed. */
  'redirect',
  /** Written, read back, and not the same: storage failed; the previous list was put back. */
  'integrity',
  /** A sync was cut short (the worker stopped mid-sync); nothing was changed. */
  'interrupted',
  /** This browser's WebCrypto has no Ed25519, or the built-in key is malformed. */
  'crypto',
  'storage',
  /** A key statement (v1/keys.json) was refused: not signed by the root, malformed, or expired (core/feed/key-statement.ts). */
  'keys',
  /** The pointer is signed by a key the newest key statement does not list (or, without one, not the build's). */
  'key-unknown',
  /** The pointer is signed by a revoked key. */
  'key-revoked',
  /** The pointer is signed by a key outside its not-before … expiry dates. */
  'key-expired',
  /** The pointer (v1/latest.json) is not one: bad JSON or format. */
  'pointer',
  /** The list file is not the one the signed pointer names (sha256 or size differ, or another version). */
  'hash',
  /** The newest pointer this server offers has passed its signed expiry. */
  'expired',
  /** Several servers were tried and none gave a usable list (each one's reason is recorded). */
  'hosts',
] as const;
export type FeedErrorCode = (typeof FEED_ERROR_CODES)[number];

export interface FeedError {
  code: FeedErrorCode;
  /** Technical detail for the options page (HTTP status, the first schema problems …). */
  detail?: string;
}

export type FeedOutcome =
  /** dropped: a line per domain not taken as an organization's own site (core/refused-domains.ts); the rest of the list is. */
  | { kind: 'new'; feed: Feed; dropped: string[] }
  /** The same version as the list in use: nothing to do, and not an error. */
  | { kind: 'up-to-date'; version: number }
  | { kind: 'error'; error: FeedError };

export interface ResponseHead {
  status: number;
  contentType: string | null;
  /** Content-Length when the server sent one. */
  contentLength: number | null;
}

export interface FetchedFile extends Omit<ResponseHead, 'contentLength'> {
  body: Bytes;
}

const fail = (code: FeedErrorCode, detail?: string): FeedOutcome => ({ kind: 'error', error: detail ? { code, detail } : { code } });

function isHtmlType(contentType: string | null): boolean {
  return !!contentType && /^\s*(?:text\/html|application\/xhtml\+xml)\b/i.test(contentType);
}

/** What the status line and headers alone rule out, before downloading the body. */
export function checkHead(head: ResponseHead): FeedError | null {
  if (head.status !== 200) return { code: 'http-status', detail: `HTTP ${head.status}` };
  if (isHtmlType(head.contentType)) return { code: 'html', detail: head.contentType ?? undefined };
  if (head.contentLength !== null && head.contentLength > MAX_FEED_BYTES) {
    return { code: 'too-large', detail: `${head.contentLength} bytes` };
  }
  return null;
}

/** First byte that is not whitespace or a UTF-8 byte order mark, or -1. */
function firstSignificantByte(body: Uint8Array): number {
  let i = 0;
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) i = 3;
  for (; i < body.length; i++) {
    const b = body[i]!;
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return b;
  }
  return -1;
}

/** Checks that need the body but not the signature. */
export function checkBody(file: FetchedFile): FeedError | null {
  const head = checkHead({ status: file.status, contentType: file.contentType, contentLength: null });
  if (head) return head;
  if (file.body.length > MAX_FEED_BYTES) return { code: 'too-large', detail: `${file.body.length} bytes` };
  const first = firstSignificantByte(file.body);
  if (first === -1) return { code: 'empty' };
  // JSON never starts with "<"; served as text/plain or octet-stream, a page still is one.
  if (first === 0x3c) return { code: 'html', detail: 'the body is markup' };
  return null;
}

export interface FeedCheckInput {
  feed: FetchedFile;
  /** The .sig file as fetched; null when it could not be fetched at all. */
  signature: FetchedFile | null;
  publicKey: CryptoKey;
  /** Version of the list in use (the bundled list's version when no feed list is stored). */
  currentVersion: number;
  /** This computer's clock (ms since the epoch); defaults to Date.now(). */
  now?: number;
}

/** Runs every check in order; only a `new` outcome may replace the list. (The one-file format of FEED_URL ending in .json.) */
export async function checkFeed(input: FeedCheckInput): Promise<FeedOutcome> {
  const bodyError = checkBody(input.feed);
  if (bodyError) return { kind: 'error', error: bodyError };

  const sig = input.signature;
  if (!sig || sig.status !== 200) return fail('signature-missing', sig ? `HTTP ${sig.status}` : undefined);
  if (sig.body.length === 0 || sig.body.length > MAX_SIGNATURE_BYTES) {
    return fail('signature-missing', `the .sig file has ${sig.body.length} bytes`);
  }
  const sigText = new TextDecoder().decode(sig.body);
  if (!(await verifyFeedSignature(input.publicKey, input.feed.body, sigText))) return fail('signature');
  return checkFeedContent(input.feed.body, input.currentVersion, input.now ?? Date.now());
}

/**
 * The checks after the body is authenticated (by its signature, or by the sha256 a signed pointer
 * gives, core/feed/pointer.ts): JSON → format → limits → dates → version → entries → compiled size.
 */
export function checkFeedContent(body: Bytes, currentVersion: number, now: number): FeedOutcome {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch (error) {
    return fail('json', error instanceof Error ? error.message : String(error));
  }

  const upgraded = upgradeFeed(parsed);
  if (!upgraded.ok) return fail(upgraded.code, upgraded.detail);
  const valid = validateFeed(upgraded.value);
  if (!valid.ok) return fail(valid.limits ? 'limits' : 'schema', valid.errors.slice(0, 5).join('; '));
  // A refused domain is dropped, not the list: everything else in it is still good (the entry's
  // names still warn), and refusing the whole list would keep an older one in use.
  const { entries, dropped } = withoutRefusedDomains(valid.value.entries);
  const feed: Feed = { ...valid.value, entries };
  const ahead = aheadOfClockProblem(feed, now);
  if (ahead) return fail('future', ahead);

  const order = compareVersions(feed.version, currentVersion);
  if (order < 0) return fail('older', `feed ${feed.version} < in use ${currentVersion}`);
  if (order === 0) return { kind: 'up-to-date', version: feed.version };
  if (feed.entries.length === 0) return fail('no-entries');
  // Last, and only for a list that would replace the one in use: it builds the matcher once.
  const tooBig = compiledListProblem(feed.entries);
  if (tooBig) return fail('limits', tooBig);
  return { kind: 'new', feed, dropped };
}
