/**
 * Options page, top: the one freshness line (when the list OrgCheck uses was last updated, how
 * many organizations it holds) and, when it may be out of date, the notice that says so and what
 * to do. How the list is updated is under Advanced.
 */
import { freshnessOfView } from '../core/feed/freshness';
import { t } from '../shared/i18n';
import { Freshness } from '../ui/Freshness';
import { StaleListNotice } from '../ui/StaleListNotice';
import { useSyncView } from '../ui/use-sync-view';

export function ListStatus() {
  const [view] = useSyncView();
  if (!view) return <section class="options-section" aria-busy="true" />;
  return (
    <section class="options-section" aria-labelledby="list-status-title" data-testid="list-status">
      <h2 id="list-status-title">{t('listStatusTitle')}</h2>
      <p class="muted" data-testid="feed-list-in-use">
        <Freshness freshness={freshnessOfView(view, Date.now())} />
      </p>
      <StaleListNotice view={view} />
    </section>
  );
}
