/** What a scan found, as it travels between content scripts, background and popup (JSON). */
// The types core's tab model reasons about live in core (core imports nothing from shared).
export type { BannerState, FrameFinding, FrameReport, FrameScan, TabFinding, TabFindings } from '../core/findings';

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
  selection: string;
  matches: MatchContext[];
}
