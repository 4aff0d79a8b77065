/**
 * Reports (background/report-outbox.ts writes; pages read): the history with its outbox in
 * IndexedDB "reports", or in storage.session for reports about pages in private windows
 * (core/private-windows.ts). IndexedDB has no change events: writes are announced on a
 * BroadcastChannel. The report settings (the endpoint) are `reportSettings` in storage.local.
 */
import type { ReportRecord } from '../../core/report-outbox';
import { REPORTS, transact } from './indexed-db';
import { rawSession, sessionStore, watchKeys, watchLocal } from './wrapper';

const reportKey = (id: string) => `report:${id}`;

/** A key-value area as the report store needs it: storage.session, or IndexedDB "reports". */
export interface KeyValueArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(values: Record<string, unknown>): Promise<void>;
  /** Writes `values` and deletes `keys` in one step. */
  setAndRemove(values: Record<string, unknown>, keys: string[]): Promise<void>;
}

/** The report history in IndexedDB: `report:<id>` records, `reportIndex` and `reportOutbox`, in one store. */
export const idbReports: KeyValueArea = {
  async get(keys) {
    const out: Record<string, unknown> = {};
    await transact(REPORTS, 'readonly', (store) => {
      for (const key of keys) {
        const request = store.get(key);
        request.onsuccess = () => {
          if (request.result !== undefined) out[key] = request.result;
        };
      }
    });
    return out;
  },
  set: (values) => idbReports.setAndRemove(values, []),
  async setAndRemove(values, keys) {
    // One transaction: a record and the lists that name it change together, or not at all.
    await transact(REPORTS, 'readwrite', (store) => {
      for (const [key, value] of Object.entries(values)) store.put(value, key);
      for (const key of keys) store.delete(key);
    });
    notifyReports();
  },
};

const sessionReports: KeyValueArea = {
  get: (keys) => rawSession.get(keys),
  set: (values) => rawSession.set(values),
  async setAndRemove(values, keys) {
    await rawSession.set(values);
    await rawSession.remove(keys);
  },
};

/**
 * A write to the reports store is announced on this channel (same origin: the worker and the
 * extension's pages, never a web page or content script), and to this context's own listeners.
 */
const REPORTS_CHANNEL = 'orgcheck-reports';
const localReportListeners = new Set<() => void>();
let reportsChannel: BroadcastChannel | undefined;
function notifyReports(): void {
  reportsChannel ??= new BroadcastChannel(REPORTS_CHANNEL);
  reportsChannel.postMessage('changed');
  for (const listener of localReportListeners) listener();
}

/**
 * Where a report's record lives: 'local' (the history, in IndexedDB), or 'session' for a report
 * about a page in a private window, in storage.session with that area's own `reportIndex` /
 * `reportOutbox`.
 */
export type ReportArea = 'local' | 'session';
type ReportLists = { reportIndex?: string[]; reportOutbox?: string[] };

const areaOf = (area: ReportArea): KeyValueArea => (area === 'session' ? sessionReports : idbReports);

/** One key per report (a screenshot makes a record large): a state change rewrites one record. */
export const reportStore = {
  /** The record in `area`, or (no area given) in either. */
  async get(id: string, area?: ReportArea): Promise<ReportRecord | null> {
    const key = reportKey(id);
    for (const a of area ? [area] : (['local', 'session'] as const)) {
      const found = (await areaOf(a).get([key]))[key] as ReportRecord | undefined;
      if (found) return found;
    }
    return null;
  },
  async getMany(ids: string[], area: ReportArea = 'local'): Promise<ReportRecord[]> {
    if (!ids.length) return [];
    const got = await areaOf(area).get(ids.map(reportKey));
    return ids.map((id) => got[reportKey(id)] as ReportRecord | undefined).filter((r): r is ReportRecord => !!r);
  },
  /** The ids of the history (newest first) or of the outbox, in `area`. */
  async ids(list: 'reportIndex' | 'reportOutbox', area: ReportArea = 'local'): Promise<string[]> {
    if (area === 'session') return sessionStore.get(list);
    return ((await idbReports.get([list]))[list] as string[] | undefined) ?? [];
  },
  /** Writes a record together with its area's index and outbox in one step. */
  async put(record: ReportRecord, with_: ReportLists = {}, area: ReportArea = 'local'): Promise<void> {
    await areaOf(area).set({ [reportKey(record.report.id)]: record, ...with_ });
  },
  async remove(id: string, with_: ReportLists, area: ReportArea = 'local'): Promise<void> {
    await areaOf(area).setAndRemove({ ...with_ }, [reportKey(id)]);
  },
};

/** Calls back when any report, a report index or the report settings change; returns the way to stop. */
export function onReportsChanged(callback: () => void): () => void {
  const stopWatching = watchKeys(
    (_area, key) => key.startsWith('report:') || key === 'reportIndex' || key === 'reportSettings',
    () => callback(),
  );
  const channel = new BroadcastChannel(REPORTS_CHANNEL);
  channel.onmessage = () => callback();
  localReportListeners.add(callback);
  return () => {
    stopWatching();
    channel.close();
    localReportListeners.delete(callback);
  };
}

/** Calls back when the report settings (the endpoint) change, in any context; returns the way to stop. */
export function onReportSettingsChanged(callback: () => void): () => void {
  return watchLocal('reportSettings', () => callback());
}
