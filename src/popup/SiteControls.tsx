/**
 * The choices in force for the tab's site, each with its undo: warnings turned off here, the
 * global snooze, organizations marked "not this organization" here (they leave the badge count
 * and are listed here), and the banner closed here this session. The banner's choices are made
 * on the confirmation page (src/confirm/); this is where they are seen and undone.
 */
import type { TabFindings } from '../shared/findings';
import type { WarningControl } from '../core/warning-controls';
import { formatDateTime, t } from '../shared/i18n';
import { sendFromExtensionPage } from '../shared/messages';

export function SiteControls({ tab, onChange }: { tab: TabFindings; onChange: (tab: TabFindings) => void }) {
  const { site } = tab;
  const apply = async (control: WarningControl) => {
    const next = await sendFromExtensionPage('warningControl', { control, tabId: tab.tabId });
    if (next) onChange(next);
  };
  const items = [];
  if (site && tab.allowlisted) {
    items.push(
      <li key="allow" data-testid="site-allowlisted">
        {t('siteAllowlisted', site)}{' '}
        <button type="button" onClick={() => void apply({ action: 'allowSite', site, on: false })}>
          {t('turnWarningsOn')}
        </button>
      </li>,
    );
  }
  if (tab.snoozeUntil) {
    items.push(
      <li key="snooze" data-testid="snoozed">
        {t('snoozedUntil', formatDateTime(tab.snoozeUntil))}{' '}
        <button type="button" onClick={() => void apply({ action: 'snooze', duration: null })}>
          {t('resumeWarnings')}
        </button>
      </li>,
    );
  }
  for (const s of tab.suppressed) {
    if (!site) break;
    items.push(
      <li key={`s-${s.id}`} data-testid="suppressed">
        {t('suppressedOnSite', s.zh)}{' '}
        <button type="button" onClick={() => void apply({ action: 'suppress', site, entryId: s.id, on: false })}>
          {t('undo')}
        </button>
      </li>,
    );
  }
  if (site && tab.banner === 'dismissed') {
    items.push(
      <li key="dismissed" data-testid="dismissed">
        {t('bannerDismissedNote')}{' '}
        <button type="button" onClick={() => void apply({ action: 'undismiss', site })}>
          {t('showBannerAgain')}
        </button>
      </li>,
    );
  }
  if (!items.length) return null;
  return (
    <section aria-labelledby="site-title" class="site-controls">
      <h2 id="site-title">{t('siteControlsTitle')}</h2>
      <ul>{items}</ul>
    </section>
  );
}
