import { describe, expect, it } from 'vitest';
import { backoffDelay, BACKOFF_CAP_MS, HOUR_MS, intervalDelay, isValidInterval, soonDelay } from '../../../src/core/feed/schedule';
import { ifNoneMatch } from '../../../src/core/feed/etag';

const MIN = 60_000;

describe('sync schedule', () => {
  it('backs off exponentially with jitter, capped at 24 h', () => {
    expect(backoffDelay(1, 1)).toBe(15 * MIN);
    expect(backoffDelay(1, 0)).toBe(7.5 * MIN);
    expect(backoffDelay(2, 1)).toBe(30 * MIN);
    expect(backoffDelay(5, 1)).toBe(4 * HOUR_MS);
    expect(backoffDelay(7, 1)).toBe(16 * HOUR_MS);
    for (const failures of [8, 20, 1000]) {
      expect(backoffDelay(failures, 1)).toBe(BACKOFF_CAP_MS);
      expect(backoffDelay(failures, 0.999)).toBeLessThanOrEqual(BACKOFF_CAP_MS);
      expect(backoffDelay(failures, 0)).toBe(BACKOFF_CAP_MS / 2);
    }
    for (let n = 1; n < 10; n++) expect(backoffDelay(n + 1, 1)).toBeGreaterThanOrEqual(backoffDelay(n, 1));
  });

  it('jitters the interval by ±10 % and the first sync within 30–60 s', () => {
    expect(intervalDelay(24, 0)).toBe(0.9 * 24 * HOUR_MS);
    expect(intervalDelay(24, 1)).toBe(1.1 * 24 * HOUR_MS);
    expect(soonDelay(0)).toBe(30_000);
    expect(soonDelay(1)).toBe(60_000);
    for (let i = 0; i < 100; i++) {
      const d = soonDelay();
      expect(d).toBeGreaterThanOrEqual(30_000);
      expect(d).toBeLessThanOrEqual(60_000);
    }
  });

  it('allows intervals of 1 h … 7 d in whole hours', () => {
    expect([1, 24, 168].every(isValidInterval)).toBe(true);
    expect([0, 169, 1.5, -1, NaN, '24'].some(isValidInterval)).toBe(false);
  });
});

describe('the conditional request (If-None-Match)', () => {
  const url = 'https://lists.example.org/b.json';
  const etag = { url, value: '"v1"', version: 20261128094711 };

  it('is sent while the feed list that answer carried is in use', () => {
    expect(ifNoneMatch(etag, url, { source: 'feed', version: 20261128094711 })).toBe('"v1"');
  });

  it('is not sent when the bundled list is in use (the stored feed list was set aside), for another version or URL, or without a version', () => {
    expect(ifNoneMatch(etag, url, { source: 'bundled', version: 20261128094711 })).toBeNull();
    expect(ifNoneMatch(etag, url, { source: 'feed', version: 20261128094712 })).toBeNull();
    expect(ifNoneMatch(etag, 'https://other.example.org/b.json', { source: 'feed', version: 20261128094711 })).toBeNull();
    expect(ifNoneMatch({ url, value: '"v1"' }, url, { source: 'feed', version: 20261128094711 })).toBeNull();
    expect(ifNoneMatch(null, url, { source: 'feed', version: 20261128094711 })).toBeNull();
  });
});
