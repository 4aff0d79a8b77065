import { describe, expect, it } from 'vitest';
import {
  compareVersions, formatVersion, isFeedVersion, nextVersion, versionDate, versionFromDate, versionToDate,
} from '../../../src/core/feed/version';

describe('feed versions (UTC YYYYMMDDHHmmss)', () => {
  it('accepts real UTC times only', () => {
    expect(isFeedVersion(20261128094711)).toBe(true);
    expect(isFeedVersion(20240229235959)).toBe(true); // leap day
    for (const bad of [20230229000000, 20261301000000, 20261132000000, 20261128240000, 20261128096000, 20261128094760,
      2026112809471, 202611280947110, 20261128094711.5, -20261128094711, 19991231235959, '20261128094711', null, NaN]) {
      expect(isFeedVersion(bad), String(bad)).toBe(false);
    }
  });

  it('converts to and from dates', () => {
    const date = new Date('2026-11-28T09:47:11.999Z');
    expect(versionFromDate(date)).toBe(20261128094711);
    expect(versionToDate(20261128094711)?.toISOString()).toBe('2026-11-28T09:47:11.000Z');
    expect(versionToDate(20261301000000)).toBeNull();
    expect(formatVersion(20261128094711)).toBe('2026-11-28 09:47 UTC');
    expect(versionDate(20261128094711)).toBe('2026-11-28');
  });

  it('orders versions numerically; only strictly newer replaces', () => {
    expect(compareVersions(20261128094711, 20261128094712)).toBe(-1);
    expect(compareVersions(20261128094711, 20261128094711)).toBe(0);
    expect(compareVersions(20270101000000, 20261231235959)).toBe(1);
    expect(compareVersions(20261128094712, 20261128094711)).toBeGreaterThan(0);
    expect(compareVersions(20261128094711, 20261128094711)).toBe(0);
    expect(compareVersions(20261128094710, 20261128094711)).toBeLessThan(0);
    const sorted = [20261231235959, 20250101000000, 20270101000000, 20261128094711].sort(compareVersions);
    expect(sorted).toEqual([20250101000000, 20261128094711, 20261231235959, 20270101000000]);
  });

  it('keeps growing when the tool runs twice in a second or the clock goes back', () => {
    const now = new Date('2026-11-28T09:47:11Z');
    expect(nextVersion(now)).toBe(20261128094711);
    expect(nextVersion(now, 20261128094700)).toBe(20261128094711);
    expect(nextVersion(now, 20261128094711)).toBe(20261128094712);
    expect(nextVersion(now, 20261231235959)).toBe(20270101000000);
    for (let v = 20261128094758, i = 0; i < 5; i++) {
      const next = nextVersion(now, v);
      expect(isFeedVersion(next)).toBe(true);
      expect(next).toBeGreaterThan(v);
      v = next;
    }
  });
});
