import { describe, expect, it } from 'vitest';
import { HIDDEN_AFTER_MS } from '../../../src/core/banner-gate';
import { HIDDEN_WINDOW_MS, HiddenTime } from '../../../src/core/hidden-time';

describe('HiddenTime: hidden too long on end or over the sliding window', () => {
  it('on end: after HIDDEN_AFTER_MS, not before', () => {
    const time = new HiddenTime();
    time.set(true, 1_000);
    expect(time.tooLong(1_000 + HIDDEN_AFTER_MS - 1)).toBe(false);
    expect(time.tooLong(1_000 + HIDDEN_AFTER_MS)).toBe(true);
  });

  it('covered 1.8 s, uncovered 120 ms, again and again: too long within the window', () => {
    const time = new HiddenTime();
    let t = 0;
    let flagged = false;
    while (t < 20_000 && !flagged) {
      time.set(true, t);
      t += 1_800;
      flagged = time.tooLong(t - 1);
      time.set(false, t);
      t += 120;
    }
    expect(flagged).toBe(true);
  });

  it('hidden less than half of the window: not too long', () => {
    const time = new HiddenTime();
    for (let t = 0; t < 60_000; t += 2_000) {
      time.set(true, t);
      time.set(false, t + 900);
      expect(time.tooLong(t + 1_999)).toBe(false);
    }
  });

  it('forgets spans older than the window', () => {
    const time = new HiddenTime();
    time.set(true, 0);
    time.set(false, HIDDEN_AFTER_MS - 10);
    time.set(true, HIDDEN_AFTER_MS);
    time.set(false, 2 * HIDDEN_AFTER_MS - 10);
    time.set(true, 2 * HIDDEN_AFTER_MS);
    time.set(false, 3 * HIDDEN_AFTER_MS - 10);
    expect(time.tooLong(3 * HIDDEN_AFTER_MS)).toBe(true);
    expect(time.tooLong(3 * HIDDEN_AFTER_MS + HIDDEN_WINDOW_MS)).toBe(false);
  });
});
