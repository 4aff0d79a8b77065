/**
 * Options page, "Export and import": all of the user's settings as one JSON file
 * (core/settings-transfer.ts). Import reads the file, checks all of it, and either names what is
 * wrong and changes nothing, or shows what it would change, one change a line, the risky ones
 * (warnings off, sites and organizations not warned about, another list feed or report endpoint)
 * first and marked, and asks: nothing changes until Apply, when the background applies all of it
 * at once (importSettings). A file may come from anyone (a "recommended settings" download).
 * A feed URL or report endpoint on a host OrgCheck may not read yet is imported all the same;
 * this section then offers to allow it, in a click of its own (a permission needs one).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { hostPattern } from '../core/url-policy';
import {
  buildSettingsFile, isRiskyChange, MAX_FILE_CHARS, parseSettingsFile, settingsChanges, settingsFileJson, settingsFileName, type ImportProblem,
  type ProblemReason, type SettingsChange, type UserSettings,
} from '../core/settings-transfer';
import { BUILT_IN_FEED_URL } from '../shared/build-config';
import { formatDateTime, listOf, t } from '../shared/i18n';
import { activeList } from '../shared/list-store';
import { sendFromExtensionPage } from '../shared/messages';
import { reportStore } from '../shared/storage/reports';
import { readUserSettings } from '../shared/storage/user-settings';
import { downloadText } from '../ui/download-text';
import { hostOf } from '../ui/host-of';
import { StatusMessage, type FormMessage } from './form-parts';

function reasonText(reason: ProblemReason): string {
  switch (reason) {
    case 'type': return t('importReasonType');
    case 'missing': return t('importReasonMissing');
    case 'unknown': return t('importReasonUnknown');
    case 'site': return t('importReasonSite');
    case 'entry': return t('importReasonEntry');
    case 'feed-url': return t('importReasonFeedUrl');
    case 'interval': return t('importReasonInterval');
    case 'endpoint': return t('importReasonEndpoint');
    case 'snooze': return t('importReasonSnooze');
    case 'too-many': return t('importReasonTooMany');
  }
}

export function problemText(problem: ImportProblem): string {
  switch (problem.kind) {
    case 'too-large': return t('importProblemTooLarge');
    case 'json': return t('importProblemJson');
    case 'format': return t('importProblemFormat');
    case 'version': return t('importProblemVersion', problem.version);
    case 'empty': return t('importProblemEmpty');
    case 'fields': return problem.fields.map((f) => t('importProblemField', f.path, reasonText(f.reason))).join('; ');
  }
}

/** Host patterns of the imported feed URL and endpoint that OrgCheck may not read yet. */
async function missingAccess(settings: Partial<UserSettings>): Promise<string[]> {
  const urls = [settings.feedSettings?.url, settings.reportEndpoint].filter((u): u is string => !!u);
  const patterns = [...new Set(urls.map(hostPattern))];
  const missing: string[] = [];
  for (const origin of patterns) {
    if (!(await browser.permissions.contains({ origins: [origin] }).catch(() => true))) missing.push(origin);
  }
  return missing;
}

/** Reports waiting in the outbox (the history's and private windows'). */
async function queuedReports(): Promise<number> {
  const [kept, forgotten] = await Promise.all([reportStore.ids('reportOutbox', 'local'), reportStore.ids('reportOutbox', 'session')]);
  return kept.length + forgotten.length;
}

/** At most this many sites or organizations are named on a line; the rest are counted. */
const NAMED_PER_LINE = 10;

function shortList(items: string[]): string {
  if (items.length <= NAMED_PER_LINE) return listOf(items);
  return listOf([...items.slice(0, NAMED_PER_LINE), t('importChangeMore', items.length - NAMED_PER_LINE)]);
}

/** One change in words; `names`: organization id → name in the list in use. */
export function changeText(change: SettingsChange, names: Map<string, string>): string {
  const orgs = (items: Array<{ site: string; id: string }>) =>
    shortList(items.map(({ site, id }) => t('importChangeOrgOnSite', names.get(id) ?? t('importChangeUnknownOrg'), site)));
  switch (change.kind) {
    case 'warnings-off': return t('importChangeWarningsOff');
    case 'warnings-on': return t('importChangeWarningsOn');
    case 'allowlist-added': return t('importChangeAllowlistAdded', shortList(change.sites));
    case 'allowlist-removed': return t('importChangeAllowlistRemoved', shortList(change.sites));
    case 'suppressed-added': return t('importChangeSuppressedAdded', orgs(change.items));
    case 'suppressed-removed': return t('importChangeSuppressedRemoved', orgs(change.items));
    case 'snooze-set': return t('importChangeSnoozeSet', formatDateTime(change.until));
    case 'snooze-ended': return t('importChangeSnoozeEnded');
    case 'feed-url': {
      const builtIn = t('importChangeFeedBuiltIn');
      return t('importChangeFeedUrl', change.to ?? builtIn, change.from ?? builtIn);
    }
    case 'feed-interval': return t('importChangeFeedInterval', change.to, change.from);
    case 'report-endpoint':
      return change.to === null
        ? t('importChangeEndpointRemoved', change.from ?? '')
        : t('importChangeEndpointSet', change.to, change.from ?? t('importChangeEndpointNone'));
    case 'queued-reports-kept': return t('importChangeQueuedKept', change.count, hostOf(change.endpoint));
  }
}

/** A checked file waiting for Apply or Cancel, with what it changes. */
interface Preview {
  settings: Partial<UserSettings>;
  changes: SettingsChange[];
  names: Map<string, string>;
}

function ImportPreview({ preview, apply, cancel }: { preview: Preview; apply: () => void; cancel: () => void }) {
  const title = useRef<HTMLParagraphElement>(null);
  // Keyboard and screen-reader users land on what the file will change.
  useEffect(() => title.current?.focus(), [preview]);
  return (
    <div class="question" role="group" aria-labelledby="import-preview-title" data-testid="import-preview">
      <p id="import-preview-title" ref={title} tabIndex={-1}>
        <strong>{t('importPreviewTitle')}</strong>
      </p>
      <ul class="changes">
        {preview.changes.map((change) =>
          isRiskyChange(change) ? (
            <li class="risky" data-kind={change.kind} data-risky="true">
              <strong>{t('importPreviewCheck')}</strong> {changeText(change, preview.names)}
            </li>
          ) : (
            <li data-kind={change.kind}>{changeText(change, preview.names)}</li>
          ),
        )}
      </ul>
      <p class="hint">{t('importPreviewHint')}</p>
      <div class="row">
        <button type="button" data-action="import-apply" onClick={apply}>
          {t('importApply')}
        </button>
        <button type="button" data-action="import-cancel" onClick={cancel}>
          {t('importCancel')}
        </button>
      </div>
    </div>
  );
}

export function SettingsTransfer() {
  const file = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<FormMessage | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const [preview, setPreview] = useState<Preview | null>(null);

  const exportSettings = async () => {
    setMessage(null);
    const now = new Date();
    const name = settingsFileName(now);
    downloadText(name, 'application/json', settingsFileJson(buildSettingsFile(await readUserSettings(), now)));
    setMessage({ text: t('settingsExported', name), error: false });
  };

  const importFile = async (chosen: File) => {
    setMessage(null);
    setMissing([]);
    setPreview(null);
    const parsed = chosen.size > MAX_FILE_CHARS * 4 ? ({ ok: false, problem: { kind: 'too-large' } } as const) : parseSettingsFile(await chosen.text(), Date.now());
    if (!parsed.ok) {
      setMessage({ text: t('importFailed', problemText(parsed.problem)), error: true });
      return;
    }
    const [current, queued, list] = await Promise.all([readUserSettings(), queuedReports(), activeList()]);
    const changes = settingsChanges(current, parsed.settings, Date.now(), { builtInFeedUrl: BUILT_IN_FEED_URL || null, queuedReports: queued });
    if (!changes.length) {
      setMessage({ text: t('importNoChanges'), error: false });
      return;
    }
    setPreview({ settings: parsed.settings, changes, names: new Map([...list.byId].map(([id, e]) => [id, e.names.zh])) });
  };

  const apply = async (settings: Partial<UserSettings>) => {
    setPreview(null);
    const result = await sendFromExtensionPage('importSettings', { settings });
    if (!result.ok) {
      setMessage({ text: t('importFailed', problemText(result.problem)), error: true });
      return;
    }
    setMessage({ text: t('settingsImported'), error: false });
    setMissing(await missingAccess(settings));
  };

  const cancel = () => {
    setPreview(null);
    setMessage({ text: t('importCancelled'), error: false });
  };

  // permissions.request must run in the click's own task (a user gesture): no await before it.
  const allow = () => {
    const origins = missing;
    void browser.permissions.request({ origins }).then(
      (granted) => {
        setMissing(granted ? [] : origins);
        if (!granted) setMessage({ text: t('importAccessDenied'), error: true });
      },
      () => setMessage({ text: t('importAccessDenied'), error: true }),
    );
  };

  return (
    <section class="options-section" aria-labelledby="transfer-title" data-testid="settings-transfer">
      <h2 id="transfer-title">{t('transferSectionTitle')}</h2>
      <p class="hint">{t('transferHint')}</p>
      <div class="row">
        <button type="button" data-action="export-settings" onClick={() => void exportSettings()}>
          {t('exportSettings')}
        </button>
        <button type="button" data-action="import-settings" onClick={() => file.current?.click()}>
          {t('importSettings')}
        </button>
        <input
          ref={file}
          type="file"
          accept="application/json,.json"
          hidden
          data-testid="import-file"
          onChange={(e) => {
            const input = e.target as HTMLInputElement;
            const chosen = input.files?.[0];
            input.value = ''; // the same file may be chosen again
            if (chosen) void importFile(chosen);
          }}
        />
      </div>
      {preview ? <ImportPreview preview={preview} apply={() => void apply(preview.settings)} cancel={cancel} /> : null}
      <StatusMessage message={message} block testId="transfer-message" />
      {missing.length ? (
        <p class="row" data-testid="import-access">
          <span>{t('importNeedsAccess', listOf(missing.map((o) => o.replace(/\/\*$/, ''))))}</span>
          <button type="button" onClick={allow}>
            {t('importGrantAccess')}
          </button>
        </p>
      ) : null}
    </section>
  );
}
