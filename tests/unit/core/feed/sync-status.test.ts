import { describe, expect, it } from 'vitest';
import type { BlocklistEntry } from '../../../../src/core/list-schema';
import { BACKOFF_BASE_MS, HOUR_MS, SOON_MIN_MS } from '../../../../src/core/feed/schedule';
import {
  changedFeedSettings, failedStatus, nextAtOnBrowserStart, relistedAfter, resumedStatus, statusAfterSettings, succeededStatus,
} from '../../../../src/core/feed/sync-status';
import type { SyncStatus } from '../../../../src/shared/storage/areas';

// As shared/storage.ts has it (importing it would load the browser's storage API).
const INITIAL_SYNC_STATUS: SyncStatus = { runningSince: null, last: null, lastSuccessAt: null, failures: 0, nextAt: null, lastUpdate: null, etag: null };

const BUILT_IN = 'https://lists.example.org/blocklist.json';
const NOW = 1_800_000_000_000;
const SETTINGS = { url: null, intervalHours: 24 };

describe('changedFeedSettings', () => {
  it('takes an allowed URL and notes that it changed', () => {
    expect(changedFeedSettings(SETTINGS, { url: ' https://other.example/b.json ' }, BUILT_IN))
      .toEqual({ ok: true, settings: { url: 'https://other.example/b.json', intervalHours: 24 }, urlChanged: true });
  });

  it('goes back to the built-in URL for an empty field, null, or the built-in URL typed in', () => {
    const custom = { url: 'https://other.example/b.json', intervalHours: 24 };
    for (const url of ['', '  ', null, BUILT_IN]) {
      expect(changedFeedSettings(custom, { url }, BUILT_IN)).toEqual({ ok: true, settings: { url: null, intervalHours: 24 }, urlChanged: true });
    }
    expect(changedFeedSettings(SETTINGS, { url: null }, BUILT_IN)).toMatchObject({ urlChanged: false });
  });

  it('refuses a URL or an interval the form would refuse, and changes nothing then', () => {
    expect(changedFeedSettings(SETTINGS, { url: 'http://other.example/b.json' }, BUILT_IN)).toEqual({ ok: false, error: 'url' });
    expect(changedFeedSettings(SETTINGS, { url: 'https://other.example/b.json?x=1' }, BUILT_IN)).toEqual({ ok: false, error: 'url' });
    expect(changedFeedSettings(SETTINGS, { intervalHours: 0 }, BUILT_IN)).toEqual({ ok: false, error: 'interval' });
    expect(changedFeedSettings(SETTINGS, { url: 'https://other.example/b.json', intervalHours: 1.5 }, BUILT_IN)).toEqual({ ok: false, error: 'interval' });
  });

  it('changes the interval alone', () => {
    expect(changedFeedSettings(SETTINGS, { intervalHours: 168 }, BUILT_IN)).toEqual({ ok: true, settings: { url: null, intervalHours: 168 }, urlChanged: false });
  });
});

describe('statusAfterSettings', () => {
  const synced: SyncStatus = { ...INITIAL_SYNC_STATUS, lastSuccessAt: NOW - HOUR_MS, failures: 3, nextAt: NOW + 5 * HOUR_MS };

  it('plans the next sync an interval after the last success, and keeps the failures, for the same URL', () => {
    const next = statusAfterSettings(synced, { url: null, intervalHours: 2 }, false, NOW, BUILT_IN, 0.5);
    expect(next).toEqual({ ...synced, nextAt: NOW - HOUR_MS + 2 * HOUR_MS, failures: 3 });
  });

  it('never plans it sooner than an alarm can ring', () => {
    const next = statusAfterSettings({ ...synced, lastSuccessAt: NOW - 30 * HOUR_MS }, { url: null, intervalHours: 1 }, false, NOW, BUILT_IN, 0.5);
    expect(next.nextAt).toBe(NOW + SOON_MIN_MS);
  });

  it('starts afresh for a new URL, or without a success yet: soon, no failures carried over', () => {
    expect(statusAfterSettings(synced, { url: 'https://other.example/b.json', intervalHours: 24 }, true, NOW, BUILT_IN, 0)).toMatchObject({ nextAt: NOW + SOON_MIN_MS, failures: 0 });
    expect(statusAfterSettings({ ...synced, lastSuccessAt: null }, SETTINGS, false, NOW, BUILT_IN, 0)).toMatchObject({ nextAt: NOW + SOON_MIN_MS, failures: 3 });
  });

  it('plans nothing without any feed URL', () => {
    expect(statusAfterSettings(synced, SETTINGS, false, NOW, '', 0.5).nextAt).toBeNull();
  });

  it('plans nothing when the user checks only on Sync now, and plans again when they stop', () => {
    const manual = changedFeedSettings(SETTINGS, { manualOnly: true }, BUILT_IN);
    expect(manual.ok && manual.settings.manualOnly).toBe(true);
    if (!manual.ok) return;
    expect(statusAfterSettings(synced, manual.settings, false, NOW, BUILT_IN, 0.5).nextAt).toBeNull();
    const again = changedFeedSettings(manual.settings, { manualOnly: false }, BUILT_IN);
    expect(again.ok && statusAfterSettings(synced, again.settings, false, NOW, BUILT_IN, 0.5).nextAt).not.toBeNull();
  });
});

describe('failedStatus and succeededStatus', () => {
  it('counts a failure, records it and backs off', () => {
    const running = { ...INITIAL_SYNC_STATUS, runningSince: NOW - 1000, failures: 1 };
    expect(failedStatus(running, NOW, { code: 'network', detail: 'x' }, 1)).toEqual({
      ...running, runningSince: null, failures: 2, last: { kind: 'error', at: NOW, error: { code: 'network', detail: 'x' } }, nextAt: NOW + 2 * BACKOFF_BASE_MS,
    });
  });

  it('clears the failures, plans the interval and keeps the ETag with the version it means', () => {
    const failing = { ...INITIAL_SYNC_STATUS, runningSince: NOW - 1000, failures: 4 };
    const ok = succeededStatus(failing, { at: NOW, url: BUILT_IN, etag: '"v2"', version: 2, intervalHours: 24 }, 0.5);
    expect(ok).toEqual({ ...failing, runningSince: null, lastSuccessAt: NOW, failures: 0, nextAt: NOW + 24 * HOUR_MS, etag: { url: BUILT_IN, value: '"v2"', version: 2 } });
  });

  it('keeps the stored ETag of the same URL when the answer has none, and drops one of another URL', () => {
    const etag = { url: BUILT_IN, value: '"v1"', version: 1 };
    const answer = { at: NOW, etag: null, version: 1, intervalHours: 24 };
    expect(succeededStatus({ ...INITIAL_SYNC_STATUS, etag }, { ...answer, url: BUILT_IN }).etag).toEqual(etag);
    expect(succeededStatus({ ...INITIAL_SYNC_STATUS, etag }, { ...answer, url: 'https://other.example/b.json' }).etag).toBeNull();
  });
});

describe('relistedAfter', () => {
  const entry = (id: string, lists: string[]): BlocklistEntry => ({
    id, names: { zh: id }, aliases: [], warn: true, exact: false,
    listings: lists.map((list) => ({ list, kind: 'banned' as const, published: null, sources: [] })),
  });

  it('marks organizations that gained a listing, and forgets those gone from the list', () => {
    const before = [entry('a', ['l1']), entry('b', ['l1']), entry('gone', ['l1'])];
    const after = [entry('a', ['l1', 'l2']), entry('b', ['l1']), entry('new', ['l2'])];
    const { relisted, changes } = relistedAfter({ b: 5, gone: 6 }, before, after, NOW);
    expect(relisted).toEqual({ a: NOW, b: 5 });
    expect(changes.added.map((e) => e.id)).toEqual(['new']);
  });
});

describe('resumedStatus and nextAtOnBrowserStart', () => {
  it('records a sync the stopped worker left running as interrupted', () => {
    const left = { ...INITIAL_SYNC_STATUS, runningSince: NOW - 60_000, nextAt: NOW + HOUR_MS };
    expect(resumedStatus(left, NOW, false, 1)).toMatchObject({ runningSince: null, failures: 1, last: { kind: 'error', at: NOW, error: { code: 'interrupted' } }, nextAt: NOW + BACKOFF_BASE_MS });
    expect(resumedStatus(left, NOW, true)).toBe(left);
  });

  it('plans a sync soon when none is planned, and changes nothing otherwise', () => {
    expect(resumedStatus(INITIAL_SYNC_STATUS, NOW, false, 0).nextAt).toBe(NOW + SOON_MIN_MS);
    const planned = { ...INITIAL_SYNC_STATUS, nextAt: NOW + HOUR_MS };
    expect(resumedStatus(planned, NOW, false)).toBe(planned);
  });

  it('syncs within a minute of the browser starting when the list is older than the interval', () => {
    const stale = { ...INITIAL_SYNC_STATUS, lastSuccessAt: NOW - 25 * HOUR_MS, nextAt: NOW + 10 * HOUR_MS };
    expect(nextAtOnBrowserStart(stale, NOW, 24, 0)).toBe(NOW + SOON_MIN_MS);
    expect(nextAtOnBrowserStart({ ...stale, nextAt: NOW + 1 }, NOW, 24, 0)).toBe(NOW + 1);
    expect(nextAtOnBrowserStart({ ...stale, lastSuccessAt: NOW - 23 * HOUR_MS }, NOW, 24)).toBeNull();
    expect(nextAtOnBrowserStart(INITIAL_SYNC_STATUS, NOW, 24, 0)).toBe(NOW + SOON_MIN_MS);
  });
});
