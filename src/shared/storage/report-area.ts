/**
 * The report history's own store: IndexedDB "reports" as a key-value area, and the channel its
 * writes are announced on. Apart from reports.ts so that the migrations (migrations.ts, which move
 * the history here) can write it while reports.ts waits for them (migrateStorage) before reading.
 */
import { REPORTS, transact } from './indexed-db';

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

/**
 * A write to the reports store is announced on this channel (same origin: the worker and the
 * extension's pages, never a web page or content script), and to this context's own listeners.
 */
export const REPORTS_CHANNEL = 'orgcheck-reports';
export const localReportListeners = new Set<() => void>();
let reportsChannel: BroadcastChannel | undefined;
export function notifyReports(): void {
  reportsChannel ??= new BroadcastChannel(REPORTS_CHANNEL);
  reportsChannel.postMessage('changed');
  for (const listener of localReportListeners) listener();
}
