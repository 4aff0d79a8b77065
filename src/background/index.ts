/**
 * Service worker entry. Everything it keeps lives in storage (see shared/storage.ts): it may be
 * stopped whenever it is idle and start again on the next event. Listeners are registered
 * synchronously at the top level, as Chrome requires for events to wake the worker.
 */
import browser from 'webextension-polyfill';
import { scopeOf } from '../core/private-windows';
import { handleMessages, sendToFrame, type BackgroundMessages } from '../shared/messages';
import { migrateStorage, onWarningControlsChanged } from '../shared/storage';
import { ensureCompiled } from './compiled';
import { createContextMenus, initContextMenus } from './context-menu';
import { captureScreenshot, openReport, reportDraft } from './report';
import { deleteReport, initOutbox, retryReport, saveReport, sendReport, setReportEndpoint } from './report-outbox';
import { importSettings } from './settings';
import { initSync, setFeedSettings, startSync, syncView } from './sync';
import { dropTab, forgetFrame, recordFrame, republishAll, resetTab, tabFindings } from './tab-findings';
import { bannerMayApply } from '../core/banner-permissions';
import { extensionPagesOnly, isActiveDocument, isContentScript, isExtensionPage } from './senders';
import { applyControl, SNOOZE_END_ALARM } from './warning-controls';

// Every handler checks who sent it (senders.ts): a content script reports and acts for its own
// frame, tab and site only; settings, sync, reports and imports are for extension pages.
handleMessages<BackgroundMessages>({
  frameFindings: async (report, sender) => {
    if (!isContentScript(sender) || sender.frameId === undefined || !isActiveDocument(sender)) return null;
    await recordFrame(sender.tab!.id!, sender.frameId, report, sender.tab!.incognito);
    return null;
  },
  frameGone: async (_payload, sender) => {
    if (!isContentScript(sender) || sender.frameId === undefined) return null;
    await forgetFrame(sender.tab!.id!, sender.frameId);
    return null;
  },
  getTabFindings: async ({ tabId }, sender) => {
    // A content script learns its own tab's findings only.
    const id = isContentScript(sender) ? sender.tab!.id : isExtensionPage(sender) ? tabId : undefined;
    return id === undefined ? null : tabFindings(id);
  },
  getCompiledList: () => ensureCompiled(),
  warningControl: async ({ control, tabId }, sender) => {
    // The banner speaks for its own tab and site only, from the top frame (senders.ts). The
    // popup (also when open as a page in a tab) and the options page name the tab.
    const fromBanner = isContentScript(sender);
    if (fromBanner ? !bannerMayApply(control, sender) : !isExtensionPage(sender)) return null;
    const id = fromBanner ? sender.tab!.id! : tabId;
    // Private or not is the tab's (core/private-windows.ts); the options page names no tab.
    const tab = fromBanner ? sender.tab : id === undefined ? undefined : await browser.tabs.get(id).catch(() => undefined);
    await applyControl(control, Date.now(), scopeOf(tab)); // the storage listener below republishes every tab
    return id === undefined ? null : tabFindings(id);
  },
  showInFrame: async ({ frameId, entryId, index }, sender) => {
    if (!isContentScript(sender) || sender.frameId !== 0) return false;
    return sendToFrame(sender.tab!.id!, frameId, 'showOccurrence', { entryId, index }).catch(() => false);
  },
  syncNow: extensionPagesOnly(async () => {
    // Runs in the worker: the popup that asked may close meanwhile.
    await startSync().started;
    return syncView();
  }),
  getSyncStatus: extensionPagesOnly(() => syncView()),
  // Reports (background/report.ts, report-outbox.ts).
  openReport: async ({ source, tabId }, sender) => {
    // The banner (a content script) speaks for its own tab; the popup, also when it is open as
    // a page in a tab, names the tab it shows.
    const fromPage = isContentScript(sender);
    if (!fromPage && !isExtensionPage(sender)) return null;
    const id = fromPage ? sender.tab!.id : tabId;
    if (id !== undefined && id >= 0) await openReport(id, fromPage ? 'banner' : source);
    return null;
  },
  getReportDraft: extensionPagesOnly(({ tabId }) => reportDraft(tabId)),
  captureScreenshot: extensionPagesOnly(({ tabId }) => captureScreenshot(tabId)),
  saveReport: extensionPagesOnly(({ report, action }) => saveReport(report, action)),
  sendReport: extensionPagesOnly(({ report }) => sendReport(report)),
  retryReport: extensionPagesOnly(({ id }) => retryReport(id)),
  deleteReport: extensionPagesOnly(({ id }) => deleteReport(id)),
  setReportEndpoint: extensionPagesOnly(({ endpoint, pending }) => setReportEndpoint(endpoint, pending)),
  setFeedSettings: extensionPagesOnly((change) => setFeedSettings(change)),
  importSettings: extensionPagesOnly(({ settings }) => importSettings(settings)),
});

initSync();
initContextMenus();
initOutbox();

browser.webNavigation.onCommitted.addListener(({ tabId, frameId }) => {
  if (tabId < 0) return;
  void (frameId === 0 ? resetTab(tabId) : forgetFrame(tabId, frameId));
});

// Content scripts live in an isolated world and cannot see the page's history.pushState.
browser.webNavigation.onHistoryStateUpdated.addListener(({ tabId, frameId }) => {
  if (tabId >= 0) void sendToFrame(tabId, frameId, 'rescan', {}).catch(() => undefined);
});

browser.tabs.onRemoved.addListener((tabId) => dropTab(tabId));

// A control set from any tab or the popup, or a sync that relisted an organization, can change
// every tab's badge count and banner.
onWarningControlsChanged(() => void republishAll());
// A snooze ended (warning-controls.ts): banners come back on open tabs without a reload.
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name.startsWith(SNOOZE_END_ALARM)) void republishAll();
});

async function start(): Promise<void> {
  await migrateStorage();
  await ensureCompiled();
}

browser.runtime.onInstalled.addListener(() => void start());
browser.runtime.onStartup.addListener(() => void start());
browser.runtime.onInstalled.addListener(() => void createContextMenus());
browser.runtime.onStartup.addListener(() => void createContextMenus());
