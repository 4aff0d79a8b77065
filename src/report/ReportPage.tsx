/**
 * The report page (src/report/index.html?tab=<id>&source=popup|context-menu|banner), opened by
 * "Report this page". It leads with the action: a plain summary (what page, which organizations,
 * when), the user's note (and, when the report was started from the toolbar popup or the context
 * menu, a screenshot), then the primary button that copies the Chinese text and opens the official
 * complaint channel. Below: copy and downloads (the screenshot as a PNG to attach to the official
 * form), and, collapsed, exactly what the report holds, as text and as JSON, all rendered as text.
 * Nothing leaves until the user picks a way out; the endpoint set in the options (through the
 * outbox, background/report-outbox.ts) is offered only when one is set.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { finishReport, reportFileName, reportJson, type Report, type ReportDraft, type ReportSource } from '../core/report';
import { maySendAgain, type ReportAction, type ReportRecord } from '../core/report-outbox';
import { CHINANPO_URL, reportText, type ReportLanguage } from '../core/report-text';
import { t, uiLanguage } from '../shared/i18n';
import { sendFromExtensionPage } from '../shared/messages';
import type { ReportSettings } from '../shared/storage/areas';
import { onReportsChanged, reportStore } from '../shared/storage/reports';
import { localStore } from '../shared/storage/wrapper';
import { DeliveryState } from '../ui/DeliveryState';
import { downloadBlob, downloadText } from '../ui/download-text';
import { hostOf } from '../ui/host-of';
import { TechnicalDetail } from '../ui/TechnicalDetail';
import { useListRecords } from '../ui/use-list-records';
import { ReportSummary } from './ReportSummary';
import { screenshotPngBlob } from './screenshot-png';

type Loaded = { kind: 'loading' } | { kind: 'error'; error: 'no-tab' | 'no-tab-param' | 'failed' } | { kind: 'ok'; draft: ReportDraft; private: boolean };
type Shot = { kind: 'none' } | { kind: 'taking' } | { kind: 'ok'; dataUrl: string } | { kind: 'error'; error: string };

export function ReportPage({ tabId, source }: { tabId: number | undefined; source: ReportSource }) {
  // The text names each listing's list by the records in use (a synced feed's included).
  const records = useListRecords();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [note, setNote] = useState('');
  const [shot, setShot] = useState<Shot>({ kind: 'none' });
  const [lang, setLang] = useState<ReportLanguage>(uiLanguage().toLowerCase().startsWith('zh') ? 'zh' : 'en');
  const [record, setRecord] = useState<ReportRecord | null>(null);
  const [settings, setSettings] = useState<ReportSettings | null>(null);
  // What the last action did, said next to where it was done: by the complaint and send buttons, or by the copies.
  const [status, setStatus] = useState<{ text: string; error: boolean; near: 'send' | 'save' } | null>(null);

  useEffect(() => {
    if (tabId === undefined) {
      setLoaded({ kind: 'error', error: 'no-tab-param' });
      return;
    }
    sendFromExtensionPage('getReportDraft', { tabId, source }).then(
      (r) => setLoaded(r.ok ? { kind: 'ok', draft: r.draft, private: r.private } : { kind: 'error', error: r.error }),
      (error: unknown) => {
        // The worker did not answer (it failed, or the extension was reloaded): say so, not "loading" for ever.
        console.error('OrgCheck: could not build the report', error);
        setLoaded({ kind: 'error', error: 'failed' });
      },
    );
  }, [tabId, source]);

  const id = loaded.kind === 'ok' ? loaded.draft.id : null;
  useEffect(() => {
    const refresh = () => {
      void localStore.get('reportSettings').then(setSettings);
      if (id) void reportStore.get(id).then(setRecord);
    };
    refresh();
    return onReportsChanged(refresh);
  }, [id]);

  // Once queued for the endpoint, the report is what was queued: it no longer changes.
  const locked = !!record?.delivery;
  const report: Report | null = useMemo(() => {
    if (locked) return record!.report;
    if (loaded.kind !== 'ok') return null;
    return finishReport(loaded.draft, note, shot.kind === 'ok' ? shot.dataUrl : null);
  }, [loaded, note, shot, locked, record]);

  if (loaded.kind === 'loading') return <main aria-busy="true"><h1>{t('reportTitle')}</h1><p class="muted">{t('reportLoading')}</p></main>;
  if (loaded.kind === 'error' || !report) {
    return (
      <main>
        <h1>{t('reportTitle')}</h1>
        <p class="error" role="alert" data-testid="report-load-error">
          {loaded.kind === 'error' && loaded.error === 'failed' ? t('reportLoadFailed') : t('reportNoTab')}
        </p>
      </main>
    );
  }

  const save = (action: ReportAction) => sendFromExtensionPage('saveReport', { report, action }).then((r) => r && setRecord(r));
  const say = (near: 'send' | 'save', text: string, error = false) => setStatus({ text, error, near });

  const copy = async (language: ReportLanguage, action: ReportAction): Promise<boolean> => {
    try {
      await navigator.clipboard.writeText(reportText(report, language, records));
      await save(action);
      return true;
    } catch {
      say(action === 'complaint' ? 'send' : 'save', t('reportCopyFailed'), true);
      return false;
    }
  };

  const toggleShot = async (on: boolean) => {
    if (!on) {
      setShot({ kind: 'none' });
      return;
    }
    if (tabId === undefined) return;
    setShot({ kind: 'taking' });
    try {
      const r = await sendFromExtensionPage('captureScreenshot', { tabId });
      setShot(r.ok ? { kind: 'ok', dataUrl: r.dataUrl } : { kind: 'error', error: r.error });
    } catch (error) {
      // No answer from the worker: the checkbox must not stay disabled on "taking".
      setShot({ kind: 'error', error: error instanceof Error ? error.message : String(error) });
    }
  };

  const send = async () => {
    const r = await sendFromExtensionPage('sendReport', { report });
    if (r.ok) setRecord(r.record);
    else say('send', r.error === 'no-endpoint' ? t('reportNoEndpoint') : t('reportInvalid'), true);
  };

  const json = reportJson(report);
  const shownJson = report.screenshot
    ? reportJson({ ...report, screenshot: t('reportScreenshotInJson', report.screenshot.slice(0, 40), Math.round(report.screenshot.length / 1024)) })
    : json;
  const text = reportText(report, lang, records);
  const fileName = reportFileName(report);
  const canShoot = source !== 'banner';

  const openComplaint = async () => {
    // Copied first, while this page still has the focus (the clipboard refuses a page without it),
    // then the channel opens in a new tab, still within the click's user activation.
    const ok = await copy('zh', 'complaint');
    window.open(CHINANPO_URL, '_blank', 'noopener,noreferrer');
    if (ok) say('send', t('reportComplaintCopied'));
  };

  const saveScreenshot = async () => {
    if (!report.screenshot) return;
    try {
      downloadBlob(`${fileName}.png`, await screenshotPngBlob(report.screenshot));
    } catch (error) {
      console.error('OrgCheck: could not save the screenshot', error);
      say('save', t('reportScreenshotSaveFailed'), true);
    }
  };

  return (
    <main data-report-id={report.id}>
      <h1>{t('reportTitle')}</h1>
      <ReportSummary report={report} />
      {loaded.private ? <p class="hint" data-testid="report-private">{t('reportPrivate')}</p> : null}
      {!report.organizations.length ? <p class="hint" data-testid="no-organizations">{t('reportNoOrganizations')}</p> : null}

      <section aria-labelledby="r-add">
        <h2 id="r-add">{t('reportAddTitle')}</h2>
        <label for="r-note">{t('reportNoteLabel')}</label>
        <textarea
          id="r-note"
          value={locked ? (report.note ?? '') : note}
          disabled={locked}
          maxLength={2000}
          placeholder={t('reportNotePlaceholder')}
          onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)}
        />
        {canShoot ? (
          <label class="check">
            <input
              type="checkbox"
              data-testid="screenshot"
              checked={locked ? !!report.screenshot : shot.kind === 'ok' || shot.kind === 'taking'}
              disabled={locked || shot.kind === 'taking'}
              onChange={(e) => void toggleShot((e.target as HTMLInputElement).checked)}
            />
            {t('reportScreenshotLabel')}
          </label>
        ) : (
          <p class="hint">{t('reportScreenshotBannerHint')}</p>
        )}
        {shot.kind === 'taking' ? <p class="muted" role="status">{t('reportScreenshotTaking')}</p> : null}
        {shot.kind === 'error' ? (
          <div class="error" role="alert" data-testid="screenshot-error">
            {shot.error === 'no-permission' ? (
              t('reportScreenshotNoPermission')
            ) : shot.error === 'not-visible' ? (
              t('reportScreenshotHidden')
            ) : (
              <>
                {t('reportScreenshotFailed')}
                <TechnicalDetail detail={shot.error} />
              </>
            )}
          </div>
        ) : null}
      </section>

      <section aria-labelledby="r-out" class="primary-action">
        <h2 id="r-out" class="visually-hidden">{t('reportWaysOut')}</h2>
        {/* A link (its address shows, and a middle click opens it), behaving as the button: copy, then open. */}
        <a
          class="button primary"
          href={CHINANPO_URL}
          target="_blank"
          rel="noopener noreferrer"
          data-action="complaint"
          onClick={(e) => {
            if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey) return;
            e.preventDefault();
            void openComplaint();
          }}
        >
          {t('reportComplaint')}
        </a>
        <p class="hint">{t('reportComplaintHint')}</p>
        {status?.near === 'send' ? <StatusLine {...status} /> : null}
        {settings?.endpoint ? (
          <div class="row" data-testid="endpoint-line">
            <button type="button" data-action="send" disabled={!maySendAgain(record?.delivery ?? null)} onClick={() => void send()}>
              {t('reportSend', hostOf(settings.endpoint))}
            </button>
            {record?.delivery ? <DeliveryState delivery={record.delivery} /> : null}
            {record?.delivery?.state === 'queued' || record?.delivery?.state === 'rejected' || record?.delivery?.state === 'stopped' ? (
              <button type="button" data-action="retry" onClick={() => void sendFromExtensionPage('retryReport', { id: report.id }).then((r) => r && setRecord(r))}>
                {t('reportRetry')}
              </button>
            ) : null}
          </div>
        ) : null}
        {record ? <p class="muted" data-testid="report-saved">{loaded.private ? t('reportInSessionHistory') : t('reportInHistory')}</p> : null}
      </section>

      <section aria-labelledby="r-save">
        <h2 id="r-save">{t('reportSaveTitle')}</h2>
        {report.screenshot ? (
          <div class="shot-box">
            <img class="shot" src={report.screenshot} alt={t('reportScreenshotAlt')} data-testid="screenshot-image" />
            <button type="button" data-action="download-png" onClick={() => void saveScreenshot()}>
              {t('reportScreenshotSave')}
            </button>
          </div>
        ) : null}
        <div class="row" role="radiogroup" aria-label={t('reportTextLanguage')}>
          <span>{t('reportTextLanguage')}:</span>
          {(['zh', 'en'] as const).map((l) => (
            <label class="check" key={l}>
              <input type="radio" name="lang" value={l} checked={lang === l} onChange={() => setLang(l)} />
              {l === 'zh' ? '中文' : 'English'}
            </label>
          ))}
        </div>
        <div class="row">
          <button type="button" data-action="copy" onClick={async () => (await copy(lang, lang === 'zh' ? 'copy-zh' : 'copy-en')) && say('save', t('reportCopied'))}>
            {t('reportCopy')}
          </button>
          <button
            type="button"
            data-action="download-txt"
            onClick={() => {
              downloadText(`${fileName}.txt`, 'text/plain;charset=utf-8', text);
              void save('download-txt').then(() => say('save', t('reportDownloaded')));
            }}
          >
            {t('reportDownloadTxt')}
          </button>
          <button
            type="button"
            data-action="download-json"
            onClick={() => {
              downloadText(`${fileName}.json`, 'application/json', json + '\n');
              void save('download-json').then(() => say('save', t('reportDownloaded')));
            }}
          >
            {t('reportDownloadJson')}
          </button>
        </div>
        {status?.near === 'save' ? <StatusLine {...status} /> : null}
        <details class="preview" data-testid="report-details">
          <summary>{t('reportPreviewTitle')}</summary>
          <p class="hint">{t('reportIntro')}</p>
          <h3>{t('reportPreviewText')}</h3>
          <pre data-testid="report-text" lang={lang === 'zh' ? 'zh-CN' : 'en'} tabIndex={0}>{text}</pre>
          <h3>{t('reportPreviewJson')}</h3>
          <pre data-testid="report-json" tabIndex={0}>{shownJson}</pre>
        </details>
      </section>
    </main>
  );
}

function StatusLine({ text, error }: { text: string; error: boolean }) {
  return (
    <p role={error ? 'alert' : 'status'} class={error ? 'error' : 'ok'} data-testid="report-status">
      {text}
    </p>
  );
}
