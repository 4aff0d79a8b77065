import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../src/core/rate-limit';

describe('createRateLimiter', () => {
  it('lets one event per key through in each interval', () => {
    const limiter = createRateLimiter<number>(10_000);
    expect(limiter.allow(1, 1000)).toBe(true);
    for (let t = 1001; t < 11_000; t += 250) expect(limiter.allow(1, t)).toBe(false);
    expect(limiter.allow(2, 1500)).toBe(true);
    expect(limiter.allow(1, 11_000)).toBe(true);
  });
  it('starts afresh for a forgotten key, and when the clock goes back', () => {
    const limiter = createRateLimiter<number>(10_000);
    limiter.allow(1, 5000);
    limiter.forget(1);
    expect(limiter.allow(1, 5001)).toBe(true);
    expect(limiter.allow(1, 100)).toBe(true);
  });
});
