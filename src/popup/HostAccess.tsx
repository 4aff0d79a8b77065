/**
 * Firefox lets the user revoke an add-on's access to websites. Without it the content script
 * never runs and OrgCheck warns about nothing, silently. This notice appears in the popup only
 * then, and asks for the access again: the origins the content script is declared for in the
 * manifest, nothing more.
 *
 * Firefox only: Chrome's permissions.contains() answers for declared host_permissions, which
 * OrgCheck doesn't ask for (its content scripts' matches are granted separately), so there it
 * would always say "no" and nag every user.
 */
import { useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t } from '../shared/i18n';
import { useHostAccess } from '../ui/use-host-access';
import './host-access.css';

/** The match patterns of the manifest's content scripts ("http://*\/*", "https://*\/*"). */
export function contentScriptOrigins(): string[] {
  const scripts = browser.runtime.getManifest().content_scripts ?? [];
  return [...new Set(scripts.flatMap((s) => s.matches ?? []))];
}

/** runtime.getBrowserInfo exists in Firefox only. */
function isFirefox(): boolean {
  return typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function';
}

export function HostAccess() {
  const origins = useMemo(contentScriptOrigins, []);
  const granted = useHostAccess(isFirefox() ? origins : null);
  const [denied, setDenied] = useState(false);

  if (granted !== false) return null;

  // permissions.request must run in the click's own task (user gesture): no await before it.
  // Firefox may close the popup while its prompt is open; the next popup shows the outcome.
  const ask = () => {
    setDenied(false);
    // Granted: useHostAccess hears permissions.onAdded and the notice goes.
    void browser.permissions.request({ origins }).then(
      (ok) => setDenied(!ok),
      () => setDenied(true),
    );
  };

  return (
    <section class="host-access" aria-labelledby="host-access-title" data-testid="host-access">
      <h2 id="host-access-title">{t('hostAccessTitle')}</h2>
      <p>{t('hostAccessMissing')}</p>
      <button type="button" onClick={ask}>
        {t('hostAccessGrant')}
      </button>
      {denied ? (
        <p class="denied" role="status">
          {t('hostAccessDenied')}
        </p>
      ) : null}
    </section>
  );
}
