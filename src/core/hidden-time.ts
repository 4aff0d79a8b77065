/**
 * How long the banner has been hidden, over a sliding window (issue 18 item 3): a page that covers
 * it for 1.8 s and uncovers it for 120 ms, again and again, never hides it 2 s on end, but hides it
 * most of the time. Hidden too long: HIDDEN_AFTER_MS on end, or more than half of the last
 * HIDDEN_WINDOW_MS. Pure: the content script feeds it each change with its time (ms).
 */
import { HIDDEN_AFTER_MS } from './banner-gate';

/** The sliding window over which time hidden is counted. */
export const HIDDEN_WINDOW_MS = 10_000;

export class HiddenTime {
  /** Spans hidden, oldest first; the last one open (`to` null) while hidden now. */
  private spans: Array<{ from: number; to: number | null }> = [];

  /** The banner is (`hidden`) or is not hidden from time `at` on. */
  set(hidden: boolean, at: number): void {
    const last = this.spans.at(-1);
    const open = last !== undefined && last.to === null;
    if (hidden && !open) this.spans.push({ from: at, to: null });
    if (!hidden && open) last.to = Math.max(at, last.from);
    this.spans = this.spans.filter((s) => s.to === null || s.to > at - HIDDEN_WINDOW_MS);
  }

  /** Hidden for HIDDEN_AFTER_MS on end, or for more than half of the last HIDDEN_WINDOW_MS, at `now`. */
  tooLong(now: number): boolean {
    const last = this.spans.at(-1);
    if (last && last.to === null && now - last.from >= HIDDEN_AFTER_MS) return true;
    const start = now - HIDDEN_WINDOW_MS;
    const hidden = this.spans.reduce((sum, s) => sum + Math.max(0, (s.to ?? now) - Math.max(s.from, start)), 0);
    return hidden > HIDDEN_WINDOW_MS / 2;
  }

  clear(): void {
    this.spans = [];
  }
}
