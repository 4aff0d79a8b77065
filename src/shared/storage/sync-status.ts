/** The feed sync's status in storage.local (written by background/sync.ts only), as pages follow it. */
import type { SyncStatus } from './areas';
import { watchLocal } from './wrapper';

/** Calls back with the new sync status whenever the background writes one; returns the way to stop. */
export function onSyncStatusChanged(callback: (status: SyncStatus) => void): () => void {
  return watchLocal('syncStatus', callback);
}
