/**
 * Service worker entry. Everything it keeps lives in storage (see shared/storage/): it may be
 * stopped whenever it is idle and start again on the next event. Listeners are registered
 * synchronously at the top level, as Chrome requires for events to wake the worker.
 */
import browser from 'webextension-polyfill';
import { handleMessages, sendToFrame, type ContentScriptMessages, type ExtensionPageMessages } from '../shared/messages';
import { migrateStorageAtStart } from '../shared/storage/migrations';
import { onWarningControlsChanged } from '../shared/storage/warning-controls';
import { ensureCompiled } from './compiled';
import { contentScriptHandlers, contentScriptLatest, contentScriptSchemas, frameSlots } from './content-script-handlers';
import { exposeFlowLog } from './flow-log';
import { initCommands } from './commands';
import { createContextMenus, initContextMenus } from './context-menu';
import { initConfirmations } from './confirmations';
import { extensionPageHandlers, extensionPageSchemas } from './extension-page-handlers';
import { initOutbox } from './report-outbox';
import { contentScriptSender, extensionPageSender, type ContentScriptSender, type ExtensionPageSender, type Self } from './senders';
import { initSnoozeAlarms, resyncSnoozeAlarms, SNOOZE_END_ALARM } from './snooze-alarms';
import { initSync } from './sync';
import { dropTab, forgetFrame, republishAll, resetTab } from './tab-findings';

const self: Self = { id: browser.runtime.id, baseUrl: browser.runtime.getURL('') };

// The trust boundary (shared/messages.ts): one map per kind of sender, one sender check per map.
// A content script reports and acts for its own frame, tab and site only, and every payload it
// sends is checked and capped first; settings, sync, reports and other tabs are for extension pages.
handleMessages<ContentScriptMessages, ContentScriptSender>(
  { name: 'content script', sender: (raw) => contentScriptSender(raw, self), payloads: contentScriptSchemas, latest: contentScriptLatest },
  contentScriptHandlers,
);
handleMessages<ExtensionPageMessages, ExtensionPageSender>(
  { name: 'extension page', sender: (raw) => extensionPageSender(raw, self), payloads: extensionPageSchemas },
  extensionPageHandlers,
);

exposeFlowLog(() => frameSlots.counts());

initSync();
initConfirmations();
initContextMenus();
initCommands();
initOutbox();
initSnoozeAlarms();

browser.webNavigation.onCommitted.addListener(({ tabId, frameId }) => {
  if (tabId < 0) return;
  void (frameId === 0 ? resetTab(tabId) : forgetFrame(tabId, frameId));
});

// Content scripts live in an isolated world and cannot see the page's history.pushState.
browser.webNavigation.onHistoryStateUpdated.addListener(({ tabId, frameId }) => {
  if (tabId >= 0) void sendToFrame(tabId, frameId, 'rescan', {}).catch(() => undefined);
});

browser.tabs.onRemoved.addListener((tabId) => {
  frameSlots.drop(tabId);
  void dropTab(tabId);
});

// A control set from any tab or the popup, or a sync that relisted an organization, can change
// every tab's badge count and banner.
onWarningControlsChanged(() => void republishAll());
// A snooze ended (snooze-alarms.ts): banners come back on open tabs without a reload.
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name.startsWith(SNOOZE_END_ALARM)) void republishAll();
});

// Storage is brought to this version's schema once each time the worker starts (it stops when
// idle); a run that finds it current reads one key.
const migrated = migrateStorageAtStart();

async function start(): Promise<void> {
  await migrated;
  await Promise.all([ensureCompiled(), resyncSnoozeAlarms()]);
}

browser.runtime.onInstalled.addListener(() => void start());
browser.runtime.onStartup.addListener(() => void start());
browser.runtime.onInstalled.addListener(() => void createContextMenus());
browser.runtime.onStartup.addListener(() => void createContextMenus());
