/**
 * The user's controls over warnings: "don't warn on this site" (allowlist), "snooze all
 * warnings", "not this organization" (per site), and banners closed this session. All persist
 * in storage (local, or session for closed banners), so they survive the worker being stopped,
 * and all are reversible from the popup.
 */
import { SNOOZE_DURATIONS_MS, type WarningControl } from '../shared/controls';
import { dismissalStore, localStore } from '../shared/storage';

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

export async function controlsFor(site: string | null, now = Date.now()): Promise<SiteControls> {
  const [enabled, allowlist, suppressed, snoozeUntil, dismissed, relisted] = await Promise.all([
    localStore.get('enabled'),
    localStore.get('allowlist'),
    localStore.get('suppressed'),
    localStore.get('snoozeUntil'),
    dismissalStore.get(),
    localStore.get('relisted'),
  ]);
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

export async function applyControl(control: WarningControl, now = Date.now()): Promise<void> {
  switch (control.action) {
    case 'allowSite': {
      const list = new Set(await localStore.get('allowlist'));
      if (control.on) list.add(control.site);
      else list.delete(control.site);
      await localStore.set({ allowlist: [...list].sort() });
      return;
    }
    case 'snooze':
      await localStore.set({ snoozeUntil: control.duration ? now + SNOOZE_DURATIONS_MS[control.duration] : null });
      return;
    case 'suppress': {
      const all = await localStore.get('suppressed');
      const ids = new Set(all[control.site] ?? []);
      if (control.on) ids.add(control.entryId);
      else ids.delete(control.entryId);
      const next = { ...all, [control.site]: [...ids].sort() };
      if (!ids.size) delete next[control.site];
      await localStore.set({ suppressed: next });
      return;
    }
    case 'enable':
      await localStore.set({ enabled: control.on });
      return;
    case 'dismiss': {
      const all = await dismissalStore.get();
      const site = { ...(all[control.site] ?? {}) };
      for (const id of control.entryIds) site[id] = now;
      await dismissalStore.set({ ...all, [control.site]: site });
      return;
    }
  }
}
