/**
 * What changed between the list in use and a new one, keyed by entry id (ids never change once
 * published, see list-schema.ts): entries added and removed, entries whose matched name changed
 * (renamed), and entries that gained a listing (a `list` they were not on before). The last one
 * is what makes a closed banner warn again.
 */
import type { BlocklistEntry } from '../list-schema';

export interface EntryRef {
  id: string;
  zh: string;
  en?: string;
}

export interface Renamed {
  id: string;
  from: EntryRef;
  to: EntryRef;
}

export interface ListingsAdded extends EntryRef {
  /** The `list` of each new listing, e.g. "suspected-illegal-2023-batch1". */
  lists: string[];
}

export interface ListChanges {
  added: EntryRef[];
  removed: EntryRef[];
  renamed: Renamed[];
  listingsAdded: ListingsAdded[];
}

function ref(entry: BlocklistEntry): EntryRef {
  return entry.names.en ? { id: entry.id, zh: entry.names.zh, en: entry.names.en } : { id: entry.id, zh: entry.names.zh };
}

export function diffLists(before: readonly BlocklistEntry[], after: readonly BlocklistEntry[]): ListChanges {
  const old = new Map(before.map((e) => [e.id, e]));
  const next = new Set(after.map((e) => e.id));
  const changes: ListChanges = { added: [], removed: [], renamed: [], listingsAdded: [] };
  for (const entry of after) {
    const prev = old.get(entry.id);
    if (!prev) {
      changes.added.push(ref(entry));
      continue;
    }
    if (prev.names.zh !== entry.names.zh || (prev.names.en ?? '') !== (entry.names.en ?? '')) {
      changes.renamed.push({ id: entry.id, from: ref(prev), to: ref(entry) });
    }
    const known = new Set(prev.listings.map((l) => l.list));
    const lists = [...new Set(entry.listings.map((l) => l.list).filter((l) => !known.has(l)))];
    if (lists.length) changes.listingsAdded.push({ ...ref(entry), lists });
  }
  for (const entry of before) if (!next.has(entry.id)) changes.removed.push(ref(entry));
  return changes;
}

export interface ChangeGroup<T> {
  count: number;
  /** The first `limit` items: enough for the popup; a first sync may add thousands. */
  items: T[];
}

export interface ListChangesSummary {
  added: ChangeGroup<EntryRef>;
  removed: ChangeGroup<EntryRef>;
  renamed: ChangeGroup<Renamed>;
  listingsAdded: ChangeGroup<ListingsAdded>;
}

export function summarizeChanges(changes: ListChanges, limit = 20): ListChangesSummary {
  const group = <T>(items: T[]): ChangeGroup<T> => ({ count: items.length, items: items.slice(0, limit) });
  return {
    added: group(changes.added),
    removed: group(changes.removed),
    renamed: group(changes.renamed),
    listingsAdded: group(changes.listingsAdded),
  };
}

export function hasChanges(changes: ListChanges | ListChangesSummary): boolean {
  const count = (g: unknown[] | ChangeGroup<unknown>) => (Array.isArray(g) ? g.length : g.count);
  return count(changes.added) + count(changes.removed) + count(changes.renamed) + count(changes.listingsAdded) > 0;
}
