/**
 * The user's warning controls as stored: the global switch, the allowlist, "not this
 * organization", the snooze and relisted organizations in storage.local; banners closed this
 * session and the controls turned on from private tabs (`privateControls`) in storage.session.
 */
import type { Scope } from '../../core/warning-controls/private-windows';
import { sessionStore, watchKeys, watchLocal } from './wrapper';

/**
 * Banners closed this browser session: site → entry id → when (epoch ms). In storage.session,
 * so it ends with the session; an organization relisted by a later sync warns again.
 */
export const dismissalStore = {
  get: (): Promise<Record<string, Record<string, number>>> => sessionStore.get('dismissed'),
  set: (dismissed: Record<string, Record<string, number>>): Promise<void> => sessionStore.set({ dismissed }),
};

const LOCAL_CONTROL_KEYS = ['allowlist', 'suppressed', 'snoozeUntil', 'relisted', 'enabled'];
const SESSION_CONTROL_KEYS = ['dismissed', 'privateControls'];

/** Calls back when any of the user's warning controls change (private windows' included); returns the way to stop. */
export function onWarningControlsChanged(callback: () => void): () => void {
  return watchKeys(
    (area, key) => (area === 'local' ? LOCAL_CONTROL_KEYS : SESSION_CONTROL_KEYS).includes(key),
    () => callback(),
  );
}

/** Calls back with the global switch's new state when it changes; returns the way to stop. */
export function onEnabledChanged(callback: (enabled: boolean) => void): () => void {
  return watchLocal('enabled', callback);
}

/**
 * Calls back with a scope's snooze end as stored (epoch ms, or null) each time a write changes
 * it, whatever made the write (the banner's choice, the popup, the options page, an import);
 * returns the way to stop. A normal tab's snooze is `snoozeUntil` in storage.local, a private
 * tab's that of `privateControls` in storage.session.
 */
export function onSnoozeChanged(callback: (scope: Scope, until: number | null) => void): () => void {
  return watchKeys(
    (area, key) => (area === 'local' && key === 'snoozeUntil') || (area === 'session' && key === 'privateControls'),
    (changes, area) => {
      const change = area === 'local' ? changes.snoozeUntil! : changes.privateControls!;
      const until = (v: unknown) => (area === 'local' ? (v as number | null | undefined) : (v as { snoozeUntil?: number | null } | undefined)?.snoozeUntil) ?? null;
      if (until(change.newValue) !== until(change.oldValue)) callback(area === 'local' ? 'normal' : 'private', until(change.newValue));
    },
  );
}
