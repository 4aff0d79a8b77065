/**
 * The user's controls over warnings, in storage: "don't warn on this site" (allowlist), "snooze
 * all warnings", "not this organization" (per site), and banners closed this session. All persist
 * in storage (local, or session for closed banners), so they survive the worker being stopped,
 * and all are reversible from the popup. What they mean is core/warning-controls/; this file reads
 * and writes them. The alarm that ends a snooze follows the stored value, whoever wrote it
 * (background/snooze-alarms.ts).
 *
 * Private windows (core/warning-controls/private-windows.ts): a control turned on from a private
 * tab goes to an overlay in storage.session that only private tabs see; nothing from them reaches
 * storage.local.
 */
import {
  changedLists, controlsInForce, isListControl, planControl,
  type ControlLists, type Scope, type SiteControls, type WarningControl,
} from '../core/warning-controls';
import { readUserSettings } from '../shared/storage/user-settings';
import { dismissalStore } from '../shared/storage/warning-controls';
import { localStore, sessionStore } from '../shared/storage/wrapper';
import { settingsQueue } from './serial-queue';

function localLists(): Promise<ControlLists> {
  return localStore.getMany(['allowlist', 'suppressed', 'snoozeUntil']);
}

/** The controls in force on `site` for a tab of `scope` (a private tab also sees the private overlay). */
export async function controlsFor(site: string | null, now = Date.now(), scope: Scope = 'normal'): Promise<SiteControls> {
  const [settings, overlay, dismissed, relisted] = await Promise.all([
    readUserSettings(now),
    scope === 'private' ? sessionStore.get('privateControls') : undefined,
    dismissalStore.get(),
    localStore.get('relisted'),
  ]);
  const { enabled, allowlist, suppressed, snoozeUntil } = settings;
  return controlsInForce({ enabled, local: { allowlist, suppressed, snoozeUntil }, overlay, dismissed, relisted }, site, now, scope);
}

/**
 * Applies a control from a tab of `scope` (the options page and the popup without a tab:
 * 'normal'), in the settings queue: two controls at once, or a control during a settings
 * import, must not lose one another's write.
 */
export function applyControl(control: WarningControl, now = Date.now(), scope: Scope = 'normal'): Promise<void> {
  return settingsQueue.run(() => apply(control, now, scope));
}

async function apply(control: WarningControl, now: number, scope: Scope): Promise<void> {
  if (isListControl(control)) {
    const [local, overlay] = await Promise.all([localLists(), sessionStore.get('privateControls')]);
    const plan = planControl(control, scope, local, overlay, now);
    // The overlay first: a removal from a private tab must not show the local value come back.
    if (plan.overlay) await sessionStore.set({ privateControls: plan.overlay });
    if (plan.local) await localStore.set(changedLists(local, plan.local));
    return;
  }
  switch (control.action) {
    case 'enable':
      // Only the options page sets the switch; it never runs in a private window.
      if (scope === 'normal') await localStore.set({ enabled: control.on });
      return;
    case 'dismiss': {
      // storage.session for every tab: closed banners end with the session anyway.
      const all = await dismissalStore.get();
      const site = { ...(all[control.site] ?? {}) };
      for (const id of control.entryIds) site[id] = now;
      await dismissalStore.set({ ...all, [control.site]: site });
      return;
    }
    case 'undismiss': {
      const { [control.site]: _reopened, ...rest } = await dismissalStore.get();
      await dismissalStore.set(rest);
      return;
    }
  }
}
