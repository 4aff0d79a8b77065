/**
 * Who sent a message. Page scripts can't message the extension, but a content script speaks for
 * a web page's renderer, which may be hostile or compromised: it may only report what its own
 * frame found and act on its own tab and site. Everything else (settings, sync, reports,
 * imports) is for extension pages: the popup, the options page, the report page.
 */
import browser, { type Runtime } from 'webextension-polyfill';

/** An extension page, also when it is open in a tab (the popup opened with ?tab=). */
export function isExtensionPage(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && (sender.url?.startsWith(browser.runtime.getURL('')) ?? false);
}

/** A content script in a frame of a web page. */
export function isContentScript(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && sender.tab?.id !== undefined && !isExtensionPage(sender);
}

/** A content script of a document the user sees: not prerendered, not in the back/forward cache. */
export function isActiveDocument(sender: Runtime.MessageSender): boolean {
  const lifecycle = (sender as { documentLifecycle?: string }).documentLifecycle;
  return lifecycle === undefined || lifecycle === 'active';
}

/** Guards a handler meant for extension pages only. */
export function extensionPagesOnly<P, R>(
  handler: (payload: P, sender: Runtime.MessageSender) => R,
): (payload: P, sender: Runtime.MessageSender) => R {
  return (payload, sender) => {
    if (!isExtensionPage(sender)) throw new Error('OrgCheck: this message is for extension pages only');
    return handler(payload, sender);
  };
}
