/**
 * The v1 feed's hosts in plain words, for the popup and the options page: which host the list in
 * use came from, what each host answered in the last sync (when it failed, why), and "the newest
 * list any host serves has expired". Host names only (never a path): that is what a user can
 * check or tell someone about.
 */
import { hostLabel } from '../core/feed/hosts';
import { formatDate, t } from '../shared/i18n';
import type { SyncView } from '../shared/messages';
import { syncErrorText } from './SyncResult';
import './sync.css';

/** "Received from fastly.jsdelivr.net." while the list in use came from a host. */
export function ServedBy({ view }: { view: SyncView }) {
  const host = view.status.servedBy;
  if (view.list.source !== 'feed' || !host) return null;
  return (
    <span class="served-by" data-testid="list-host" data-host={hostLabel(host)}>
      {t('listServedBy', hostLabel(host))}
    </span>
  );
}

/** Each host's answer in the last sync, in the order tried: shown when it failed, or when a host failed before the one that answered. */
export function HostResults({ view }: { view: SyncView }) {
  const hosts = view.status.hosts ?? [];
  if (view.status.last === null || !hosts.some((h) => h.result === 'error')) return null;
  return (
    <details class="sync-hosts" data-testid="sync-hosts" open={view.status.last.kind === 'error'}>
      <summary>{t('syncHostsTitle')}</summary>
      <ul>
        {hosts.map((h) => (
          <li key={h.host} data-host={hostLabel(h.host)} data-result={h.error?.code ?? h.result}>
            {t(
              'syncHostResult',
              hostLabel(h.host),
              h.error ? syncErrorText(h.error) : t(h.result === 'updated' ? 'syncHostUpdated' : 'syncHostUpToDate'),
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** "The newest list any host serves has expired" after a sync that found nothing newer that was still valid. */
export function ExpiredNotice({ view }: { view: SyncView }) {
  const expired = view.status.expired;
  if (!expired || view.status.last?.kind !== 'error') return null;
  return (
    <p class="stale-list" role="status" data-testid="list-expired">
      {t('listExpiredNotice', formatDate(Date.parse(expired.expires)))}
    </p>
  );
}
