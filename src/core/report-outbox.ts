/**
 * The outbox's rules, pure: what a report's delivery state becomes after each attempt to POST it
 * to the report endpoint, and when the next attempt is due. The background (background/
 * report-outbox.ts) does the I/O and keeps the state in storage, so that a report queued when
 * the browser closes is sent after it starts again.
 *
 * - 2xx: sent. The endpoint may receive a report more than once (an answer lost on the way, a
 *   worker stopped mid-request): the report's id is there for it to drop duplicates, and is also
 *   sent as the Idempotency-Key header.
 * - A redirect (3xx): rejected, no retry. It is not followed (background/report-outbox.ts): it
 *   could take the report to another host, or to plain http.
 * - 4xx: rejected, no retry; the server's answer is kept and shown. Except 408 (timeout) and 429
 *   (too many requests), which say "later" and are retried like 5xx.
 * - 5xx, a network error, a timeout: retried with exponential backoff and jitter,
 *   base × 2^(attempt − 1) × (0.5 … 1), capped at 6 h, for at most DELIVERY_WINDOW_MS (3 days)
 *   after the user pressed Send (or Retry): no attempt starts later than that, and a retry that
 *   would fall past it is not scheduled. The delivery then stops ('stopped', reason 'expired') and
 *   the history says so; the user may press Retry, which starts a new window.
 * - Only to the endpoint set now: a queued report whose endpoint is no longer the one in the
 *   options (changed, removed, replaced by a settings import) is never posted; it stops
 *   ('endpoint-changed' / 'endpoint-removed') unless the user chose, when changing it, to send
 *   it to the new one or to delete it (`settlePending`).
 */
import type { Report } from './report';

export const DEFAULT_RETRY_BASE_MS = 30_000;
export const MAX_RETRY_DELAY_MS = 6 * 3_600_000;
/** A 'sending' state older than this is an attempt that died with its worker: send again. */
export const STALE_SENDING_MS = 60_000;
/**
 * How long a report is tried after Send. Three days: long enough for a weekend with the computer
 * off or the collector down (the browser tries every pending report again when it starts); short
 * enough that a report (page, excerpts, perhaps a screenshot) does not go out weeks later, when
 * the user has forgotten it or the endpoint's domain has changed hands. A bound in time, not in
 * attempts: attempts happen only while the browser runs, so a count would keep a report alive
 * for months in a browser that is seldom open. With the 6 h cap and the default 30 s base, a
 * browser open throughout makes 21 to 33 attempts (by the jitter), the last 68–71 h after Send.
 */
export const DELIVERY_WINDOW_MS = 3 * 24 * 3_600_000;
/** Characters of the server's answer kept with a delivery. */
export const MAX_RESPONSE_CHARS = 2000;

export type ReportAction = 'copy-zh' | 'copy-en' | 'download-json' | 'download-txt' | 'complaint' | 'send';

export interface DeliveryError {
  kind: 'network' | 'timeout' | 'server';
  /** HTTP status of a server error, else null. */
  status: number | null;
  detail: string;
}

interface DeliveryBase {
  endpoint: string;
  /** Attempts made so far (the one under way included, for 'sending'). */
  attempts: number;
  queuedAt: number;
}

export type Delivery =
  | (DeliveryBase & { state: 'queued'; nextAt: number; lastError: DeliveryError | null })
  | (DeliveryBase & { state: 'sending'; since: number; lastError: DeliveryError | null })
  | (DeliveryBase & { state: 'sent'; at: number; status: number; response: string })
  | (DeliveryBase & {
      state: 'rejected';
      at: number;
      /** HTTP status; 0 for a redirect (the browser does not expose a redirect's status). */
      status: number;
      response: string;
      /** Why, when not the server's 4xx: the endpoint answered with a redirect. */
      reason?: 'redirect';
    })
  /** Not sent, and not tried any more (see StopReason); Retry sends it to the endpoint set then. */
  | (DeliveryBase & { state: 'stopped'; at: number; reason: StopReason; lastError: DeliveryError | null });

/**
 * Why a delivery stopped: the window of DELIVERY_WINDOW_MS ended; or the user changed or removed
 * the endpoint it was queued for (it is never posted to an endpoint no longer set).
 */
export type StopReason = 'expired' | 'endpoint-changed' | 'endpoint-removed';

/** What the user chose, on changing or removing the endpoint, for the reports queued for the old one. */
export const PENDING_CHOICES = ['send-to-new', 'keep', 'delete'] as const;
export type PendingChoice = (typeof PENDING_CHOICES)[number];

/** A report in the history (options page), with what was done with it and its delivery. */
export interface ReportRecord {
  report: Report;
  savedAt: number;
  actions: Array<{ kind: ReportAction; at: number }>;
  /** null: never sent to an endpoint. */
  delivery: Delivery | null;
}

/** What an attempt came to: an HTTP answer, or no answer. */
export type AttemptResult =
  | { kind: 'response'; status: number; body: string }
  /** A 3xx: not followed, and not retried (the endpoint moved; the user sets it again). */
  | { kind: 'redirect' }
  | { kind: 'network'; detail: string }
  | { kind: 'timeout'; detail: string };

export function newDelivery(endpoint: string, now: number): Delivery {
  return { state: 'queued', endpoint, attempts: 0, queuedAt: now, nextAt: now, lastError: null };
}

export function startAttempt(d: Delivery, now: number): Delivery {
  const lastError = d.state === 'queued' || d.state === 'sending' ? d.lastError : null;
  return { state: 'sending', endpoint: d.endpoint, attempts: d.attempts + 1, queuedAt: d.queuedAt, since: now, lastError };
}

export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

/** The end of a delivery's window: no attempt starts at or after it. */
export function deliveryDeadline(d: Delivery): number {
  return d.queuedAt + DELIVERY_WINDOW_MS;
}

/** The delivery after an attempt (d is the 'sending' state of that attempt). */
export function afterAttempt(d: Delivery, result: AttemptResult, now: number, baseMs: number, random = Math.random()): Delivery {
  const base = { endpoint: d.endpoint, attempts: d.attempts, queuedAt: d.queuedAt };
  // A retry, unless it would fall past the window: then the delivery stops here.
  const retry = (lastError: DeliveryError): Delivery => {
    const nextAt = now + retryDelay(d.attempts, baseMs, random);
    if (nextAt >= deliveryDeadline(d)) return { ...base, state: 'stopped', at: now, reason: 'expired', lastError };
    return { ...base, state: 'queued', nextAt, lastError };
  };
  if (result.kind === 'redirect') return { ...base, state: 'rejected', at: now, status: 0, response: '', reason: 'redirect' };
  if (result.kind === 'response') {
    const response = result.body.slice(0, MAX_RESPONSE_CHARS);
    if (result.status >= 200 && result.status < 300) return { ...base, state: 'sent', at: now, status: result.status, response };
    if (!isRetryableStatus(result.status)) return { ...base, state: 'rejected', at: now, status: result.status, response };
    return retry({ kind: 'server', status: result.status, detail: response });
  }
  return retry({ kind: result.kind, status: null, detail: result.detail.slice(0, MAX_RESPONSE_CHARS) });
}

/**
 * The delivery once an attempt's answer is back, `current` being the record's delivery now and
 * `sending` the state the attempt started in; null: the answer changes nothing (the report was
 * deleted, retried by hand into a new attempt, or sent elsewhere at the user's choice). One
 * kept unsent because the endpoint changed while this attempt was under way, and that arrived,
 * is recorded as sent: the history says what happened, not what was meant.
 */
export function answerFor(current: Delivery | null, sending: Delivery, result: AttemptResult, now: number, baseMs: number, random = Math.random()): Delivery | null {
  if (!current || current.attempts !== sending.attempts || current.endpoint !== sending.endpoint) return null;
  if (current.state === 'sending') return afterAttempt(current, result, now, baseMs, random);
  const arrived = result.kind === 'response' && result.status >= 200 && result.status < 300;
  if (current.state === 'stopped' && current.reason !== 'expired' && arrived) return afterAttempt(sending, result, now, baseMs, random);
  return null;
}

/** A pending delivery stopped for `reason` (its last error kept, for the history). */
export function stopDelivery(d: Delivery, reason: StopReason, now: number): Delivery {
  const lastError = d.state === 'queued' || d.state === 'sending' || d.state === 'stopped' ? d.lastError : null;
  return { endpoint: d.endpoint, attempts: d.attempts, queuedAt: d.queuedAt, state: 'stopped', at: now, reason, lastError };
}

/** Why a delivery queued for `d.endpoint` may not go out while `current` is the endpoint set, or null. */
export function endpointStopReason(d: Delivery, current: string | null): StopReason | null {
  if (d.endpoint === current) return null;
  return current === null ? 'endpoint-removed' : 'endpoint-changed';
}

/**
 * What the outbox does with a delivery now, `current` being the endpoint set in the options:
 * 'attempt' (post it), 'wait' (not due yet), 'none' (not pending), or the state it stops in
 * (its endpoint is no longer set, or its window is over), without posting. `force`: every
 * pending delivery is due (the browser just started).
 */
export function nextStep(
  d: Delivery | null,
  current: string | null,
  now: number,
  force = false,
): { kind: 'attempt' | 'wait' | 'none' } | { kind: 'stop'; delivery: Delivery } {
  if (!d || !isPending(d)) return { kind: 'none' };
  const moved = endpointStopReason(d, current);
  if (moved) return { kind: 'stop', delivery: stopDelivery(d, moved, now) };
  if (now >= deliveryDeadline(d)) return { kind: 'stop', delivery: stopDelivery(d, 'expired', now) };
  return force || isDue(d, now) ? { kind: 'attempt' } : { kind: 'wait' };
}

/**
 * The delivery of a report queued for an endpoint the user just changed or removed, by their
 * choice: to the new endpoint (a new delivery, with a window of its own), kept unsent, or
 * 'delete' (the report goes from the history). Anything not pending, or already queued for
 * `endpoint`, stays as it is.
 */
export function settlePending(d: Delivery | null, endpoint: string | null, choice: PendingChoice, now: number): Delivery | null | 'delete' {
  if (!d || !isPending(d) || d.endpoint === endpoint) return d;
  if (choice === 'delete') return 'delete';
  if (choice === 'send-to-new' && endpoint !== null) return newDelivery(endpoint, now);
  return stopDelivery(d, endpoint === null ? 'endpoint-removed' : 'endpoint-changed', now);
}

/** May Send on the report page queue this report again (a new delivery to the endpoint set now)? */
export function maySendAgain(d: Delivery | null): boolean {
  return !d || d.state === 'rejected' || d.state === 'stopped';
}

/** Delay before attempt `attempts + 1`, after `attempts` failed ones (≥ 1). */
export function retryDelay(attempts: number, baseMs: number, random = Math.random()): number {
  const exp = baseMs * 2 ** Math.max(0, Math.min(attempts, 30) - 1);
  return Math.min(MAX_RETRY_DELAY_MS, exp) * (0.5 + 0.5 * random);
}

/** Is an attempt due now? A 'sending' state counts when it is stale (its worker died). */
export function isDue(d: Delivery | null, now: number): boolean {
  if (!d) return false;
  if (d.state === 'queued') return d.nextAt <= now;
  if (d.state === 'sending') return now - d.since >= STALE_SENDING_MS;
  return false;
}

/** Is the delivery still in the outbox (not sent, not rejected)? */
export function isPending(d: Delivery | null): boolean {
  return d?.state === 'queued' || d?.state === 'sending';
}

/** When the outbox next needs the worker: the earliest due time of the pending deliveries. */
export function nextWake(deliveries: Array<Delivery | null>): number | null {
  let next: number | null = null;
  for (const d of deliveries) {
    if (d?.state !== 'queued' && d?.state !== 'sending') continue;
    const at = d.state === 'queued' ? d.nextAt : d.since + STALE_SENDING_MS;
    if (next === null || at < next) next = at;
  }
  return next;
}
