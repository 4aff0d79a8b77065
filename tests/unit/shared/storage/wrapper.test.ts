/** The storage wrapper and the watchers over it, against an in-memory storage (fake-browser.ts). */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeBrowser } from './fake-browser';

const fake = vi.hoisted(() => ({ browser: undefined as unknown as ReturnType<typeof createFakeBrowser> }));
vi.mock('webextension-polyfill', () => ({
  default: new Proxy({}, { get: (_t, key) => (fake.browser as unknown as Record<string | symbol, unknown>)[key] }),
}));

const { localStore, sessionStore, watchLocal } = await import('../../../../src/shared/storage/wrapper');
const { onEnabledChanged, onSnoozeChanged, onWarningControlsChanged } = await import('../../../../src/shared/storage/warning-controls');
const { readUserSettings } = await import('../../../../src/shared/storage/user-settings');
const { onStoredListChanged, onCompiledListChanged } = await import('../../../../src/shared/storage/list');
const { onSyncStatusChanged } = await import('../../../../src/shared/storage/sync-status');
const { onReportsChanged, onReportSettingsChanged } = await import('../../../../src/shared/storage/reports');
const { firstInSession } = await import('../../../../src/shared/storage/session-flags');
const { tabStateStore } = await import('../../../../src/shared/storage/tab-state');

beforeEach(() => {
  fake.browser = createFakeBrowser();
});

describe('storage wrapper', () => {
  it('reads a missing key as its default, and what was written after', async () => {
    expect(await localStore.get('enabled')).toBe(true);
    expect(await sessionStore.get('pendingChoices')).toEqual({});
    await localStore.set({ enabled: false, allowlist: ['example.org'] });
    expect(await localStore.getMany(['enabled', 'allowlist', 'suppressed'])).toEqual({ enabled: false, allowlist: ['example.org'], suppressed: {} });
  });

  it('a key watcher gets the new value, the default when the key is removed, and nothing once stopped', async () => {
    const seen: unknown[] = [];
    const stop = watchLocal('allowlist', (v) => seen.push(v));
    await localStore.set({ allowlist: ['a.example'] });
    await sessionStore.set({ dismissed: {} }); // another area
    await localStore.set({ enabled: false }); // another key
    await fake.browser.storage.local.remove('allowlist');
    stop();
    await localStore.set({ allowlist: ['b.example'] });
    expect(seen).toEqual([['a.example'], []]);
    expect(fake.browser.listeners.size).toBe(0);
  });

  it('every watcher returns the function that removes its listener', async () => {
    const stops = [
      onWarningControlsChanged(() => undefined),
      onEnabledChanged(() => undefined),
      onSnoozeChanged(() => undefined),
      onStoredListChanged(() => undefined),
      onCompiledListChanged(() => undefined),
      onSyncStatusChanged(() => undefined),
      onReportSettingsChanged(() => undefined),
      onReportsChanged(() => undefined),
    ];
    expect(fake.browser.listeners.size).toBe(stops.length);
    for (const stop of stops) stop();
    expect(fake.browser.listeners.size).toBe(0);
  });

  it('the warning controls watcher follows the controls in both areas, and stops', async () => {
    const calls = vi.fn();
    const stop = onWarningControlsChanged(calls);
    await localStore.set({ suppressed: { 'a.example': ['x'] } });
    await sessionStore.set({ dismissed: { 'a.example': { x: 1 } } });
    await localStore.set({ feedSettings: { url: null, intervalHours: 6 } }); // not a control
    await sessionStore.set({ privateLookups: {} }); // not a control
    expect(calls).toHaveBeenCalledTimes(2);
    stop();
    await localStore.set({ allowlist: ['b.example'] });
    expect(calls).toHaveBeenCalledTimes(2);
  });

  it('the snooze watcher names the scope and the new end, whatever wrote it, and only when the end changes', async () => {
    const calls: Array<[string, number | null]> = [];
    onSnoozeChanged((scope, until) => calls.push([scope, until]));
    await localStore.set({ snoozeUntil: 5_000 });
    await localStore.set({ snoozeUntil: 5_000, allowlist: ['a.example'] }); // the same end
    await sessionStore.set({ privateControls: { allowlist: ['p.example'], suppressed: {}, snoozeUntil: null } }); // no private snooze
    await sessionStore.set({ privateControls: { allowlist: [], suppressed: {}, snoozeUntil: 9_000 } });
    await localStore.set({ snoozeUntil: null });
    expect(calls).toEqual([
      ['normal', 5_000],
      ['private', 9_000],
      ['normal', null],
    ]);
  });

  it('readUserSettings reads every setting with defaults, a passed snooze as none', async () => {
    expect(await readUserSettings(1_000)).toEqual({
      enabled: true,
      allowlist: [],
      suppressed: {},
      snoozeUntil: null,
      feedSettings: { url: null, intervalHours: 24 },
      reportEndpoint: null,
    });
    await localStore.set({ snoozeUntil: 2_000, reportSettings: { endpoint: 'https://r.example/in', retryBaseMs: 5 } });
    expect(await readUserSettings(1_999)).toMatchObject({ snoozeUntil: 2_000, reportEndpoint: 'https://r.example/in' });
    expect((await readUserSettings(2_000)).snoozeUntil).toBeNull();
  });

  it('a session flag is true for its first caller only; tab state is per tab', async () => {
    expect(await firstInSession('outbox')).toBe(true);
    expect(await firstInSession('outbox')).toBe(false);
    expect(await firstInSession('other')).toBe(true);
    await tabStateStore.set(3, { url: 'https://a.example/', title: 'A', frames: {} });
    expect(await tabStateStore.get(3)).toEqual({ url: 'https://a.example/', title: 'A', frames: {} });
    expect(await tabStateStore.get(4)).toBeNull();
    await tabStateStore.remove(3);
    expect(await tabStateStore.get(3)).toBeNull();
  });
});
