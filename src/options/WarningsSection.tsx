/**
 * Options page, "Warnings": the global switch, the snooze, sites where warnings are off, and
 * organizations marked "not this organization" on a site. Every change goes through the
 * background (warningControl), which recounts open tabs; this page follows storage to stay current.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { WarningControl } from '../core/warning-controls';
import { formatDateTime, t } from '../shared/i18n';
import { activeList } from '../shared/list-store';
import { sendFromExtensionPage } from '../shared/messages';
import { readUserSettings } from '../shared/storage/user-settings';
import { onWarningControlsChanged } from '../shared/storage/warning-controls';

interface State {
  enabled: boolean;
  /** The user allowed OrgCheck in private windows. */
  inPrivate: boolean;
  snoozeUntil: number | null;
  allowlist: string[];
  suppressed: Record<string, string[]>;
  names: Map<string, string>;
}

async function readState(): Promise<State> {
  const [{ enabled, snoozeUntil, allowlist, suppressed }, list, inPrivate] = await Promise.all([
    readUserSettings(),
    activeList(),
    browser.extension.isAllowedIncognitoAccess().catch(() => false),
  ]);
  return {
    enabled,
    inPrivate,
    snoozeUntil,
    allowlist,
    suppressed,
    names: new Map([...list.byId].map(([id, e]) => [id, e.names.zh])),
  };
}

export function WarningsSection() {
  const [state, setState] = useState<State>();
  useEffect(() => {
    const refresh = () => void readState().then(setState);
    refresh();
    return onWarningControlsChanged(refresh);
  }, []);
  if (!state) return <section class="options-section" aria-busy="true" />;

  const apply = (control: WarningControl) => void sendFromExtensionPage('warningControl', { control });
  const suppressedRows = Object.entries(state.suppressed).flatMap(([site, ids]) => ids.map((id) => ({ site, id })));

  return (
    <section class="options-section" aria-labelledby="warnings-title" data-testid="warnings-section">
      <h2 id="warnings-title">{t('warningsSectionTitle')}</h2>
      {state.inPrivate ? (
        <p class="hint" data-testid="warnings-private-note">
          {t('warningsPrivateNote')}
        </p>
      ) : null}
      <label class="check">
        <input
          type="checkbox"
          data-testid="enabled"
          checked={state.enabled}
          onChange={(e) => apply({ action: 'enable', on: (e.target as HTMLInputElement).checked })}
        />{' '}
        {t('enabledLabel')}
      </label>
      <p class="hint">{t('enabledHint')}</p>

      <h3>{t('snooze')}</h3>
      {state.snoozeUntil ? (
        <p class="row" data-testid="options-snoozed">
          {t('snoozedUntil', formatDateTime(state.snoozeUntil))}
          <button type="button" onClick={() => apply({ action: 'snooze', duration: null })}>
            {t('resumeWarnings')}
          </button>
        </p>
      ) : (
        <p class="row">
          <button type="button" onClick={() => apply({ action: 'snooze', duration: 'hour' })}>
            {t('snoozeHour')}
          </button>
          <button type="button" onClick={() => apply({ action: 'snooze', duration: 'day' })}>
            {t('snoozeDay')}
          </button>
        </p>
      )}

      <h3>{t('allowlistTitle')}</h3>
      {state.allowlist.length ? (
        <ul class="plain" data-testid="allowlist">
          {state.allowlist.map((site, i) => (
            <li key={site} class="row">
              <span id={`allow-${i}-site`}>{site}</span>
              {/* Named "Remove <site>": the visible word first, then what it removes (WCAG 2.5.3). */}
              <button
                type="button"
                id={`allow-${i}`}
                aria-labelledby={`allow-${i} allow-${i}-site`}
                onClick={() => apply({ action: 'allowSite', site, on: false })}
              >
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('allowlistEmpty')}</p>
      )}

      <h3>{t('suppressedTitle')}</h3>
      {suppressedRows.length ? (
        <ul class="plain" data-testid="suppressed-list">
          {suppressedRows.map(({ site, id }, i) => {
            const name = state.names.get(id) ?? id;
            return (
              <li key={`${site} ${id}`} class="row">
                <span id={`suppressed-${i}-row`}>{t('suppressedRow', name, site)}</span>
                <button
                  type="button"
                  id={`suppressed-${i}`}
                  aria-labelledby={`suppressed-${i} suppressed-${i}-row`}
                  onClick={() => apply({ action: 'suppress', site, entryId: id, on: false })}
                >
                  {t('remove')}
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p class="muted">{t('suppressedEmpty')}</p>
      )}
    </section>
  );
}
