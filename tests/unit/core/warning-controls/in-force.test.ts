import { describe, expect, it } from 'vitest';
import {
  allDismissed, changedLists, controlsInForce, NO_CONTROLS, type StoredControls,
} from '../../../../src/core/warning-controls';

const NOW = 1_000_000;
const STORED: StoredControls = {
  enabled: true,
  local: { allowlist: ['a.example'], suppressed: { 'a.example': ['org-a'], 'b.example': ['org-b'] }, snoozeUntil: null },
  overlay: undefined,
  dismissed: { 'a.example': { 'org-c': NOW - 10 } },
  relisted: { 'org-d': NOW - 5 },
};

describe('controlsInForce', () => {
  it('takes the site\'s own allowlisting, suppressions and closed banners, nothing of another site', () => {
    const a = controlsInForce(STORED, 'a.example', NOW, 'normal');
    expect(a).toEqual({
      enabled: true, allowlisted: true, snoozeUntil: null, suppressed: new Set(['org-a']), dismissed: { 'org-c': NOW - 10 }, relisted: { 'org-d': NOW - 5 },
    });
    const c = controlsInForce(STORED, 'c.example', NOW, 'normal');
    expect([c.allowlisted, [...c.suppressed], c.dismissed]).toEqual([false, [], {}]);
  });

  it('gives a page without a site none of the per-site controls', () => {
    const none = controlsInForce(STORED, null, NOW, 'normal');
    expect([none.allowlisted, none.suppressed.size, none.dismissed]).toEqual([false, 0, {}]);
  });

  it('counts a snooze only while it runs', () => {
    const snoozed = { ...STORED, local: { ...STORED.local, snoozeUntil: NOW + 1 } };
    expect(controlsInForce(snoozed, 'a.example', NOW, 'normal').snoozeUntil).toBe(NOW + 1);
    expect(controlsInForce(snoozed, 'a.example', NOW + 1, 'normal').snoozeUntil).toBeNull();
  });

  it('adds the private overlay in a private tab only', () => {
    const overlay = { ...NO_CONTROLS, allowlist: ['c.example'], snoozeUntil: NOW + 60_000 };
    const stored = { ...STORED, overlay };
    expect(controlsInForce(stored, 'c.example', NOW, 'private')).toMatchObject({ allowlisted: true, snoozeUntil: NOW + 60_000 });
    expect(controlsInForce(stored, 'c.example', NOW, 'normal')).toMatchObject({ allowlisted: false, snoozeUntil: null });
  });
});

describe('allDismissed', () => {
  const controls = controlsInForce({ ...STORED, dismissed: { 'a.example': { 'org-c': NOW, 'org-d': NOW - 10 } } }, 'a.example', NOW, 'normal');

  it('holds when every organization\'s banner was closed here', () => {
    expect(allDismissed(['org-c'], controls)).toBe(true);
    expect(allDismissed(['org-c', 'org-e'], controls)).toBe(false);
  });

  it('no longer holds for an organization relisted after its banner was closed', () => {
    expect(allDismissed(['org-d'], controls)).toBe(false);
  });
});

describe('changedLists', () => {
  it('names only the lists a control changed', () => {
    const before = STORED.local;
    expect(changedLists(before, { ...before, allowlist: ['a.example', 'c.example'] })).toEqual({ allowlist: ['a.example', 'c.example'] });
    expect(changedLists(before, { ...before, snoozeUntil: NOW })).toEqual({ snoozeUntil: NOW });
    expect(changedLists(before, { ...before, suppressed: { ...before.suppressed } })).toEqual({});
  });
});
