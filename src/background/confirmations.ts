/**
 * The confirmation page for the banner's choices (issue 11 item 1). The banner never applies
 * "Not this organization", "Don't warn on this site" or a snooze: a page can lure a click onto
 * it. It asks here; the background opens one confirmation page per tab (src/confirm/, an
 * extension page in a window of its own, out of the page's reach) and applies the choice only
 * when the user presses Confirm there (an extension-page message: the sender check applies).
 *
 * The choice waiting for each tab is kept in storage.session (the worker may stop while the user
 * reads the page). A second choice from the same tab replaces the first in the page already open.
 * Closing the confirmation page, or the page's tab, cancels.
 *
 * Confirm applies only the choice the page showed (issue 18 item 8): each choice gets a nonce,
 * issued with the page's view of it and sent back with Confirm; a page that asks again just before
 * the user presses Confirm swaps the choice, and the old nonce then settles nothing. The page shows
 * the new choice, says the page asked again, and keeps Confirm off longer.
 */
import browser from 'webextension-polyfill';
import type { ChoiceControl, PendingChoiceView, Scope } from '../core/warning-controls';
import { activeList } from '../shared/list-store';
import { sendToFrame } from '../shared/messages';
import type { PendingChoice } from '../shared/storage/areas';
import { sessionStore } from '../shared/storage/wrapper';
import { createQueue } from './serial-queue';
import { tabFindings } from './tab-findings';
import { applyControl } from './warning-controls';

/** One change to the pending choices at a time: two tabs asking at once must not lose one. */
const queue = createQueue();

async function change<T>(edit: (all: Record<string, PendingChoice>) => T | Promise<T>): Promise<T> {
  return queue.run(async () => {
    const all = { ...(await sessionStore.get('pendingChoices')) };
    const result = await edit(all);
    await sessionStore.set({ pendingChoices: all });
    return result;
  });
}

function confirmPageUrl(tabId: number): string {
  return browser.runtime.getURL(`src/confirm/index.html?tab=${tabId}`);
}

/**
 * A tab asking again this soon after its last request is ignored: a forged stream of requests
 * (a compromised renderer) must not keep reloading the page and taking the focus.
 */
const REQUEST_INTERVAL_MS = 1_000;

function newNonce(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Opens (or brings forward, showing the new choice) the confirmation page of tab `tabId`. */
export async function requestChoice(tabId: number, control: ChoiceControl, scope: Scope, now = Date.now()): Promise<boolean> {
  const outcome = await change(async (all) => {
    const before = all[tabId];
    if (before && now - before.requestedAt < REQUEST_INTERVAL_MS) return 'ignored' as const;
    const open = before?.confirmTabId != null ? await browser.tabs.get(before.confirmTabId).catch(() => undefined) : undefined;
    all[tabId] = { control, scope, confirmTabId: open?.id ?? null, requestedAt: now, nonce: newNonce(), askedAgain: !!before };
    return open;
  });
  // The page already asks about a choice of this tab: the banner stays hidden, as for that one.
  if (outcome === 'ignored') return true;
  const reuse = outcome;
  if (reuse?.id !== undefined) {
    // The page reads the choice when it loads: load it again, in front.
    await browser.tabs.reload(reuse.id);
    if (reuse.windowId !== undefined) await browser.windows.update(reuse.windowId, { focused: true }).catch(() => undefined);
    return true;
  }
  const confirmTabId = await openPage(tabId);
  const stillWanted = await change((all) => {
    const pending = all[tabId];
    if (pending && confirmTabId !== null) pending.confirmTabId = confirmTabId;
    return !!pending;
  });
  // Settled (the page's tab closed) while the window opened.
  if (!stillWanted && confirmTabId !== null) await browser.tabs.remove(confirmTabId).catch(() => undefined);
  return true;
}

async function openPage(tabId: number): Promise<number | null> {
  const url = confirmPageUrl(tabId);
  try {
    const win = await browser.windows.create({ url, type: 'popup', width: 520, height: 460, focused: true });
    return win.tabs?.[0]?.id ?? null;
  } catch {
    // No windows API (Firefox for Android): a tab next to the page.
    const tab = await browser.tabs.get(tabId).catch(() => undefined);
    const created = await browser.tabs.create({ url, ...(tab ? { index: tab.index + 1, openerTabId: tabId } : {}) });
    return created.id ?? null;
  }
}

/** What the confirmation page of tab `tabId` shows, or null: nothing waits (settled already). */
export async function pendingChoice(tabId: number): Promise<PendingChoiceView | null> {
  const pending = (await sessionStore.get('pendingChoices'))[tabId];
  if (!pending) return null;
  let name: string | null = null;
  if (pending.control.action === 'suppress') name = (await activeList()).byId.get(pending.control.entryId)?.names.zh ?? null;
  return {
    control: pending.control,
    name,
    incognito: pending.scope === 'private',
    // Stored before this change (no nonce): settled as the choice shown, as it was then.
    nonce: pending.nonce ?? '',
    askedAgain: pending.askedAgain ?? false,
  };
}

/**
 * Confirm (applies the choice) or Cancel; either way the tab's banner comes back as things now
 * stand. Confirm with a `nonce` other than the waiting choice's settles nothing (ok: false): the
 * page showed another choice, and shows the new one now.
 */
export async function settleChoice(tabId: number, confirm: boolean, nonce?: string): Promise<{ ok: boolean }> {
  const pending = await change((all) => {
    const found = all[tabId];
    if (found && confirm && (found.nonce ?? '') !== (nonce ?? '')) return undefined;
    delete all[tabId];
    return found;
  });
  if (!pending) return { ok: false };
  if (confirm) await applyControl(pending.control, Date.now(), pending.scope);
  const model = await tabFindings(tabId).catch(() => null);
  await sendToFrame(tabId, 0, 'choiceSettled', model).catch(() => undefined); // the page may be gone
  return { ok: true };
}

/** Registered at the worker's top level: closing a confirmation page cancels; a closed tab's choice goes. */
export function initConfirmations(): void {
  browser.tabs.onRemoved.addListener((closed) => {
    void (async () => {
      const all = await sessionStore.get('pendingChoices');
      if (all[closed]) {
        const confirmTabId = all[closed].confirmTabId;
        await change((a) => void delete a[closed]);
        if (confirmTabId !== null) await browser.tabs.remove(confirmTabId).catch(() => undefined);
        return;
      }
      const owner = Object.keys(all).find((id) => all[id]!.confirmTabId === closed);
      if (owner !== undefined) await settleChoice(Number(owner), false);
    })().catch((error: unknown) => console.error('OrgCheck: a confirmation ended badly', error));
  });
}
