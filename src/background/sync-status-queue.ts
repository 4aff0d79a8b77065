/**
 * The feed sync's stored status, changed through one queue so that a sync, a settings change and
 * the compiled list's set-aside can't lose each other's write. Apart from sync.ts so that
 * compiled.ts (which sync.ts calls) can set a list aside without importing sync.ts back.
 */
import type { FeedError } from '../core/feed/validate';
import { invalidateActiveList } from '../shared/list-store';
import { INITIAL_SYNC_STATUS, type SyncStatus } from '../shared/storage/areas';
import { listBodies } from '../shared/storage/list';
import { localStore } from '../shared/storage/wrapper';
import { createQueue } from './serial-queue';

const statusQueue = createQueue();

/** Runs `fn` on the stored status (defaults filled in), after every change queued before it. */
export function withStatus<T>(fn: (status: SyncStatus) => Promise<T>): Promise<T> {
  return statusQueue.run(async () => fn({ ...INITIAL_SYNC_STATUS, ...(await localStore.get('syncStatus')) }));
}

/**
 * The synced list in use fails a check this version makes on every feed (the limits of
 * core/list-limits.ts, a date ahead of the clock): it was taken before the check existed. It is
 * set aside for the bundled list, with its version floor, and the sync status says why. The next
 * sync takes a list from the feed again only if it passes. Called by compiled.ts.
 */
export async function setAsideStoredList(error: FeedError): Promise<void> {
  await withStatus(async (status) => {
    const at = Date.now();
    const failed: SyncStatus = { ...status, last: { kind: 'error', at, error }, etag: null };
    await localStore.set({ list: null, compiled: null, syncStatus: failed });
    invalidateActiveList();
    await listBodies.prune(null).catch(() => undefined);
  });
}
