/**
 * The popup's feed section: "Sync now" with progress and result, and the last update's changes
 * (the footer's line about the list in use is ListSource.tsx). The sync itself runs in the
 * background worker (the popup only asks for it and watches the status in storage), so closing
 * the popup mid-sync neither stops nor corrupts it. The pieces it shares with the options page
 * are in src/ui/.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { sendFromExtensionPage } from '../shared/messages';
import { ExpiredNotice, HostResults } from '../ui/FeedHosts';
import { ListChanges } from '../ui/ListChanges';
import { StaleListNotice, stalenessOf } from '../ui/StaleListNotice';
import { SyncNowButton } from '../ui/SyncNowButton';
import { SyncResult } from '../ui/SyncResult';
import { useSyncView } from '../ui/use-sync-view';
import './sync-panel.css';

export function SyncPanel({ onListChanged }: { onListChanged?: () => void }) {
  const [view, setView] = useSyncView();
  const [asked, setAsked] = useState(false);
  const lastUpdateAt = useRef<number | null | undefined>(undefined);

  useEffect(() => {
    if (!view) return;
    const at = view.status.lastUpdate?.at ?? null;
    if (lastUpdateAt.current !== undefined && at !== lastUpdateAt.current) onListChanged?.();
    lastUpdateAt.current = at;
  }, [view, onListChanged]);

  if (!view) return null;
  if (!view.url) {
    // No feed: nothing to sync, but a list that old is still worth saying.
    return stalenessOf(view) !== null ? (
      <section class="sync" data-testid="sync-panel">
        <StaleListNotice view={view} />
      </section>
    ) : null;
  }
  const running = view.running || asked;

  const sync = async () => {
    setAsked(true);
    try {
      setView(await sendFromExtensionPage('syncNow', {}));
    } finally {
      setAsked(false);
    }
  };

  return (
    <section class="sync" aria-labelledby="sync-title" data-testid="sync-panel">
      <h2 id="sync-title" class="visually-hidden">
        {t('feedSectionTitle')}
      </h2>
      <StaleListNotice view={view} />
      <SyncNowButton class="sync-row" running={running} onClick={() => void sync()} />
      <ExpiredNotice view={view} />
      {running ? null : <SyncResult status={view.status} />}
      {running ? null : <HostResults view={view} />}
      {view.status.lastUpdate ? <ListChanges at={view.status.lastUpdate.at} changes={view.status.lastUpdate.changes} /> : null}
    </section>
  );
}
