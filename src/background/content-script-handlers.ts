/**
 * The background's answers to content scripts (shared/messages.ts ContentScriptMessages). By the
 * time a handler runs, the sender check has made sure a content script of a web page sent it and
 * says which tab, frame and URL (the browser's word, background/senders.ts), and the payload has
 * been checked and capped (shared/content-script-payloads.ts). What a handler may still refuse is
 * its own rule: the top frame only, the sender's own site, organizations its tab found.
 */
import { bannerMayApply, bannerMayRequest, namesKnownEntries } from '../core/warning-controls';
import { createRateLimiter } from '../core/rate-limit';
import { contentScriptPayloads } from '../shared/content-script-payloads';
import type { Handlers, ContentScriptMessages } from '../shared/messages';
import { sendToFrame } from '../shared/messages';
import type { LatestOnly, PayloadSchemas } from '../shared/message-dispatch';
import { ensureCompiled } from './compiled';
import { requestChoice } from './confirmations';
import { openHelp } from './help';
import { openReport } from './report';
import type { ContentScriptSender } from './senders';
import { forgetFrame, recordBannerHidden, recordFrame, tabFindings } from './tab-findings';
import { applyControl } from './warning-controls';
import { noteFlow } from './flow-log';
import { createLatestSlots } from './latest-slots';

/** Every content-script message has its payload checked: the compiler holds this map to it. */
export const contentScriptSchemas: PayloadSchemas<ContentScriptMessages> = contentScriptPayloads;

/**
 * The banner's "Report" opens at most one report window per tab in this time: a page can send
 * the message in a loop (its renderer can forge its content script's messages).
 */
export const BANNER_REPORT_INTERVAL_MS = 10_000;
const bannerReports = createRateLimiter<number>(BANNER_REPORT_INTERVAL_MS);
/** Likewise the banner's help button: at most one help tab per tab in this time. */
const helpOpenings = createRateLimiter<number>(BANNER_REPORT_INTERVAL_MS);

/**
 * A frame's reports are latest-state-wins (issue 18 item 7): a frame's findings, or its going,
 * wait in the frame's one slot, and a newer report replaces an unhandled older one unread;
 * tabs are served in turn, so a page whose frames report many times a second holds one lane
 * while another tab's first report is handled at once.
 */
export const frameSlots = createLatestSlots(2);
export const contentScriptLatest: LatestOnly<ContentScriptSender> = {
  types: new Set<string>(['frameFindings', 'frameGone'] satisfies Array<keyof ContentScriptMessages>),
  place: (sender, type) => {
    if (type === 'frameFindings') noteFlow({ kind: 'received', tab: sender.tabId, frame: sender.frameId, bytes: sender.url.length });
    return { lane: sender.tabId, slot: String(sender.frameId) };
  },
  offer: (lane, slot, work) => frameSlots.offer(lane, slot, work),
};

export const contentScriptHandlers: Handlers<ContentScriptMessages, ContentScriptSender> = {
  frameFindings: async (scan, sender) => {
    // A prerendered page or one in the back/forward cache is not what the user sees.
    if (!sender.active) return null;
    noteFlow({ kind: 'handled', tab: sender.tabId, frame: sender.frameId });
    await recordFrame(sender.tabId, sender.frameId, { ...scan, url: sender.frameUrl }, sender.incognito);
    return null;
  },
  frameGone: async (_payload, sender) => {
    await forgetFrame(sender.tabId, sender.frameId);
    return null;
  },
  getOwnTabFindings: (_payload, sender) => tabFindings(sender.tabId),
  getCompiledList: () => ensureCompiled(),
  bannerControl: async ({ control: asked }, sender) => {
    // The banner speaks for its own tab and site only, from the top frame, and closes or
    // suppresses only organizations its tab found.
    if (!bannerMayApply(asked, { frameId: sender.frameId, url: sender.url })) return null;
    const tab = await tabFindings(sender.tabId);
    const found = new Set([...tab.findings.map((f) => f.entry.id), ...tab.suppressed.map((s) => s.id)]);
    // A banner closed as the page changed may name one the tab no longer has: the others still close.
    const control = asked.action === 'dismiss' ? { ...asked, entryIds: asked.entryIds.filter((id) => found.has(id)) } : asked;
    if (control.action === 'dismiss' && control.entryIds.length === 0) return null;
    if (!namesKnownEntries(control, (id) => found.has(id))) return null;
    await applyControl(control, Date.now(), sender.incognito ? 'private' : 'normal'); // the storage listener republishes every tab
    return tabFindings(sender.tabId);
  },
  bannerReport: async (_payload, sender) => {
    // The banner is in the top frame; a frame of another origin inside the page is not it.
    if (sender.frameId !== 0 || !sender.active || !bannerReports.allow(sender.tabId, Date.now())) return null;
    await openReport(sender.tabId, 'banner');
    return null;
  },
  openHelp: async (_payload, sender) => {
    if (sender.frameId !== 0 || !sender.active || !helpOpenings.allow(sender.tabId, Date.now())) return null;
    await openHelp(sender.tabId);
    return null;
  },
  showInFrame: async ({ frameId, entryId, index }, sender) => {
    if (sender.frameId !== 0) return false;
    return sendToFrame(sender.tabId, frameId, 'showOccurrence', { entryId, index }).catch(() => false);
  },
  // The banner's choices, confirmed on the extension's own page (confirmations.ts).
  requestChoice: async ({ control: asked }, sender) => {
    if (!sender.active) return false;
    const choice = bannerMayRequest(asked, { frameId: sender.frameId, url: sender.url });
    if (!choice) return false;
    // "Not this organization" only for an organization its tab found.
    if (choice.action === 'suppress') {
      const tab = await tabFindings(sender.tabId);
      if (!tab.findings.some((f) => f.entry.id === choice.entryId)) return false;
    }
    return requestChoice(sender.tabId, choice, sender.incognito ? 'private' : 'normal');
  },
  bannerHidden: async ({ by }, sender) => {
    if (sender.frameId !== 0 || !sender.active) return null;
    await recordBannerHidden(sender.tabId, by);
    return null;
  },
};
