/**
 * Asks again about a choice made on the banner ("not this organization", "don't warn on this
 * site", a snooze). A page can lure a click onto its banner; it can't reach this page, so only
 * Confirm here applies the choice (background/confirmations.ts). Cancel, or closing the window,
 * leaves everything as it was. "Report a false warning" opens the report for the page's tab.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PendingChoiceView } from '../core/warning-controls';
import { t } from '../shared/i18n';
import { sendFromExtensionPage } from '../shared/messages';

/**
 * Confirm is off for this long after the page appears: a page can ask for a double click on its
 * banner so that the second click lands on Confirm in the window the first one opened.
 */
const CONFIRM_ARM_MS = 600;

export function ConfirmPage({ tabId }: { tabId: number | undefined }) {
  const [choice, setChoice] = useState<PendingChoiceView | null | 'loading'>('loading');
  const [busy, setBusy] = useState(false);
  const [armed, setArmed] = useState(false);

  useEffect(() => {
    const timer = setTimeout(() => setArmed(true), CONFIRM_ARM_MS);
    return () => clearTimeout(timer);
  }, []);

  useEffect(() => {
    if (tabId === undefined) return setChoice(null);
    void sendFromExtensionPage('getPendingChoice', { tabId }).then(setChoice, () => setChoice(null));
  }, [tabId]);

  if (choice === 'loading') return null;
  if (!choice || tabId === undefined) {
    return (
      <main>
        <h1>{t('confirmTitle')}</h1>
        <p data-testid="confirm-nothing">{t('confirmNothing')}</p>
      </main>
    );
  }

  const settle = async (confirm: boolean) => {
    setBusy(true);
    await sendFromExtensionPage('settleChoice', { tabId, confirm });
    window.close();
  };

  return (
    <main>
      <h1 id="confirm-question" data-testid="confirm-question">
        {question(choice)}
      </h1>
      <p>{t('confirmWhy')}</p>
      <p class="hint">{choice.incognito ? t('confirmPrivate') : t('confirmUndo')}</p>
      <div class="row">
        <button type="button" class="primary" data-action="confirm" disabled={busy || !armed} onClick={() => void settle(true)}>
          {t('confirmYes')}
        </button>
        <button type="button" data-action="cancel" disabled={busy} onClick={() => void settle(false)}>
          {t('confirmCancel')}
        </button>
        <button
          type="button"
          data-action="report"
          disabled={busy}
          onClick={() => void sendFromExtensionPage('openReport', { source: 'banner', tabId })}
        >
          {t('confirmReport')}
        </button>
      </div>
    </main>
  );
}

function question({ control, name }: PendingChoiceView): string {
  switch (control.action) {
    case 'suppress':
      return name ? t('confirmSuppress', name, control.site) : t('confirmSuppressThis', control.site);
    case 'allowSite':
      return t('confirmAllowSite', control.site);
    case 'snooze':
      return control.duration === 'hour' ? t('confirmSnoozeHour') : t('confirmSnoozeDay');
  }
}
