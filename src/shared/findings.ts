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
