import { describe, expect, it } from 'vitest';
import { closeLasts, controlActs, GATE_VISIBLE_MS, gateAt } from '../../../src/core/banner-gate';

describe('gateAt: a press counts only after the banner was visible for 800 ms', () => {
  it('passes when the banner has been visible long enough', () => {
    expect(gateAt({ supported: true, visibleSince: 1_000 }, 1_000 + GATE_VISIBLE_MS)).toBe('passed');
    expect(gateAt({ supported: true, visibleSince: 0 }, 60_000)).toBe('passed');
  });
  it('fails just after it appeared or came out from under a cover, and while covered', () => {
    expect(gateAt({ supported: true, visibleSince: 1_000 }, 1_000 + GATE_VISIBLE_MS - 1)).toBe('failed');
    expect(gateAt({ supported: true, visibleSince: null }, 60_000)).toBe('failed');
  });
  it('is unsupported where the browser has no isVisible (Firefox)', () => {
    expect(gateAt({ supported: false, visibleSince: null }, 60_000)).toBe('unsupported');
    expect(gateAt({ supported: false, visibleSince: 0 }, 60_000)).toBe('unsupported');
  });
});

describe('what a press does', () => {
  it('Close lasts for the session only after a passed check', () => {
    expect(closeLasts('passed')).toBe('session');
    expect(closeLasts('failed')).toBe('view');
    expect(closeLasts('unsupported')).toBe('view');
  });
  it('other controls act unless the check failed', () => {
    expect(controlActs('passed')).toBe(true);
    expect(controlActs('unsupported')).toBe(true);
    expect(controlActs('failed')).toBe(false);
  });
});

describe('a banner hidden by what IntersectionObserver v2 cannot see', () => {
  it('fails the press, in Chrome and where the browser has no isVisible', () => {
    expect(gateAt({ supported: true, visibleSince: 0, coveredNow: true }, 60_000)).toBe('failed');
    expect(gateAt({ supported: false, visibleSince: null, coveredNow: true }, 60_000)).toBe('failed');
  });
});
