/**
 * Import of the user's settings (the options page's "Export and import"; the file format and its
 * checks are in core/settings-transfer.ts). The page checks the file and shows what is wrong;
 * this checks again what it sends, and applies all of it in one storage.local.set: open tabs
 * recount at once (the storage listener in background/index.ts). Feed settings follow the sync
 * module's rules (background/sync.ts). A feed URL or report endpoint whose host OrgCheck has no
 * access to is taken all the same: the options page then offers to allow it (a permission
 * request needs a click, and reading a file is not one).
 *
 * The import runs in `settingsQueue` (background/serial-queue.ts), the queue of the warning
 * controls and the report endpoint: a control applied or an endpoint saved meanwhile is neither
 * lost nor overwritten with a value read before it.
 */
import { importedValues, validateSettings, type ImportProblem } from '../core/settings-transfer';
import type { LocalArea } from '../shared/storage';
import { localStore } from '../shared/storage';
import { reportSettings } from './report-outbox';
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
  if (s.reportEndpoint !== undefined) values.reportSettings = { ...(await reportSettings()), endpoint: s.reportEndpoint };
  if (!s.feedSettings) {
    await localStore.set(values);
    return { ok: true };
  }
  const result = await setWithFeedSettings(values, s.feedSettings);
  // Checked above with the same validators: a refusal here means the two disagree.
  return result.ok ? result : { ok: false, problem: { kind: 'fields', fields: [{ path: 'settings.feedSettings', reason: result.error === 'url' ? 'feed-url' : 'interval' }] } };
}
