/**
 * The one typed map of every extension message, and the only code that calls
 * runtime.sendMessage / tabs.sendMessage / onMessage. Messages carry JSON only (Chrome's
 * messaging serializes them), so every request and response here is plain data.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import type { CompiledList } from '../core/compiled-list';
import type { Report, ReportDraft } from '../core/report';
import type { PendingChoice, ReportAction, ReportRecord } from '../core/report-outbox';
import type { ImportProblem } from '../core/settings-transfer';
import type { WarningControl } from '../core/controls';
import type { FrameReport, FrameReportContext, TabFindings } from './findings';
import type { SyncStatus } from './storage';

/** Content script or popup → background. */
export interface BackgroundMessages {
  /** A frame's complete current findings (replaces what it reported before). */
  frameFindings: { request: FrameReport; response: null };
  /** The frame's document is going away (pagehide): drop its findings. */
  frameGone: { request: Record<string, never>; response: null };
  /** What a tab found, for the banner (own tab when tabId is absent) and the popup. */
  getTabFindings: { request: { tabId?: number }; response: TabFindings | null };
  /** The compiled list, for a content script that found none in storage. */
  getCompiledList: { request: Record<string, never>; response: CompiledList };
  /** A warning control from the banner (its own tab) or the popup (tabId given). */
  warningControl: { request: { control: WarningControl; tabId?: number }; response: TabFindings | null };
  /** Opens the report of a tab (the sender's when tabId is absent) for the user to review and send. */
  openReport: { request: { source: 'banner' | 'popup' | 'context-menu'; tabId?: number }; response: null };
  /**
   * From the report page: what the tab's frames found, merged into a report draft
   * (background/report.ts). `private`: the tab is in a private window, so the report is kept only
   * until the browser closes.
   */
  getReportDraft: {
    request: { tabId: number };
    response: { ok: true; draft: ReportDraft; private: boolean } | { ok: false; error: 'no-tab' };
  };
  /** From the report page, when the user ticks "screenshot": the visible tab, under activeTab. */
  captureScreenshot: { request: { tabId: number }; response: { ok: true; dataUrl: string } | { ok: false; error: string } };
  /** Keeps a report in the history, noting what the user did with it (copy, download …). */
  saveReport: { request: { report: Report; action: ReportAction }; response: ReportRecord | null };
  /** Queues a report in the outbox for the endpoint set in the options (and tries it at once). */
  sendReport: {
    request: { report: Report };
    response: { ok: true; record: ReportRecord } | { ok: false; error: 'no-endpoint' | 'invalid' };
  };
  /** Tries a pending or rejected report again now. */
  retryReport: { request: { id: string }; response: ReportRecord | null };
  /** Removes a report from the history (and from the outbox). */
  deleteReport: { request: { id: string }; response: null };
  /**
   * From the options page: the report endpoint (null: none), and what to do with reports queued
   * for the one it replaces (core/report-outbox.ts PendingChoice; absent: keep them unsent).
   * (h-reports: `pending` added, issue 11 item 4.)
   */
  setReportEndpoint: {
    request: { endpoint: string | null; pending?: PendingChoice };
    response: { ok: true } | { ok: false; error: 'url' };
  };
  /** From the banner: highlight occurrence `index` of an organization in another frame of its tab. */
  showInFrame: { request: { frameId: number; entryId: string; index: number }; response: boolean };
  /** Starts a feed sync in the background (or joins the running one); answers at once. */
  syncNow: { request: Record<string, never>; response: SyncView };
  /** The feed configuration, the list in use and where syncing stands. */
  getSyncStatus: { request: Record<string, never>; response: SyncView };
  /**
   * From the options page: settings read from a file and checked there (core/settings-transfer.ts);
   * checked again, then applied all at once, or not at all.
   */
  importSettings: { request: { settings: unknown }; response: { ok: true } | { ok: false; problem: ImportProblem } };
  /** From the options page: a feed URL (null: the built-in one) and/or the sync interval. */
  setFeedSettings: {
    request: { url?: string | null; intervalHours?: number };
    response: { ok: true; view: SyncView } | { ok: false; error: 'url' | 'interval' | 'no-feed' };
  };
}

/** What the popup and the options page show about the feed (see background/sync.ts). */
export interface SyncView {
  /** false: this build has no feed key, so only the bundled list (no URL can be set). */
  feedAvailable: boolean;
  /** The URL synced from (the options page's, else the built-in one), or null: no feed. */
  url: string | null;
  builtInUrl: string | null;
  intervalHours: number;
  status: SyncStatus;
  /** A sync is running now. */
  running: boolean;
  list: { source: 'bundled' | 'feed'; version: number; generatedAt: string | null; count: number };
  bundledVersion: number;
}

/** Background → a content script of one frame. */
export interface ContentMessages {
  /** The tab's findings changed: the top frame updates its banner. */
  tabFindingsChanged: { request: TabFindings; response: null };
  /** Scan the whole document again (history navigation, a new list). */
  rescan: { request: Record<string, never>; response: null };
  /** Scroll to and highlight occurrence `index` of an organization in this frame. */
  showOccurrence: { request: { entryId: string; index: number }; response: boolean };
  /** Remove any highlight this frame shows. */
  clearHighlight: { request: Record<string, never>; response: null };
  /** The frame's matches with their context and the selection, for a report. */
  collectReportContext: { request: Record<string, never>; response: FrameReportContext };
}

type Envelope<M, K extends keyof M> = { type: K; payload: M[K] extends { request: infer R } ? R : never };
type Req<M, K extends keyof M> = M[K] extends { request: infer R } ? R : never;
type Res<M, K extends keyof M> = M[K] extends { response: infer R } ? R : never;

export type Handlers<M> = {
  [K in keyof M]?: (payload: Req<M, K>, sender: Runtime.MessageSender) => Promise<Res<M, K>> | Res<M, K>;
};

export function sendToBackground<K extends keyof BackgroundMessages>(
  type: K,
  payload: Req<BackgroundMessages, K>,
): Promise<Res<BackgroundMessages, K>> {
  return browser.runtime.sendMessage({ type, payload } satisfies Envelope<BackgroundMessages, K>) as Promise<
    Res<BackgroundMessages, K>
  >;
}

export function sendToFrame<K extends keyof ContentMessages>(
  tabId: number,
  frameId: number,
  type: K,
  payload: Req<ContentMessages, K>,
): Promise<Res<ContentMessages, K>> {
  return browser.tabs.sendMessage(tabId, { type, payload } satisfies Envelope<ContentMessages, K>, { frameId }) as Promise<
    Res<ContentMessages, K>
  >;
}

/** Registers handlers for the messages of map M; messages of other types are left to others. */
export function handleMessages<M>(handlers: Handlers<M>): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!message || typeof message !== 'object' || !('type' in message)) return undefined;
    const { type, payload } = message as { type: string; payload: unknown };
    const handler = (handlers as Record<string, ((p: unknown, s: Runtime.MessageSender) => unknown) | undefined>)[type];
    if (!handler) return undefined;
    // A promise answers the sender; null keeps the reply JSON (undefined would be dropped).
    return Promise.resolve(handler(payload, sender)).then((r) => r ?? null);
  });
}
