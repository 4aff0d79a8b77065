/**
 * Options page, top: the list OrgCheck uses now (its version and size) and, when it may be out
 * of date, the notice that says so and what to do. The one freshness line of issue 14 item 6
 * (a src/ui/ component) replaces the first line here. How the list is updated is under Advanced.
 */
import { formatVersion } from '../core/feed/version';
import { t } from '../shared/i18n';
import { StaleListNotice } from '../ui/StaleListNotice';
import { useSyncView } from '../ui/use-sync-view';

export function ListStatus() {
  const [view] = useSyncView();
  if (!view) return <section class="options-section" aria-busy="true" />;
  return (
    <section class="options-section" aria-labelledby="list-status-title" data-testid="list-status">
      <h2 id="list-status-title">{t('listStatusTitle')}</h2>
      <p class="muted" data-testid="feed-list-in-use">
        {t('feedListInUse', formatVersion(view.list.version), view.list.count)}
      </p>
      <StaleListNotice view={view} />
    </section>
  );
}
