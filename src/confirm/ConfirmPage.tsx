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
/**
 * After the page asked again (the choice shown was swapped for another, issue 18 item 8), Confirm
 * stays off longer: the user's next click was meant for the choice that is gone.
 */
const CONFIRM_ARM_AFTER_SWAP_MS = 2_500;

export function ConfirmPage({ tabId }: { tabId: number | undefined }) {
  const [choice, setChoice] = useState<PendingChoiceView | null | 'loading'>('loading');
  const [busy, setBusy] = useState(false);
  const [armed, setArmed] = useState(false);

  const load = () => {
    if (tabId === undefined) return setChoice(null);
    void sendFromExtensionPage('getPendingChoice', { tabId }).then(setChoice, () => setChoice(null));
  };

  useEffect(load, [tabId]);

  // Armed anew for each choice shown: longer when it replaced another.
  const shownNonce = choice !== 'loading' ? choice?.nonce : undefined;
  const askedAgain = choice !== 'loading' && !!choice?.askedAgain;
  useEffect(() => {
    setArmed(false);
    const timer = setTimeout(() => setArmed(true), askedAgain ? CONFIRM_ARM_AFTER_SWAP_MS : CONFIRM_ARM_MS);
    return () => clearTimeout(timer);
  }, [shownNonce, askedAgain]);

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
    // The nonce of the choice shown: if the page swapped it meanwhile, nothing is applied.
    const { ok } = await sendFromExtensionPage('settleChoice', { tabId, confirm, nonce: choice.nonce });
    if (ok || !confirm) return window.close();
    setBusy(false);
    load();
  };

  return (
    <main>
      <h1 id="confirm-question" data-testid="confirm-question">
        {question(choice)}
      </h1>
      {choice.askedAgain ? (
        <p class="asked-again" data-testid="confirm-asked-again" role="alert">
          {t('confirmAskedAgain')}
        </p>
      ) : null}
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
