/**
 * What storage.local and storage.session hold: each key's type and default. The wrapper
 * (wrapper.ts) reads through these defaults; the files beside it each handle one kind of data.
 *
 * local: survives restarts; holds the reference to the list in use, its compiled matcher, the
 * feed sync's status and settings, the user's warning controls (allowlist, "not this
 * organization", snooze, the global switch, relisted organizations) and the report settings.
 * Content scripts can read storage.local and get its change events: nothing about reports goes
 * there.
 * session: cleared when the browser closes; holds per-tab findings (tab-state.ts) so that a
 * service worker stopped while idle picks up where it left off, banners closed this session, the
 * banner's choices waiting for the user's Confirm (`pendingChoices`), and everything that comes
 * from private windows (see core/private-windows.ts), their reports too.
 * `schemaVersion` in local lets later versions migrate what they find (migrations.ts).
 */
import type { CompiledList } from '../../core/compiled-list';
// The file itself, not the module's index: the content script reads storage, and the index would
// bring the schema and the site rules (valibot, tldts) into it.
import type { ChoiceControl } from '../../core/warning-controls/types';
import type { StoredEtag } from '../../core/feed/etag';
import type { ListChangesSummary } from '../../core/feed/diff';
import type { FeedError } from '../../core/feed/validate';
import { NO_CONTROLS, type ControlLists, type Scope } from '../../core/warning-controls/private-windows';
import { DEFAULT_RETRY_BASE_MS } from '../../core/report-outbox';

export const STORAGE_SCHEMA_VERSION = 2;

export interface LocalArea {
  schemaVersion: number;
  /**
   * The synced list in use: a reference to its body in IndexedDB (see list.ts); null means the
   * bundled list. Flipping this one key (with the sync status, in one set()) is the swap.
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
  /** "Snooze all warnings" until this time (epoch ms), or null. A past time is no snooze. */
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
  /** detail: what of the list was not taken (a refused domain), for the options page's technical details. */
  | { kind: 'updated'; at: number; version: number; count: number; detail?: string }
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

export interface ReportSettings {
  /** Where reports are POSTed (https, or http://127.0.0.1); null: no endpoint, nothing is sent. */
  endpoint: string | null;
  /** Base of the retry backoff (ms). Not on the options page: tests shorten it. */
  retryBaseMs: number;
}

/**
 * storage.session keys with defaults (besides `tab:<id>` (tab-state.ts), `once:<flag>`
 * (session-flags.ts) and, for private reports, `report:<id>` (reports.ts)). All of it ends with
 * the browser session.
 */
export interface SessionArea {
  /** Banners closed this session: site → entry id → when (epoch ms). */
  dismissed: Record<string, Record<string, number>>;
  /** Warning controls turned on from private tabs; they apply to private tabs only. */
  privateControls: ControlLists;
  /** Ids of report drafts made from private tabs: their records stay in this area. */
  privateReports: string[];
  /** The history and the outbox of those reports (as `reportIndex` / `reportOutbox` in IndexedDB). */
  reportIndex: string[];
  reportOutbox: string[];
  /** Text selected in private tabs for the context menu's lookup: key (?pq= of the lookup page) → text. */
  privateLookups: Record<string, string>;
  /** The banner's choices waiting for the user's Confirm: page tab id → choice (background/confirmations.ts). */
  pendingChoices: Record<string, PendingChoice>;
  /**
   * The browser's selection text when "Report this page" was chosen from the context menu: tab id
   * → the text and the origin of its frame, taken by that tab's next report draft (background/report.ts).
   */
  menuSelections: Record<string, { text: string; from: string }>;
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

export const LOCAL_DEFAULTS: LocalArea = {
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

export const SESSION_DEFAULTS: SessionArea = {
  dismissed: {},
  privateControls: NO_CONTROLS,
  privateReports: [],
  reportIndex: [],
  reportOutbox: [],
  privateLookups: {},
  pendingChoices: {},
  menuSelections: {},
};
