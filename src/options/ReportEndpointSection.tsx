/**
 * Options page, Advanced: the report endpoint, where "Send" on the report page POSTs reports (none
 * by default: nothing is ever sent). For organizations that collect reports on their own server.
 *
 * Changing or removing the endpoint while reports wait to be sent to it first asks what to do
 * with them (send them to the new endpoint, keep them unsent, or delete them); nothing is saved
 * until the user answers. Whatever the answer, none of them goes to the old endpoint again.
 */
import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { hostPattern, isAllowedEndpoint } from '../core/url-policy';
import { isPending, type PendingChoice } from '../core/report-outbox';
import { t } from '../shared/i18n';
import { sendFromExtensionPage } from '../shared/messages';
import { hostOf } from '../ui/host-of';
import { StatusMessage, UrlField, type FormMessage } from './form-parts';
import { useReports } from './use-reports';

export function ReportEndpointSection() {
  const { records, endpoint } = useReports();
  return (
    <section class="options-subsection" aria-labelledby="report-endpoint-title" data-testid="report-endpoint-section">
      <h3 id="report-endpoint-title">{t('reportEndpointSectionTitle')}</h3>
      {endpoint === undefined || records === null ? null : (
        <EndpointForm key={endpoint ?? ''} current={endpoint} queued={records.filter((r) => isPending(r.delivery)).length} />
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

