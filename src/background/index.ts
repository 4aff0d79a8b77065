/**
 * Service worker entry. Everything it keeps lives in storage (see shared/storage.ts): it may be
 * stopped whenever it is idle and start again on the next event. Listeners are registered
 * synchronously at the top level, as Chrome requires for events to wake the worker.
 */
import browser from 'webextension-polyfill';
import { handleMessages, sendToFrame, type BackgroundMessages } from '../shared/messages';
import { migrateStorage } from '../shared/storage';
import { ensureCompiled } from './compiled';
import { dropTab, forgetFrame, recordFrame, resetTab, tabFindings } from './tab-findings';

handleMessages<BackgroundMessages>({
  frameFindings: async (report, sender) => {
    if (sender.tab?.id === undefined || sender.frameId === undefined) return null;
    await recordFrame(sender.tab.id, sender.frameId, report);
    return null;
  },
  frameGone: async (_payload, sender) => {
    if (sender.tab?.id === undefined || sender.frameId === undefined) return null;
    await forgetFrame(sender.tab.id, sender.frameId);
    return null;
  },
  getTabFindings: async ({ tabId }, sender) => {
    const id = tabId ?? sender.tab?.id;
    return id === undefined ? null : tabFindings(id);
  },
  getCompiledList: () => ensureCompiled(),
});

browser.webNavigation.onCommitted.addListener(({ tabId, frameId }) => {
  if (tabId < 0) return;
  void (frameId === 0 ? resetTab(tabId) : forgetFrame(tabId, frameId));
});

// Content scripts live in an isolated world and cannot see the page's history.pushState.
browser.webNavigation.onHistoryStateUpdated.addListener(({ tabId, frameId }) => {
  if (tabId >= 0) void sendToFrame(tabId, frameId, 'rescan', {}).catch(() => undefined);
});

browser.tabs.onRemoved.addListener((tabId) => dropTab(tabId));

async function start(): Promise<void> {
  await migrateStorage();
  await ensureCompiled();
}

browser.runtime.onInstalled.addListener(() => void start());
browser.runtime.onStartup.addListener(() => void start());
