/**
 * Options page, "Export and import": all of the user's settings as one JSON file
 * (core/settings-transfer.ts). Import reads the file, checks all of it, and either names what is
 * wrong and changes nothing, or has the background apply all of it at once (importSettings).
 * A feed URL or report endpoint on a host OrgCheck may not read yet is imported all the same;
 * this section then offers to allow it, in a click of its own (a permission needs one).
 */
import { useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { hostPattern } from '../core/feed/url';
import {
  buildSettingsFile, MAX_FILE_CHARS, parseSettingsFile, settingsFileJson, settingsFileName, type ImportProblem, type ProblemReason,
  type UserSettings,
} from '../core/settings-transfer';
import { listOf, t } from '../shared/i18n';
import { sendFromExtensionPage } from '../shared/messages';
import { localStore } from '../shared/storage';
import { downloadText } from '../report/download';
import { StatusMessage, type FormMessage } from './form-parts';

async function currentSettings(): Promise<UserSettings> {
  const [enabled, allowlist, suppressed, snoozeUntil, feedSettings, reportSettings] = await Promise.all([
    localStore.get('enabled'),
    localStore.get('allowlist'),
    localStore.get('suppressed'),
    localStore.get('snoozeUntil'),
    localStore.get('feedSettings'),
    localStore.get('reportSettings'),
  ]);
  return {
    enabled,
    allowlist,
    suppressed,
    snoozeUntil: snoozeUntil !== null && snoozeUntil > Date.now() ? snoozeUntil : null,
    feedSettings: { url: feedSettings.url, intervalHours: feedSettings.intervalHours },
    reportEndpoint: reportSettings.endpoint ?? null,
  };
}

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

export function SettingsTransfer() {
  const file = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<FormMessage | null>(null);
  const [missing, setMissing] = useState<string[]>([]);

  const exportSettings = async () => {
    setMessage(null);
    const now = new Date();
    const name = settingsFileName(now);
    downloadText(name, 'application/json', settingsFileJson(buildSettingsFile(await currentSettings(), now)));
    setMessage({ text: t('settingsExported', name), error: false });
  };

  const importFile = async (chosen: File) => {
    setMessage(null);
    setMissing([]);
    const parsed = chosen.size > MAX_FILE_CHARS * 4 ? ({ ok: false, problem: { kind: 'too-large' } } as const) : parseSettingsFile(await chosen.text(), Date.now());
    if (!parsed.ok) {
      setMessage({ text: t('importFailed', problemText(parsed.problem)), error: true });
      return;
    }
    const result = await sendFromExtensionPage('importSettings', { settings: parsed.settings });
    if (!result.ok) {
      setMessage({ text: t('importFailed', problemText(result.problem)), error: true });
      return;
    }
    setMessage({ text: t('settingsImported'), error: false });
    setMissing(await missingAccess(parsed.settings));
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
