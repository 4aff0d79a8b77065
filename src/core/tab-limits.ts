/**
 * How much of a tab the background keeps (in memory and in storage.session, whose quota of
 * 10 MB all tabs share): a hostile page chooses what its frames report, so each frame has a byte
 * budget and a tab a bounded number of frames. Pure.
 */
import type { FrameReport } from './findings';

export const TAB_LIMITS = {
  /** UTF-8 bytes of one frame's stored report (an honest frame naming 300 organizations uses ~40 kB). */
  frameBytes: 64_000,
  /** Frames besides the top one whose findings are kept; a frame that found nothing is not kept. */
  subframes: 20,
} as const;

const encoder = new TextEncoder();
const bytesOf = (value: unknown) => encoder.encode(JSON.stringify(value)).length;

/**
 * The report within the frame budget: as it is when it fits, else the organizations named most
 * often first with one form each, as many as fit.
 */
export function fitFrame(report: FrameReport, maxBytes: number = TAB_LIMITS.frameBytes): FrameReport {
  if (bytesOf(report) <= maxBytes) return report;
  let fitted: FrameReport = {
    ...report,
    findings: [...report.findings].sort((a, b) => b.count - a.count).map((f) => ({ ...f, forms: f.forms.slice(0, 1) })),
  };
  while (fitted.findings.length > 0 && bytesOf(fitted) > maxBytes) {
    fitted = { ...fitted, findings: fitted.findings.slice(0, Math.floor(fitted.findings.length * 0.8)) };
  }
  return fitted;
}

/**
 * The tab's frames after frame `frameId` reported `report` (already fitted), or null when nothing
 * changes: a subframe that found nothing is dropped, and a new subframe past the limit is not kept.
 */
export function withFrame(
  frames: Readonly<Record<string, FrameReport>>,
  frameId: number,
  report: FrameReport,
  maxSubframes: number = TAB_LIMITS.subframes,
): Record<string, FrameReport> | null {
  const known = String(frameId) in frames;
  if (frameId !== 0 && report.findings.length === 0) {
    if (!known) return null;
    const { [frameId]: _gone, ...rest } = frames;
    return rest;
  }
  if (frameId !== 0 && !known && Object.keys(frames).filter((id) => id !== '0').length >= maxSubframes) return null;
  return { ...frames, [frameId]: report };
}
