/**
 * One sync of the v1 feed across hosts, with the requests injected (background/feed-fetch.ts
 * makes them; unit tests answer them). For each host in order, until one gives a usable answer:
 *   1. v1/keys.json (+ .sig): a newer statement signed by the root is taken, for this host and
 *      the next; an older one is refused and changes nothing; a forged one makes the host fail;
 *      none (404) is fine;
 *   2. v1/latest.json (+ .sig), conditional on the ETag this host gave for the list in use;
 *      signed by a key the newest statement lists (core/feed/pointer.ts);
 *   3. an expired pointer, or one older than the list in use: this host lags, try the next;
 *      the same version: up to date; a higher one: v1/blocklist-<version>.json, which must have
 *      the pointer's size and sha256, then every content check (core/feed/validate.ts).
 * When no host gives a usable answer, the outcome says why (one host: its reason; an expired
 * pointer: "expired"; else "hosts") and each host's reason is reported. Pure apart from `get`.
 */
import { checkKeyStatement, MAX_KEY_STATEMENT_BYTES, type FeedTrust } from './key-statement';
import { MAX_KEYED_SIGNATURE_BYTES, type KeyRef } from './keyed-signature';
import { FeedKeyError } from './signature';
import {
  checkIntervalHours, checkPointer, KEYS_PATH, listFilePath, MAX_POINTER_BYTES, pointerExpired, POINTER_PATH, sha256Hex, type Pointer,
} from './pointer';
import { checkBody, checkFeedContent, type FeedError, type FeedOutcome, type FetchedFile } from './validate';

export type Answer =
  | { kind: 'file'; file: FetchedFile; etag: string | null }
  | { kind: 'not-modified' }
  | { kind: 'error'; error: FeedError };

/** One GET: the body read up to `cap` bytes; `ifNoneMatch` sent when given. Never rejects. */
export type Get = (url: string, options: { cap: number; ifNoneMatch?: string }) => Promise<Answer>;

/** The ETag a host gave for its pointer, with what that pointer said (a 304 means the same again). */
export interface PointerEtag {
  value: string;
  version: number;
  expires: string;
  checkHours?: number;
}

export interface HostReport {
  /** The host's folder URL. */
  host: string;
  result: 'updated' | 'up-to-date' | 'error';
  error?: FeedError;
  /** What became of this host's keys.json: a newer statement taken, or an older one refused. */
  keys?: 'newer' | 'older';
}

export interface HostSyncInput {
  tiers: readonly (readonly string[])[];
  trust: FeedTrust;
  buildSigning: KeyRef;
  inUse: { source: 'bundled' | 'feed'; version: number };
  /** Pointer URL → its ETag. */
  etags: Readonly<Record<string, PointerEtag>>;
  now: number;
  get: Get;
}

export interface HostSyncResult {
  outcome: FeedOutcome;
  /** The host that gave the usable answer, or null. */
  servedBy: string | null;
  /** The accepted pointer (a usable answer's), or null. After a 304, as far as its ETag tells (no hosts). */
  pointer: Pick<Pointer, 'version' | 'expires' | 'checkHours'> & { hosts?: string[][] } | null;
  /** The trust after this sync (a newer key statement taken on the way), the same object when unchanged. */
  trust: FeedTrust;
  hosts: HostReport[];
  /** The ETag to keep for the host that answered: [pointer URL, ETag], or null. */
  etag: [string, PointerEtag] | null;
  /** No usable answer, and the newest valid pointer seen had expired: its version and expiry. */
  expired: { version: number; expires: string } | null;
}

const err = (code: FeedError['code'], detail?: string): FeedError => (detail ? { code, detail } : { code });

/** A fetched file that must be there (200 and not a page). */
function present(answer: Answer): { ok: true; file: FetchedFile; etag: string | null } | { ok: false; error: FeedError } {
  if (answer.kind === 'error') return { ok: false, error: answer.error };
  if (answer.kind === 'not-modified') return { ok: false, error: err('http-status', 'HTTP 304') };
  const problem = checkBody(answer.file);
  return problem ? { ok: false, error: problem } : { ok: true, file: answer.file, etag: answer.etag };
}

type HostAnswer =
  | { kind: 'usable'; outcome: Exclude<FeedOutcome, { kind: 'error' }>; pointer: HostSyncResult['pointer']; etag: [string, PointerEtag] | null }
  | { kind: 'failed'; error: FeedError; expired?: { version: number; expires: string } };

export async function syncFromHosts(input: HostSyncInput): Promise<HostSyncResult> {
  let trust = input.trust;
  const reports: HostReport[] = [];
  let expired: { version: number; expires: string } | null = null;
  for (const tier of input.tiers) {
    for (const host of tier) {
      const report: HostReport = { host, result: 'error' };
      reports.push(report);
      let answer: HostAnswer;
      try {
        const keys = await fetchKeys(host, trust, input);
        if (!keys.ok) {
          report.error = keys.error;
          continue;
        }
        if (keys.note) report.keys = keys.note;
        trust = keys.trust;
        answer = await fromHost(host, trust, input);
      } catch (error) {
        if (!(error instanceof FeedKeyError)) throw error;
        report.error = err('crypto', error.message);
        continue;
      }
      if (answer.kind === 'failed') {
        report.error = answer.error;
        if (answer.expired && (!expired || answer.expired.version > expired.version)) expired = answer.expired;
        continue;
      }
      report.result = answer.outcome.kind === 'new' ? 'updated' : 'up-to-date';
      return { outcome: answer.outcome, servedBy: host, pointer: answer.pointer, trust, hosts: reports, etag: answer.etag, expired: null };
    }
  }
  const failed = reports.filter((r) => r.error);
  const error: FeedError =
    expired && expired.version >= input.inUse.version
      ? err('expired', `version ${expired.version} expired on ${expired.expires}`)
      : failed.length === 1
        ? failed[0]!.error!
        : err('hosts', failed.map((r) => `${r.host}: ${r.error!.code}`).join('; ') || 'no hosts');
  return { outcome: { kind: 'error', error }, servedBy: null, pointer: null, trust, hosts: reports, etag: null, expired };
}

async function fetchKeys(
  host: string,
  trust: FeedTrust,
  input: HostSyncInput,
): Promise<{ ok: true; trust: FeedTrust; note?: 'newer' | 'older' } | { ok: false; error: FeedError }> {
  const url = new URL(KEYS_PATH, host).href;
  const answer = await input.get(url, { cap: MAX_KEY_STATEMENT_BYTES });
  // No key statement published (yet): the trust stays as it is.
  if (answer.kind === 'file' && answer.file.status === 404) return { ok: true, trust };
  const body = present(answer);
  if (!body.ok) return body;
  const sig = present(await input.get(`${url}.sig`, { cap: MAX_KEYED_SIGNATURE_BYTES }));
  if (!sig.ok) return { ok: false, error: err('keys', `keys.json.sig: ${sig.error.code} ${sig.error.detail ?? ''}`.trim()) };
  const checked = await checkKeyStatement(trust, body.file.body, sig.file.body, input.now);
  if (checked.kind === 'refused') return { ok: false, error: err('keys', checked.detail) };
  if (checked.kind === 'newer') return { ok: true, trust: checked.trust, note: 'newer' };
  if (checked.kind === 'older') return { ok: true, trust, note: 'older' };
  return { ok: true, trust };
}

async function fromHost(host: string, trust: FeedTrust, input: HostSyncInput): Promise<HostAnswer> {
  const { inUse, now } = input;
  const pointerUrl = new URL(POINTER_PATH, host).href;
  // A 304 says "the pointer you had from me": only meaningful while its list is the one in use.
  const known = input.etags[pointerUrl];
  const conditional = known && inUse.source === 'feed' && known.version === inUse.version ? known : null;
  const answer = await input.get(pointerUrl, { cap: MAX_POINTER_BYTES, ...(conditional ? { ifNoneMatch: conditional.value } : {}) });
  if (answer.kind === 'not-modified' && conditional) {
    if (pointerExpired(conditional, now)) {
      return { kind: 'failed', error: err('expired', `expired on ${conditional.expires}`), expired: { version: conditional.version, expires: conditional.expires } };
    }
    return {
      kind: 'usable',
      outcome: { kind: 'up-to-date', version: inUse.version },
      pointer: { version: conditional.version, expires: conditional.expires, ...(conditional.checkHours ? { checkHours: conditional.checkHours } : {}) },
      etag: [pointerUrl, conditional],
    };
  }
  const body = present(answer);
  if (!body.ok) return { kind: 'failed', error: body.error };
  const sig = present(await input.get(`${pointerUrl}.sig`, { cap: MAX_KEYED_SIGNATURE_BYTES }));
  if (!sig.ok) return { kind: 'failed', error: err('signature-missing', `${sig.error.code} ${sig.error.detail ?? ''}`.trim()) };
  const checked = await checkPointer(trust, input.buildSigning, body.file.body, sig.file.body, now);
  if (!checked.ok) return { kind: 'failed', error: checked.error };
  const pointer = checked.pointer;
  if (pointerExpired(pointer, now)) {
    return { kind: 'failed', error: err('expired', `version ${pointer.version} expired on ${pointer.expires}`), expired: { version: pointer.version, expires: pointer.expires } };
  }
  if (pointer.version < inUse.version) return { kind: 'failed', error: err('older', `pointer ${pointer.version} < in use ${inUse.version}`) };
  const etag: [string, PointerEtag] | null = body.etag
    ? [pointerUrl, { value: body.etag, version: pointer.version, expires: pointer.expires, ...(pointer.checkHours ? { checkHours: pointer.checkHours } : {}) }]
    : null;
  if (pointer.version === inUse.version) return { kind: 'usable', outcome: { kind: 'up-to-date', version: pointer.version }, pointer, etag };

  const file = present(await input.get(new URL(listFilePath(pointer.version), host).href, { cap: pointer.size }));
  if (!file.ok) {
    // Past the pointer's size the file is not the one it names.
    return { kind: 'failed', error: file.error.code === 'too-large' ? err('hash', `larger than the pointer's ${pointer.size} bytes`) : file.error };
  }
  if (file.file.body.length !== pointer.size) return { kind: 'failed', error: err('hash', `${file.file.body.length} bytes, the pointer says ${pointer.size}`) };
  const digest = await sha256Hex(file.file.body);
  if (digest !== pointer.sha256) return { kind: 'failed', error: err('hash', `sha256 ${digest}, the pointer says ${pointer.sha256}`) };
  const outcome = checkFeedContent(file.file.body, inUse.version, now);
  if (outcome.kind === 'error') return { kind: 'failed', error: outcome.error };
  const version = outcome.kind === 'new' ? outcome.feed.version : outcome.version;
  if (version !== pointer.version) return { kind: 'failed', error: err('hash', `the file holds version ${version}, the pointer ${pointer.version}`) };
  return { kind: 'usable', outcome, pointer, etag };
}

/** Hours to the next check after a usable answer (the pointer's hint within its bounds, never below the user's interval). */
export function nextCheckHours(userHours: number, pointer: HostSyncResult['pointer']): number {
  return checkIntervalHours(userHours, pointer?.checkHours);
}
