/**
 * The controls in force on one site for one tab, from what storage holds (background/warning-controls.ts
 * reads it), and what a banner decision needs from them. Pure.
 */
import { effectiveControls, type ControlLists, type Scope } from './private-windows';

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

/** Everything stored that decides the controls of a tab (the overlay only for a private one). */
export interface StoredControls {
  enabled: boolean;
  local: ControlLists;
  /** The private windows' overlay; undefined for a normal tab. */
  overlay: ControlLists | undefined;
  /** site → entry id → when its banner was closed this session. */
  dismissed: Record<string, Record<string, number>>;
  relisted: Record<string, number>;
}

/** The controls in force on `site` for a tab of `scope` at `now` (a snooze in the past is no snooze). */
export function controlsInForce(stored: StoredControls, site: string | null, now: number, scope: Scope): SiteControls {
  const { allowlist, suppressed, snoozeUntil } = stored.overlay ? effectiveControls(stored.local, stored.overlay, scope) : stored.local;
  return {
    enabled: stored.enabled,
    allowlisted: site !== null && allowlist.includes(site),
    snoozeUntil: snoozeUntil !== null && snoozeUntil > now ? snoozeUntil : null,
    suppressed: new Set(site ? (suppressed[site] ?? []) : []),
    dismissed: site ? (stored.dismissed[site] ?? {}) : {},
    relisted: stored.relisted,
  };
}

/** Whether every one of these organizations had its banner closed here, and none was relisted since. */
export function allDismissed(ids: readonly string[], controls: SiteControls): boolean {
  return ids.every((id) => {
    const closedAt = controls.dismissed[id];
    return closedAt !== undefined && closedAt >= (controls.relisted[id] ?? 0);
  });
}

/** The keys of `next` whose value differs from `before`'s: what a control has to write. */
export function changedLists(before: ControlLists, next: ControlLists): Partial<ControlLists> {
  const out: Partial<ControlLists> = {};
  for (const key of ['allowlist', 'suppressed', 'snoozeUntil'] as const) {
    if (JSON.stringify(before[key]) !== JSON.stringify(next[key])) (out as Record<string, unknown>)[key] = next[key];
  }
  return out;
}
