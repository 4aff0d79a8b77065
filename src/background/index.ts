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
import { applyControl } from './warning-controls';

handleMessages<BackgroundMessages>({
  frameFindings: async (report, sender) => {
    if (sender.tab?.id === undefined || sender.frameId === undefined) return null;
    await recordFrame(sender.tab.id, sender.frameId, report, sender.tab.incognito);
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
  warningControl: async ({ control, tabId }, sender) => {
    // The banner speaks for its own tab only, and only from the top frame. The popup (also when
    // open as a page in a tab) and the options page are extension pages: they name the tab.
    const fromBanner = sender.tab?.id !== undefined && !sender.url?.startsWith(browser.runtime.getURL(''));
    if (fromBanner && sender.frameId !== 0) return null;
    const id = fromBanner ? sender.tab!.id! : tabId;
    // Private or not is the tab's (core/private-windows.ts); the options page names no tab.
    const tab = fromBanner ? sender.tab : id === undefined ? undefined : await browser.tabs.get(id).catch(() => undefined);
    await applyControl(control, Date.now(), scopeOf(tab)); // the storage listener below republishes every tab
    return id === undefined ? null : tabFindings(id);
  },
  showInFrame: async ({ frameId, entryId, index }, sender) => {
    if (sender.tab?.id === undefined || sender.frameId !== 0) return false;
    return sendToFrame(sender.tab.id, frameId, 'showOccurrence', { entryId, index }).catch(() => false);
  },
  syncNow: async () => {
    // Runs in the worker: the popup that asked may close meanwhile.
    await startSync().started;
    return syncView();
  },
  getSyncStatus: () => syncView(),
  // Reports (background/report.ts, report-outbox.ts).
  openReport: async ({ source, tabId }, sender) => {
    // The banner (a content script) speaks for its own tab; the popup, also when it is open as
    // a page in a tab, names the tab it shows.
    const fromPage = sender.tab?.id !== undefined && !sender.url?.startsWith(browser.runtime.getURL(''));
    const id = fromPage ? sender.tab!.id : tabId;
    if (id !== undefined && id >= 0) await openReport(id, fromPage ? 'banner' : source);
    return null;
  },
  getReportDraft: ({ tabId }) => reportDraft(tabId),
  captureScreenshot: ({ tabId }) => captureScreenshot(tabId),
  saveReport: ({ report, action }) => saveReport(report, action),
  sendReport: ({ report }) => sendReport(report),
  retryReport: ({ id }) => retryReport(id),
  deleteReport: ({ id }) => deleteReport(id),
  setReportEndpoint: ({ endpoint }) => setReportEndpoint(endpoint),
  setFeedSettings: (change) => setFeedSettings(change),
  importSettings: ({ settings }, sender) =>
    // Extension pages only (the options page); never a content script.
    sender.tab?.id !== undefined && !sender.url?.startsWith(browser.runtime.getURL(''))
      ? { ok: false, problem: { kind: 'format' } }
      : importSettings(settings),
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

async function start(): Promise<void> {
  await migrateStorage();
  await ensureCompiled();
}

browser.runtime.onInstalled.addListener(() => void start());
browser.runtime.onStartup.addListener(() => void start());
browser.runtime.onInstalled.addListener(() => void createContextMenus());
browser.runtime.onStartup.addListener(() => void createContextMenus());
