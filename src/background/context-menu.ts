/**
 * The page context menu: "Check '…' with OrgCheck" on selected text (opens the lookup, the popup
 * page in a tab with ?q=; a selection of several names, one per line, is answered name by name), and "Report this page" (opens the report page, as the popup's button
 * does). A context-menu click grants activeTab on the tab, so a report started here may include a
 * screenshot.
 *
 * From a private tab, the selected text does not go into the lookup page's URL (which the browser's
 * history would keep): it waits in storage.session under a random key, named by ?pq=.
 *
 * Menu items persist with the extension; they are (re)created on install, update and browser
 * start. The click listener is registered at the worker's top level. Tests can't click native
 * menus: a test build (`npm run build:test`, ORGCHECK_TEST_HOOKS=1) exposes
 * `globalThis.orgcheckHooks.contextMenuClicked(info, tab)` in the worker, the same function the
 * listener calls, for them to call. A release build has no orgcheckHooks (the block is dropped).
 */
import browser, { type Menus, type Tabs } from 'webextension-polyfill';
import { splitLookupQuery } from '../core/lookup-query';
import { scopeOf } from '../core/warning-controls';
import { t } from '../shared/i18n';
import { sessionStore } from '../shared/storage/wrapper';
import { openReport } from './report';

export const MENU_LOOKUP = 'orgcheck-lookup';
export const MENU_REPORT = 'orgcheck-report';
/** Characters of the selection taken into the lookup (several names: a journalist's list). */
const MAX_QUERY_CHARS = 1000;

const PAGES = ['http://*/*', 'https://*/*'];

export async function createContextMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  // %s is the selected text; Chrome shortens it in the menu.
  browser.contextMenus.create({ id: MENU_LOOKUP, title: t('contextMenuLookup'), contexts: ['selection'] });
  browser.contextMenus.create({
    id: MENU_REPORT,
    title: t('contextMenuReport'),
    contexts: ['page', 'frame', 'selection', 'link', 'image'],
    documentUrlPatterns: PAGES,
  });
}

/**
 * The selection as a lookup query: its names (split as the lookup splits them, core/lookup-query.ts),
 * one a line, each with its whitespace collapsed (a name broken by a space or tab stays one name),
 * whole names only up to MAX_QUERY_CHARS.
 */
function lookupQuery(selection: string): string {
  let query = '';
  for (const name of splitLookupQuery(selection).names) {
    const line = name.replace(/\s+/g, ' ');
    const next = query ? `${query}\n${line}` : line;
    if (next.length > MAX_QUERY_CHARS) return query || line.slice(0, MAX_QUERY_CHARS);
    query = next;
  }
  return query;
}

export function lookupPageUrl(query: string, tabId?: number): string {
  return browser.runtime.getURL(`src/popup/index.html?q=${encodeURIComponent(lookupQuery(query))}${tabId !== undefined ? `&tab=${tabId}` : ''}`);
}

/** The lookup page for a private tab: the query in storage.session, only its key in the URL. */
async function privateLookupPageUrl(query: string, tabId?: number): Promise<string> {
  const key = crypto.randomUUID();
  await sessionStore.set({ privateLookups: { ...(await sessionStore.get('privateLookups')), [key]: lookupQuery(query) } });
  return browser.runtime.getURL(`src/popup/index.html?pq=${key}${tabId !== undefined ? `&tab=${tabId}` : ''}`);
}

export async function contextMenuClicked(
  info: Pick<Menus.OnClickData, 'menuItemId' | 'selectionText' | 'frameUrl' | 'pageUrl' | 'frameId'>,
  tab?: Pick<Tabs.Tab, 'id' | 'index' | 'incognito'>,
): Promise<void> {
  if (info.menuItemId === MENU_LOOKUP && info.selectionText?.trim()) {
    if (scopeOf(tab) === 'private') {
      // An extension page can't open in a private window ("spanning"): it opens in a normal one.
      await browser.tabs.create({ url: await privateLookupPageUrl(info.selectionText, tab?.id) });
      return;
    }
    await browser.tabs.create({
      url: lookupPageUrl(info.selectionText, tab?.id),
      ...(tab?.id !== undefined ? { index: tab.index + 1, openerTabId: tab.id } : {}),
    });
  } else if (info.menuItemId === MENU_REPORT && tab?.id !== undefined && tab.id >= 0) {
    // The browser's selectionText is what the user right-clicked on: a page can't make that up.
    const text = info.selectionText?.trim();
    // Chrome gives pageUrl (and frameUrl in a frame); else the browser's own record of the frame.
    const url = info.frameUrl ?? info.pageUrl ?? (await browser.webNavigation.getFrame({ tabId: tab.id, frameId: info.frameId ?? 0 }).catch(() => null))?.url ?? '';
    await openReport(tab.id, 'context-menu', text ? { text, from: originOf(url) } : null);
  }
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

export function initContextMenus(): void {
  browser.contextMenus.onClicked.addListener((info, tab) => void contextMenuClicked(info, tab));
  if (__ORGCHECK_TEST_HOOKS__) {
    const hooks = ((globalThis as Record<string, unknown>).orgcheckHooks ??= {}) as Record<string, unknown>;
    hooks.contextMenuClicked = contextMenuClicked;
  }
}
