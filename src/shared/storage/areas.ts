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
import type { FeedSettings, SyncStatus } from '../../core/feed/sync-state';
import type { FeedTrust } from '../../core/feed/key-statement';
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
  /** The v1 feed's keys: the newest key statement accepted (core/feed/key-statement.ts); null: the build's keys. */
  feedTrust: StoredFeedTrust | null;
  /** Hosts carried by the newest accepted v1 pointer (used within the build's FEED_HOST_ALLOW); null: none. */
  feedHosts: StoredFeedHosts | null;
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

export type { FeedSettings, SyncResult, SyncStatus } from '../../core/feed/sync-state';

/** The trust a v1 sync keeps, with the build root it grew from: a build with another root starts again from its own keys. */
export interface StoredFeedTrust extends FeedTrust {
  anchor: string;
}

export interface StoredFeedHosts {
  anchor: string;
  /** The pointer version that carried them. */
  version: number;
  tiers: string[][];
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
  /** Issued with the confirmation page's view of it: Confirm applies it only if it sends this back. */
  nonce: string;
  /** It replaced another choice of the same tab that was still waiting. */
  askedAgain: boolean;
}

export const LOCAL_DEFAULTS: LocalArea = {
  schemaVersion: STORAGE_SCHEMA_VERSION,
  list: null,
  compiled: null,
  feedSettings: { url: null, intervalHours: DEFAULT_SYNC_INTERVAL_HOURS },
  syncStatus: INITIAL_SYNC_STATUS,
  feedTrust: null,
  feedHosts: null,
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
