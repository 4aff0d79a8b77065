/**
 * What the banner (the top frame's content script) may do. A hostile page's renderer can forge
 * its content script's messages; this caps the harm.
 *
 * Apply directly: closing the banner for the session on its own site, nothing else. Never the
 * global switch, never another site, never ending a snooze or undoing a control (the popup's or
 * the options page's).
 * Request: "not this organization" and "don't warn" for its own site, a snooze of an offered
 * length. A request only opens the confirmation page (background/confirmations.ts); the user's
 * Confirm there applies it.
 */
import { SNOOZE_DURATIONS_MS, type ChoiceControl, type WarningControl } from './types';
import { siteOf } from '../site';

type Sender = { frameId?: number; url?: string };

function senderSite(sender: Sender): string | null {
  if (sender.frameId !== 0 || !sender.url) return null;
  return siteOf(sender.url);
}

export function bannerMayApply(control: WarningControl, sender: Sender): boolean {
  const site = senderSite(sender);
  return site !== null && control.action === 'dismiss' && control.site === site;
}

/** The choice as the banner asked for it, if the banner may ask for it; null otherwise. */
export function bannerMayRequest(control: unknown, sender: Sender): ChoiceControl | null {
  const site = senderSite(sender);
  if (!site || !control || typeof control !== 'object') return null;
  const c = control as Record<string, unknown>;
  switch (c.action) {
    case 'allowSite':
      return c.on === true && c.site === site ? { action: 'allowSite', site, on: true } : null;
    case 'suppress':
      return c.on === true && c.site === site && typeof c.entryId === 'string' && c.entryId.length > 0 && c.entryId.length <= 200
        ? { action: 'suppress', site, entryId: c.entryId, on: true }
        : null;
    case 'snooze':
      return typeof c.duration === 'string' && Object.hasOwn(SNOOZE_DURATIONS_MS, c.duration)
        ? { action: 'snooze', duration: c.duration as keyof typeof SNOOZE_DURATIONS_MS }
        : null;
    default:
      return null;
  }
}
