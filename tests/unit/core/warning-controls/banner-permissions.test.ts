import { describe, expect, it } from 'vitest';
import { bannerMayApply, bannerMayRequest } from '../../../../src/core/warning-controls';

const top = { frameId: 0, url: 'https://www.example.com.cn/page' };

describe('bannerMayApply', () => {
  it('lets the banner close itself for the session on its own site', () => {
    expect(bannerMayApply({ action: 'dismiss', site: 'example.com.cn', entryIds: ['x'] }, top)).toBe(true);
  });
  it('never lets it apply a choice itself: those go through the confirmation page', () => {
    expect(bannerMayApply({ action: 'allowSite', site: 'example.com.cn', on: true }, top)).toBe(false);
    expect(bannerMayApply({ action: 'suppress', site: 'example.com.cn', entryId: 'x', on: true }, top)).toBe(false);
    expect(bannerMayApply({ action: 'snooze', duration: 'hour' }, top)).toBe(false);
  });
  it('refuses another site, undoing, the global switch, and subframes', () => {
    expect(bannerMayApply({ action: 'dismiss', site: 'other.org', entryIds: ['x'] }, top)).toBe(false);
    expect(bannerMayApply({ action: 'undismiss', site: 'example.com.cn' }, top)).toBe(false);
    expect(bannerMayApply({ action: 'enable', on: false }, top)).toBe(false);
    expect(bannerMayApply({ action: 'dismiss', site: 'example.com.cn', entryIds: ['x'] }, { frameId: 3, url: top.url })).toBe(false);
  });
});

describe('bannerMayRequest', () => {
  it('lets the banner ask about its own site and an offered snooze', () => {
    expect(bannerMayRequest({ action: 'allowSite', site: 'example.com.cn', on: true }, top)).toEqual({
      action: 'allowSite',
      site: 'example.com.cn',
      on: true,
    });
    expect(bannerMayRequest({ action: 'suppress', site: 'example.com.cn', entryId: 'x', on: true, extra: 1 }, top)).toEqual({
      action: 'suppress',
      site: 'example.com.cn',
      entryId: 'x',
      on: true,
    });
    expect(bannerMayRequest({ action: 'snooze', duration: 'day' }, top)).toEqual({ action: 'snooze', duration: 'day' });
  });
  it('refuses another site, undoing, odd durations and ids, the switch, subframes and other pages', () => {
    const refused = [
      { action: 'allowSite', site: 'other.org', on: true },
      { action: 'allowSite', site: 'example.com.cn', on: false },
      { action: 'suppress', site: 'example.com.cn', entryId: '', on: true },
      { action: 'suppress', site: 'example.com.cn', entryId: 'x'.repeat(201), on: true },
      { action: 'snooze', duration: null },
      { action: 'snooze', duration: 'week' },
      { action: 'snooze', duration: 'toString' },
      { action: 'enable', on: false },
      { action: 'dismiss', site: 'example.com.cn', entryIds: [] },
      null,
      'snooze',
    ];
    for (const control of refused) expect(bannerMayRequest(control, top), JSON.stringify(control)).toBeNull();
    expect(bannerMayRequest({ action: 'snooze', duration: 'day' }, { frameId: 3, url: top.url })).toBeNull();
    expect(bannerMayRequest({ action: 'snooze', duration: 'day' }, { frameId: 0, url: 'chrome://newtab' })).toBeNull();
  });
});
