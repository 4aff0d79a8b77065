/**
 * The keyboard shortcut (manifest.json "commands", issue 14 item 9): "focus-banner" moves focus
 * into the banner of the active tab, so a keyboard user reaches it wherever the page's focus is.
 * The user can change the key at chrome://extensions/shortcuts.
 *
 * Key presses a test makes never reach commands.onCommand, so a test build exposes
 * `globalThis.orgcheckHooks.commandReceived(command, tab)`, the function the listener calls.
 */
import browser, { type Tabs } from 'webextension-polyfill';
import { sendToFrame } from '../shared/messages';

export const FOCUS_BANNER_COMMAND = 'focus-banner';

/** Handles a command; true when the banner took focus. */
export async function commandReceived(command: string, tab?: Tabs.Tab): Promise<boolean> {
  if (command !== FOCUS_BANNER_COMMAND) return false;
  const target = tab?.id !== undefined ? tab : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (target?.id === undefined || target.id < 0) return false;
  // The banner lives in the top frame; a page without a content script (chrome://, the web store) has none.
  return sendToFrame(target.id, 0, 'focusBanner', {}).catch(() => false);
}

export function initCommands(): void {
  browser.commands.onCommand.addListener((command, tab) => void commandReceived(command, tab));
  if (__ORGCHECK_TEST_HOOKS__) {
    const hooks = ((globalThis as Record<string, unknown>).orgcheckHooks ??= {}) as Record<string, unknown>;
    hooks.commandReceived = commandReceived;
  }
}
