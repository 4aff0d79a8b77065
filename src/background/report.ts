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
import browser from 'webextension-polyfill';
import { buildDraft, type FrameContext, type ReportDraft, type ReportSource } from '../core/report';
import { scopeOf } from '../core/private-windows';
import { activeList } from '../shared/list-store';
import { sendToFrame } from '../shared/messages';
import { sessionStore } from '../shared/storage';
import { createQueue } from './serial-queue';
import { tabFindings } from './tab-findings';

/** How long a frame gets to answer with its context (a frame that never loaded its script won't). */
const FRAME_TIMEOUT_MS = 3000;

export function reportPageUrl(tabId: number, source: ReportSource): string {
  return browser.runtime.getURL(`src/report/index.html?tab=${tabId}&source=${source}`);
}

export async function openReport(tabId: number, source: ReportSource): Promise<void> {
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

const privateQueue = createQueue();
/** Adds a draft's id to the private reports (one write at a time: none loses another's). */
function notePrivate(id: string): Promise<void> {
  return privateQueue.run(async () => sessionStore.set({ privateReports: [...(await sessionStore.get('privateReports')), id] }));
}

/** Asks every frame of the tab for its matches in context and its selection, and merges them. */
export async function reportDraft(tabId: number): Promise<{ ok: true; draft: ReportDraft; private: boolean } | { ok: false; error: 'no-tab' }> {
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
  const contexts: FrameContext[] = [];
  let top: FrameContext | null = null;
  for (const { frameId, context } of answers) {
    if (!context) continue;
    if (frameId === 0) top = context;
    contexts.push(context);
  }
  const [{ byId }, findings] = await Promise.all([activeList(), tabFindings(tabId).catch(() => null)]);
  const draft = buildDraft({
    id: crypto.randomUUID(),
    createdAt: new Date(),
    // The top frame's URL and title are the page's; without its answer, what the tab knows.
    page: top ?? { url: findings?.url || tab.url || '', title: findings?.title || tab.title || '' },
    frames: contexts,
    entry: (id) => byId.get(id),
    exclude: new Set(findings?.suppressed.map((s) => s.id) ?? []),
  });
  // A private tab's report is kept in storage.session only (background/report-outbox.ts): noted
  // before the report page can save or send it.
  if (isPrivate) await notePrivate(draft.id);
  return { ok: true, draft, private: isPrivate };
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
