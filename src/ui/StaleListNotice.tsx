/**
 * "The list may be out of date" (rule: core/feed/staleness.ts), with since when and what to do;
 * nothing while the list is current. For the popup's sync panel and the options page.
 */
import { listStaleness, type Staleness } from '../core/feed/staleness';
import { formatDate, formatDateTime, t } from '../shared/i18n';
import type { SyncView } from '../shared/messages';
import './sync.css';

/** How stale the list in `view` is, or null while it is current. */
export function stalenessOf(view: SyncView, now = Date.now()): Staleness | null {
  return listStaleness({ hasFeed: view.url !== null, lastSuccessAt: view.status.lastSuccessAt, listVersion: view.list.version }, now);
}

export function StaleListNotice({ view }: { view: SyncView }) {
  const stale = stalenessOf(view);
  if (!stale) return null;
  const text =
    stale.kind === 'checked'
      ? t('listStaleChecked', formatDateTime(stale.since))
      : t(stale.kind === 'dated' ? 'listStaleDated' : 'listStaleNoFeed', formatDate(stale.since));
  return (
    <p class="stale-list" role="status" data-testid="list-stale" data-kind={stale.kind}>
      {text}
    </p>
  );
}
