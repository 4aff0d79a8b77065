/**
 * What a scan found and what a tab shows of it (JSON): core's tab model reasons about these, and
 * the messages carry them (shared/findings.ts re-exports them for the pages and the background).
 */
import type { ListingLabel } from './list-records';
import type { BannerHiddenBy } from './banner-gate';
import type { ListFreshness } from './feed/freshness';
import type { BlocklistEntry } from './list-schema';
import type { FormerSite } from './own-site';

export interface FrameFinding {
  id: string;
  /** Occurrences in the frame's text, the title included. */
  count: number;
  /** Occurrences in the page's text alone: those "show on page" can scroll to. */
  inText: number;
  /** The distinct forms as they stood on the page (traditional script, an alias …), at most 5. */
  forms: string[];
}

/** What a frame's content script reports: its findings, never where it is (see FrameReport). */
export interface FrameScan {
  /** The document's title (the top frame's; others send ''). */
  title: string;
  /** listKey of the compiled list the scan used. */
  listKey: string;
  findings: FrameFinding[];
  /** Organizations named in the document's title (top frame only): the own-site signal. */
  titleIds: string[];
  /**
   * The content script's own timing, for tests and benchmarks: the longest stretch it kept the
   * page's main thread (ms), and the set-up of the scanner.
   */
  stats: { longestTaskMs: number; setupMs: number };
}

/** A frame as the background keeps it: its scan, checked and capped, and the URL the browser gave. */
export interface FrameReport extends FrameScan {
  /** core/frame-url.ts: from the message's sender, never from the frame's own word. */
  url: string;
}

export interface TabFinding {
  entry: BlocklistEntry;
  count: number;
  forms: string[];
  /** Occurrences in each frame's text, title excluded (frame 0 is the top frame), in frame order: for "show on page". */
  frames: Array<{ frameId: number; count: number }>;
  /**
   * The words for each of the entry's listings, in order, in the UI language: resolved by the
   * background from the list records in use (the feed's over the bundled ones), so the banner
   * labels a list that only a feed describes, and content scripts carry no records table.
   */
  labels: ListingLabel[];
}

/** Why the banner is not shown although the tab found something. */
export type BannerState = 'shown' | 'none' | 'allowlisted' | 'snoozed' | 'dismissed';

export interface TabFindings {
  tabId: number;
  url: string;
  title: string;
  /** The page's site (registrable domain; IP or localhost with port), or null. */
  site: string | null;
  /** Organizations that warn here, most occurrences first (without those suppressed on the site). */
  findings: TabFinding[];
  /** Found, but the user said "not this organization" on this site. */
  suppressed: Array<{ id: string; zh: string }>;
  /** alert: the page is the organization's own site; status: it only mentions it. */
  severity: 'alert' | 'status';
  /**
   * The alert stands on listed domains only, all seen in use 12 months ago or more: the page's
   * site was used by this organization (core/own-site.ts), and the alert says so in the past tense.
   */
  formerSite?: FormerSite | null;
  banner: BannerState;
  allowlisted: boolean;
  /** "Snooze all warnings" until (epoch ms), if in the future. */
  snoozeUntil: number | null;
  /** The list in use: when it was last updated, its size, whether it may be out of date (ui/Freshness.tsx). */
  listFreshness: ListFreshness | null;
  /** The tab is in a private window: controls set here last until the browser closes. */
  incognito?: boolean;
  /** The page hid the banner without a click (removed it twice, or kept it covered): badge "!", popup says so. */
  pageHidBanner?: BannerHiddenBy | null;
}
