/** Storage migrations, run against an in-memory storage.local and report store. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeBrowser } from './fake-browser';

const fake = vi.hoisted(() => ({ browser: undefined as unknown as ReturnType<typeof createFakeBrowser> }));
vi.mock('webextension-polyfill', () => ({
  default: new Proxy({}, { get: (_t, key) => (fake.browser as unknown as Record<string | symbol, unknown>)[key] }),
}));

const { runMigrations, migrateStorage } = await import('../../../../src/shared/storage/migrations');
const { STORAGE_SCHEMA_VERSION } = await import('../../../../src/shared/storage/areas');
const { rawLocal } = await import('../../../../src/shared/storage/wrapper');

/** The IndexedDB report store as a map (reports.ts `KeyValueArea`). */
function memoryReports(initial: Record<string, unknown> = {}, failWrites = false) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    get: async (keys: string[]) => Object.fromEntries(keys.filter((k) => data.has(k)).map((k) => [k, data.get(k)])),
    set: async (values: Record<string, unknown>) => {
      if (failWrites) throw new Error('IndexedDB blocked');
      for (const [k, v] of Object.entries(values)) data.set(k, v);
    },
    setAndRemove: async () => undefined,
  };
}

const local = () => fake.browser.storage.local.data;

beforeEach(() => {
  fake.browser = createFakeBrowser();
});

describe('storage migrations', () => {
  it('a new install records the current version and moves nothing', async () => {
    const reports = memoryReports();
    await runMigrations({ local: rawLocal, reports });
    expect(Object.fromEntries(local())).toEqual({ schemaVersion: STORAGE_SCHEMA_VERSION });
    expect(reports.data.size).toBe(0);
  });

  it('storage at the current version is read one key, and left alone', async () => {
    await fake.browser.storage.local.set({ schemaVersion: STORAGE_SCHEMA_VERSION, 'report:old': { x: 1 } });
    fake.browser.reads.length = 0;
    await runMigrations({ local: rawLocal, reports: memoryReports() });
    expect(fake.browser.reads).toEqual([{ area: 'local', keys: 'schemaVersion' }]);
    expect(local().has('report:old')).toBe(true);
  });

  it('1 → 2 moves the report history out of storage.local, after the reports already in IndexedDB', async () => {
    await fake.browser.storage.local.set({
      schemaVersion: 1,
      enabled: false,
      'report:a': { id: 'a' },
      'report:b': { id: 'b' },
      reportIndex: ['a', 'b'],
      reportOutbox: ['b'],
    });
    const reports = memoryReports({ 'report:c': { id: 'c' }, reportIndex: ['c', 'b'], reportOutbox: ['c'] });
    await runMigrations({ local: rawLocal, reports });
    expect(Object.fromEntries(local())).toEqual({ schemaVersion: 2, enabled: false });
    expect(Object.fromEntries(reports.data)).toEqual({
      'report:a': { id: 'a' },
      'report:b': { id: 'b' },
      'report:c': { id: 'c' },
      reportIndex: ['c', 'b', 'a'],
      reportOutbox: ['c', 'b'],
    });
  });

  it('a step that fails leaves the version and the data where they were; the next run does it', async () => {
    await fake.browser.storage.local.set({ schemaVersion: 1, 'report:a': { id: 'a' }, reportIndex: ['a'] });
    await expect(runMigrations({ local: rawLocal, reports: memoryReports({}, true) })).rejects.toThrow('IndexedDB blocked');
    expect(Object.fromEntries(local())).toEqual({ schemaVersion: 1, 'report:a': { id: 'a' }, reportIndex: ['a'] });
    const reports = memoryReports();
    await runMigrations({ local: rawLocal, reports });
    expect(Object.fromEntries(local())).toEqual({ schemaVersion: 2 });
    expect(reports.data.get('reportIndex')).toEqual(['a']);
  });

  it('migrateStorage runs once per page or worker: later calls share the first run', async () => {
    const first = migrateStorage();
    expect(migrateStorage()).toBe(first);
    await first;
    expect(fake.browser.reads.filter((r) => r.keys === 'schemaVersion')).toHaveLength(1);
  });
});
