import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { namesKnownEntries, NO_CONTROLS, WarningControlSchema, withControl } from '../../../../src/core/warning-controls';

describe('WarningControlSchema', () => {
  it('accepts the offered snooze durations only (issue 11 item 6: a snooze of NaN)', () => {
    expect(v.is(WarningControlSchema, { action: 'snooze', duration: 'hour' })).toBe(true);
    expect(v.is(WarningControlSchema, { action: 'snooze', duration: null })).toBe(true);
    for (const duration of ['week', 'toString', '__proto__', 3600, undefined]) {
      const control = { action: 'snooze', duration } as never;
      expect(v.is(WarningControlSchema, control)).toBe(false);
    }
    // What today's code did with such a duration: a snooze until NaN.
    expect(withControl(NO_CONTROLS, { action: 'snooze', duration: 'week' } as never, 0).snoozeUntil).toBeNaN();
  });
});

describe('namesKnownEntries', () => {
  const known = (id: string) => id === 'a' || id === 'b';
  it('lets a control turn something on for known organizations only', () => {
    expect(namesKnownEntries({ action: 'dismiss', site: 's', entryIds: ['a', 'b'] }, known)).toBe(true);
    expect(namesKnownEntries({ action: 'dismiss', site: 's', entryIds: ['a', 'zz'] }, known)).toBe(false);
    expect(namesKnownEntries({ action: 'suppress', site: 's', entryId: 'zz', on: true }, known)).toBe(false);
    expect(namesKnownEntries({ action: 'suppress', site: 's', entryId: 'a', on: true }, known)).toBe(true);
  });
  it('always lets a suppression be undone', () => {
    expect(namesKnownEntries({ action: 'suppress', site: 's', entryId: 'zz', on: false }, known)).toBe(true);
    expect(namesKnownEntries({ action: 'snooze', duration: 'day' }, known)).toBe(true);
  });
});
