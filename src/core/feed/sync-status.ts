/**
 * The sync's rules for its stored status and the feed settings (background/sync.ts keeps them in
 * storage and runs the state machine). Pure; `random` is injectable for tests, as in schedule.ts.
 */
import type { FeedSettings, SyncStatus } from './sync-state';
import { diffLists, type ListChanges } from './diff';
import { backoffDelay, HOUR_MS, intervalDelay, isValidInterval, SOON_MIN_MS, soonDelay } from './schedule';
import type { FeedError } from './validate';
import { isAllowedFeedUrl } from '../url-policy';
import type { BlocklistEntry } from '../list-schema';

/** A change from the options page or a settings import: a new URL (null: the built-in one) and/or interval. */
export interface FeedSettingsChange {
  url?: string | null;
  intervalHours?: number;
  /** "Check for a new list only when I press Sync now". */
  manualOnly?: boolean;
}

/** The feed settings after a change (the rules of the options page's form), or why not. */
export function changedFeedSettings(
  current: FeedSettings,
  change: FeedSettingsChange,
  builtInUrl: string,
): { ok: true; settings: FeedSettings; urlChanged: boolean } | { ok: false; error: 'url' | 'interval' } {
  const settings = { ...current };
  let urlChanged = false;
  if (change.url !== undefined) {
    // Empty, or the built-in URL typed in: the built-in one, so that a later build's URL applies.
    const url = change.url === null || change.url.trim() === '' || change.url.trim() === builtInUrl ? null : change.url.trim();
    if (url !== null && !isAllowedFeedUrl(url)) return { ok: false, error: 'url' };
    urlChanged = url !== settings.url;
    settings.url = url;
  }
  if (change.intervalHours !== undefined) {
    if (!isValidInterval(change.intervalHours)) return { ok: false, error: 'interval' };
    settings.intervalHours = change.intervalHours;
  }
  if (change.manualOnly !== undefined) settings.manualOnly = change.manualOnly === true;
  return { ok: true, settings, urlChanged };
}

/** The sync status once the settings changed: when the next sync is due; a new URL starts afresh. */
export function statusAfterSettings(
  status: SyncStatus,
  settings: FeedSettings,
  urlChanged: boolean,
  now: number,
  builtInUrl: string,
  random = Math.random(),
): SyncStatus {
  let nextAt: number | null;
  // Only when the user presses Sync now: nothing is scheduled.
  if (!(settings.url ?? builtInUrl) || settings.manualOnly) nextAt = null;
  else if (urlChanged || status.lastSuccessAt === null) nextAt = now + soonDelay(random);
  else nextAt = Math.max(now + SOON_MIN_MS, status.lastSuccessAt + intervalDelay(settings.intervalHours, random));
  // No backoff carried over to a new URL (the ETag is kept per URL anyway).
  return { ...status, nextAt, failures: urlChanged ? 0 : status.failures };
}

/** A sync that failed at `at` (or was interrupted): one failure more, the next try after the backoff. */
export function failedStatus(status: SyncStatus, at: number, error: FeedError, random = Math.random()): SyncStatus {
  const failures = status.failures + 1;
  return { ...status, runningSince: null, last: { kind: 'error', at, error }, failures, nextAt: at + backoffDelay(failures, random) };
}

/**
 * A sync that reached a valid feed at `at` (new or up to date; `last` is the caller's): no
 * failures, the next sync after the interval, and the ETag of this answer with the version it
 * means (core/feed/etag.ts), or the one kept for this URL when the answer had none.
 */
export function succeededStatus(
  status: SyncStatus,
  answer: { at: number; url: string; etag: string | null; version: number; intervalHours: number },
  random = Math.random(),
): SyncStatus {
  const { at, url, etag, version } = answer;
  return {
    ...status,
    runningSince: null,
    lastSuccessAt: at,
    failures: 0,
    nextAt: at + intervalDelay(answer.intervalHours, random),
    etag: etag ? { url, value: etag, version } : status.etag?.url === url ? status.etag : null,
  };
}

/**
 * The re-warnings after a new list: an organization that gained a listing warns again where its
 * banner was closed (from `at`); organizations gone from the list are forgotten.
 */
export function relistedAfter(
  previous: Record<string, number>,
  before: readonly BlocklistEntry[],
  after: readonly BlocklistEntry[],
  at: number,
): { relisted: Record<string, number>; changes: ListChanges } {
  const changes = diffLists(before, after);
  const ids = new Set(after.map((e) => e.id));
  const relisted: Record<string, number> = {};
  for (const [id, time] of Object.entries(previous)) if (ids.has(id)) relisted[id] = time;
  for (const { id } of changes.listingsAdded) relisted[id] = at;
  return { relisted, changes };
}

/**
 * The worker started: a sync recorded as running that isn't (the worker stopped during it) is
 * an interrupted one; a status without a next sync gets one soon. The same object when nothing changed.
 */
export function resumedStatus(status: SyncStatus, now: number, syncRunning: boolean, random = Math.random()): SyncStatus {
  let next = status;
  if (status.runningSince !== null && !syncRunning) next = failedStatus(status, now, { code: 'interrupted' }, random);
  if (next.nextAt === null) next = { ...next, nextAt: now + soonDelay(random) };
  return next;
}

/** The browser started: when to sync, if sooner than planned (a list older than the interval: within a minute); null to keep the plan. */
export function nextAtOnBrowserStart(status: SyncStatus, now: number, intervalHours: number, random = Math.random()): number | null {
  if (status.lastSuccessAt !== null && now - status.lastSuccessAt < intervalHours * HOUR_MS) return null;
  return Math.min(status.nextAt ?? Infinity, now + soonDelay(random));
}
