/** The user's settings as one value (what the options page shows and exports, and what tabs obey). */
import type { UserSettings } from '../../core/settings-transfer';
import { localStore } from './wrapper';

/** A stored snooze end, or null once it has passed: an ended snooze stays in storage until the next write. */
export function liveSnooze(snoozeUntil: number | null, now: number): number | null {
  return snoozeUntil !== null && snoozeUntil > now ? snoozeUntil : null;
}

/** The user's settings from storage.local in one read, the snooze null once it has ended. */
export async function readUserSettings(now = Date.now()): Promise<UserSettings> {
  const s = await localStore.getMany(['enabled', 'allowlist', 'suppressed', 'snoozeUntil', 'feedSettings', 'reportSettings']);
  return {
    enabled: s.enabled,
    allowlist: s.allowlist,
    suppressed: s.suppressed,
    snoozeUntil: liveSnooze(s.snoozeUntil, now),
    feedSettings: { url: s.feedSettings.url, intervalHours: s.feedSettings.intervalHours },
    reportEndpoint: s.reportSettings.endpoint ?? null,
  };
}
