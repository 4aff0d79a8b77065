/**
 * "Report this page" in the popup: opens the report page for the tab (background/report.ts).
 * Clicking the toolbar button granted activeTab on that tab, so the report may include a
 * screenshot if the user ticks it there.
 */
import { t } from '../shared/i18n';
import { sendFromExtensionPage } from '../shared/messages';

export function ReportButton({ tabId, closePopup }: { tabId: number; closePopup: boolean }) {
  return (
    <p class="report-row">
      <button
        type="button"
        class="report"
        data-action="report"
        onClick={async () => {
          await sendFromExtensionPage('openReport', { source: 'popup', tabId });
          if (closePopup) window.close();
        }}
      >
        {t('reportThisPage')}
      </button>
    </p>
  );
}
