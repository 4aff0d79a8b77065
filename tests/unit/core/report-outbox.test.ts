import { describe, expect, it } from 'vitest';
import {
  afterAttempt, answerFor, DELIVERY_WINDOW_MS, isDue, isPending, MAX_RETRY_DELAY_MS, maySendAgain, newDelivery, nextStep, nextWake, retryDelay, settlePending,
  STALE_SENDING_MS, startAttempt, type Delivery,
} from '../../../src/core/report-outbox';

const E = 'https://reports.example.org/collect';
const BASE = 1000;

function attempt(d: Delivery, now: number, status: number | 'network') {
  const s = startAttempt(d, now);
  return afterAttempt(s, status === 'network' ? { kind: 'network', detail: 'Failed to fetch' } : { kind: 'response', status, body: `answer ${status}` }, now + 10, BASE, 1);
}

describe('the outbox rules', () => {
  it('sends a new report at once', () => {
    const d = newDelivery(E, 100);
    expect(isDue(d, 100)).toBe(true);
    expect(isPending(d)).toBe(true);
  });

  it('retries 5xx and network errors with doubling delays, and stops at 2xx', () => {
    let d = newDelivery(E, 0);
    d = attempt(d, 0, 503);
    expect(d).toMatchObject({ state: 'queued', attempts: 1, nextAt: 10 + BASE, lastError: { kind: 'server', status: 503 } });
    d = attempt(d, 2000, 'network');
    expect(d).toMatchObject({ state: 'queued', attempts: 2, nextAt: 2010 + 2 * BASE, lastError: { kind: 'network', status: null } });
    d = attempt(d, 5000, 200);
    expect(d).toMatchObject({ state: 'sent', attempts: 3, status: 200, response: 'answer 200' });
    expect(isPending(d)).toBe(false);
    expect(isDue(d, 1e12)).toBe(false);
  });

  it('stops at a 4xx and keeps the server’s answer, but retries 408 and 429', () => {
    expect(attempt(newDelivery(E, 0), 0, 400)).toMatchObject({ state: 'rejected', status: 400, response: 'answer 400' });
    expect(attempt(newDelivery(E, 0), 0, 404).state).toBe('rejected');
    expect(attempt(newDelivery(E, 0), 0, 429).state).toBe('queued');
    expect(attempt(newDelivery(E, 0), 0, 408).state).toBe('queued');
  });

  it('keeps the delay between half and all of base × 2^(n−1), capped', () => {
    expect(retryDelay(1, BASE, 0)).toBe(BASE / 2);
    expect(retryDelay(3, BASE, 1)).toBe(4 * BASE);
    expect(retryDelay(60, BASE, 1)).toBe(MAX_RETRY_DELAY_MS);
  });

  it('sends again an attempt that died with its worker', () => {
    const s = startAttempt(newDelivery(E, 0), 0);
    expect(isDue(s, STALE_SENDING_MS - 1)).toBe(false);
    expect(isDue(s, STALE_SENDING_MS)).toBe(true);
    expect(nextWake([s, null, attempt(newDelivery(E, 0), 0, 200)])).toBe(STALE_SENDING_MS);
    expect(nextWake([attempt(newDelivery(E, 0), 0, 503), s])).toBe(10 + BASE);
    expect(nextWake([])).toBeNull();
  });
});

describe('a redirect from the endpoint', () => {
  it('rejects the report at once, without retry', () => {
    const d = afterAttempt(startAttempt(newDelivery(E, 0), 0), { kind: 'redirect' }, 10, BASE, 1);
    expect(d).toMatchObject({ state: 'rejected', attempts: 1, status: 0, reason: 'redirect', at: 10 });
    expect(isPending(d)).toBe(false);
    expect(nextWake([d])).toBeNull();
  });
});

const E2 = 'https://other.example.net/collect';
const DAY = 24 * 3_600_000;

describe('only to the endpoint set now', () => {
  it('stops, without posting, a report queued for an endpoint that was changed or removed', () => {
    const d = attempt(newDelivery(E, 0), 0, 503);
    expect(nextStep(d, E, 5000)).toEqual({ kind: 'attempt' });
    expect(nextStep(d, E2, 5000)).toEqual({ kind: 'stop', delivery: expect.objectContaining({ state: 'stopped', reason: 'endpoint-changed', endpoint: E, attempts: 1, at: 5000 }) });
    expect(nextStep(d, null, 5000)).toEqual({ kind: 'stop', delivery: expect.objectContaining({ state: 'stopped', reason: 'endpoint-removed' }) });
    // Not due yet: stopped all the same, at once (the history says so now, not at the next try).
    expect(nextStep(d, E2, 11)).toMatchObject({ kind: 'stop' });
    // Even when the browser starts and every pending report is tried.
    expect(nextStep(d, E2, 11, true)).toMatchObject({ kind: 'stop' });
    // An attempt that died with its worker is not sent again elsewhere.
    expect(nextStep(startAttempt(newDelivery(E, 0), 0), E2, STALE_SENDING_MS)).toMatchObject({ kind: 'stop', delivery: { reason: 'endpoint-changed' } });
    // The last error stays, for the history.
    const stopped = nextStep(d, E2, 5000);
    expect(stopped.kind === 'stop' && stopped.delivery.state === 'stopped' && stopped.delivery.lastError?.status).toBe(503);
  });

  it('leaves sent, refused and stopped reports alone, and waits for one not due', () => {
    expect(nextStep(attempt(newDelivery(E, 0), 0, 200), E2, 10)).toEqual({ kind: 'none' });
    expect(nextStep(attempt(newDelivery(E, 0), 0, 400), null, 10)).toEqual({ kind: 'none' });
    expect(nextStep(null, E, 10)).toEqual({ kind: 'none' });
    expect(nextStep(attempt(newDelivery(E, 0), 0, 503), E, 11)).toEqual({ kind: 'wait' });
    expect(nextStep(attempt(newDelivery(E, 0), 0, 503), E, 11, true)).toEqual({ kind: 'attempt' });
  });

  it('does with queued reports what the user chose on changing the endpoint', () => {
    const d = attempt(newDelivery(E, 0), 0, 503);
    // To the new endpoint: a new delivery, due now, with a window of its own.
    expect(settlePending(d, E2, 'send-to-new', 7000)).toEqual({ state: 'queued', endpoint: E2, attempts: 0, queuedAt: 7000, nextAt: 7000, lastError: null });
    expect(settlePending(d, E2, 'keep', 7000)).toMatchObject({ state: 'stopped', endpoint: E, reason: 'endpoint-changed', at: 7000 });
    expect(settlePending(d, null, 'keep', 7000)).toMatchObject({ state: 'stopped', reason: 'endpoint-removed' });
    expect(settlePending(d, E2, 'delete', 7000)).toBe('delete');
    // Removed, "send to the new one" has nowhere to go: kept unsent.
    expect(settlePending(d, null, 'send-to-new', 7000)).toMatchObject({ state: 'stopped', reason: 'endpoint-removed' });
    // One under way is settled too (its answer is then dropped: background/report-outbox.ts).
    expect(settlePending(startAttempt(newDelivery(E, 0), 0), E2, 'keep', 10)).toMatchObject({ state: 'stopped' });
    // Not pending, or already for that endpoint: unchanged.
    const sent = attempt(newDelivery(E, 0), 0, 200);
    expect(settlePending(sent, E2, 'delete', 10)).toBe(sent);
    expect(settlePending(d, E, 'delete', 10)).toBe(d);
    expect(settlePending(null, E2, 'delete', 10)).toBeNull();
  });
});

describe('a bounded time of retries', () => {
  it('is three days', () => {
    expect(DELIVERY_WINDOW_MS).toBe(3 * DAY);
  });

  it('stops, with the last error, when the next retry would fall past three days after Send', () => {
    const queuedAt = 1000;
    const start = newDelivery(E, queuedAt);
    // An attempt late in the window whose retry would land inside it: queued.
    let d: Delivery = { ...startAttempt(start, queuedAt), attempts: 20 };
    let now = queuedAt + 3 * DAY - MAX_RETRY_DELAY_MS - 1000;
    expect(afterAttempt(d, { kind: 'network', detail: 'x' }, now, 30_000, 1)).toMatchObject({ state: 'queued', nextAt: now + MAX_RETRY_DELAY_MS });
    // One whose retry would land past it: stopped now.
    now = queuedAt + 3 * DAY - MAX_RETRY_DELAY_MS + 1000;
    d = afterAttempt(d, { kind: 'response', status: 503, body: 'down' }, now, 30_000, 1);
    expect(d).toMatchObject({ state: 'stopped', reason: 'expired', at: now, attempts: 20, lastError: { kind: 'server', status: 503 } });
    expect(isPending(d)).toBe(false);
    expect(nextWake([d])).toBeNull();
    // A refusal or success late in the window is what it is.
    expect(afterAttempt({ ...startAttempt(start, queuedAt), attempts: 20 }, { kind: 'response', status: 200, body: '' }, now, 30_000, 1).state).toBe('sent');
  });

  it('posts nothing once the window is over, even when the browser starts again after it', () => {
    const d = attempt(newDelivery(E, 0), 0, 503);
    expect(nextStep(d, E, 3 * DAY - 1, true)).toEqual({ kind: 'attempt' });
    expect(nextStep(d, E, 3 * DAY, true)).toEqual({ kind: 'stop', delivery: expect.objectContaining({ state: 'stopped', reason: 'expired', at: 3 * DAY }) });
    expect(nextStep(startAttempt(newDelivery(E, 0), 0), E, 3 * DAY)).toMatchObject({ kind: 'stop', delivery: { reason: 'expired' } });
  });

  it('with a browser open all along, makes 21 attempts in the window at the longest delays', () => {
    let d: Delivery = newDelivery(E, 0);
    let now = 0;
    // (Bounded: without the window this would never end.)
    for (let i = 0; i < 1000 && isPending(d); i++) {
      now = d.state === 'queued' ? d.nextAt : now;
      d = afterAttempt(startAttempt(d, now), { kind: 'network', detail: 'x' }, now, 30_000, 1);
    }
    expect(d).toMatchObject({ state: 'stopped', reason: 'expired' });
    expect(d.attempts).toBe(21);
    expect(now).toBeLessThan(3 * DAY);
  });

  it('lets Send queue again a report refused or stopped, not one queued or sent', () => {
    expect(maySendAgain(null)).toBe(true);
    expect(maySendAgain(attempt(newDelivery(E, 0), 0, 400))).toBe(true);
    expect(maySendAgain(stopped())).toBe(true);
    expect(maySendAgain(attempt(newDelivery(E, 0), 0, 503))).toBe(false);
    expect(maySendAgain(attempt(newDelivery(E, 0), 0, 200))).toBe(false);
  });
});

describe('an answer that comes back after the endpoint changed', () => {
  const ok = { kind: 'response', status: 200, body: 'accepted' } as const;
  const down = { kind: 'response', status: 503, body: 'later' } as const;

  it('is the delivery’s state while the attempt is still its own', () => {
    const s = startAttempt(newDelivery(E, 0), 0);
    expect(answerFor(s, s, ok, 10, BASE, 1)).toMatchObject({ state: 'sent', status: 200 });
    expect(answerFor(s, s, down, 10, BASE, 1)).toMatchObject({ state: 'queued' });
  });

  it('records a report kept unsent, whose attempt under way arrived, as sent (the history says what happened)', () => {
    const s = startAttempt(newDelivery(E, 0), 0);
    const kept = settlePending(s, E2, 'keep', 5) as Delivery;
    expect(answerFor(kept, s, ok, 10, BASE, 1)).toMatchObject({ state: 'sent', endpoint: E, attempts: 1 });
    // It did not arrive: it stays kept unsent.
    expect(answerFor(kept, s, down, 10, BASE, 1)).toBeNull();
    expect(answerFor(kept, s, { kind: 'network', detail: 'x' }, 10, BASE, 1)).toBeNull();
  });

  it('changes nothing for a report deleted, sent to the new endpoint, or retried into a new attempt', () => {
    const s = startAttempt(newDelivery(E, 0), 0);
    expect(answerFor(null, s, ok, 10, BASE, 1)).toBeNull();
    expect(answerFor(settlePending(s, E2, 'send-to-new', 5) as Delivery, s, ok, 10, BASE, 1)).toBeNull();
    expect(answerFor(startAttempt(s, 5), s, ok, 10, BASE, 1)).toBeNull();
  });
});

function stopped(): Delivery {
  const step = nextStep(attempt(newDelivery(E, 0), 0, 503), null, 20);
  if (step.kind !== 'stop') throw new Error('expected a stop');
  return step.delivery;
}
