/** The one freshness line's facts (core/feed/freshness.ts): last update, size, "may be out of date" after 30 days. */
import { describe, expect, it } from 'vitest';
import { freshnessOfView, listFreshness } from '../../../src/core/feed/freshness';

const DAY = 86_400_000;
const listDate = Date.UTC(2026, 10, 1, 12, 0, 0);
const version = 20261101120000;

describe('listFreshness', () => {
  it('gives the list’s update time and size, current for 30 days from it without a feed', () => {
    const input = { hasFeed: false, lastSuccessAt: null, listVersion: version, organizations: 308 };
    expect(listFreshness(input, listDate + 30 * DAY)).toEqual({ updatedAt: listDate, organizations: 308, mayBeOutOfDate: false });
    expect(listFreshness(input, listDate + 30 * DAY + 1)).toEqual({ updatedAt: listDate, organizations: 308, mayBeOutOfDate: true });
  });

  it('with a feed, counts from the last successful check, not from the list’s own date', () => {
    const input = { hasFeed: true, lastSuccessAt: listDate + 100 * DAY, listVersion: version, organizations: 3 };
    expect(listFreshness(input, listDate + 120 * DAY).mayBeOutOfDate).toBe(false);
    expect(listFreshness(input, listDate + 131 * DAY).mayBeOutOfDate).toBe(true);
    // The line still says when the list itself was updated.
    expect(listFreshness(input, listDate + 120 * DAY).updatedAt).toBe(listDate);
  });

  it('has no update time for a version that is not a date', () => {
    expect(listFreshness({ hasFeed: false, lastSuccessAt: null, listVersion: 20261399000000, organizations: 1 }, listDate).updatedAt).toBeNull();
  });

  it('reads the same facts from a sync view', () => {
    const view = { url: null, status: { lastSuccessAt: null }, list: { version, count: 12 } };
    expect(freshnessOfView(view, listDate + 31 * DAY)).toEqual({ updatedAt: listDate, organizations: 12, mayBeOutOfDate: true });
    expect(freshnessOfView({ ...view, url: 'https://feed.example/', status: { lastSuccessAt: listDate + 30 * DAY } }, listDate + 31 * DAY).mayBeOutOfDate).toBe(false);
  });
});
