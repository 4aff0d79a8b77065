import { describe, expect, it } from 'vitest';
import { listStaleness, STALE_AFTER_MS } from '../../../src/core/feed/staleness';

const DAY = 86_400_000;
const LIST_VERSION = 20261001000000;
const LIST_AT = Date.parse('2026-10-01T00:00:00Z');

describe('"the list may be out of date"', () => {
  it('with a feed: after 30 days without a successful check, whatever the list’s date', () => {
    const input = { hasFeed: true, lastSuccessAt: LIST_AT + 10 * DAY, listVersion: LIST_VERSION };
    expect(listStaleness(input, LIST_AT + 40 * DAY)).toBeNull();
    expect(listStaleness(input, LIST_AT + 10 * DAY + STALE_AFTER_MS)).toBeNull();
    expect(listStaleness(input, LIST_AT + 10 * DAY + STALE_AFTER_MS + 1)).toEqual({ kind: 'checked', since: LIST_AT + 10 * DAY });
    // An old list that a recent check confirmed is still the newest: current.
    expect(listStaleness({ ...input, lastSuccessAt: LIST_AT + 100 * DAY }, LIST_AT + 101 * DAY)).toBeNull();
  });

  it('with a feed that never answered: from the list’s own date', () => {
    const input = { hasFeed: true, lastSuccessAt: null, listVersion: LIST_VERSION };
    expect(listStaleness(input, LIST_AT + 29 * DAY)).toBeNull();
    expect(listStaleness(input, LIST_AT + 31 * DAY)).toEqual({ kind: 'dated', since: LIST_AT });
  });

  it('without a feed: from the list’s own date, whatever a past check said', () => {
    expect(listStaleness({ hasFeed: false, lastSuccessAt: LIST_AT + 30 * DAY, listVersion: LIST_VERSION }, LIST_AT + 31 * DAY)).toEqual({
      kind: 'no-feed',
      since: LIST_AT,
    });
    expect(listStaleness({ hasFeed: false, lastSuccessAt: null, listVersion: LIST_VERSION }, LIST_AT + 29 * DAY)).toBeNull();
  });
});
