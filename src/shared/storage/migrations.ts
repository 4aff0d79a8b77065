/**
 * Migrations by schema version. Each entry point (the worker, every extension page) calls
 * migrateStorageAtStart() once when it starts, before it reads what a migration moves; content scripts
 * read nothing a migration has moved so far (the compiled list and the switch) and don't call it.
 * Concurrent runs (the worker and a page starting together) are safe: every step can run twice.
 */
import { STORAGE_SCHEMA_VERSION } from './areas';
import { idbReports, type KeyValueArea } from './report-area';
import { rawLocal, type RawArea } from './wrapper';

/** What the migrations read and write: storage.local, and the report history (IndexedDB). */
export interface MigrationTargets {
  local: RawArea;
  reports: KeyValueArea;
}

/**
 * migrations[n - 1] takes storage from version n to n + 1, doing its own reads and writes; the
 * version is recorded after each step, so an interrupted run resumes with the step it was in.
 */
const migrations: Array<(targets: MigrationTargets) => Promise<void>> = [
  // 1 → 2: the report history moves from storage.local (readable by every content script, and
  // every write sent to every frame's change listener) to IndexedDB.
  moveReportsToIndexedDb,
];

/** Brings storage to STORAGE_SCHEMA_VERSION (`targets`: the real areas, or a test's). */
export async function runMigrations(targets: MigrationTargets, latest = STORAGE_SCHEMA_VERSION): Promise<void> {
  // Only the version first: with a synced list the area holds megabytes, and reading all of it
  // on every start would cost time.
  const found = (await targets.local.get('schemaVersion')).schemaVersion;
  if (found === latest) return;
  if (typeof found !== 'number') {
    // A new install (or storage from before versions): nothing to migrate.
    await targets.local.set({ schemaVersion: latest });
    return;
  }
  for (let version = found; version < latest; version++) {
    await migrations[version - 1]!(targets);
    await targets.local.set({ schemaVersion: version + 1 });
  }
}

let migrating: Promise<void> | undefined;

/** Brings storage to STORAGE_SCHEMA_VERSION; call once when an entry point starts (later calls share the first). */
export function migrateStorage(): Promise<void> {
  migrating ??= runMigrations({ local: rawLocal, reports: idbReports }).catch((error: unknown) => {
    migrating = undefined;
    throw error;
  });
  return migrating;
}

async function moveReportsToIndexedDb({ local, reports }: MigrationTargets): Promise<void> {
  const area = await local.get(null);
  const keys = Object.keys(area).filter((k) => k.startsWith('report:'));
  const oldIndex = Array.isArray(area.reportIndex) ? (area.reportIndex as string[]) : [];
  const oldOutbox = Array.isArray(area.reportOutbox) ? (area.reportOutbox as string[]) : [];
  if (keys.length || oldIndex.length || oldOutbox.length) {
    const current = await reports.get(['reportIndex', 'reportOutbox']);
    const index = (current.reportIndex as string[] | undefined) ?? [];
    const outbox = (current.reportOutbox as string[] | undefined) ?? [];
    // Reports made after the upgrade (already in IndexedDB) are the newer ones: first.
    await reports.set({
      ...Object.fromEntries(keys.map((k) => [k, area[k]])),
      reportIndex: [...index, ...oldIndex.filter((id) => !index.includes(id))],
      reportOutbox: [...outbox, ...oldOutbox.filter((id) => !outbox.includes(id))],
    });
  }
  await local.remove([...keys, 'reportIndex', 'reportOutbox']);
}

/**
 * migrateStorage() as an entry point (the worker, a page) starts: a failed run is logged and the
 * page opens, the worker goes on, all the same (nothing is lost: what was not moved stays where it
 * was, and the next start tries again).
 */
export async function migrateStorageAtStart(): Promise<void> {
  await migrateStorage().catch((error: unknown) => console.error('OrgCheck: cannot migrate storage', error));
}
