/**
 * The typed maps of every extension message, and the only code that calls
 * runtime.sendMessage / tabs.sendMessage / onMessage. Messages carry JSON only (Chrome's
 * messaging serializes them), so every request and response here is plain data.
 *
 * The trust boundary is in the types, as uBlock Origin's privileged and unprivileged channels:
 * - ContentScriptMessages: what a content script may send. It speaks for a web page's renderer,
 *   which may be hostile, so each of these messages has a payload schema that checks and caps it
 *   (content-script-payloads.ts) and acts on the sender's own frame, tab and site only.
 * - ExtensionPageMessages: what the extension's own pages (popup, options, report page) may send.
 * Each map has one sender check, made where its handlers are registered (background/senders.ts),
 * so a handler never sees a message from the other side. Message names are unique across maps.
 *
 * A new message goes into one map, with its handler in background/content-script-handlers.ts or
 * background/extension-page-handlers.ts; a content-script message also needs its payload schema
 * in content-script-payloads.ts (the compiler insists on both).
 */
import browser, { type Runtime } from 'webextension-polyfill';
import type * as v from 'valibot';
import type { CompiledList } from '../core/compiled-list';
import type { Report, ReportDraft, ReportSource } from '../core/report';
import type { PendingChoice, ReportAction, ReportRecord } from '../core/report-outbox';
import type { ImportProblem } from '../core/settings-transfer';
import type { PendingChoiceView, WarningControl } from '../core/warning-controls';
import type { contentScriptPayloads } from './content-script-payloads';
import type { FrameReportContext, FrameScan, TabFindings } from './findings';
import { dispatcher, type Channel, type Envelope, type Handlers, type Req, type Res } from './message-dispatch';
import type { SyncStatus } from './storage/areas';

export type { Handlers } from './message-dispatch';

type Payload<K extends keyof typeof contentScriptPayloads> = v.InferOutput<(typeof contentScriptPayloads)[K]>;

/**
 * Content script → background (unprivileged). Each request type is what its schema in
 * content-script-payloads.ts lets through.
 */
export interface ContentScriptMessages {
  /** The frame's complete current findings (replaces what it reported before). */
  frameFindings: { request: FrameScan; response: null };
  /** The frame's document is going away (pagehide): drop its findings. */
  frameGone: { request: Payload<'frameGone'>; response: null };
  /** What the sender's own tab found, for its banner. */
  getOwnTabFindings: { request: Payload<'getOwnTabFindings'>; response: TabFindings | null };
  /** The compiled list, for a content script that found none in storage. */
  getCompiledList: { request: Payload<'getCompiledList'>; response: CompiledList };
  /** A warning control from the banner, for its own tab and site (core/banner-permissions.ts). */
  bannerControl: { request: { control: WarningControl }; response: TabFindings | null };
  /** The banner's "Report": opens the report of the sender's own tab (top frame only, rate-limited). */
  bannerReport: { request: Payload<'bannerReport'>; response: null };
  /** The banner's help button: opens OrgCheck's help page in a new tab (top frame only, rate-limited). */
  openHelp: { request: Payload<'openHelp'>; response: null };
  /** From the banner: highlight occurrence `index` of an organization in another frame of its tab. */
  showInFrame: { request: Payload<'showInFrame'>; response: boolean };
  /**
   * The banner's "Not this organization", "Don't warn on this site" or a snooze: the background
   * opens the tab's one confirmation page; nothing is applied yet. false: refused
   * (core/banner-permissions.ts).
   */
  requestChoice: { request: Payload<'requestChoice'>; response: boolean };
  /** The page hid the banner without a click (removed it twice, or kept it covered). */
  bannerHidden: { request: Payload<'bannerHidden'>; response: null };
}

/** Extension page (popup, options page, report page) → background (privileged). */
export interface ExtensionPageMessages {
  /** What a tab found, for the popup. */
  getTabFindings: { request: { tabId: number }; response: TabFindings | null };
  /** A warning control from the popup (tabId given) or the options page. */
  warningControl: { request: { control: WarningControl; tabId?: number }; response: TabFindings | null };
  /**
   * Opens the report of a tab for the user to review and send. 'banner': started from the banner's
   * confirmation page ("Report a false warning"), which, like the banner, has no screenshot.
   */
  openReport: { request: { source: ReportSource; tabId: number }; response: null };
  /**
   * From the report page: what the tab's frames found, merged into a report draft
   * (background/report.ts). `private`: the tab is in a private window, so the report is kept only
   * until the browser closes.
   */
  getReportDraft: {
    /** source: where the report was started (the report page's ?source=); the selection depends on it. */
    request: { tabId: number; source?: ReportSource };
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
   */
  setReportEndpoint: {
    request: { endpoint: string | null; pending?: PendingChoice };
    response: { ok: true } | { ok: false; error: 'url' };
  };
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
    request: { url?: string | null; intervalHours?: number; manualOnly?: boolean };
    response: { ok: true; view: SyncView } | { ok: false; error: 'url' | 'interval' | 'no-feed' };
  };

  // The confirmation page of the banner's choices (background/confirmations.ts).
  /** The choice waiting for tab `tabId`, or null. */
  getPendingChoice: { request: { tabId: number }; response: PendingChoiceView | null };
  /** Confirm (applies the choice) or Cancel. */
  /** `nonce`: the one issued with the choice the page showed (Cancel needs none). */
  settleChoice: { request: { tabId: number; confirm: boolean; nonce?: string }; response: { ok: boolean } };
}

/** A name in both maps would be answered by both listeners: the compiler refuses it. */
type SharedNames = keyof ContentScriptMessages & keyof ExtensionPageMessages;
const namesAreDisjoint: [SharedNames] extends [never] ? true : never = true;
void namesAreDisjoint;

/** What the popup and the options page show about the feed (see background/sync.ts). */
export interface SyncView {
  /** false: this build has no feed key, so only the bundled list (no URL can be set). */
  feedAvailable: boolean;
  /** The feed format of this build: folders with a signed pointer (v1), the one-file format of earlier releases (legacy), or none. */
  format: 'v1' | 'legacy' | 'none';
  /** "Check for a new list only when I press Sync now". */
  manualOnly: boolean;
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
  /**
   * To the top frame (background/confirmations.ts): the choice the banner asked about was
   * confirmed or cancelled; the banner, hidden meanwhile, shows the tab's findings as they are now.
   */
  choiceSettled: { request: TabFindings | null; response: null };
  /**
   * To the top frame (background/commands.ts, the keyboard shortcut): move focus into the banner.
   * false: no banner shows there.
   */
  focusBanner: { request: Record<string, never>; response: boolean };
}

function send<M, K extends keyof M & string>(type: K, payload: Req<M, K>): Promise<Res<M, K>> {
  return browser.runtime.sendMessage({ type, payload } satisfies Envelope) as Promise<Res<M, K>>;
}

/** From a content script to the background. */
export function sendFromContentScript<K extends keyof ContentScriptMessages>(
  type: K,
  payload: Req<ContentScriptMessages, K>,
): Promise<Res<ContentScriptMessages, K>> {
  return send<ContentScriptMessages, K>(type, payload);
}

/** From an extension page (popup, options, report page) to the background. */
export function sendFromExtensionPage<K extends keyof ExtensionPageMessages>(
  type: K,
  payload: Req<ExtensionPageMessages, K>,
): Promise<Res<ExtensionPageMessages, K>> {
  return send<ExtensionPageMessages, K>(type, payload);
}

export function sendToFrame<K extends keyof ContentMessages>(
  tabId: number,
  frameId: number,
  type: K,
  payload: Req<ContentMessages, K>,
): Promise<Res<ContentMessages, K>> {
  return browser.tabs.sendMessage(tabId, { type, payload } satisfies Envelope, { frameId }) as Promise<Res<ContentMessages, K>>;
}

/**
 * Serves map M in this context: every message of M goes through the channel's sender check and
 * payload checks first (message-dispatch.ts); messages of other maps are left to their listeners.
 */
export function handleMessages<M, S>(channel: Channel<M, S, Runtime.MessageSender>, handlers: Handlers<M, S>): void {
  browser.runtime.onMessage.addListener(dispatcher(channel, handlers));
}

/**
 * In a content script: the background's messages (ContentMessages). Only this extension sends to
 * content scripts (tabs.sendMessage); a web page can't.
 */
export function handleBackgroundMessages(handlers: Handlers<ContentMessages, true>): void {
  handleMessages<ContentMessages, true>(
    { name: 'this extension', sender: (raw) => (raw.id === browser.runtime.id ? true : null), payloads: {} },
    handlers,
  );
}
