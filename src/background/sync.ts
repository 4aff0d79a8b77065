/**
 * Feed sync: fetches the signed list feed, checks it (core/feed/validate.ts) and only then swaps
 * it in, in one storage write; on any failure the last good list stays and the error is recorded.
 *
 * Schedule (chrome.alarms, one named alarm re-created on every worker start from the stored
 * `nextAt`, so waking the worker never pushes a sync back):
 * - first sync 30–60 s after install; on browser start, the same when the last successful sync
 *   is older than the interval;
 * - then every `intervalHours` (default 24, 1 … 168), ±10 % jitter;
 * - after a failure, exponential backoff with "equal jitter": 15 min × 2^(n−1), times 0.5 … 1,
 *   capped at 24 h.
 * "Sync now" (popup, options page) runs at once whatever the schedule says.
 *
 * The requests are background/feed-fetch.ts's (ETag, redirects, size caps, one timeout); the
 * status rules are core/feed/sync-status.ts's. A cheap extension call every 10 s keeps the worker
 * awake while the requests run. The sync runs in the worker, so closing the popup that asked for
 * it changes nothing.
 */
import browser from 'webextension-polyfill';
import { listKey } from '../core/compiled-list';
import { summarizeChanges } from '../core/feed/diff';
import { freshnessOfView } from '../core/feed/freshness';
import type { ListFreshness } from '../core/feed/freshness';
import { SOON_MIN_MS, soonDelay } from '../core/feed/schedule';
import {
  changedFeedSettings, failedStatus, nextAtOnBrowserStart, relistedAfter, resumedStatus, statusAfterSettings, succeededStatus,
  type FeedSettingsChange,
} from '../core/feed/sync-status';
import type { FeedError, FeedOutcome } from '../core/feed/validate';
import { hostTiers, isLegacyFeedUrl } from '../core/feed/hosts';
import { nextCheckHours, syncFromHosts, type HostSyncResult } from '../core/feed/host-sync';
import { initialTrust, type FeedTrust } from '../core/feed/key-statement';
import {
  BUILT_IN_FEED_URL, FEED_ANCHOR, FEED_HOST_ALLOW, FEED_MODE, FEED_ROOT_KEY, FEED_SIGNING_KEY, FEED_TIERS,
} from '../shared/build-config';
import { activeList, BUNDLED_LIST, invalidateActiveList } from '../shared/list-store';
import type { SyncView } from '../shared/messages';
import { INITIAL_SYNC_STATUS, type FeedSettings, type LocalArea, type StoredListRef, type SyncStatus } from '../shared/storage/areas';
import { listBodies, type StoredList } from '../shared/storage/list';
import { localStore } from '../shared/storage/wrapper';
import { ensureCompiled } from './compiled';
import { fetchFeed, getForHostSync } from './feed-fetch';
import { withStatus } from './sync-status-queue';

export const SYNC_ALARM = 'orgcheck-feed-sync';

/**
 * The built-in URL as the options page shows it: the legacy file, or the first folder of the v1
 * tiers. (Either way the user's own URL replaces it only in the legacy format; in v1 it is tried first.)
 */
const BUILT_IN_URL = FEED_MODE === 'v1' ? FEED_TIERS[0]![0]! : BUILT_IN_FEED_URL;
/** Whether this build can sync at all (a key to check lists with). */
const FEED_AVAILABLE = FEED_MODE !== 'none';

/** What a sync fetches from: the legacy URL (the user's, else the built-in one), or in v1 the user's folder first; null: no feed. */
async function feedUrl(): Promise<string | null> {
  if (!FEED_AVAILABLE) return null;
  const { url } = await localStore.get('feedSettings');
  return url ?? (BUILT_IN_URL || null);
}

/** "Check only when I press Sync now": nothing runs on a schedule. */
async function manualOnly(): Promise<boolean> {
  return (await localStore.get('feedSettings')).manualOnly === true;
}

/** The stored trust, when it grew from this build's root; else the build's own. */
async function currentTrust(): Promise<FeedTrust> {
  const stored = await localStore.get('feedTrust');
  if (stored && stored.anchor === FEED_ANCHOR) return { root: stored.root, statement: stored.statement, revoked: stored.revoked };
  return initialTrust(FEED_ROOT_KEY!);
}

async function intervalHours(): Promise<number> {
  return (await localStore.get('feedSettings')).intervalHours;
}

async function scheduleAlarm(nextAt: number | null): Promise<void> {
  if (nextAt === null || (await manualOnly())) {
    await browser.alarms.clear(SYNC_ALARM);
    return;
  }
  await browser.alarms.create(SYNC_ALARM, { when: Math.max(nextAt, Date.now() + SOON_MIN_MS) });
}

// ---- one sync ----------------------------------------------------------------------------------

let running: Promise<void> | undefined;

/**
 * Starts a sync unless one runs. `started` resolves once the sync is recorded as running in
 * storage (so a view read after it says so); `done` when it has finished. Neither rejects.
 */
export function startSync(): { started: Promise<void>; done: Promise<void> } {
  if (running) return { started: Promise.resolve(), done: running };
  let markStarted!: () => void;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  running = runSync(markStarted)
    .catch((error: unknown) => console.error('OrgCheck: sync failed', error))
    .finally(() => {
      markStarted();
      running = undefined;
    });
  return { started, done: running };
}

/** Runs a sync (or waits for the running one) to its end. */
export function syncNow(): Promise<void> {
  return startSync().done;
}

async function runSync(markStarted: () => void): Promise<void> {
  const url = await feedUrl();
  if (!url) return;
  const startedAt = Date.now();
  await withStatus((status) => localStore.set({ syncStatus: { ...status, runningSince: startedAt } }));
  markStarted();
  // Extension API calls keep the worker from being stopped as idle while the requests run.
  const keepAlive = setInterval(() => void browser.runtime.getPlatformInfo().catch(() => undefined), 10_000);
  try {
    const before = await activeList();
    const status = { ...INITIAL_SYNC_STATUS, ...(await localStore.get('syncStatus')) };
    let swapped: boolean;
    if (FEED_MODE === 'v1') {
      const { url: userUrl } = await localStore.get('feedSettings');
      const stored = await localStore.get('feedHosts');
      const result = await syncFromHosts({
        // A one-file URL set for an older release is not a folder: not tried.
        tiers: hostTiers({
          user: userUrl && !isLegacyFeedUrl(userUrl) ? userUrl : null,
          carried: stored && stored.anchor === FEED_ANCHOR ? stored.tiers : null,
          built: FEED_TIERS,
          allow: FEED_HOST_ALLOW,
        }),
        trust: await currentTrust(),
        buildSigning: FEED_SIGNING_KEY!,
        inUse: { source: before.source, version: before.list.version },
        etags: status.pointerEtags ?? {},
        now: Date.now(),
        get: getForHostSync,
      });
      swapped = await finish(result.servedBy ?? url, result.outcome, null, before.list, result);
    } else {
      const { outcome, etag } = await fetchFeed(url, status.etag, before);
      swapped = await finish(url, outcome, etag, before.list);
    }
    // Builds and stores the new matcher: every open tab's content script rescans with it. (A
    // failure here leaves `compiled` empty; the next content script to start asks again.)
    if (swapped) await ensureCompiled().catch((error: unknown) => console.error('OrgCheck: could not compile the new list', error));
  } catch (error) {
    await finish(url, { kind: 'error', error: { code: 'storage', detail: String(error) } }, null, null).catch(() => undefined);
  } finally {
    clearInterval(keepAlive);
  }
}

/** What a v1 sync learnt besides its outcome, written with its status: hosts' answers, keys, carried hosts, ETags. */
function v1Values(status: SyncStatus, result: HostSyncResult | undefined, trustChanged: boolean): { status: Partial<SyncStatus>; values: Partial<LocalArea> } {
  if (!result) return { status: {}, values: {} };
  const values: Partial<LocalArea> = {};
  if (trustChanged) values.feedTrust = { ...result.trust, anchor: FEED_ANCHOR };
  const pointer = result.pointer;
  // A pointer fetched in full says which hosts it carries (none: none from now on); after a 304 nothing changed.
  if (pointer && 'sha256' in pointer) {
    values.feedHosts = pointer.hosts?.length ? { anchor: FEED_ANCHOR, version: pointer.version, tiers: pointer.hosts } : null;
  }
  const pointerEtags = { ...(status.pointerEtags ?? {}) };
  if (result.etag) pointerEtags[result.etag[0]] = result.etag[1];
  return { status: { hosts: result.hosts, expired: result.expired, pointerEtags }, values };
}

/**
 * Records the outcome, and swaps the list in if it is a new one. True when it wrote a new list and
 * so emptied `compiled`, even when the integrity check then put the previous list back: either
 * way the caller rebuilds the matcher for the list in use.
 */
async function finish(url: string, outcome: FeedOutcome, etag: string | null, before: StoredList | null, hostSync?: HostSyncResult): Promise<boolean> {
  const hours = await intervalHours();
  // Only a newer statement changes the trust (its version only grows).
  const trustChanged = hostSync !== undefined && (hostSync.trust.statement?.version ?? 0) > ((await currentTrust()).statement?.version ?? 0);
  return withStatus(async (status) => {
    const at = Date.now();
    const v1 = v1Values(status, hostSync, trustChanged);
    if (outcome.kind === 'error' || !before) {
      const next = { ...failedStatus(status, at, outcome.kind === 'error' ? outcome.error : { code: 'storage' }), ...v1.status };
      await localStore.set({ ...v1.values, syncStatus: next });
      await scheduleAlarm(next.nextAt);
      return false;
    }
    // The ETag goes with the version of the list this answer means (core/feed/etag.ts).
    const version = outcome.kind === 'new' ? outcome.feed.version : outcome.version;
    // v1: the pointer's check hint may lengthen the interval (never shorten the user's).
    const effectiveHours = hostSync ? nextCheckHours(hours, hostSync.pointer) : hours;
    const ok = { ...succeededStatus(status, { at, url, etag, version, intervalHours: effectiveHours }), ...v1.status };
    if (outcome.kind === 'up-to-date') {
      await localStore.set({ ...v1.values, syncStatus: { ...ok, last: { kind: 'up-to-date', at, version: outcome.version } } });
      await scheduleAlarm(ok.nextAt);
      return false;
    }
    const { feed } = outcome;
    const [previousRef, previousRelisted] = [await localStore.get('list'), await localStore.get('relisted')];
    const { relisted, changes } = relistedAfter(previousRelisted, before.entries, feed.entries, at);
    const list: StoredList = { version: feed.version, generatedAt: feed.generatedAt, entries: feed.entries, ...(feed.lists ? { lists: feed.lists } : {}) };
    const ref: StoredListRef = {
      version: feed.version,
      generatedAt: feed.generatedAt,
      count: feed.entries.length,
      key: listKey(feed.entries),
      publicKey: FEED_ANCHOR,
    };
    const updated: SyncStatus = {
      ...ok,
      servedBy: url,
      last: {
        kind: 'updated', at, version: feed.version, count: feed.entries.length,
        ...(outcome.dropped.length > 0 ? { detail: outcome.dropped.slice(0, 20).join('; ') } : {}),
      },
      lastUpdate: { at, version: feed.version, changes: summarizeChanges(changes) },
    };
    // Step one: the body, under its own version; nothing reads it until the reference names it.
    await listBodies.put(list);
    // Step two, the swap: reference, status and re-warnings in one write. `compiled: null` until
    // it is rebuilt below, so a content script starting meanwhile asks the worker for it
    // instead of scanning with the old list.
    await localStore.set({ ...v1.values, list: ref, syncStatus: updated, relisted, compiled: null });
    invalidateActiveList();
    // Integrity check: read the list back as every reader will; if it isn't what was written,
    // put the previous reference back (the last good list, or null: the bundled one).
    const after = await activeList();
    if (after.list.version !== feed.version || after.key !== ref.key) {
      const failed = failedStatus(status, at, { code: 'integrity' });
      await localStore.set({ list: previousRef, syncStatus: failed, relisted: previousRelisted });
      invalidateActiveList();
      await listBodies.prune(previousRef?.version ?? null).catch(() => undefined);
      await scheduleAlarm(failed.nextAt);
    } else {
      await listBodies.prune(feed.version).catch(() => undefined);
      await scheduleAlarm(updated.nextAt);
    }
    // Either way `compiled` was emptied: rebuild it for whichever list is in use now.
    return true;
  });
}

// ---- views and settings ------------------------------------------------------------------------

export async function syncView(): Promise<SyncView> {
  const [settings, status, active] = await Promise.all([
    localStore.get('feedSettings'),
    localStore.get('syncStatus'),
    activeList(),
  ]);
  return {
    feedAvailable: FEED_AVAILABLE,
    format: FEED_MODE,
    manualOnly: settings.manualOnly === true,
    url: FEED_AVAILABLE ? (settings.url ?? (BUILT_IN_URL || null)) : null,
    builtInUrl: BUILT_IN_URL || null,
    intervalHours: settings.intervalHours,
    status: { ...INITIAL_SYNC_STATUS, ...status },
    // From storage, written together with the result: a view never says "running" after the
    // result is in. (A worker that stopped mid-sync leaves it set; resume() clears it on start.)
    running: status.runningSince !== null,
    list: {
      source: active.source,
      version: active.list.version,
      generatedAt: active.list.generatedAt,
      count: active.list.entries.length,
    },
    bundledVersion: BUNDLED_LIST.version,
  };
}

/** The freshness line's facts for the list in use now (the banner's; the pages compute it from their SyncView). */
export async function currentListFreshness(now = Date.now()): Promise<ListFreshness> {
  return freshnessOfView(await syncView(), now);
}

export type SettingsResult = { ok: true; view: SyncView } | { ok: false; error: 'url' | 'interval' | 'no-feed' };

/** Options page: a new URL (null: back to the built-in one) and/or interval. The list and its version floor stay. */
export async function setFeedSettings(change: FeedSettingsChange): Promise<SettingsResult> {
  if (!FEED_AVAILABLE) return { ok: false, error: 'no-feed' };
  // Read and written in the status queue, as an import does (setWithFeedSettings): neither loses the other's change.
  const result = await withStatus(async (status) => {
    const next = changedFeedSettings(await localStore.get('feedSettings'), change, BUILT_IN_URL);
    if (!next.ok) return next;
    const updated = statusAfterSettings(status, next.settings, next.urlChanged, Date.now(), BUILT_IN_URL);
    await localStore.set({ feedSettings: next.settings, syncStatus: updated });
    await scheduleAlarm(updated.nextAt);
    return { ok: true } as const;
  });
  if (!result.ok) return result;
  return { ok: true, view: await syncView() };
}

/**
 * A settings import (background/settings.ts): `values` and the feed settings in one
 * storage.local.set, the feed settings by setFeedSettings' rules. A copy without a feed key keeps
 * them as they are, unused (as it keeps those stored before): no sync, no alarm.
 */
export async function setWithFeedSettings(values: Partial<LocalArea>, feed: FeedSettings): Promise<{ ok: true } | { ok: false; error: 'url' | 'interval' }> {
  if (!FEED_AVAILABLE) {
    const next = changedFeedSettings({ url: null, intervalHours: feed.intervalHours }, feed, BUILT_IN_URL);
    if (!next.ok) return next;
    await localStore.set({ ...values, feedSettings: next.settings });
    return { ok: true };
  }
  return withStatus(async (status) => {
    const next = changedFeedSettings(await localStore.get('feedSettings'), feed, BUILT_IN_URL);
    if (!next.ok) return next;
    const updated = statusAfterSettings(status, next.settings, next.urlChanged, Date.now(), BUILT_IN_URL);
    await localStore.set({ ...values, feedSettings: next.settings, syncStatus: updated });
    await scheduleAlarm(updated.nextAt);
    return { ok: true } as const;
  });
}

// ---- wiring ----------------------------------------------------------------------------------

/** Worker start: a sync that was running when the worker stopped is recorded as interrupted; the alarm is re-created. */
async function resume(): Promise<void> {
  const url = await feedUrl();
  await withStatus(async (status) => {
    if (!url) {
      await scheduleAlarm(null);
      return;
    }
    const next = resumedStatus(status, Date.now(), running !== undefined);
    if (next !== status) await localStore.set({ syncStatus: next });
    await scheduleAlarm(next.nextAt);
  });
}

async function onBrowserStart(): Promise<void> {
  const url = await feedUrl();
  if (!url) return;
  const hours = await intervalHours();
  await withStatus(async (status) => {
    // A list older than the interval: sync within a minute rather than waiting for the alarm.
    const nextAt = nextAtOnBrowserStart(status, Date.now(), hours);
    if (nextAt === null) return;
    await localStore.set({ syncStatus: { ...status, nextAt } });
    await scheduleAlarm(nextAt);
  });
}

async function onInstalled(reason: string): Promise<void> {
  if (!(await feedUrl())) return;
  // An update whose key differs from the stored list's: that list is set aside (see
  // list-store.ts), so fetch one under the new key soon.
  const ref = await localStore.get('list');
  if (reason !== 'install' && !(reason === 'update' && ref && ref.publicKey !== FEED_ANCHOR)) return;
  await withStatus(async (status) => {
    const nextAt = Date.now() + soonDelay();
    await localStore.set({ syncStatus: { ...status, nextAt } });
    await scheduleAlarm(nextAt);
  });
}

/** Registers the sync's listeners; call synchronously at the top level of the worker. */
export function initSync(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void syncNow();
  });
  browser.runtime.onStartup.addListener(() => void onBrowserStart());
  browser.runtime.onInstalled.addListener(({ reason }) => void onInstalled(reason));
  void resume().catch((error: unknown) => console.error('OrgCheck: could not schedule syncs', error));
}
