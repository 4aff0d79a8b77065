/**
 * The one typed wrapper around browser.storage and the extension's IndexedDB; nothing else
 * touches them.
 *
 * local: survives restarts; holds the reference to the list in use, its compiled matcher, the
 * feed sync's status and settings, the user's warning controls (allowlist, "not this
 * organization", snooze, the global switch, relisted organizations) and the report settings.
 * Content scripts can read storage.local and get its change events: nothing about reports goes
 * there.
 * IndexedDB "orgcheck" (extension pages and the worker only; content scripts can't open it):
 * the bodies of synced lists (see `listBodies`) and the report history with its outbox (see
 * `reportStore`): page URLs, excerpts, screenshots.
 * session: cleared when the browser closes; holds per-tab findings so that a service worker
 * stopped while idle picks up where it left off, banners closed this session, the banner's choices
 * waiting for the user's Confirm (`pendingChoices`), and everything that comes from private windows (see core/private-windows.ts and `SessionArea`), their reports too.
 * Each area has defaults; `schemaVersion` in local lets later versions migrate what they find.
 */
import browser from 'webextension-polyfill';
import type { CompiledList } from '../core/compiled-list';
import type { ListChangesSummary } from '../core/feed/diff';
import type { FeedError } from '../core/feed/validate';
import type { BlocklistEntry } from '../core/list-schema';
import type { FrameReport } from './findings';
// The file itself, not the module's index: the content script reads storage, and the index would
// bring the schema and the site rules (valibot, tldts) into it.
import { NO_CONTROLS, type ControlLists, type Scope } from '../core/warning-controls/private-windows';
import type { ChoiceControl } from '../core/warning-controls';
import type { BannerHiddenBy } from '../core/banner-gate';
import type { StoredEtag } from '../core/feed/etag';
import { DEFAULT_RETRY_BASE_MS, type ReportRecord } from '../core/report-outbox';

export const STORAGE_SCHEMA_VERSION = 2;

export interface StoredList {
  /** Increasing list version, YYYYMMDDHHmmss (UTC); the bundled list's is in data/list-version.json. */
  version: number;
  generatedAt: string | null;
  entries: BlocklistEntry[];
}

export interface LocalArea {
  schemaVersion: number;
  /**
   * The synced list in use: a reference to its body in IndexedDB (see `listBodies`); null
   * means the bundled list. Flipping this one key (with the sync status, in one set()) is the swap.
   */
  list: StoredListRef | null;
  compiled: CompiledList | null;
  /** What the user set on the options page for the feed (see background/sync.ts). */
  feedSettings: FeedSettings;
  /** Where feed syncing stands; written by background/sync.ts only. */
  syncStatus: SyncStatus;
  /**
   * Organizations that gained a new listing in a sync: id → time of that sync (epoch ms). The
   * banner warns again about such an organization on sites where it had been closed before then.
   */
  relisted: Record<string, number>;
  /** Sites (see core/site.ts) where the user said "don't warn on this site": no banner there. */
  allowlist: string[];
  /** "Not this organization": site → entry ids that neither warn nor count on that site. */
  suppressed: Record<string, string[]>;
  /** "Snooze all warnings" until this time (epoch ms), or null. */
  snoozeUntil: number | null;
  /** The global switch: off, OrgCheck reads no page, counts nothing and warns nowhere. */
  enabled: boolean;
  /** Reports (options page "Reports"): where to send them; see background/report-outbox.ts. The reports themselves are in IndexedDB. */
  reportSettings: ReportSettings;
}

/**
 * Where the synced list lives, measured with scripts/feed-storage-bench.mjs (Chromium 156, in the
 * service worker, synthetic entries shaped like data/organizations.json, median of runs):
 *
 *   entries   JSON      storage.local set / get   IndexedDB put / get
 *    5,000    2.4 MB        ~790 ms / ~200 ms         ~19 ms / ~13 ms
 *   20,000    9.6 MB       ~3500 ms / ~1200 ms        ~77 ms / ~95 ms
 *   50,000   24 MB         ~4900 ms / ~1700 ms       ~170 ms / ~200 ms
 *   storage.local without unlimitedStorage refuses the 24 MB list (10 MB quota).
 *
 * The worker reads the list each time it starts (often: it stops after 30 s idle), so the body
 * goes to IndexedDB (10–25× faster; structured clone, no JSON round trip through the browser
 * process), and storage.local keeps a small reference to it plus the sync status. A swap is
 * still one step: the new body is written first under its own version (not in use yet), then
 * one storage.local.set() flips the reference together with the status; a body no reference
 * names is deleted afterwards. `unlimitedStorage` stays: it also lifts IndexedDB's eviction and
 * quota limits, and the compiled matcher (in storage.local, read by content scripts, which can't
 * open the extension's IndexedDB) grows with the list.
 */
export interface StoredListRef {
  version: number;
  generatedAt: string | null;
  /** Number of entries, and listKey of the body: checked when the body is read back. */
  count: number;
  key: string;
  /**
   * The feed public key (public.key line) the list was verified with. A build with another key
   * (a rotated or compromised one) ignores the list and its version floor: the bundled list
   * applies until its own feed delivers.
   */
  publicKey: string;
}

export interface FeedSettings {
  /** A feed URL chosen on the options page; null: the one built in (FEED_URL). */
  url: string | null;
  /** Hours between syncs, 1 … 168. */
  intervalHours: number;
}

export type SyncResult =
  | { kind: 'updated'; at: number; version: number; count: number }
  | { kind: 'up-to-date'; at: number; version: number }
  | { kind: 'error'; at: number; error: FeedError };

export interface SyncStatus {
  /** Start of the sync in progress (epoch ms), or null. */
  runningSince: number | null;
  /** What the last finished sync came to. */
  last: SyncResult | null;
  /** End of the last sync that reached a valid feed, new or up to date (epoch ms). */
  lastSuccessAt: number | null;
  /** Failed syncs in a row (drives the backoff). */
  failures: number;
  /** When the next scheduled sync is due (epoch ms); the alarm is re-created from it. */
  nextAt: number | null;
  /** The last sync that changed the list, and what it changed. */
  lastUpdate: { at: number; version: number; changes: ListChangesSummary } | null;
  /** ETag of the last valid feed response with the list version it carried (core/feed/etag.ts). */
  etag: StoredEtag | null;
}

export const DEFAULT_SYNC_INTERVAL_HOURS = 24;

export const INITIAL_SYNC_STATUS: SyncStatus = {
  runningSince: null,
  last: null,
  lastSuccessAt: null,
  failures: 0,
  nextAt: null,
  lastUpdate: null,
  etag: null,
};

export interface TabState {
  /** The top frame's URL as the browser gave it (core/frame-url.ts), and its title. */
  url: string;
  title: string;
  /** The top frame and the subframes that found something, each within a budget (core/tab-limits.ts). */
  frames: Record<string, FrameReport>;
  /** The tab is in a private window (as its frames' messages said). */
  incognito?: boolean;
  /** The page (this document) hid the banner without a click: badge "!" (background/tab-findings.ts). */
  bannerHiddenBy?: BannerHiddenBy;
}

/**
 * storage.session keys with defaults (besides `tab:<id>`, `once:<flag>` and, for private
 * reports, `report:<id>`). All of it ends with the browser session.
 */
export interface SessionArea {
  /** Banners closed this session: site → entry id → when (epoch ms). */
  dismissed: Record<string, Record<string, number>>;
  /** Warning controls turned on from private tabs; they apply to private tabs only. */
  privateControls: ControlLists;
  /** Ids of report drafts made from private tabs: their records stay in this area. */
  privateReports: string[];
  /** The history and the outbox of those reports (as `reportIndex` / `reportOutbox` in local). */
  reportIndex: string[];
  reportOutbox: string[];
  /** Text selected in private tabs for the context menu's lookup: key (?pq= of the lookup page) → text. */
  privateLookups: Record<string, string>;
  /** The banner's choices waiting for the user's Confirm: page tab id → choice (background/confirmations.ts). */
  pendingChoices: Record<string, PendingChoice>;
}

/** A choice asked for from a tab's banner, and the confirmation page (its tab) that asks about it. */
export interface PendingChoice {
  control: ChoiceControl;
  scope: Scope;
  /** The tab of the confirmation page, once it is open. */
  confirmTabId: number | null;
  /** When the banner asked (epoch ms): a tab asking again within a second is ignored. */
  requestedAt: number;
}

const sessionDefaults: SessionArea = {
  dismissed: {},
  privateControls: NO_CONTROLS,
  privateReports: [],
  reportIndex: [],
  reportOutbox: [],
  privateLookups: {},
  pendingChoices: {},
};

async function getSession<K extends keyof SessionArea>(key: K): Promise<SessionArea[K]> {
  const got = await browser.storage.session.get(key);
  return (got[key] as SessionArea[K] | undefined) ?? sessionDefaults[key];
}

export const sessionStore = {
  get: getSession,
  set: (values: Partial<SessionArea>): Promise<void> => browser.storage.session.set(values),
};

const localDefaults: LocalArea = {
  schemaVersion: STORAGE_SCHEMA_VERSION,
  list: null,
  compiled: null,
  feedSettings: { url: null, intervalHours: DEFAULT_SYNC_INTERVAL_HOURS },
  syncStatus: INITIAL_SYNC_STATUS,
  relisted: {},
  allowlist: [],
  suppressed: {},
  snoozeUntil: null,
  enabled: true,
  reportSettings: { endpoint: null, retryBaseMs: DEFAULT_RETRY_BASE_MS },
};

async function getLocal<K extends keyof LocalArea>(key: K): Promise<LocalArea[K]> {
  const got = await browser.storage.local.get(key);
  return (got[key] as LocalArea[K] | undefined) ?? localDefaults[key];
}

async function setLocal(values: Partial<LocalArea>): Promise<void> {
  await browser.storage.local.set(values);
}

export const localStore = { get: getLocal, set: setLocal };

/**
 * Calls back with a storage.local key's new value (its default when removed) each time it
 * changes, in any context; returns the way to stop.
 */
function watchLocal<K extends keyof LocalArea>(key: K, callback: (value: LocalArea[K]) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && key in changes) callback((changes[key]!.newValue as LocalArea[K] | undefined) ?? localDefaults[key]);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Calls back when the stored (synced) list changes. */
export function onStoredListChanged(callback: () => void): void {
  watchLocal('list', () => callback());
}

/** Calls back with the new sync status whenever the background writes one. */
export function onSyncStatusChanged(callback: (status: SyncStatus) => void): () => void {
  return watchLocal('syncStatus', callback);
}

/** Calls back with the global switch's new state when it changes. */
export function onEnabledChanged(callback: (enabled: boolean) => void): void {
  watchLocal('enabled', callback);
}

/** Calls back when the report settings (the endpoint) change, in any context. */
export function onReportSettingsChanged(callback: () => void): void {
  watchLocal('reportSettings', () => callback());
}

/** Calls back when the compiled list in storage changes (a new list version). */
export function onCompiledListChanged(callback: (compiled: CompiledList | null) => void): void {
  watchLocal('compiled', callback);
}

/**
 * IndexedDB "orgcheck": "lists" holds list bodies (keyed by version); only the one that
 * `local.list` names is in use, the others are leftovers of a swap and get pruned. "reports"
 * holds the report history (see `reportStore`).
 */
const DB_NAME = 'orgcheck';
const DB_VERSION = 2;
const LISTS = 'lists';
const REPORTS = 'reports';

let db: Promise<IDBDatabase> | undefined;
function openDb(): Promise<IDBDatabase> {
  db ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      for (const name of [LISTS, REPORTS]) {
        if (!request.result.objectStoreNames.contains(name)) request.result.createObjectStore(name);
      }
    };
    request.onsuccess = () => {
      request.result.onversionchange = () => {
        request.result.close();
        db = undefined;
      };
      resolve(request.result);
    };
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('IndexedDB blocked'));
  }).catch((error: unknown) => {
    db = undefined;
    throw error;
  });
  return db;
}

function transact<T>(
  mode: IDBTransactionMode,
  run: (store: IDBObjectStore) => IDBRequest<T> | void,
  storeName: string = LISTS,
): Promise<T | undefined> {
  return openDb().then(
    (database) =>
      new Promise<T | undefined>((resolve, reject) => {
        const tx = database.transaction(storeName, mode);
        const request = run(tx.objectStore(storeName));
        tx.oncomplete = () => resolve(request ? request.result : undefined);
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
      }),
  );
}

export const listBodies = {
  /** The body of a stored list, or null when IndexedDB does not have it (or fails). */
  async get(version: number): Promise<StoredList | null> {
    try {
      return ((await transact<StoredList>('readonly', (store) => store.get(version))) as StoredList | undefined) ?? null;
    } catch (error) {
      console.error('OrgCheck: cannot read the stored list', error);
      return null;
    }
  },
  /** Writes a body (step one of a swap; nothing uses it until `local.list` names it). */
  async put(list: StoredList): Promise<void> {
    await transact('readwrite', (store) => void store.put(list, list.version));
  },
  /** Deletes every body except the one of version `keep`. */
  async prune(keep: number | null): Promise<void> {
    await transact('readwrite', (store) => {
      const request = store.openKeyCursor();
      request.onsuccess = () => {
        const cursor = request.result;
        if (!cursor) return;
        if (cursor.key !== keep) store.delete(cursor.key);
        cursor.continue();
      };
    });
  },
};

/**
 * The synced list in use with its reference, or null: none, or IndexedDB lost or mangled the
 * body (the caller also compares `ref.key` with the body's listKey). Null means the bundled list.
 */
export async function readStoredList(): Promise<{ ref: StoredListRef; list: StoredList } | null> {
  const ref = await getLocal('list');
  if (!ref || typeof ref.version !== 'number') return null;
  const list = await listBodies.get(ref.version);
  return list && list.version === ref.version && Array.isArray(list.entries) && list.entries.length === ref.count ? { ref, list } : null;
}

const tabKey = (tabId: number) => `tab:${tabId}`;

export const tabStateStore = {
  async get(tabId: number): Promise<TabState | null> {
    const key = tabKey(tabId);
    const got = await browser.storage.session.get(key);
    return (got[key] as TabState | undefined) ?? null;
  },
  async set(tabId: number, state: TabState): Promise<void> {
    await browser.storage.session.set({ [tabKey(tabId)]: state });
  },
  async remove(tabId: number): Promise<void> {
    await browser.storage.session.remove(tabKey(tabId));
  },
};

/**
 * Banners closed this browser session: site → entry id → when (epoch ms). In storage.session,
 * so it ends with the session; an organization relisted by a later sync warns again.
 */
export const dismissalStore = {
  get: (): Promise<Record<string, Record<string, number>>> => getSession('dismissed'),
  async set(dismissed: Record<string, Record<string, number>>): Promise<void> {
    await browser.storage.session.set({ dismissed });
  },
};

/** Calls back when any of the user's warning controls change (private windows' included). */
export function onWarningControlsChanged(callback: () => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    const keys =
      area === 'local'
        ? ['allowlist', 'suppressed', 'snoozeUntil', 'relisted', 'enabled']
        : area === 'session'
          ? ['dismissed', 'privateControls']
          : [];
    if (keys.some((k) => k in changes)) callback();
  });
}

/**
 * Migrations by schema version: migrations[n - 1] takes storage from version n to n + 1, doing its
 * own reads and writes; the version is recorded after each step, so an interrupted run resumes
 * with the step it was in (each step can run twice).
 */
const migrations: Array<() => Promise<void>> = [
  // 1 → 2: the report history moves from storage.local (readable by every content script, and
  // every write sent to every frame's change listener) to IndexedDB.
  moveReportsToIndexedDb,
];

let migrating: Promise<void> | undefined;

/** Brings storage to STORAGE_SCHEMA_VERSION; once per page or worker (later calls share the first). */
export function migrateStorage(): Promise<void> {
  migrating ??= runMigrations().catch((error: unknown) => {
    migrating = undefined;
    throw error;
  });
  return migrating;
}

async function runMigrations(): Promise<void> {
  // Only the version first: with a synced list the area holds megabytes, and reading all of it
  // on every start would cost time.
  const found = (await browser.storage.local.get('schemaVersion')).schemaVersion;
  if (found === STORAGE_SCHEMA_VERSION) return;
  if (typeof found !== 'number') {
    // A new install (or storage from before versions): nothing to migrate.
    await browser.storage.local.set({ schemaVersion: STORAGE_SCHEMA_VERSION });
    return;
  }
  for (let version = found; version < STORAGE_SCHEMA_VERSION; version++) {
    await migrations[version - 1]!();
    await browser.storage.local.set({ schemaVersion: version + 1 });
  }
}

async function moveReportsToIndexedDb(): Promise<void> {
  const area = await browser.storage.local.get(null);
  const keys = Object.keys(area).filter((k) => k.startsWith('report:'));
  const oldIndex = Array.isArray(area.reportIndex) ? (area.reportIndex as string[]) : [];
  const oldOutbox = Array.isArray(area.reportOutbox) ? (area.reportOutbox as string[]) : [];
  if (keys.length || oldIndex.length || oldOutbox.length) {
    const current = await idbReports.get(['reportIndex', 'reportOutbox']);
    const index = (current.reportIndex as string[] | undefined) ?? [];
    const outbox = (current.reportOutbox as string[] | undefined) ?? [];
    // Reports made after the upgrade (already in IndexedDB) are the newer ones: first.
    await idbReports.set({
      ...Object.fromEntries(keys.map((k) => [k, area[k]])),
      reportIndex: [...index, ...oldIndex.filter((id) => !index.includes(id))],
      reportOutbox: [...outbox, ...oldOutbox.filter((id) => !outbox.includes(id))],
    });
  }
  await browser.storage.local.remove([...keys, 'reportIndex', 'reportOutbox']);
}

// ---- reports (background/report-outbox.ts writes; pages read) --------------------------------

export interface ReportSettings {
  /** Where reports are POSTed (https, or http://127.0.0.1); null: no endpoint, nothing is sent. */
  endpoint: string | null;
  /** Base of the retry backoff (ms). Not on the options page: tests shorten it. */
  retryBaseMs: number;
}

const reportKey = (id: string) => `report:${id}`;

/** A key-value area as the report store needs it: storage.session, or IndexedDB "reports". */
interface KeyValueArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(values: Record<string, unknown>): Promise<void>;
  /** Writes `values` and deletes `keys` in one step. */
  setAndRemove(values: Record<string, unknown>, keys: string[]): Promise<void>;
}

/** The report history in IndexedDB: `report:<id>` records, `reportIndex` and `reportOutbox`, in one store. */
const idbReports: KeyValueArea = {
  async get(keys) {
    const out: Record<string, unknown> = {};
    await transact(
      'readonly',
      (store) => {
        for (const key of keys) {
          const request = store.get(key);
          request.onsuccess = () => {
            if (request.result !== undefined) out[key] = request.result;
          };
        }
      },
      REPORTS,
    );
    return out;
  },
  set: (values) => idbReports.setAndRemove(values, []),
  async setAndRemove(values, keys) {
    // One transaction: a record and the lists that name it change together, or not at all.
    await transact(
      'readwrite',
      (store) => {
        for (const [key, value] of Object.entries(values)) store.put(value, key);
        for (const key of keys) store.delete(key);
      },
      REPORTS,
    );
    notifyReports();
  },
};

const sessionReports: KeyValueArea = {
  get: (keys) => browser.storage.session.get(keys),
  set: (values) => browser.storage.session.set(values),
  async setAndRemove(values, keys) {
    await browser.storage.session.set(values);
    await browser.storage.session.remove(keys);
  },
};

/**
 * IndexedDB has no change events: a write to the reports store is announced on this channel
 * (same origin: the worker and the extension's pages, never a web page or content script), and
 * to this context's own listeners.
 */
const REPORTS_CHANNEL = 'orgcheck-reports';
const localReportListeners = new Set<() => void>();
let reportsChannel: BroadcastChannel | undefined;
function notifyReports(): void {
  reportsChannel ??= new BroadcastChannel(REPORTS_CHANNEL);
  reportsChannel.postMessage('changed');
  for (const listener of localReportListeners) listener();
}

/**
 * Where a report's record lives: 'local' (the history, in IndexedDB), or 'session' for a report
 * about a page in a private window (core/private-windows.ts), in storage.session with that area's
 * own `reportIndex` / `reportOutbox`.
 */
export type ReportArea = 'local' | 'session';
type ReportLists = { reportIndex?: string[]; reportOutbox?: string[] };

async function areaOf(area: ReportArea): Promise<KeyValueArea> {
  if (area === 'session') return sessionReports;
  // Records an older version left in storage.local are moved first (migration 1 → 2).
  await migrateStorage();
  return idbReports;
}

/** One key per report (a screenshot makes a record large): a state change rewrites one record. */
export const reportStore = {
  /** The record in `area`, or (no area given) in either. */
  async get(id: string, area?: ReportArea): Promise<ReportRecord | null> {
    const key = reportKey(id);
    for (const a of area ? [area] : (['local', 'session'] as const)) {
      const found = (await (await areaOf(a)).get([key]))[key] as ReportRecord | undefined;
      if (found) return found;
    }
    return null;
  },
  async getMany(ids: string[], area: ReportArea = 'local'): Promise<ReportRecord[]> {
    if (!ids.length) return [];
    const got = await (await areaOf(area)).get(ids.map(reportKey));
    return ids.map((id) => got[reportKey(id)] as ReportRecord | undefined).filter((r): r is ReportRecord => !!r);
  },
  /** The ids of the history (newest first) or of the outbox, in `area`. */
  async ids(list: 'reportIndex' | 'reportOutbox', area: ReportArea = 'local'): Promise<string[]> {
    if (area === 'session') return getSession(list);
    return ((await (await areaOf(area)).get([list]))[list] as string[] | undefined) ?? [];
  },
  /** Writes a record together with its area's index and outbox in one step. */
  async put(record: ReportRecord, with_: ReportLists = {}, area: ReportArea = 'local'): Promise<void> {
    await (await areaOf(area)).set({ [reportKey(record.report.id)]: record, ...with_ });
  },
  async remove(id: string, with_: ReportLists, area: ReportArea = 'local'): Promise<void> {
    await (await areaOf(area)).setAndRemove({ ...with_ }, [reportKey(id)]);
  },
};

/** Calls back when any report, a report index or the report settings change. */
export function onReportsChanged(callback: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local' && area !== 'session') return;
    if (Object.keys(changes).some((k) => k.startsWith('report:') || k === 'reportIndex' || k === 'reportSettings')) callback();
  };
  browser.storage.onChanged.addListener(listener);
  const channel = new BroadcastChannel(REPORTS_CHANNEL);
  channel.onmessage = () => callback();
  localReportListeners.add(callback);
  return () => {
    browser.storage.onChanged.removeListener(listener);
    channel.close();
    localReportListeners.delete(callback);
  };
}

/**
 * True for the first caller with this flag in a browser session (storage.session starts empty
 * when the browser starts, and when the extension is installed or updated), false after.
 */
export async function firstInSession(flag: string): Promise<boolean> {
  const key = `once:${flag}`;
  if ((await browser.storage.session.get(key))[key]) return false;
  await browser.storage.session.set({ [key]: true });
  return true;
}
