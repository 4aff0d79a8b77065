/**
 * The list in use: the newest stored list (from a sync), or the bundled one, which is the floor.
 * Read by the background (to resolve findings) and by the popup (for the manual lookup).
 */
import bundledEntries from '../../data/organizations.json';
import { listKey } from '../core/compiled-list';
import type { BlocklistEntry } from '../core/list-schema';
import { localStore, type StoredList } from './storage';

export const BUNDLED_LIST: StoredList = {
  version: 0,
  generatedAt: null,
  entries: bundledEntries as BlocklistEntry[],
};

export interface ActiveList {
  list: StoredList;
  byId: Map<string, BlocklistEntry>;
  /** Content fingerprint: the compiled matcher in storage is valid for this key only. */
  key: string;
  /** Date of the newest listing (YYYY-MM-DD): what "list as of" shows. */
  newestListing: string | null;
  source: 'bundled' | 'feed';
}

let active: Promise<ActiveList> | undefined;

export function activeList(): Promise<ActiveList> {
  active ??= (async () => {
    const stored = await localStore.get('list');
    const list = stored && stored.version > BUNDLED_LIST.version ? stored : BUNDLED_LIST;
    return {
      list,
      byId: new Map(list.entries.map((e) => [e.id, e])),
      key: listKey(list.entries),
      newestListing: newestListingDate(list.entries),
      source: list === BUNDLED_LIST ? 'bundled' : 'feed',
    } satisfies ActiveList;
  })();
  return active;
}

export function newestListingDate(entries: readonly BlocklistEntry[]): string | null {
  let newest: string | null = null;
  for (const e of entries) for (const l of e.listings) if (l.published && (!newest || l.published > newest)) newest = l.published;
  return newest;
}
