/**
 * The synced list: its body in IndexedDB (keyed by version), the reference to the one in use in
 * storage.local (`list`, see StoredListRef in areas.ts for why), and its compiled matcher
 * (`compiled`, in storage.local so that content scripts can read it).
 */
import type { CompiledList } from '../../core/compiled-list';
import type { BlocklistEntry, ListRecords } from '../../core/list-schema';
import type { StoredListRef } from './areas';
import { LISTS, transact } from './indexed-db';
import { localStore, watchLocal } from './wrapper';

export interface StoredList {
  /** Increasing list version, YYYYMMDDHHmmss (UTC); the bundled list's is in data/list-version.json. */
  version: number;
  generatedAt: string | null;
  entries: BlocklistEntry[];
  /**
   * The records of the lists the feed described (its optional `lists`), checked with the feed;
   * merged over the bundled records where the list is in use (shared/list-store.ts). Absent in
   * a feed without them and in bodies stored before this field.
   */
  lists?: ListRecords;
}

/** List bodies: only the one that `local.list` names is in use, the others are leftovers of a swap and get pruned. */
export const listBodies = {
  /** The body of a stored list, or null when IndexedDB does not have it (or fails). */
  async get(version: number): Promise<StoredList | null> {
    try {
      return ((await transact<StoredList>(LISTS, 'readonly', (store) => store.get(version))) as StoredList | undefined) ?? null;
    } catch (error) {
      console.error('OrgCheck: cannot read the stored list', error);
      return null;
    }
  },
  /** Writes a body (step one of a swap; nothing uses it until `local.list` names it). */
  async put(list: StoredList): Promise<void> {
    await transact(LISTS, 'readwrite', (store) => void store.put(list, list.version));
  },
  /** Deletes every body except the one of version `keep`. */
  async prune(keep: number | null): Promise<void> {
    await transact(LISTS, 'readwrite', (store) => {
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
  const ref = await localStore.get('list');
  if (!ref || typeof ref.version !== 'number') return null;
  const list = await listBodies.get(ref.version);
  return list && list.version === ref.version && Array.isArray(list.entries) && list.entries.length === ref.count ? { ref, list } : null;
}

/** Calls back when the stored (synced) list changes; returns the way to stop. */
export function onStoredListChanged(callback: () => void): () => void {
  return watchLocal('list', () => callback());
}

/** Calls back when the compiled list in storage changes (a new list version); returns the way to stop. */
export function onCompiledListChanged(callback: (compiled: CompiledList | null) => void): () => void {
  return watchLocal('compiled', callback);
}
