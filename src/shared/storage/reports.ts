/**
 * Reports (background/report-outbox.ts writes; pages read): the history with its outbox in
 * IndexedDB "reports", or in storage.session for reports about pages in private windows
 * (core/private-windows.ts). IndexedDB has no change events: writes are announced on a
 * BroadcastChannel. The report settings (the endpoint) are `reportSettings` in storage.local.
 */
import type { ReportRecord } from '../../core/report-outbox';
import { migrateStorage } from './migrations';
import { idbReports, localReportListeners, REPORTS_CHANNEL, type KeyValueArea } from './report-area';
import { rawSession, sessionStore, watchKeys, watchLocal } from './wrapper';

const reportKey = (id: string) => `report:${id}`;

const sessionReports: KeyValueArea = {
  get: (keys) => rawSession.get(keys),
  set: (values) => rawSession.set(values),
  async setAndRemove(values, keys) {
    await rawSession.set(values);
    await rawSession.remove(keys);
  },
};

/**
 * Where a report's record lives: 'local' (the history, in IndexedDB), or 'session' for a report
 * about a page in a private window, in storage.session with that area's own `reportIndex` /
 * `reportOutbox`.
 */
export type ReportArea = 'local' | 'session';
type ReportLists = { reportIndex?: string[]; reportOutbox?: string[] };

/**
 * The history in IndexedDB, read and written once the storage migrations have run: the worker
 * starts them as it starts (1 → 2 moves the history here from storage.local), but a page's message
 * can ask for a report before they are done. A read then would miss the reports not yet moved, and
 * a write could be undone by the move's merge of the index. (A failed migration is logged by the
 * entry point that started it; the history is then used as it is, and the next start tries again.)
 */
const migrated = () => migrateStorage().catch(() => undefined);
const history: KeyValueArea = {
  get: async (keys) => (await migrated(), idbReports.get(keys)),
  set: async (values) => (await migrated(), idbReports.set(values)),
  setAndRemove: async (values, keys) => (await migrated(), idbReports.setAndRemove(values, keys)),
};

const areaOf = (area: ReportArea): KeyValueArea => (area === 'session' ? sessionReports : history);

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
    return ((await history.get([list]))[list] as string[] | undefined) ?? [];
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
