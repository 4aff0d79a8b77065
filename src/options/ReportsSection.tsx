/**
 * Options page, "Reports": the report endpoint (where "Send" POSTs reports; none by default), and
 * the history of reports: each with its page, organizations, what was done with it and its
 * delivery state; view, download, retry, delete, and export all. The background keeps the
 * records (background/report-outbox.ts); this page reads them from storage and asks the
 * background for every change.
 *
 * Changing or removing the endpoint while reports wait to be sent to it first asks what to do
 * with them (send them to the new endpoint, keep them unsent, or delete them); nothing is saved
 * until the user answers. Whatever the answer, none of them goes to the old endpoint again.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { reportFileName, reportJson } from '../core/report';
import { hostPattern, isAllowedEndpoint } from '../core/url-policy';
import { isPending, type PendingChoice, type ReportAction, type ReportRecord } from '../core/report-outbox';
import { reportText } from '../core/report-text';
import { formatDateTime, listOf, t, uiLanguage } from '../shared/i18n';
import { sendFromExtensionPage } from '../shared/messages';
import { onReportsChanged, reportStore } from '../shared/storage/reports';
import { localStore } from '../shared/storage/wrapper';
import { DeliveryState } from '../ui/DeliveryState';
import { downloadText } from '../ui/download-text';
import { hostOf } from '../ui/host-of';
import './report-history.css';
import { StatusMessage, UrlField, type FormMessage } from './form-parts';

/** A record, and whether it is a private window's (kept in storage.session until the browser closes). */
type Listed = ReportRecord & { private?: boolean };

function useReports(): { records: Listed[] | null; endpoint: string | null | undefined } {
  const [records, setRecords] = useState<Listed[] | null>(null);
  const [endpoint, setEndpoint] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    const refresh = async () => {
      const [ids, privateIds, settings] = await Promise.all([
        reportStore.ids('reportIndex', 'local'),
        reportStore.ids('reportIndex', 'session'),
        localStore.get('reportSettings'),
      ]);
      setEndpoint(settings.endpoint ?? null);
      const [kept, forgotten] = await Promise.all([reportStore.getMany(ids, 'local'), reportStore.getMany(privateIds, 'session')]);
      // Newest first, across both.
      setRecords([...kept, ...forgotten.map((r) => ({ ...r, private: true }))].sort((a, b) => b.savedAt - a.savedAt));
    };
    void refresh();
    return onReportsChanged(() => void refresh());
  }, []);
  return { records, endpoint };
}

export function ReportsSection() {
  const { records, endpoint } = useReports();
  return (
    <section class="options-section" aria-labelledby="reports-title" data-testid="reports-section">
      <h2 id="reports-title">{t('reportsSectionTitle')}</h2>
      {endpoint === undefined || records === null ? null : (
        <EndpointForm key={endpoint ?? ''} current={endpoint} queued={records.filter((r) => isPending(r.delivery)).length} />
      )}
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

function EndpointForm({ current, queued }: { current: string | null; queued: number }) {
  const [value, setValue] = useState(current ?? '');
  const [message, setMessage] = useState<FormMessage | null>(null);
  /** The endpoint about to be saved while reports wait for the current one: the question is shown. */
  const [asking, setAsking] = useState<{ next: string | null } | null>(null);

  const save = (next: string | null) => {
    setMessage(null);
    const trimmed = next?.trim() || null;
    if (trimmed !== null && !isAllowedEndpoint(trimmed)) {
      setMessage({ text: t('reportEndpointInvalid'), error: true });
      return;
    }
    // Reports wait for the endpoint being replaced: ask first, save nothing yet.
    if (trimmed !== current && queued > 0) {
      setAsking({ next: trimmed });
      return;
    }
    void commit(trimmed, 'keep');
  };

  // Called in the click's handler (Save, or an answer to the question): see permissions.request below.
  const commit = async (trimmed: string | null, pending: PendingChoice) => {
    setAsking(null);
    // permissions.request is called here, synchronously in the click's handler (no await before
    // it: Firefox refuses a request made outside the user gesture, e.g. in a .then). Already
    // granted, it resolves true without asking. Not awaited before saving: with access, the
    // worker's POST needs no CORS from the endpoint; without it, the endpoint must allow it.
    const access = trimmed ? browser.permissions.request({ origins: [hostPattern(trimmed)] }).catch(() => false) : Promise.resolve(true);
    const result = await sendFromExtensionPage('setReportEndpoint', { endpoint: trimmed, pending });
    if (!result.ok) {
      setMessage({ text: t('reportEndpointInvalid'), error: true });
      return;
    }
    setValue(trimmed ?? '');
    setMessage({ text: t('saved'), error: false });
    void access.then((granted) => {
      if (!granted && trimmed) setMessage({ text: `${t('saved')} ${t('reportEndpointCors')}`, error: false });
    });
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save(value);
      }}
    >
      <UrlField
        id="report-endpoint"
        label={t('reportEndpointLabel')}
        hint={t('reportEndpointHint')}
        value={value}
        placeholder="https://"
        onInput={setValue}
      />
      <div class="row">
        <button type="submit" data-action="save-endpoint">
          {t('save')}
        </button>
        {current ? (
          <button type="button" data-action="remove-endpoint" onClick={() => save(null)}>
            {t('reportEndpointRemove')}
          </button>
        ) : null}
        <StatusMessage message={message} />
      </div>
      {asking && current ? (
        <QueuedQuestion
          count={queued}
          current={current}
          next={asking.next}
          answer={(choice) => (choice === 'cancel' ? setAsking(null) : void commit(asking.next, choice))}
        />
      ) : null}
    </form>
  );
}

/** What to do with the reports waiting for the endpoint being changed or removed. */
function QueuedQuestion(props: { count: number; current: string; next: string | null; answer: (choice: PendingChoice | 'cancel') => void }) {
  return (
    <div class="question" role="group" aria-labelledby="queued-question" data-testid="queued-question">
      <p id="queued-question">{t('reportPendingQuestion', props.count, hostOf(props.current))}</p>
      <div class="row">
        {props.next ? (
          <button type="button" data-action="queued-send-to-new" onClick={() => props.answer('send-to-new')}>
            {t('reportPendingSendToNew', hostOf(props.next))}
          </button>
        ) : null}
        <button type="button" data-action="queued-keep" onClick={() => props.answer('keep')}>
          {t('reportPendingKeep')}
        </button>
        <button type="button" data-action="queued-delete" onClick={() => props.answer('delete')}>
          {t('reportPendingDelete')}
        </button>
        <button type="button" data-action="queued-cancel" onClick={() => props.answer('cancel')}>
          {t('reportPendingCancel')}
        </button>
      </div>
    </div>
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
          <pre data-testid="history-text" tabIndex={0}>{reportText(report, lang)}</pre>
          <pre data-testid="history-json" tabIndex={0}>
            {report.screenshot ? reportJson({ ...report, screenshot: t('reportScreenshotInJson', report.screenshot.slice(0, 40), Math.round(report.screenshot.length / 1024)) }) : reportJson(report)}
          </pre>
        </div>
      ) : null}
    </li>
  );
}
