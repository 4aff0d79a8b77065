/**
 * Opens OrgCheck's help page (src/help/) in a new tab beside the one the user is on. The banner
 * asks for it by message: a web page can't link to an extension page that isn't web-accessible,
 * and making it web-accessible would let any page tell that OrgCheck is installed.
 */
import browser from 'webextension-polyfill';

export const HELP_PAGE = 'src/help/index.html';

export async function openHelp(tabId?: number): Promise<void> {
  const tab = tabId === undefined ? undefined : await browser.tabs.get(tabId).catch(() => undefined);
  await browser.tabs.create({
    url: browser.runtime.getURL(HELP_PAGE),
    ...(tab?.id !== undefined ? { index: tab.index + 1, openerTabId: tab.id } : {}),
  });
}
