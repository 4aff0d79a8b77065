/** What a scan found, as it travels between content scripts, background and popup (JSON). */
import type { BlocklistEntry } from '../core/list-schema';

export interface FrameFinding {
  id: string;
  /** Occurrences in the frame's text. */
  count: number;
  /** The distinct forms as they stood on the page (traditional script, an alias …), at most 5. */
  forms: string[];
}

export interface FrameReport {
  url: string;
  title: string;
  /** listKey of the compiled list the scan used. */
  listKey: string;
  findings: FrameFinding[];
}

export interface TabFinding {
  entry: BlocklistEntry;
  count: number;
  forms: string[];
  /** Frames it was found in (0 is the top frame). */
  frameIds: number[];
}

export interface TabFindings {
  tabId: number;
  url: string;
  title: string;
  /** Organizations that warn, most occurrences first. */
  findings: TabFinding[];
  /** Date of the newest listing in the list in use (YYYY-MM-DD), for "list as of". */
  listDate: string | null;
}

/** The toolbar badge for a number of organizations: empty for none, "99+" past 99. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
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
  url: string;
  title: string;
  selection: string;
  matches: MatchContext[];
}
