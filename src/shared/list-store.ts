/**
 * The list in use: the newest stored list (from a sync), or the bundled one, which is the floor.
 * Read by the background (to resolve findings) and by the popup (for the manual lookup).
 */
import bundledEntries from '../../data/organizations.json';
// The bundled list's version (the floor a feed must beat), kept beside it and checked against
// its content by tests/unit/core/feed-tools.test.ts; `npm run feed -- --stamp-bundle` renews it.
import bundledVersion from '../../data/list-version.json';
import { listKey } from '../core/compiled-list';
import type { BlocklistEntry } from '../core/list-schema';
import { FEED_PUBLIC_KEY } from './build-config';
import { onStoredListChanged, readStoredList, type StoredList } from './storage/list';

export const BUNDLED_LIST: StoredList = {
  version: bundledVersion.version,
  generatedAt: bundledVersion.generatedAt,
  entries: bundledEntries as BlocklistEntry[],
};

export interface ActiveList {
  list: StoredList;
  byId: Map<string, BlocklistEntry>;
  /** Content fingerprint: the compiled matcher in storage is valid for this key only. */
  key: string;
  source: 'bundled' | 'feed';
}

let active: Promise<ActiveList> | undefined;
let watching = false;
let bundledKey: string | undefined;

/** Forgets the cached list: the next activeList() reads storage again (after a sync's swap). */
export function invalidateActiveList(): void {
  active = undefined;
}

export function activeList(): Promise<ActiveList> {
  if (!watching) {
    watching = true;
    // Any page that holds the list (the popup, the worker) drops it when a sync stores a new one.
    onStoredListChanged(invalidateActiveList);
  }
  active ??= (async () => {
    const stored = await readStoredList();
    let list = BUNDLED_LIST;
    let key: string | undefined;
    // A stored list verified with another key than this build's ('' without a feed) is not used.
    if (stored && stored.list.version > BUNDLED_LIST.version && stored.ref.publicKey === FEED_PUBLIC_KEY) {
      // A body that is not what the reference names (storage corruption) is not used.
      const storedKey = listKey(stored.list.entries);
      if (storedKey === stored.ref.key) [list, key] = [stored.list, storedKey];
      else console.error('OrgCheck: the stored list does not match its reference; using the bundled list');
    }
    key ??= bundledKey ??= listKey(BUNDLED_LIST.entries);
    return {
      list,
      byId: new Map(list.entries.map((e) => [e.id, e])),
      key,
      source: list === BUNDLED_LIST ? 'bundled' : 'feed',
    } satisfies ActiveList;
  })();
  return active;
}
