/** What a scan found, as it travels between content scripts, background and popup (JSON). */
import type { ListingLabel } from '../core/list-records';
import type { BannerHiddenBy } from '../core/banner-gate';
import type { ListFreshness } from '../core/feed/freshness';
import type { BlocklistEntry } from '../core/list-schema';

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

/** One occurrence of a listed name with its surrounding text, as a report carries it. */
export interface MatchContext {
  entryId: string;
  /** The name as it stood on the page. */
  form: string;
  /** Up to 100 characters before and after it. */
  before: string;
  after: string;
}

/** What one frame contributes to a report: its matches in context and the user's selection. */
export interface FrameReportContext {
  /** The frame's own word, not used: a report takes the frame's URL from the browser (background/report.ts). */
  url: string;
  title: string;
  /** The selection, only when every piece of it is shown in the frame's viewport (content/report-selection.ts); else ''. */
  selection: string;
  /** The frame's place from the top frame: its index in each parent's window.frames. */
  framePath: number[];
  /** The index of the child frame that has this frame's focus (document.activeElement), or null. */
  focusedChild: number | null;
  /** Whether a person has interacted with the frame (navigator.userActivation.hasBeenActive). */
  userActivated: boolean;
  matches: MatchContext[];
}
