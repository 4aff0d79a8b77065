/**
 * Private (incognito) windows. Pure: no browser globals, runs under Node.
 *
 * OrgCheck runs in private windows only when the user allows it there (manifest "incognito":
 * "spanning": one background for both kinds of window; off in private windows until allowed on
 * the browser's extensions page). When it is allowed, nothing that happens in a private window is
 * persisted:
 * - a warning control turned ON from a private tab ("don't warn on this site", "not this
 *   organization", "snooze") goes to an overlay in storage.session that applies to private tabs
 *   only and ends with the browser session; normal tabs never see it;
 * - a control turned OFF from a private tab ("turn warnings on", "undo", "resume") removes the
 *   setting from the overlay and from the persistent settings alike: the tab shows one state, the
 *   union of both, and deleting writes nothing about the private session;
 * - the global switch is never set from a private tab (only the options page sets it, and that
 *   never runs in a private window);
 * - closed banners, per-tab findings: storage.session already, for every tab;
 * - a report about a private tab is kept in storage.session (history and outbox alike), so it is
 *   sent and retried like any other while the browser runs, and forgotten when it closes.
 * Whether a tab is private is the browser's word: `tab.incognito` of the sender's tab or of
 * `tabs.get(tabId)`.
 */
import { SNOOZE_DURATIONS_MS, type WarningControl } from './types';

export type Scope = 'normal' | 'private';

/** The controls kept per user: sites without warnings, suppressed organizations per site, the snooze. */
export interface ControlLists {
  allowlist: string[];
  suppressed: Record<string, string[]>;
  snoozeUntil: number | null;
}

export const NO_CONTROLS: ControlLists = { allowlist: [], suppressed: {}, snoozeUntil: null };

/** The controls that live in these lists (the switch and closed banners are stored elsewhere). */
export type ListControl = Extract<WarningControl, { action: 'allowSite' | 'snooze' | 'suppress' }>;

export function isListControl(control: WarningControl): control is ListControl {
  return control.action === 'allowSite' || control.action === 'snooze' || control.action === 'suppress';
}

/** A tab (or no tab: the options page, the popup without one) → where its controls and reports go. */
export function scopeOf(tab: { incognito?: boolean } | null | undefined): Scope {
  return tab?.incognito === true ? 'private' : 'normal';
}

/** Whether the control turns something on (adds to a list, starts a snooze) rather than off. */
export function turnsOn(control: ListControl): boolean {
  return control.action === 'snooze' ? control.duration !== null : control.on;
}

/** The lists after one control. */
export function withControl(lists: ControlLists, control: ListControl, now: number): ControlLists {
  switch (control.action) {
    case 'allowSite': {
      const set = new Set(lists.allowlist);
      if (control.on) set.add(control.site);
      else set.delete(control.site);
      return { ...lists, allowlist: [...set].sort() };
    }
    case 'snooze':
      return { ...lists, snoozeUntil: control.duration ? now + SNOOZE_DURATIONS_MS[control.duration] : null };
    case 'suppress': {
      const ids = new Set(lists.suppressed[control.site] ?? []);
      if (control.on) ids.add(control.entryId);
      else ids.delete(control.entryId);
      const suppressed = { ...lists.suppressed, [control.site]: [...ids].sort() };
      if (!ids.size) delete suppressed[control.site];
      return { ...lists, suppressed };
    }
  }
}

/**
 * What a control from a tab of `scope` writes: the persistent lists (`local`), the private
 * overlay (`overlay`), or both; a key left out is not written.
 */
export function planControl(
  control: ListControl,
  scope: Scope,
  local: ControlLists,
  overlay: ControlLists,
  now: number,
): { local?: ControlLists; overlay?: ControlLists } {
  if (scope === 'normal') return { local: withControl(local, control, now) };
  if (turnsOn(control)) return { overlay: withControl(overlay, control, now) };
  const nextLocal = withControl(local, control, now);
  return {
    overlay: withControl(overlay, control, now),
    ...(sameLists(nextLocal, local) ? {} : { local: nextLocal }),
  };
}

/** The controls in force for a tab: the persistent ones, plus the overlay in a private tab. */
export function effectiveControls(local: ControlLists, overlay: ControlLists, scope: Scope): ControlLists {
  if (scope === 'normal') return local;
  const suppressed: Record<string, string[]> = { ...local.suppressed };
  for (const [site, ids] of Object.entries(overlay.suppressed)) {
    suppressed[site] = [...new Set([...(suppressed[site] ?? []), ...ids])].sort();
  }
  const snoozes = [local.snoozeUntil, overlay.snoozeUntil].filter((s): s is number => s !== null);
  return {
    allowlist: [...new Set([...local.allowlist, ...overlay.allowlist])].sort(),
    suppressed,
    snoozeUntil: snoozes.length ? Math.max(...snoozes) : null,
  };
}

/** Where a report's record is kept: storage.session when it was drafted from a private tab. */
export function reportArea(id: string, privateReportIds: readonly string[]): 'local' | 'session' {
  return privateReportIds.includes(id) ? 'session' : 'local';
}

function sameLists(a: ControlLists, b: ControlLists): boolean {
  return JSON.stringify([a.allowlist, a.suppressed, a.snoozeUntil]) === JSON.stringify([b.allowlist, b.suppressed, b.snoozeUntil]);
}
