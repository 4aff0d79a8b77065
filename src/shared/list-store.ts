/**
 * The list in use: the newest stored list (from a sync), or the bundled one, which is the floor.
 * Read by the background (to resolve findings) and by the popup (for the manual lookup).
 */
import bundledEntries from '../../data/organizations.json';
// The bundled list's version (the floor a feed must beat), kept beside it and checked against
// its content by tests/unit/core/feed-tools.test.ts; `npm run feed -- --stamp-bundle` renews it.
import bundledVersion from '../../data/list-version.json';
import { BUNDLED_LIST_RECORDS } from '../core/bundled-list-records';
import { listKey } from '../core/compiled-list';
import { mergeListRecords } from '../core/list-records';
import { ListRecordsSchema, type BlocklistEntry, type ListRecords } from '../core/list-schema';
import * as v from 'valibot';
import { FEED_ANCHOR } from './build-config';
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
  /** The list records to label listings with: the feed's over the bundled ones (core/list-records.ts). */
  records: ListRecords;
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
    // A stored list verified under another key than this build's anchor ('' without a feed) is not used.
    if (stored && stored.list.version > BUNDLED_LIST.version && stored.ref.publicKey === FEED_ANCHOR) {
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
      records: mergeListRecords(BUNDLED_LIST_RECORDS, storedRecords(list)),
    } satisfies ActiveList;
  })();
  return active;
}

/**
 * The records a stored list carries, checked again as they are read: listKey covers the entries
 * only, so records mangled in IndexedDB would otherwise go unnoticed. Bad records are dropped
 * (the bundled ones, then kind and date, label the listings) and the list itself stays in use.
 */
function storedRecords(list: StoredList): ListRecords | undefined {
  if (list === BUNDLED_LIST || list.lists === undefined) return undefined;
  const checked = v.safeParse(ListRecordsSchema, list.lists);
  if (checked.success) return checked.output;
  console.error('OrgCheck: the stored list records are not valid; using the bundled records');
  return undefined;
}
