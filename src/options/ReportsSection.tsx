/**
 * Options page, "Reports": the history of reports, each with its page, organizations, what was
 * done with it and its delivery state; view, download, retry, delete, and export all. The
 * background keeps the records (background/report-outbox.ts); this page reads them from storage
 * and asks the background for every change. The endpoint is set under "Advanced"
 * (ReportEndpointSection.tsx).
 */
import { useState } from 'preact/hooks';
import { reportFileName, reportJson } from '../core/report';
import type { ReportAction } from '../core/report-outbox';
import { reportText } from '../core/report-text';
import { formatDateTime, listOf, t, uiLanguage } from '../shared/i18n';
import { sendFromExtensionPage } from '../shared/messages';
import { DeliveryState } from '../ui/DeliveryState';
import { downloadText } from '../ui/download-text';
import { hostOf } from '../ui/host-of';
import { useListRecords } from '../ui/use-list-records';
import './report-history.css';
import { useReports, type Listed } from './use-reports';

export function ReportsSection() {
  const { records, endpoint } = useReports();
  return (
    <section class="options-section" aria-labelledby="reports-title" data-testid="reports-section">
      <h2 id="reports-title">{t('reportsSectionTitle')}</h2>
      <h3>{t('reportHistoryTitle')}</h3>
      {records === null ? null : records.length ? (
        <>
          <div class="row">
            <button
              type="button"
              data-action="export-all"
              onClick={() =>
                downloadText(
                  `orgcheck-reports-${new Date().toISOString().slice(0, 10)}.json`,
                  'application/json',
                  JSON.stringify(records.map((r) => ({ ...(JSON.parse(reportJson(r.report)) as object), delivery: r.delivery, actions: r.actions })), null, 2) + '\n',
                )
              }
            >
              {t('reportExportAll', records.length)}
            </button>
          </div>
          <ul class="report-history" data-testid="report-history">
            {records.map((r) => (
              <ReportItem key={r.report.id} record={r} endpoint={endpoint ?? null} />
            ))}
          </ul>
        </>
      ) : (
        <p class="muted">{t('reportHistoryEmpty')}</p>
      )}
    </section>
  );
}

const ACTION_KEYS: Record<ReportAction, string> = {
  'copy-zh': 'reportActionCopyZh',
  'copy-en': 'reportActionCopyEn',
  'download-json': 'reportActionJson',
  'download-txt': 'reportActionTxt',
  complaint: 'reportActionComplaint',
  send: 'reportActionSend',
};

function ReportItem({ record, endpoint }: { record: Listed; endpoint: string | null }) {
  // The text names each listing's list by the records in use (a synced feed's included).
  const records = useListRecords();
  const [open, setOpen] = useState(false);
  const { report, delivery } = record;
  const actions = [...new Set(record.actions.map((a) => a.kind))].map((k) => t(ACTION_KEYS[k]));
  const lang = uiLanguage().toLowerCase().startsWith('zh') ? 'zh' : 'en';
  return (
    <li class="report-item" data-report-id={report.id} data-state={delivery?.state ?? 'none'}>
      <div>
        <strong>{formatDateTime(Date.parse(report.createdAt))}</strong> · <span class="url">{report.url}</span>
      </div>
      <div class="muted">
        {report.organizations.length ? listOf(report.organizations.map((o) => o.name)) : t('reportNoOrganizationsShort')}
        {actions.length ? ` · ${listOf(actions)}` : ''}
      </div>
      {record.private ? (
        <div class="muted" data-testid="report-private">
          {t('reportHistoryPrivate')}
        </div>
      ) : null}
      <div class="row">
        <DeliveryState delivery={delivery} />
      </div>
      <div class="row">
        <button type="button" data-action="view" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t('reportHide') : t('reportView')}
        </button>
        <button type="button" data-action="download-json" onClick={() => downloadText(`${reportFileName(report)}.json`, 'application/json', reportJson(report) + '\n')}>
          {t('reportDownloadJson')}
        </button>
        {endpoint && (delivery?.state === 'queued' || delivery?.state === 'rejected' || delivery?.state === 'stopped') ? (
          // Retry sends to the endpoint set now: named when it is not the one the report was queued for.
          <button type="button" data-action="retry" onClick={() => void sendFromExtensionPage('retryReport', { id: report.id })}>
            {delivery.endpoint === endpoint ? t('reportRetry') : t('reportSend', hostOf(endpoint))}
          </button>
        ) : null}
        <button type="button" data-action="delete" onClick={() => void sendFromExtensionPage('deleteReport', { id: report.id })}>
          {t('reportDelete')}
        </button>
      </div>
      {open ? (
        <div class="report-view">
          {report.screenshot ? <img class="shot" src={report.screenshot} alt={t('reportScreenshotAlt')} style={{ maxWidth: '100%' }} /> : null}
          {/* Focusable: a keyboard can scroll them (long lines scroll sideways). */}
          <pre data-testid="history-text" tabIndex={0}>{reportText(report, lang, records)}</pre>
          <pre data-testid="history-json" tabIndex={0}>
            {report.screenshot ? reportJson({ ...report, screenshot: t('reportScreenshotInJson', report.screenshot.slice(0, 40), Math.round(report.screenshot.length / 1024)) }) : reportJson(report)}
          </pre>
        </div>
      ) : null}
    </li>
  );
}
