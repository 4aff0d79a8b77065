/**
 * Who sent a message: the one check of each message map (shared/messages.ts). Page scripts can't
 * message the extension, but a content script speaks for a web page's renderer, which may be
 * hostile or compromised: it may only report what its own frame found and act on its own tab and
 * site. Everything else (settings, sync, reports, imports, other tabs) is for extension pages: the
 * popup, the options page, the report page. Pure: the extension's own id and base URL are passed in.
 */
import type { Runtime } from 'webextension-polyfill';
import { frameUrlOf } from '../core/frame-url';

/** This extension, as its senders carry it. */
export interface Self {
  id: string;
  /** The base URL of its pages, e.g. chrome-extension://<id>/ */
  baseUrl: string;
}

/** A content script, as the handlers of ContentScriptMessages see it: the browser's word only. */
export interface ContentScriptSender {
  tabId: number;
  frameId: number;
  /** The frame's URL as it is recorded and reported (core/frame-url.ts). */
  frameUrl: string;
  /** The frame's full URL as the browser gave it (for its site, core/site.ts). */
  url: string;
  incognito: boolean;
  /** A document the user sees: not prerendered, not in the back/forward cache. */
  active: boolean;
}

/** An extension page (also one open in a tab, as the popup with ?tab=). */
export interface ExtensionPageSender {
  url: string;
}

type RawSender = Runtime.MessageSender & { origin?: string; documentLifecycle?: string };

function isExtensionPage(raw: RawSender, self: Self): boolean {
  return raw.id === self.id && typeof raw.url === 'string' && raw.url.startsWith(self.baseUrl);
}

export function extensionPageSender(raw: RawSender, self: Self): ExtensionPageSender | null {
  return isExtensionPage(raw, self) ? { url: raw.url! } : null;
}

export function contentScriptSender(raw: RawSender, self: Self): ContentScriptSender | null {
  const tabId = raw.tab?.id;
  if (raw.id !== self.id || tabId === undefined || tabId < 0 || raw.frameId === undefined || isExtensionPage(raw, self)) return null;
  return {
    tabId,
    frameId: raw.frameId,
    frameUrl: frameUrlOf({ url: raw.url, origin: raw.origin }),
    url: raw.url ?? '',
    incognito: raw.tab?.incognito === true,
    active: raw.documentLifecycle === undefined || raw.documentLifecycle === 'active',
  };
}
