import { describe, expect, it } from 'vitest';
import { bannerMayApply } from '../../../src/core/banner-permissions';

const top = { frameId: 0, url: 'https://www.example.com.cn/page' };

describe('bannerMayApply', () => {
  it('lets the banner act on its own site', () => {
    expect(bannerMayApply({ action: 'allowSite', site: 'example.com.cn', on: true }, top)).toBe(true);
    expect(bannerMayApply({ action: 'suppress', site: 'example.com.cn', entryId: 'x', on: true }, top)).toBe(true);
    expect(bannerMayApply({ action: 'dismiss', site: 'example.com.cn', entryIds: ['x'] }, top)).toBe(true);
    expect(bannerMayApply({ action: 'snooze', duration: 'hour' }, top)).toBe(true);
  });
  it('refuses another site, undoing, the global switch, and subframes', () => {
    expect(bannerMayApply({ action: 'allowSite', site: 'other.org', on: true }, top)).toBe(false);
    expect(bannerMayApply({ action: 'suppress', site: 'other.org', entryId: 'x', on: true }, top)).toBe(false);
    expect(bannerMayApply({ action: 'dismiss', site: 'other.org', entryIds: ['x'] }, top)).toBe(false);
    expect(bannerMayApply({ action: 'allowSite', site: 'example.com.cn', on: false }, top)).toBe(false);
    expect(bannerMayApply({ action: 'snooze', duration: null }, top)).toBe(false);
    expect(bannerMayApply({ action: 'enable', on: false }, top)).toBe(false);
    expect(bannerMayApply({ action: 'snooze', duration: 'day' }, { frameId: 3, url: top.url })).toBe(false);
    expect(bannerMayApply({ action: 'snooze', duration: 'day' }, { frameId: 0, url: 'chrome://newtab' })).toBe(false);
  });
});
