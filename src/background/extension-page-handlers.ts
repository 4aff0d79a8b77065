/**
 * The background's answers to the extension's own pages (shared/messages.ts
 * ExtensionPageMessages): the popup, the options page, the report page. The sender check has
 * made sure one of them sent it (background/senders.ts); they may act on any tab and on the
 * user's settings.
 */
import * as v from 'valibot';
import browser from 'webextension-polyfill';
import { namesKnownEntries, scopeOf, WarningControlSchema } from '../core/warning-controls';
import { activeList } from '../shared/list-store';
import type { Handlers, ExtensionPageMessages } from '../shared/messages';
import type { PayloadSchemas } from '../shared/message-dispatch';
import { pendingChoice, settleChoice } from './confirmations';
import { captureScreenshot, openReport, reportDraft } from './report';
import { deleteReport, retryReport, saveReport, sendReport, setReportEndpoint } from './report-outbox';
import type { ExtensionPageSender } from './senders';
import { importSettings } from './settings';
import { setFeedSettings, startSync, syncView } from './sync';
import { tabFindings } from './tab-findings';
import { applyControl } from './warning-controls';

const TabId = v.pipe(v.number(), v.integer(), v.minValue(0));

/** Checks of what extension pages send, where a wrong value would be stored (a snooze of NaN). */
export const extensionPageSchemas: Partial<PayloadSchemas<ExtensionPageMessages>> = {
  warningControl: v.object({ control: WarningControlSchema, tabId: v.optional(TabId) }),
  openReport: v.object({ source: v.picklist(['popup', 'context-menu', 'banner']), tabId: TabId }),
  settleChoice: v.object({ tabId: TabId, confirm: v.boolean(), nonce: v.optional(v.pipe(v.string(), v.maxLength(64))) }),
  getReportDraft: v.object({ tabId: TabId, source: v.optional(v.picklist(['popup', 'context-menu', 'banner'])) }),
};

export const extensionPageHandlers: Handlers<ExtensionPageMessages, ExtensionPageSender> = {
  getTabFindings: ({ tabId }) => tabFindings(tabId),
  warningControl: async ({ control, tabId }) => {
    // Organizations the list does not know are never suppressed or closed (undoing still works).
    const { byId } = await activeList();
    if (!namesKnownEntries(control, (id) => byId.has(id))) return null;
    // Private or not is the tab's (core/warning-controls/private-windows.ts); the options page names no tab.
    const tab = tabId === undefined ? undefined : await browser.tabs.get(tabId).catch(() => undefined);
    await applyControl(control, Date.now(), scopeOf(tab)); // the storage listener republishes every tab
    return tabId === undefined ? null : tabFindings(tabId);
  },
  openReport: async ({ source, tabId }) => {
    await openReport(tabId, source);
    return null;
  },
  syncNow: async () => {
    // Runs in the worker: the popup that asked may close meanwhile.
    await startSync().started;
    return syncView();
  },
  getSyncStatus: () => syncView(),
  getReportDraft: ({ tabId, source }) => reportDraft(tabId, source),
  captureScreenshot: ({ tabId }) => captureScreenshot(tabId),
  saveReport: ({ report, action }) => saveReport(report, action),
  sendReport: ({ report }) => sendReport(report),
  retryReport: ({ id }) => retryReport(id),
  deleteReport: ({ id }) => deleteReport(id),
  setReportEndpoint: ({ endpoint, pending }) => setReportEndpoint(endpoint, pending),
  setFeedSettings: (change) => setFeedSettings(change),
  importSettings: ({ settings }) => importSettings(settings),
  getPendingChoice: ({ tabId }) => pendingChoice(tabId),
  settleChoice: ({ tabId, confirm, nonce }) => settleChoice(tabId, confirm === true, nonce),
};
