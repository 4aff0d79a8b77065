import { describe, expect, it } from 'vitest';
import {
  effectiveControls, isListControl, NO_CONTROLS, planControl, reportArea, scopeOf, turnsOn, withControl, type ControlLists,
} from '../../../../src/core/warning-controls';

const NOW = 1_000_000;
const HOUR = 3_600_000;
const LOCAL: ControlLists = { allowlist: ['a.example'], suppressed: { 'a.example': ['org-a'] }, snoozeUntil: null };

describe('private windows: which tabs are private', () => {
  it('is the browser’s word, tab.incognito; no tab (options page, popup without one) is normal', () => {
    expect(scopeOf({ incognito: true })).toBe('private');
    expect(scopeOf({ incognito: false })).toBe('normal');
    expect(scopeOf({})).toBe('normal');
    expect(scopeOf(undefined)).toBe('normal');
    expect(scopeOf(null)).toBe('normal');
  });
});

describe('private windows: warning controls', () => {
  it('a control from a normal tab changes the persistent lists only', () => {
    const plan = planControl({ action: 'allowSite', site: 'b.example', on: true }, 'normal', LOCAL, NO_CONTROLS, NOW);
    expect(plan).toEqual({ local: { ...LOCAL, allowlist: ['a.example', 'b.example'] } });
  });

  it('turning something on from a private tab goes to the overlay only', () => {
    for (const control of [
      { action: 'allowSite', site: 'b.example', on: true },
      { action: 'suppress', site: 'b.example', entryId: 'org-b', on: true },
      { action: 'snooze', duration: 'hour' },
    ] as const) {
      const plan = planControl(control, 'private', LOCAL, NO_CONTROLS, NOW);
      expect(plan.local, control.action).toBeUndefined();
      expect(plan.overlay, control.action).toEqual(withControl(NO_CONTROLS, control, NOW));
    }
    expect(planControl({ action: 'snooze', duration: 'day' }, 'private', LOCAL, NO_CONTROLS, NOW).overlay?.snoozeUntil).toBe(NOW + 24 * HOUR);
  });

  it('turning something off from a private tab removes it from both, and writes local only when it had it', () => {
    const overlay: ControlLists = { allowlist: ['b.example'], suppressed: {}, snoozeUntil: NOW + HOUR };
    // In the overlay only: local is not written at all.
    expect(planControl({ action: 'allowSite', site: 'b.example', on: false }, 'private', LOCAL, overlay, NOW)).toEqual({
      overlay: { ...overlay, allowlist: [] },
    });
    // Set in a normal window: removed there too (the private tab shows the union; deleting stores nothing).
    expect(planControl({ action: 'allowSite', site: 'a.example', on: false }, 'private', LOCAL, overlay, NOW)).toEqual({
      overlay,
      local: { ...LOCAL, allowlist: [] },
    });
    expect(planControl({ action: 'suppress', site: 'a.example', entryId: 'org-a', on: false }, 'private', LOCAL, overlay, NOW)).toEqual({
      overlay,
      local: { ...LOCAL, suppressed: {} },
    });
    // "Resume warnings" ends the private snooze; local had none, so it is not written.
    expect(planControl({ action: 'snooze', duration: null }, 'private', LOCAL, overlay, NOW)).toEqual({ overlay: { ...overlay, snoozeUntil: null } });
    expect(planControl({ action: 'snooze', duration: null }, 'private', { ...LOCAL, snoozeUntil: NOW + HOUR }, NO_CONTROLS, NOW)).toEqual({
      overlay: NO_CONTROLS,
      local: LOCAL,
    });
  });

  it('normal tabs see the persistent lists; private tabs see both together', () => {
    const overlay: ControlLists = {
      allowlist: ['0.example', 'a.example'],
      suppressed: { 'a.example': ['org-b', 'org-a'], 'c.example': ['org-c'] },
      snoozeUntil: NOW + HOUR,
    };
    expect(effectiveControls(LOCAL, overlay, 'normal')).toBe(LOCAL);
    expect(effectiveControls(LOCAL, overlay, 'private')).toEqual({
      allowlist: ['0.example', 'a.example'],
      suppressed: { 'a.example': ['org-a', 'org-b'], 'c.example': ['org-c'] },
      snoozeUntil: NOW + HOUR,
    });
    // The later snooze wins, whichever it is.
    expect(effectiveControls({ ...LOCAL, snoozeUntil: NOW + 2 * HOUR }, overlay, 'private').snoozeUntil).toBe(NOW + 2 * HOUR);
    expect(effectiveControls(LOCAL, NO_CONTROLS, 'private')).toEqual(LOCAL);
  });

  it('a private overlay never changes what a normal tab sees, whatever is done in private tabs', () => {
    let local = LOCAL;
    let overlay = NO_CONTROLS;
    const controls = [
      { action: 'allowSite', site: 'x.example', on: true },
      { action: 'suppress', site: 'x.example', entryId: 'org-x', on: true },
      { action: 'snooze', duration: 'day' },
      { action: 'allowSite', site: 'x.example', on: false },
      { action: 'allowSite', site: 'y.example', on: true },
    ] as const;
    for (const c of controls) {
      const plan = planControl(c, 'private', local, overlay, NOW);
      local = plan.local ?? local;
      overlay = plan.overlay ?? overlay;
    }
    expect(local).toEqual(LOCAL);
    expect(overlay).toEqual({ allowlist: ['y.example'], suppressed: { 'x.example': ['org-x'] }, snoozeUntil: NOW + 24 * HOUR });
  });

  it('knows which controls are list controls and which turn something on', () => {
    expect(isListControl({ action: 'enable', on: false })).toBe(false);
    expect(isListControl({ action: 'dismiss', site: 'a', entryIds: [] })).toBe(false);
    expect(isListControl({ action: 'snooze', duration: null })).toBe(true);
    expect(turnsOn({ action: 'snooze', duration: null })).toBe(false);
    expect(turnsOn({ action: 'snooze', duration: 'hour' })).toBe(true);
    expect(turnsOn({ action: 'allowSite', site: 'a', on: false })).toBe(false);
  });
});

describe('private windows: reports', () => {
  it('a report drafted from a private tab is kept in storage.session', () => {
    expect(reportArea('id-1', ['id-1', 'id-2'])).toBe('session');
    expect(reportArea('id-3', ['id-1', 'id-2'])).toBe('local');
    expect(reportArea('id-3', [])).toBe('local');
  });
});
