/**
 * The extension's IndexedDB "orgcheck" (extension pages and the worker only; content scripts
 * can't open it): "lists" holds list bodies (list.ts), "reports" the report history with its
 * outbox (reports.ts).
 */
const DB_NAME = 'orgcheck';
const DB_VERSION = 2;
export const LISTS = 'lists';
export const REPORTS = 'reports';

let db: Promise<IDBDatabase> | undefined;
function openDb(): Promise<IDBDatabase> {
  db ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      for (const name of [LISTS, REPORTS]) {
        if (!request.result.objectStoreNames.contains(name)) request.result.createObjectStore(name);
      }
    };
    request.onsuccess = () => {
      request.result.onversionchange = () => {
        request.result.close();
        db = undefined;
      };
      resolve(request.result);
    };
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('IndexedDB blocked'));
  }).catch((error: unknown) => {
    db = undefined;
    throw error;
  });
  return db;
}

/** Runs `run` in one transaction on `storeName`; resolves with its request's result once the transaction completes. */
export function transact<T>(
  storeName: typeof LISTS | typeof REPORTS,
  mode: IDBTransactionMode,
  run: (store: IDBObjectStore) => IDBRequest<T> | void,
): Promise<T | undefined> {
  return openDb().then(
    (database) =>
      new Promise<T | undefined>((resolve, reject) => {
        const tx = database.transaction(storeName, mode);
        const request = run(tx.objectStore(storeName));
        tx.oncomplete = () => resolve(request ? request.result : undefined);
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
      }),
  );
}
