/**
 * The one typed wrapper around browser.storage; nothing else touches it.
 *
 * local: survives restarts; holds the list in use and its compiled matcher.
 * session: cleared when the browser closes; holds per-tab findings so that a service worker
 * stopped while idle picks up where it left off.
 * Each area has defaults; `schemaVersion` in local lets later versions migrate what they find.
 */
import browser from 'webextension-polyfill';
import type { CompiledList } from '../core/compiled-list';
import type { BlocklistEntry } from '../core/list-schema';
import type { FrameReport } from './findings';

export const STORAGE_SCHEMA_VERSION = 1;

export interface StoredList {
  /** Increasing list version (0 for the bundled list). */
  version: number;
  generatedAt: string | null;
  entries: BlocklistEntry[];
}

export interface LocalArea {
  schemaVersion: number;
  /** A list newer than the bundled one, once a sync has fetched one; null means the bundled list. */
  list: StoredList | null;
  compiled: CompiledList | null;
}

export interface TabState {
  url: string;
  title: string;
  frames: Record<string, FrameReport>;
}

const localDefaults: LocalArea = { schemaVersion: STORAGE_SCHEMA_VERSION, list: null, compiled: null };

async function getLocal<K extends keyof LocalArea>(key: K): Promise<LocalArea[K]> {
  const got = await browser.storage.local.get(key);
  return (got[key] as LocalArea[K] | undefined) ?? localDefaults[key];
}

async function setLocal(values: Partial<LocalArea>): Promise<void> {
  await browser.storage.local.set(values);
}

export const localStore = { get: getLocal, set: setLocal };

/** Calls back when the compiled list in storage changes (a new list version). */
export function onCompiledListChanged(callback: (compiled: CompiledList | null) => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && 'compiled' in changes) callback((changes.compiled!.newValue as CompiledList | undefined) ?? null);
  });
}

const tabKey = (tabId: number) => `tab:${tabId}`;

export const tabStateStore = {
  async get(tabId: number): Promise<TabState | null> {
    const key = tabKey(tabId);
    const got = await browser.storage.session.get(key);
    return (got[key] as TabState | undefined) ?? null;
  },
  async set(tabId: number, state: TabState): Promise<void> {
    await browser.storage.session.set({ [tabKey(tabId)]: state });
  },
  async remove(tabId: number): Promise<void> {
    await browser.storage.session.remove(tabKey(tabId));
  },
};

/**
 * Migrations by schema version: each step takes the area from version n to n + 1.
 * Version 1 is the first; later versions append their step here.
 */
const migrations: Array<(area: Record<string, unknown>) => Record<string, unknown>> = [];

export async function migrateStorage(): Promise<void> {
  const area = await browser.storage.local.get(null);
  let version = typeof area.schemaVersion === 'number' ? area.schemaVersion : STORAGE_SCHEMA_VERSION;
  let data: Record<string, unknown> = area;
  while (version < STORAGE_SCHEMA_VERSION) {
    data = migrations[version - 1]!(data);
    version++;
  }
  await browser.storage.local.set({ ...data, schemaVersion: version });
}
