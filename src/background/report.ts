/**
 * "Report this page": opens the report page for a tab, gathers what the tab's frames found into
 * a draft, and takes the screenshot the user may ask for.
 *
 * The report page opens in a window of its own (a small popup window), not a tab in the page's
 * window: the reported tab stays the visible one in its window, so that a screenshot asked for on
 * the report page is of that page. captureVisibleTab needs activeTab, which Chrome grants when the
 * user invokes the extension on the tab: the toolbar popup and the context menu do, the banner
 * (a click inside the page) does not, so a report started from the banner offers no screenshot.
 * In tests, CDP's Extensions.triggerAction (Chromium launched with
 * --enable-unsafe-extension-debugging) clicks the toolbar button and so grants activeTab as a
 * user's click does (tests/e2e/report.test.ts); without it, captureVisibleTab refuses.
 */
import * as v from 'valibot';
import browser, { type WebNavigation } from 'webextension-polyfill';
import { frameUrlOf } from '../core/frame-url';
import { buildDraft, focusedFrame, type FrameContext, type ReportDraft, type ReportSource } from '../core/report';
import { scopeOf } from '../core/warning-controls';
import { activeList } from '../shared/list-store';
import { sendToFrame } from '../shared/messages';
import { FrameReportContextAnswer } from '../shared/content-script-payloads';
import { sessionStore } from '../shared/storage/wrapper';
import { createQueue } from './serial-queue';
import { frameUrls, tabFindings } from './tab-findings';

/** How long a frame gets to answer with its context (a frame that never loaded its script won't). */
const FRAME_TIMEOUT_MS = 3000;

export function reportPageUrl(tabId: number, source: ReportSource): string {
  return browser.runtime.getURL(`src/report/index.html?tab=${tabId}&source=${source}`);
}

/**
 * Opens the report page for a tab. `menuSelection`: the browser's selectionText of the context
 * menu (the user's own), kept for the draft; any older one of the tab goes.
 */
export async function openReport(tabId: number, source: ReportSource, menuSelection: { text: string; from: string } | null = null): Promise<void> {
  await sessionQueue.run(async () => {
    const { [tabId]: _, ...others } = await sessionStore.get('menuSelections');
    await sessionStore.set({ menuSelections: menuSelection ? { ...others, [tabId]: menuSelection } : others });
  });
  const url = reportPageUrl(tabId, source);
  try {
    await browser.windows.create({ url, type: 'popup', width: 760, height: 900, focused: true });
  } catch {
    // No windows API (Firefox for Android): a tab next to the page.
    const tab = await browser.tabs.get(tabId).catch(() => undefined);
    await browser.tabs.create({ url, ...(tab ? { index: tab.index + 1, openerTabId: tabId } : {}) });
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(null);
      },
    );
  });
}

const sessionQueue = createQueue();
/** Adds a draft's id to the private reports (one write at a time: none loses another's). */
function notePrivate(id: string): Promise<void> {
  return sessionQueue.run(async () => sessionStore.set({ privateReports: [...(await sessionStore.get('privateReports')), id] }));
}

/** The context menu's selection for the tab, taken once. */
function takeMenuSelection(tabId: number): Promise<{ text: string; from: string } | null> {
  return sessionQueue.run(async () => {
    const { [tabId]: taken, ...others } = await sessionStore.get('menuSelections');
    if (taken) await sessionStore.set({ menuSelections: others });
    return taken ?? null;
  });
}

/**
 * Asks every frame of the tab for its matches in context, and merges them. The selection (issue
 * 18 item 5): the context menu's (the browser's selectionText); else, from the popup, only the
 * selection of the frame that last had focus, and only if it is shown; from the banner none (a
 * click in the page is the page's as much as the user's).
 */
export async function reportDraft(tabId: number, source: ReportSource = 'popup'): Promise<{ ok: true; draft: ReportDraft; private: boolean } | { ok: false; error: 'no-tab' }> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (!tab) return { ok: false, error: 'no-tab' };
  const isPrivate = scopeOf(tab) === 'private';
  const frames = (await browser.webNavigation.getAllFrames({ tabId }).catch(() => null)) ?? [];
  frames.sort((a, b) => a.frameId - b.frameId);
  const answers = await Promise.all(
    frames.map(async (f) => ({
      frameId: f.frameId,
      context: await withTimeout(sendToFrame(tabId, f.frameId, 'collectReportContext', {}), FRAME_TIMEOUT_MS),
    })),
  );
  const [{ byId }, findings, reported] = await Promise.all([
    activeList(),
    tabFindings(tabId).catch(() => null),
    frameUrls(tabId).catch(() => new Map<number, string>()),
  ]);
  // Each frame's text goes with the frame's URL as the browser gave it, never as the frame says:
  // a frame of another site embedded in the page is not the page (issue 11 item 6).
  const urlOf = (frameId: number) => reported.get(frameId) ?? navigationUrl(frames, frameId);
  const contexts: Array<FrameContext & { frameId: number; selection: string; framePath: number[]; focusedChild: number | null; userActivated: boolean }> = [];
  let topTitle: string | null = null;
  for (const { frameId, context } of answers) {
    // A frame's answer is the page's word: checked and capped like any content-script payload.
    const checked = v.safeParse(FrameReportContextAnswer, context);
    if (!checked.success) continue;
    if (frameId === 0) topTitle = checked.output.title;
    // Only the top frame is at the top, whatever another frame says its place is.
    const framePath = frameId === 0 ? [] : checked.output.framePath.length > 0 ? checked.output.framePath : [-1];
    contexts.push({ ...checked.output, framePath, frameId, url: urlOf(frameId) });
  }
  const menuSelection = source === 'context-menu' ? await takeMenuSelection(tabId) : null;
  let selection: { text: string; from: string } | null = null;
  if (menuSelection) selection = menuSelection;
  else if (source !== 'banner') {
    const focused = focusedFrame(contexts);
    // Labelled with the frame's origin as the browser gave its URL, not as the frame says.
    if (focused?.selection.trim()) selection = { text: focused.selection, from: originOf(urlOf(focused.frameId)) };
  }
  const draft = buildDraft({
    id: crypto.randomUUID(),
    createdAt: new Date(),
    page: { url: urlOf(0) || frameUrlOf({ url: tab.url }), title: topTitle ?? (findings?.title || tab.title || '') },
    frames: contexts,
    entry: (id) => byId.get(id),
    exclude: new Set(findings?.suppressed.map((s) => s.id) ?? []),
    selection,
  });
  // A private tab's report is kept in storage.session only (background/report-outbox.ts): noted
  // before the report page can save or send it.
  if (isPrivate) await notePrivate(draft.id);
  return { ok: true, draft, private: isPrivate };
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

/**
 * A frame's URL from webNavigation, for a frame that reported no findings: a frame without a URL
 * of its own (about:blank, srcdoc) runs in the origin of the frame that made it, taken to be its
 * parent's.
 */
function navigationUrl(frames: WebNavigation.GetAllFramesCallbackDetailsItemType[], frameId: number): string {
  const frame = frames.find((f) => f.frameId === frameId);
  if (!frame) return '';
  const parent = frames.find((f) => f.frameId === frame.parentFrameId);
  let origin: string | undefined;
  try {
    origin = parent ? new URL(parent.url).origin : undefined;
  } catch {
    origin = undefined;
  }
  return frameUrlOf({ url: frame.url, origin });
}

/**
 * A JPEG of the visible part of the tab, if it is still the one shown in its window. Works only
 * under activeTab (the popup or the context menu invoked on that tab), until it navigates away.
 */
export async function captureScreenshot(tabId: number): Promise<{ ok: true; dataUrl: string } | { ok: false; error: string }> {
  try {
    const tab = await browser.tabs.get(tabId);
    if (!tab.active) return { ok: false, error: 'not-visible' };
    const dataUrl = await browser.tabs.captureVisibleTab(tab.windowId!, { format: 'jpeg', quality: 75 });
    const after = await browser.tabs.get(tabId);
    if (!after.active) return { ok: false, error: 'not-visible' };
    return { ok: true, dataUrl };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: /activeTab|all_urls|permission/i.test(message) ? 'no-permission' : message };
  }
}
