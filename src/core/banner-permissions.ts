/**
 * What the banner (the top frame's content script) may change: its own site's allowlist entry
 * and "not this organization", closing, and starting a snooze. Never the global switch, never
 * another site, never ending a snooze or undoing a control (that is the popup's or the options
 * page's). A hostile page's renderer can forge its content script's messages; this caps the harm.
 */
import type { WarningControl } from './controls';
import { siteOf } from './site';

export function bannerMayApply(control: WarningControl, sender: { frameId?: number; url?: string }): boolean {
  if (sender.frameId !== 0 || !sender.url) return false;
  const site = siteOf(sender.url);
  if (!site) return false;
  switch (control.action) {
    case 'allowSite':
    case 'suppress':
      return control.on && control.site === site;
    case 'dismiss':
      return control.site === site;
    case 'snooze':
      return control.duration !== null;
    default:
      return false;
  }
}
