/**
 * What the feed sync keeps in storage about itself and its settings (JSON): core/feed/sync-status.ts
 * reasons about it, shared/storage/areas.ts stores it.
 */
import type { StoredEtag } from './etag';
import type { ListChangesSummary } from './diff';
import type { FeedError } from './validate';
import type { HostReport, PointerEtag } from './host-sync';

export interface FeedSettings {
  /** A feed URL chosen on the options page; null: the one built in (FEED_URL). */
  url: string | null;
  /** Hours between syncs, 1 … 168. */
  intervalHours: number;
  /** "Check for a new list only when I press Sync now": no scheduled sync contacts any host. (Absent in settings stored before: false.) */
  manualOnly?: boolean;
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
  /** v1: each host's answer in the last sync, in the order tried (absent in statuses stored before: none). */
  hosts?: HostReport[];
  /** The host folder the list in use came from (v1), or the legacy feed URL; null: the bundled list or unknown. */
  servedBy?: string | null;
  /** v1: the last sync found no usable pointer, and the newest valid one it saw had expired. */
  expired?: { version: number; expires: string } | null;
  /** v1: pointer URL → the ETag that host gave (core/feed/host-sync.ts). */
  pointerEtags?: Record<string, PointerEtag>;
}
