/**
 * Per-tab findings: what each frame of each tab reported, the badge, and the banner model the
 * top frame shows. The service worker may be stopped at any time, so every change is written
 * through to storage.session and a stopped worker reloads a tab's state on first use.
 */
import browser from 'webextension-polyfill';
import { badgeText, type FrameReport, type TabFinding, type TabFindings } from '../shared/findings';
import { sendToFrame } from '../shared/messages';
import { tabStateStore, type TabState } from '../shared/storage';
import { activeList } from '../shared/list-store';

const cache = new Map<number, Promise<TabState>>();

function load(tabId: number): Promise<TabState> {
  let state = cache.get(tabId);
  if (!state) {
    state = tabStateStore.get(tabId).then((s) => s ?? { url: '', title: '', frames: {} });
    cache.set(tabId, state);
  }
  return state;
}

/** Serializes updates per tab: two frames reporting at once must not lose one of the reports. */
const queues = new Map<number, Promise<unknown>>();
function update(tabId: number, change: (state: TabState) => boolean | void): Promise<void> {
  const run = (queues.get(tabId) ?? Promise.resolve()).then(async () => {
    const state = await load(tabId);
    if (change(state) === false) return;
    await tabStateStore.set(tabId, state);
    await publish(tabId, state);
  });
  const settled = run.catch((error: unknown) => console.error('OrgCheck: tab update failed', error));
  queues.set(tabId, settled);
  return settled;
}

export function recordFrame(tabId: number, frameId: number, report: FrameReport): Promise<void> {
  return update(tabId, (state) => {
    state.frames[frameId] = report;
    if (frameId === 0) {
      state.url = report.url;
      state.title = report.title;
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
  });
}

export function dropTab(tabId: number): void {
  cache.delete(tabId);
  queues.delete(tabId);
  void tabStateStore.remove(tabId);
}

export async function tabFindings(tabId: number): Promise<TabFindings> {
  return aggregate(tabId, await load(tabId));
}

async function aggregate(tabId: number, state: TabState): Promise<TabFindings> {
  const { byId, newestListing } = await activeList();
  const merged = new Map<string, TabFinding>();
  for (const [frameId, report] of Object.entries(state.frames)) {
    for (const f of report.findings) {
      const entry = byId.get(f.id);
      if (!entry?.warn) continue;
      const seen = merged.get(f.id);
      if (seen) {
        seen.count += f.count;
        seen.forms = [...new Set([...seen.forms, ...f.forms])].slice(0, 5);
        seen.frameIds.push(Number(frameId));
      } else {
        merged.set(f.id, { entry, count: f.count, forms: f.forms.slice(0, 5), frameIds: [Number(frameId)] });
      }
    }
  }
  const findings = [...merged.values()].sort((a, b) => b.count - a.count || a.entry.id.localeCompare(b.entry.id));
  return { tabId, url: state.url, title: state.title, findings, listDate: newestListing };
}

const lastPublished = new Map<number, string>();

async function publish(tabId: number, state: TabState): Promise<void> {
  const findings = await aggregate(tabId, state);
  const text = badgeText(findings.findings.length);
  await Promise.all([
    browser.action.setBadgeText({ tabId, text }),
    text ? browser.action.setBadgeBackgroundColor({ tabId, color: '#b3261e' }) : undefined,
  ]).catch(() => undefined); // the tab may have closed meanwhile
  // The banner lives in the top frame; tell it only when what it shows changed.
  const signature = JSON.stringify(findings.findings.map((f) => [f.entry.id, f.count, f.forms]));
  if (lastPublished.get(tabId) === signature) return;
  lastPublished.set(tabId, signature);
  await sendToFrame(tabId, 0, 'tabFindingsChanged', findings).catch(() => undefined); // no content script there
}
