import { describe, expect, it } from 'vitest';
import {
  afterAttempt, isDue, isPending, MAX_RETRY_DELAY_MS, newDelivery, nextWake, retryDelay, STALE_SENDING_MS, startAttempt, type Delivery,
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
