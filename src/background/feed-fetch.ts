/**
 * Fetching the list feed and its signature for a sync (background/sync.ts), and nothing else:
 * - If-None-Match with the ETag of the last valid answer, only while the feed list that answer
 *   carried is the one in use (core/feed/etag.ts; a 304 is "up to date");
 * - redirects only to https (or http on this computer, core/url-policy.ts): a feed moved to plain
 *   http is refused;
 * - cache: 'no-store' so the HTTP cache can't answer for the server; no credentials;
 * - bodies read up to a cap (core/feed/validate.ts), whatever Content-Length says;
 * - one AbortController timeout for the feed and its .sig together (20 s; the worker may be
 *   stopped past 30 s idle, and sync.ts keeps it awake meanwhile).
 */
import { ifNoneMatch, type StoredEtag } from '../core/feed/etag';
import type { Answer, Get } from '../core/feed/host-sync';
import { FeedKeyError, importFeedPublicKey, signatureUrl } from '../core/feed/signature';
import {
  MAX_FEED_BYTES, MAX_SIGNATURE_BYTES, checkFeed, checkHead, type FeedError, type FeedOutcome, type FetchedFile,
} from '../core/feed/validate';
import { isSecureFetchUrl } from '../core/url-policy';
import { FEED_PUBLIC_KEY as PUBLIC_KEY, FEED_TIMEOUT_MS as TIMEOUT_MS } from '../shared/build-config';
import type { ActiveList } from '../shared/list-store';

class TooLarge extends Error {}
class BodyBroken extends Error {}

/** Reads a body, refusing past `cap` bytes without reading on (a server that lies or omits Content-Length). */
async function readCapped(response: Response, cap: number): Promise<Uint8Array<ArrayBuffer>> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(await response.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (error) {
      throw new BodyBroken(String(error));
    }
    if (chunk.done) break;
    size += chunk.value.length;
    if (size > cap) {
      void reader.cancel().catch(() => undefined);
      throw new TooLarge(`> ${cap} B`);
    }
    chunks.push(chunk.value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    body.set(c, offset);
    offset += c.length;
  }
  return body;
}

function contentLength(response: Response): number | null {
  const value = response.headers.get('content-length');
  return value && /^\d+$/.test(value) ? Number(value) : null;
}

/** What a fetch came to, and the ETag of the answer (null: none, or no valid answer). */
export interface Fetched {
  outcome: FeedOutcome;
  etag: string | null;
}

class Redirected extends Error {}

/** A response that came through a redirect to anything but https (or http on this computer) is refused. */
function checkRedirect(response: Response): void {
  if (response.redirected && !isSecureFetchUrl(response.url)) {
    void response.body?.cancel().catch(() => undefined);
    throw new Redirected(response.url);
  }
}

/**
 * Fetches the feed at `url` and its signature, and checks them (core/feed/validate.ts) against
 * the list in use. Never rejects: every failure is an outcome of kind 'error'.
 */
export async function fetchFeed(url: string, etag: StoredEtag | null, inUse: ActiveList): Promise<Fetched> {
  const currentVersion = inUse.list.version;
  let publicKey: CryptoKey;
  try {
    publicKey = await importFeedPublicKey(PUBLIC_KEY);
  } catch (error) {
    return { outcome: { kind: 'error', error: { code: 'crypto', detail: error instanceof FeedKeyError ? error.message : String(error) } }, etag: null };
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  const init: RequestInit = { signal: controller.signal, cache: 'no-store', credentials: 'omit', redirect: 'follow' };
  let stage: 'connect' | 'body' = 'connect';
  try {
    const conditional = ifNoneMatch(etag, url, { source: inUse.source, version: currentVersion });
    const response = await fetch(url, { ...init, headers: conditional ? { 'If-None-Match': conditional } : {} });
    checkRedirect(response);
    if (response.status === 304 && conditional) {
      return { outcome: { kind: 'up-to-date', version: currentVersion }, etag: conditional };
    }
    const head = checkHead({ status: response.status, contentType: response.headers.get('content-type'), contentLength: contentLength(response) });
    if (head) {
      void response.body?.cancel().catch(() => undefined);
      return { outcome: { kind: 'error', error: head }, etag: null };
    }
    stage = 'body';
    const feed: FetchedFile = { status: response.status, contentType: response.headers.get('content-type'), body: await readCapped(response, MAX_FEED_BYTES) };
    let signature: FetchedFile | null;
    stage = 'connect';
    try {
      const sigResponse = await fetch(signatureUrl(url), init);
      checkRedirect(sigResponse);
      stage = 'body';
      signature = { status: sigResponse.status, contentType: sigResponse.headers.get('content-type'), body: await readCapped(sigResponse, MAX_SIGNATURE_BYTES + 1) };
    } catch (error) {
      if (controller.signal.aborted || error instanceof Redirected) throw error;
      signature = null; // unreachable .sig: reported as a missing signature
    }
    const outcome = await checkFeed({ feed, signature, publicKey, currentVersion });
    return { outcome, etag: response.headers.get('etag') };
  } catch (error) {
    return { outcome: { kind: 'error', error: requestError(error, controller.signal.aborted, stage) }, etag: null };
  } finally {
    clearTimeout(timer);
  }
}

/** Why a feed request failed, in the sync's error codes: the same for the legacy file and a v1 host. */
function requestError(error: unknown, aborted: boolean, stage: 'connect' | 'body'): FeedError {
  if (aborted) return { code: 'timeout', detail: `${TIMEOUT_MS / 1000} s` };
  if (error instanceof Redirected) return { code: 'redirect', detail: error.message };
  if (error instanceof TooLarge) return { code: 'too-large', detail: error.message };
  const detail = String(error instanceof Error ? error.message : error);
  return { code: error instanceof BodyBroken || stage === 'body' ? 'truncated' : 'network', detail };
}

/**
 * One request of a v1 sync (core/feed/host-sync.ts): the same rules as above (https redirects
 * only, no HTTP cache, no credentials, the body read up to `cap`), one timeout per request, and
 * nothing that tells clients apart: no cookie, no install id, no random query. Never rejects.
 */
export const getForHostSync: Get = async (url, { cap, ifNoneMatch }) => {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  let stage: 'connect' | 'body' = 'connect';
  try {
    const response = await fetch(url, {
      signal: controller.signal,
      cache: 'no-store',
      credentials: 'omit',
      redirect: 'follow',
      headers: ifNoneMatch ? { 'If-None-Match': ifNoneMatch } : {},
    });
    checkRedirect(response);
    if (response.status === 304 && ifNoneMatch) return { kind: 'not-modified' };
    const type = response.headers.get('content-type');
    const length = contentLength(response);
    if (response.status !== 200 || (length !== null && length > cap)) {
      void response.body?.cancel().catch(() => undefined);
      if (response.status === 200) return { kind: 'error', error: { code: 'too-large', detail: `${length} bytes` } };
      return { kind: 'file', file: { status: response.status, contentType: type, body: new Uint8Array(0) }, etag: null };
    }
    stage = 'body';
    const body = await readCapped(response, cap);
    return { kind: 'file', file: { status: 200, contentType: type, body }, etag: response.headers.get('etag') };
  } catch (error) {
    return { kind: 'error', error: requestError(error, controller.signal.aborted, stage) };
  } finally {
    clearTimeout(timer);
  }
};
