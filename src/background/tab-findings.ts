/**
 * Per-tab findings: what each frame of each tab reported, kept and published: the badge, and
 * the banner model the top frame shows (decided by core/tab-model.ts). The service worker may be stopped at any time, so changes are written to
 * storage.session and a stopped worker reloads a tab's state on first use.
 *
 * A page chooses what its frames report and how often: each frame is kept within a byte budget
 * and a tab to a bounded number of frames (core/tab-limits.ts), and a tab's storage write and
 * badge run at most once per FLUSH_INTERVAL_MS (at once when the tab was quiet), so that one tab
 * reporting many times a second can't hold up the others.
 */
import browser from 'webextension-polyfill';
import type { BannerHiddenBy } from '../core/banner-gate';
import { fitFrame, withFrame } from '../core/tab-limits';
import { recordLanguage } from '../core/list-records';
import { bannerSignature, tabBadge, tabModel } from '../core/tab-model';
import { siteOf } from '../core/site';
import type { FrameReport, TabFindings } from '../shared/findings';
import { uiLanguage } from '../shared/i18n';
import { sendToFrame } from '../shared/messages';
import { tabStateStore, type TabState } from '../shared/storage/tab-state';
import { activeList } from '../shared/list-store';
import { createKeyedThrottle } from './keyed-throttle';
import { currentListFreshness } from './sync';
import { createKeyedQueue } from './serial-queue';
import { controlsFor } from './warning-controls';
import { noteFlow } from './flow-log';

const cache = new Map<number, Promise<TabState>>();

function load(tabId: number): Promise<TabState> {
  let state = cache.get(tabId);
  if (!state) {
    state = tabStateStore.get(tabId).then((s) => s ?? { url: '', title: '', frames: {} });
    cache.set(tabId, state);
  }
  return state;
}

/** Serializes work per tab: two frames reporting at once must not lose one of the reports. */
const queues = createKeyedQueue<number>();
function enqueue(tabId: number, work: (state: TabState) => Promise<void>): Promise<void> {
  if (closedTabs.has(tabId)) return Promise.resolve();
  return queues
    .run(tabId, async () => work(await load(tabId)))
    .catch((error: unknown) => console.error('OrgCheck: tab update failed', error));
}

/** Time between two writes and badge updates of one tab (ms). */
export const FLUSH_INTERVAL_MS = 300;

/** Stores the tab's state as it is now and publishes it; throttled per tab. */
const flushes = createKeyedThrottle<number>(FLUSH_INTERVAL_MS, (tabId) => {
  void enqueue(tabId, async (state) => {
    // The badge needn't wait for the write: both run at once.
    await Promise.all([tabStateStore.set(tabId, state), publish(tabId, state)]);
  });
});

/** Changes the tab's state (`change` returns false for "nothing changed"), then stores and publishes it soon. */
function update(tabId: number, change: (state: TabState) => boolean | void): Promise<void> {
  return enqueue(tabId, async (state) => {
    if (change(state) !== false) flushes.request(tabId);
  });
}

/** Recounts the badge and redecides the banner from the state as it is (the controls changed). */
function republish(tabId: number): Promise<void> {
  return enqueue(tabId, (state) => publish(tabId, state));
}

export function recordFrame(tabId: number, frameId: number, report: FrameReport, incognito = false): Promise<void> {
  const fitted = fitFrame(report);
  return update(tabId, (state) => {
    const frames = withFrame(state.frames, frameId, fitted);
    if (!frames) return false;
    state.frames = frames;
    state.incognito = incognito;
    if (frameId === 0) {
      state.url = fitted.url;
      state.title = fitted.title;
    }
  });
}

export function forgetFrame(tabId: number, frameId: number): Promise<void> {
  return update(tabId, (state) => {
    if (!(frameId in state.frames)) return false;
    delete state.frames[frameId];
  });
}

/** A new document in the top frame: everything the tab found before is gone. */
export function resetTab(tabId: number): Promise<void> {
  return update(tabId, (state) => {
    state.frames = {};
    state.url = '';
    state.title = '';
    delete state.bannerHiddenBy;
  });
}

/** The page hid its banner without a click (issue 11 item 1): "!" on the badge until it navigates. */
export function recordBannerHidden(tabId: number, by: BannerHiddenBy): Promise<void> {
  return update(tabId, (state) => {
    if (state.bannerHiddenBy) return false;
    state.bannerHiddenBy = by;
  });
}

/** Closed tabs: a late report (a frame's pagehide as the tab closes) must not bring one back. */
const closedTabs = new Set<number>();

/** The tab closed: its state goes, after any update still queued for it. */
export function dropTab(tabId: number): Promise<void> {
  closedTabs.add(tabId);
  flushes.cancel(tabId);
  const done = queues.run(tabId, async () => {
    cache.delete(tabId);
    lastPublished.delete(tabId);
    await tabStateStore.remove(tabId);
  });
  return done
    .then(() => queues.drop(tabId))
    .catch((error: unknown) => console.error('OrgCheck: dropping a tab failed', error));
}

/** The URLs of the tab's frames that reported findings, as the browser gave them (core/frame-url.ts). */
export async function frameUrls(tabId: number): Promise<Map<number, string>> {
  const state = await load(tabId);
  return new Map(Object.entries(state.frames).map(([id, frame]) => [Number(id), frame.url]));
}

export async function tabFindings(tabId: number): Promise<TabFindings> {
  return modelOf(tabId, await load(tabId));
}

/** Reads what the tab model needs (the list, the controls on the tab's site) and decides it (core/tab-model.ts). */
async function modelOf(tabId: number, state: TabState): Promise<TabFindings> {
  const [{ byId, records }, listFreshness] = await Promise.all([activeList(), currentListFreshness()]);
  // A tab whose frames have not reported yet: ask the browser whether it is private.
  const incognito = state.incognito ?? (await browser.tabs.get(tabId).then((t) => t.incognito, () => false));
  const now = Date.now();
  const controls = await controlsFor(siteOf(state.url), now, incognito ? 'private' : 'normal');
  return tabModel({ tabId, state, byId, listFreshness, records, recordLang: recordLanguage(uiLanguage()), controls, incognito, now });
}

const lastPublished = new Map<number, string>();

async function publish(tabId: number, state: TabState): Promise<void> {
  const findings = await modelOf(tabId, state);
  const text = tabBadge(findings);
  noteFlow({ kind: 'badge', tab: tabId, text });
  await Promise.all([
    browser.action.setBadgeText({ tabId, text }),
    text ? browser.action.setBadgeBackgroundColor({ tabId, color: '#b3261e' }) : undefined,
  ]).catch(() => undefined); // the tab may have closed meanwhile
  // The banner lives in the top frame; tell it only when what it shows changed.
  const signature = bannerSignature(findings);
  if (lastPublished.get(tabId) === signature) return;
  lastPublished.set(tabId, signature);
  await sendToFrame(tabId, 0, 'tabFindingsChanged', findings).catch(() => undefined); // no content script there
}

/** The user's controls changed: every tab recounts its badge and redecides its banner. */
export async function republishAll(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map(async ({ id }) => {
      if (id !== undefined && (cache.has(id) || (await tabStateStore.get(id)))) await republish(id);
    }),
  );
}
