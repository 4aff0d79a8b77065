/**
 * The feed's sync state from the background worker (getSyncStatus), kept current while the page
 * is open: the popup's sync panel and the options page's feed section both read it.
 */
import { useEffect, useState } from 'preact/hooks';
import { sendFromExtensionPage, type SyncView } from '../shared/messages';
import { onSyncStatusChanged } from '../shared/storage/sync-status';

/** The view from the worker; with `watch`, refreshed whenever the stored sync status changes. */
export function useSyncView(watch = true): [SyncView | undefined, (v: SyncView) => void] {
  const [view, setView] = useState<SyncView>();
  useEffect(() => {
    let alive = true;
    let running = false;
    const refresh = () =>
      void sendFromExtensionPage('getSyncStatus', {})
        .then((v) => {
          running = v.running;
          if (alive) setView(v);
        })
        .catch(() => undefined);
    refresh();
    if (!watch) return () => (alive = false);
    const stop = onSyncStatusChanged(refresh);
    // While a sync runs, also ask now and then: should the worker have been stopped mid-sync,
    // asking starts it again and it records the sync as interrupted.
    const timer = setInterval(() => running && refresh(), 2000);
    return () => {
      alive = false;
      stop();
      clearInterval(timer);
    };
  }, [watch]);
  return [view, setView];
}
