/**
 * Options page, Advanced, "List updates" (for those who run their own list server): the feed URL (changeable; the key built into this copy is not,
 * and the version floor stays: a list older than the one in use is refused from any URL), the
 * sync interval (1 h … 7 d), the last result and "Sync now". The background does the work
 * (background/sync.ts); this page asks it through messages.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { hostPattern, isAllowedFeedUrl } from '../core/url-policy';
import { sendFromExtensionPage } from '../shared/messages';
import { versionDate } from '../core/feed/version';
import { formatDate, formatDateTime, t } from '../shared/i18n';
import { ExpiredNotice, HostResults, ServedBy } from '../ui/FeedHosts';
import { ListChanges } from '../ui/ListChanges';
import { SyncNowButton } from '../ui/SyncNowButton';
import { SyncResult } from '../ui/SyncResult';
import { TechnicalDetail } from '../ui/TechnicalDetail';
import { useHostAccess } from '../ui/use-host-access';
import { useSyncView } from '../ui/use-sync-view';
import { StatusMessage, UrlField, type FormMessage } from './form-parts';

const INTERVALS = [1, 3, 6, 12, 24, 48, 72, 168];

function intervalLabel(hours: number): string {
  return hours % 24 === 0 ? t('intervalDays', hours / 24) : t('intervalHours', hours);
}

export function FeedSection() {
  const [view, setView] = useSyncView();
  const [url, setUrl] = useState('');
  const [message, setMessage] = useState<FormMessage | null>(null);
  const [asked, setAsked] = useState(false);
  const [edited, setEdited] = useState(false);

  useEffect(() => {
    // The field follows the URL in use (an import may change it) until the user types in it.
    if (view && !edited) setUrl(view.url ?? '');
  }, [view?.url]);

  // A URL on a host OrgCheck may not read (an imported one, or access withdrawn since): say so.
  // The built-in URL's host is granted with the extension.
  const access = useHostAccess(view?.url && view.url !== view.builtInUrl ? [hostPattern(view.url)] : null) ?? true;

  if (!view) return <section class="options-subsection" aria-busy="true" />;

  if (!view.feedAvailable) {
    return (
      <section class="options-subsection" aria-labelledby="feed-title" data-testid="feed-section">
        <h3 id="feed-title">{t('feedSectionTitle')}</h3>
        <p>{t('feedNone', formatDate(versionDate(view.bundledVersion)))}</p>
      </section>
    );
  }

  const save = async (next: string | null) => {
    setMessage(null);
    if (next !== null && !isAllowedFeedUrl(next.trim())) {
      setMessage({ text: t('feedUrlInvalid'), error: true });
      return;
    }
    // Asked in the click itself (a user gesture); the built-in URL's host is granted already.
    if (next !== null && !(await browser.permissions.request({ origins: [hostPattern(next.trim())] }).catch(() => false))) {
      setMessage({ text: t('feedPermissionDenied'), error: true });
      return;
    }
    const result = await sendFromExtensionPage('setFeedSettings', { url: next });
    if (!result.ok) {
      setMessage({ text: t('feedUrlInvalid'), error: true });
      return;
    }
    setView(result.view);
    setUrl(result.view.url ?? '');
    setEdited(false);
    setMessage({ text: t('saved'), error: false });
  };

  const setIntervalHours = async (hours: number) => {
    const result = await sendFromExtensionPage('setFeedSettings', { intervalHours: hours });
    if (result.ok) setView(result.view);
  };

  const setManualOnly = async (manualOnly: boolean) => {
    const result = await sendFromExtensionPage('setFeedSettings', { manualOnly });
    if (result.ok) setView(result.view);
  };

  const syncNow = async () => {
    setAsked(true);
    try {
      setView(await sendFromExtensionPage('syncNow', {}));
    } finally {
      setAsked(false);
    }
  };

  const running = view.running || asked;
  const last = view.status.last;

  return (
    <section class="options-subsection" aria-labelledby="feed-title" data-testid="feed-section">
      <h3 id="feed-title">{t('feedSectionTitle')}</h3>
      {view.format === 'legacy' && view.builtInUrl ? (
        <p class="stale-list" role="note" data-testid="feed-legacy">
          {t('feedLegacyFormat')}
        </p>
      ) : null}

      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save(url);
        }}
      >
        <UrlField
          id="feed-url"
          label={t('feedUrlLabel')}
          hint={t('feedUrlHint')}
          value={url}
          onInput={(value) => {
            setUrl(value);
            setEdited(true);
          }}
        />
        {access || !view.url ? null : (
          <p class="row" data-testid="feed-no-access">
            <span>{t('feedNoAccess', new URL(view.url).host)}</span>
            <button
              type="button"
              onClick={() => void browser.permissions.request({ origins: [hostPattern(view.url!)] }).catch(() => undefined)}
            >
              {t('importGrantAccess')}
            </button>
          </p>
        )}
        {view.builtInUrl ? <p class="hint">{t('feedBuiltInUrl', view.builtInUrl)}</p> : null}
        <div class="row">
          <button type="submit">{t('save')}</button>
          {view.builtInUrl && view.url !== view.builtInUrl ? (
            <button type="button" onClick={() => void save(null)}>
              {t('feedUseBuiltIn')}
            </button>
          ) : null}
          <StatusMessage message={message} />
        </div>
      </form>

      <label for="feed-interval">{t('feedIntervalLabel')}</label>
      <select
        id="feed-interval"
        value={String(view.intervalHours)}
        onChange={(e) => void setIntervalHours(Number((e.target as HTMLSelectElement).value))}
      >
        {INTERVALS.map((h) => (
          <option key={h} value={String(h)}>
            {intervalLabel(h)}
          </option>
        ))}
      </select>

      <label class="row">
        <input
          type="checkbox"
          data-testid="feed-manual-only"
          checked={view.manualOnly}
          onChange={(e) => void setManualOnly((e.target as HTMLInputElement).checked)}
        />
        {t('feedManualOnly')}
      </label>
      <p class="hint">{t('feedManualOnlyHint')}</p>

      <h4>{t('feedLastResult')}</h4>
      <ExpiredNotice view={view} />
      {last ? <SyncResult status={view.status} /> : <p class="muted">{t('feedNeverSynced')}</p>}
      <p class="muted">
        <ServedBy view={view} />
      </p>
      <HostResults view={view} />
      {last?.kind === 'error' ? <TechnicalDetail detail={last.error.detail} /> : null}
      {last?.kind === 'updated' ? <TechnicalDetail detail={last.detail} /> : null}
      {view.status.nextAt !== null && view.url && !view.manualOnly ? <p class="muted">{t('feedNextSync', formatDateTime(view.status.nextAt))}</p> : null}
      <SyncNowButton class="row" running={running} onClick={() => void syncNow()} />
      {view.status.lastUpdate ? <ListChanges at={view.status.lastUpdate.at} changes={view.status.lastUpdate.changes} /> : null}
    </section>
  );
}
