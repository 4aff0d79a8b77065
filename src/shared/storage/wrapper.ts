/**
 * The one wrapper around browser.storage: nothing else in the extension calls it. Typed reads
 * (a missing key reads as its default, areas.ts), writes, and watchers; every watcher returns
 * the function that stops it. The files beside this one each handle one kind of data through it;
 * IndexedDB is indexed-db.ts.
 */
import browser from 'webextension-polyfill';
import { LOCAL_DEFAULTS, SESSION_DEFAULTS, type LocalArea, type SessionArea } from './areas';

export type AreaName = 'local' | 'session';

/** A storage area by raw keys: for keys outside the typed ones (`tab:<id>`, `report:<id>`, …) and for migrations. */
export interface RawArea {
  /** The values of `keys` that are stored; null: the whole area. */
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(values: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

function rawArea(name: AreaName): RawArea {
  return {
    get: (keys) => browser.storage[name].get(keys),
    set: (values) => browser.storage[name].set(values),
    remove: (keys) => browser.storage[name].remove(keys),
  };
}

export const rawLocal = rawArea('local');
export const rawSession = rawArea('session');

/** Typed access to an area whose keys all have defaults. */
function typedArea<A extends object>(raw: RawArea, defaults: A) {
  return {
    async get<K extends keyof A & string>(key: K): Promise<A[K]> {
      const got = await raw.get(key);
      return (got[key] as A[K] | undefined) ?? defaults[key];
    },
    /** Several keys in one read. */
    async getMany<K extends keyof A & string>(keys: readonly K[]): Promise<Pick<A, K>> {
      const got = await raw.get([...keys]);
      return Object.fromEntries(keys.map((k) => [k, (got[k] as A[K] | undefined) ?? defaults[k]])) as Pick<A, K>;
    },
    set: (values: Partial<A>): Promise<void> => raw.set(values as Record<string, unknown>),
  };
}

export const localStore = typedArea<LocalArea>(rawLocal, LOCAL_DEFAULTS);
export const sessionStore = typedArea<SessionArea>(rawSession, SESSION_DEFAULTS);

type Changes = Record<string, { oldValue?: unknown; newValue?: unknown }>;

/**
 * Calls back with the changes of each write to an area that touches a key `keys` accepts, in any
 * context (the worker, a page, a content script); returns the way to stop.
 */
export function watchKeys(keys: (area: AreaName, key: string) => boolean, callback: (changes: Changes, area: AreaName) => void): () => void {
  const listener = (changes: Changes, area: string) => {
    if ((area === 'local' || area === 'session') && Object.keys(changes).some((k) => keys(area, k))) callback(changes, area);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * Calls back with a storage.local key's new value (its default when removed) each time it
 * changes; returns the way to stop.
 */
export function watchLocal<K extends keyof LocalArea & string>(key: K, callback: (value: LocalArea[K]) => void): () => void {
  return watchKeys(
    (area, k) => area === 'local' && k === key,
    (changes) => callback((changes[key]!.newValue as LocalArea[K] | undefined) ?? LOCAL_DEFAULTS[key]),
  );
}

/** As watchLocal, for a storage.session key. */
export function watchSession<K extends keyof SessionArea & string>(key: K, callback: (value: SessionArea[K]) => void): () => void {
  return watchKeys(
    (area, k) => area === 'session' && k === key,
    (changes) => callback((changes[key]!.newValue as SessionArea[K] | undefined) ?? SESSION_DEFAULTS[key]),
  );
}
