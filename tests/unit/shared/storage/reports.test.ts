/**
 * The report store and the start-up migration (issue 17 item 4): a report asked for while the
 * 1 → 2 migration is still moving the history from storage.local into IndexedDB is answered from
 * the moved history, not from the half-filled one. Run against an in-memory storage and an
 * in-memory IndexedDB "reports" store.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeBrowser } from './fake-browser';

const fake = vi.hoisted(() => ({ browser: undefined as unknown as ReturnType<typeof createFakeBrowser>, reports: new Map<string, unknown>() }));
vi.mock('webextension-polyfill', () => ({
  default: new Proxy({}, { get: (_t, key) => (fake.browser as unknown as Record<string | symbol, unknown>)[key] }),
}));
// IndexedDB "reports" as a map: requests answer on a later task, as IndexedDB's do.
vi.mock('../../../../src/shared/storage/indexed-db', () => ({
  LISTS: 'lists',
  REPORTS: 'reports',
  async transact(_store: string, _mode: string, run: (store: unknown) => void) {
    run({
      get(key: string) {
        const request: { result: unknown; onsuccess: (() => void) | null } = { result: structuredClone(fake.reports.get(key)), onsuccess: null };
        setTimeout(() => request.onsuccess?.());
        return request;
      },
      put: (value: unknown, key: string) => void fake.reports.set(key, structuredClone(value)),
      delete: (key: string) => void fake.reports.delete(key),
    });
    await new Promise((done) => setTimeout(done));
    return undefined;
  },
}));
// Nothing listens across contexts here; a real channel would keep Node's event loop alive.
vi.stubGlobal('BroadcastChannel', class {
  postMessage() {}
  close() {}
});

const { migrateStorage } = await import('../../../../src/shared/storage/migrations');
const { reportStore } = await import('../../../../src/shared/storage/reports');

const record = (id: string) => ({ report: { id, page: { url: `https://example.org/${id}` } }, actions: [] });

/** Holds every whole-area read of storage.local (the migration's first step) until `release` is called. */
function holdWholeAreaReads() {
  let release!: () => void;
  const released = new Promise<void>((done) => (release = done));
  let held = 0;
  const local = fake.browser.storage.local;
  const get = local.get.bind(local);
  local.get = async (keys) => {
    if (keys === null) {
      held++;
      await released;
    }
    return get(keys);
  };
  return { release, held: () => held };
}

beforeEach(() => {
  fake.browser = createFakeBrowser();
  fake.reports.clear();
});

describe('the report store during the start-up migration', () => {
  it('answers a report read while the 1 → 2 migration runs from the moved history', async () => {
    await fake.browser.storage.local.set({ schemaVersion: 1, 'report:a': record('a'), 'report:b': record('b'), reportIndex: ['a', 'b'], reportOutbox: ['b'] });
    const migration = holdWholeAreaReads();
    const started = migrateStorage(); // as the worker starts
    await vi.waitFor(() => expect(migration.held()).toBe(1)); // the move has begun, nothing is in IndexedDB yet

    // A page asks the worker for the history and a report meanwhile.
    const index = reportStore.ids('reportIndex');
    const outbox = reportStore.ids('reportOutbox');
    const one = reportStore.get('a');
    const many = reportStore.getMany(['a', 'b']);
    migration.release();

    expect(await index).toEqual(['a', 'b']);
    expect(await outbox).toEqual(['b']);
    expect(await one).toEqual(record('a'));
    expect((await many).map((r) => r.report.id)).toEqual(['a', 'b']);
    await started;
    expect([...fake.browser.storage.local.data.keys()]).toEqual(['schemaVersion']);
  });
});
