/**
 * What the feed sync keeps in storage about itself and its settings (JSON): core/feed/sync-status.ts
 * reasons about it, shared/storage/areas.ts stores it.
 */
import type { StoredEtag } from './etag';
import type { ListChangesSummary } from './diff';
import type { FeedError } from './validate';

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
