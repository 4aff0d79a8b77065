/**
 * The user's controls over warnings: "don't warn on this site" (allowlist), "snooze all
 * warnings", "not this organization" (per site), and banners closed this session. All persist
 * in storage (local, or session for closed banners), so they survive the worker being stopped,
 * and all are reversible from the popup.
 *
 * Private windows (core/private-windows.ts): a control turned on from a private tab goes to an
 * overlay in storage.session that only private tabs see; nothing from them reaches storage.local.
 */
import browser from 'webextension-polyfill';
import { SNOOZE_DURATIONS_MS, type WarningControl } from '../core/controls';
import { effectiveControls, isListControl, planControl, type ControlLists, type Scope } from '../core/private-windows';
import { dismissalStore, localStore, sessionStore } from '../shared/storage';
import { settingsQueue } from './serial-queue';

export interface SiteControls {
  /** The global switch. */
  enabled: boolean;
  allowlisted: boolean;
  snoozeUntil: number | null;
  suppressed: Set<string>;
  /** entry id → when its banner was closed on this site this session. */
  dismissed: Record<string, number>;
  /** entry id → when a sync last added a listing to it. */
  relisted: Record<string, number>;
}

async function localLists(): Promise<ControlLists> {
  const [allowlist, suppressed, snoozeUntil] = await Promise.all([
    localStore.get('allowlist'),
    localStore.get('suppressed'),
    localStore.get('snoozeUntil'),
  ]);
  return { allowlist, suppressed, snoozeUntil };
}

/** The controls in force on `site` for a tab of `scope` (a private tab also sees the private overlay). */
export async function controlsFor(site: string | null, now = Date.now(), scope: Scope = 'normal'): Promise<SiteControls> {
  const [enabled, local, overlay, dismissed, relisted] = await Promise.all([
    localStore.get('enabled'),
    localLists(),
    scope === 'private' ? sessionStore.get('privateControls') : undefined,
    dismissalStore.get(),
    localStore.get('relisted'),
  ]);
  const { allowlist, suppressed, snoozeUntil } = overlay ? effectiveControls(local, overlay, scope) : local;
  return {
    enabled,
    allowlisted: site !== null && allowlist.includes(site),
    snoozeUntil: snoozeUntil !== null && snoozeUntil > now ? snoozeUntil : null,
    suppressed: new Set(site ? (suppressed[site] ?? []) : []),
    dismissed: site ? (dismissed[site] ?? {}) : {},
    relisted,
  };
}

/** Whether every one of these organizations had its banner closed here, and none was relisted since. */
export function allDismissed(ids: readonly string[], controls: SiteControls): boolean {
  return ids.every((id) => {
    const closedAt = controls.dismissed[id];
    return closedAt !== undefined && closedAt >= (controls.relisted[id] ?? 0);
  });
}

/**
 * Applies a control from a tab of `scope` (the options page and the popup without a tab:
 * 'normal'), in the settings queue: two controls at once, or a control during a settings
 * import, must not lose one another's write.
 */
export function applyControl(control: WarningControl, now = Date.now(), scope: Scope = 'normal'): Promise<void> {
  return settingsQueue.run(() => apply(control, now, scope));
}

/** Name of the alarm that ends a snooze: open tabs must show their banners again then. */
export const SNOOZE_END_ALARM = 'snooze-end';

async function apply(control: WarningControl, now: number, scope: Scope): Promise<void> {
  if (isListControl(control)) {
    const [local, overlay] = await Promise.all([localLists(), sessionStore.get('privateControls')]);
    const plan = planControl(control, scope, local, overlay, now);
    // The overlay first: a removal from a private tab must not show the local value come back.
    if (plan.overlay) await sessionStore.set({ privateControls: plan.overlay });
    if (plan.local) await localStore.set(changed(local, plan.local));
    if (control.action === 'snooze') {
      // One alarm per scope (a private snooze and a normal one end separately); a second after
      // the end, so that the snooze has expired when tabs are recounted.
      const name = `${SNOOZE_END_ALARM}:${scope}`;
      if (control.duration) await browser.alarms.create(name, { when: now + SNOOZE_DURATIONS_MS[control.duration] + 1_000 });
      else await browser.alarms.clear(name);
    }
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

/** The keys of `next` whose value differs from `before`'s. */
function changed(before: ControlLists, next: ControlLists): Partial<ControlLists> {
  const out: Partial<ControlLists> = {};
  for (const key of ['allowlist', 'suppressed', 'snoozeUntil'] as const) {
    if (JSON.stringify(before[key]) !== JSON.stringify(next[key])) (out as Record<string, unknown>)[key] = next[key];
  }
  return out;
}
