/**
 * Import of the user's settings (the options page's "Export and import"; the file format and its
 * checks are in core/settings-transfer.ts). The page checks the file and shows what is wrong;
 * this checks again what it sends, and applies all of it in one storage.local.set: open tabs
 * recount at once (the storage listener in background/index.ts). Feed settings follow the sync
 * module's rules (background/sync.ts). A feed URL or report endpoint whose host OrgCheck has no
 * access to is taken all the same: the options page then offers to allow it (a permission
 * request needs a click, and reading a file is not one).
 *
 * The options page shows what an import will change and applies it only when the user says so
 * (options/SettingsTransfer.tsx); this is called then. An import that sets another report
 * endpoint keeps the reports queued for the old one unsent (the preview says so): they go
 * neither to the old endpoint nor, unasked, to the new one.
 *
 * The import runs in `settingsQueue` (background/serial-queue.ts), the queue of the warning
 * controls and the report endpoint: a control applied or an endpoint saved meanwhile is neither
 * lost nor overwritten with a value read before it.
 */
import { importedValues, validateSettings, type ImportProblem } from '../core/settings-transfer';
import type { FeedSettings, LocalArea } from '../shared/storage/areas';
import { localStore } from '../shared/storage/wrapper';
import { keepQueuedUnsent, reportSettings } from './report-outbox';
import { settingsQueue } from './serial-queue';
import { setWithFeedSettings } from './sync';

export function importSettings(input: unknown): Promise<{ ok: true } | { ok: false; problem: ImportProblem }> {
  return settingsQueue.run(() => apply(input));
}

async function apply(input: unknown): Promise<{ ok: true } | { ok: false; problem: ImportProblem }> {
  const now = Date.now();
  const checked = validateSettings(input, now);
  if (!checked.ok) return checked;
  const s = importedValues(checked.settings, now);
  const values: Partial<LocalArea> = {};
  if (s.enabled !== undefined) values.enabled = s.enabled;
  if (s.allowlist) values.allowlist = s.allowlist;
  if (s.suppressed) values.suppressed = s.suppressed;
  if (s.snoozeUntil !== undefined) values.snoozeUntil = s.snoozeUntil;
  const report = await reportSettings();
  if (s.reportEndpoint !== undefined) values.reportSettings = { ...report, endpoint: s.reportEndpoint };
  const result = await write(values, s.feedSettings);
  if (!result.ok) {
    // Checked above with the same validators: a refusal here means the two disagree.
    return { ok: false, problem: { kind: 'fields', fields: [{ path: 'settings.feedSettings', reason: result.error === 'url' ? 'feed-url' : 'interval' }] } };
  }
  if (s.reportEndpoint !== undefined && s.reportEndpoint !== report.endpoint) await keepQueuedUnsent(s.reportEndpoint);
  return { ok: true };
}

/** One storage.local.set of the values, with the feed settings by the sync module's rules when there are any. */
async function write(values: Partial<LocalArea>, feed: FeedSettings | undefined): Promise<{ ok: true } | { ok: false; error: 'url' | 'interval' }> {
  if (feed) return setWithFeedSettings(values, feed);
  await localStore.set(values);
  return { ok: true };
}
