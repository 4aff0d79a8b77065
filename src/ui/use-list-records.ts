/**
 * The list records in use, for an extension page that labels listings itself (the report page's
 * and the options page's report text): a synced feed's records over the bundled ones
 * (shared/list-store.ts). The bundled records until the stored list has been read, and again
 * after a sync swaps the list (activeList() watches for it).
 */
import { useEffect, useState } from 'preact/hooks';
import { BUNDLED_LIST_RECORDS } from '../core/bundled-list-records';
import type { ListRecords } from '../core/list-schema';
import { activeList } from '../shared/list-store';
import { onStoredListChanged } from '../shared/storage/list';

export function useListRecords(): ListRecords {
  const [records, setRecords] = useState<ListRecords>(BUNDLED_LIST_RECORDS);
  useEffect(() => {
    let live = true;
    const read = () =>
      void activeList().then(
        (active) => live && setRecords(active.records),
        (error: unknown) => console.error('OrgCheck: could not read the list records', error),
      );
    read();
    const stop = onStoredListChanged(read);
    return () => {
      live = false;
      stop();
    };
  }, []);
  return records;
}
