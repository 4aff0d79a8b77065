import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createKeyedThrottle } from '../../../src/background/keyed-throttle';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('createKeyedThrottle', () => {
  it('runs at once for a quiet key, then once per interval however often it is asked', () => {
    const runs: string[] = [];
    const throttle = createKeyedThrottle<string>(300, (k) => runs.push(k));
    throttle.request('a');
    expect(runs).toEqual(['a']);
    for (let i = 0; i < 20; i++) {
      vi.advanceTimersByTime(50); // 20 requests over 1 s
      throttle.request('a');
    }
    expect(runs.length).toBeLessThanOrEqual(5);
    expect(runs.length).toBeGreaterThanOrEqual(3);
    vi.advanceTimersByTime(300);
    const settled = runs.length;
    vi.advanceTimersByTime(1000);
    expect(runs.length).toBe(settled); // nothing more without requests
  });
  it('lets one key not hold up another', () => {
    const runs: string[] = [];
    const throttle = createKeyedThrottle<string>(300, (k) => runs.push(k));
    throttle.request('flood');
    throttle.request('flood');
    throttle.request('other');
    expect(runs).toEqual(['flood', 'other']);
    vi.advanceTimersByTime(300);
    expect(runs).toEqual(['flood', 'other', 'flood']);
  });
  it('drops what a cancelled key had pending', () => {
    const runs: string[] = [];
    const throttle = createKeyedThrottle<string>(300, (k) => runs.push(k));
    throttle.request('a');
    throttle.request('a');
    throttle.cancel('a');
    vi.advanceTimersByTime(1000);
    expect(runs).toEqual(['a']);
    throttle.request('a');
    expect(runs).toEqual(['a', 'a']);
  });
});
