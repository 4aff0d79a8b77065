/**
 * The last sync's result in words: updated, up to date, or the error by its code with when the
 * list was last updated. For the popup's sync panel and the options page (which adds the
 * technical detail apart, collapsed).
 */
import type { FeedError } from '../core/feed/validate';
import { versionToDate } from '../core/feed/version';
import { formatDate, formatDateTime, t } from '../shared/i18n';
import type { SyncStatus } from '../shared/storage/areas';
import './sync.css';

/** The user-facing text of a sync error, by its code. */
export function syncErrorText(error: FeedError): string {
  const key = `syncError_${error.code.replace(/-/g, '_')}`;
  return error.code === 'http-status' ? t(key, error.detail ?? '') : t(key);
}

/** A list's version as the day it names, in the one date format of the UI (or the number, if it names no day). */
function formatVersionDate(version: number): string {
  const date = versionToDate(version);
  return date ? formatDate(date.getTime()) : String(version);
}

export function SyncResult({ status }: { status: SyncStatus }) {
  const last = status.last;
  if (!last) return null;
  if (last.kind === 'updated') {
    return (
      <p class="sync-result" role="status" data-testid="sync-result" data-kind="updated">
        {t('syncResultUpdated', formatVersionDate(last.version), last.count)}
      </p>
    );
  }
  if (last.kind === 'up-to-date') {
    return (
      <p class="sync-result" role="status" data-testid="sync-result" data-kind="up-to-date">
        {t('syncResultUpToDate', formatDateTime(last.at))}
      </p>
    );
  }
  return (
    <p class="sync-result error" role="alert" data-testid="sync-result" data-kind="error" data-code={last.error.code}>
      {t('syncResultError', syncErrorText(last.error))}{' '}
      <span data-testid="sync-last-success" data-never={String(status.lastSuccessAt === null)}>
        {status.lastSuccessAt !== null ? t('syncLastSuccess', formatDateTime(status.lastSuccessAt)) : t('syncNeverSucceeded')}
      </span>
    </p>
  );
}
