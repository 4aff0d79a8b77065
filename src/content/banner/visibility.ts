/**
 * Whether the banner is really visible, as IntersectionObserver v2 sees it: `isVisible` is false
 * while anything is drawn over it (a top-layer popover with `pointer-events: none` too) or while
 * it is faded, filtered or transformed. Chrome computes it for a target inside our closed shadow
 * root from the content script; Firefox has no v2 (no `isVisible`): `supported` is false there
 * and core/banner-gate.ts treats presses accordingly.
 *
 * It also notices a page that keeps the banner covered: invisible for more than HIDDEN_AFTER_MS
 * while the document is shown (not in a background tab) and nothing is fullscreen (a fullscreen
 * video covers the banner as it covers everything: that is the user's doing, not the page's).
 */
import { HIDDEN_AFTER_MS, type BannerVisibility } from '../../core/banner-gate';

/** IntersectionObserver v2's additions, not in TypeScript's DOM types yet. */
type V2Entry = IntersectionObserverEntry & { isVisible?: boolean };
type V2Init = IntersectionObserverInit & { trackVisibility: boolean; delay: number };

export const visibilitySupported = (): boolean =>
  typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype;

export class VisibilityTracker {
  readonly supported = visibilitySupported();
  private visibleSince: number | null = null;
  private target: Element | undefined;
  private observer: IntersectionObserver | undefined;
  private hiddenTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly onShown = () => {
    if (document.visibilityState === 'visible') this.armHiddenTimer();
  };

  constructor(private readonly onHiddenTooLong: () => void) {}

  /** Watches `target` (the banner as drawn); a new target starts over: not visible yet. */
  track(target: Element | null): void {
    if (target === this.target) return;
    this.stop();
    if (!target || !this.supported) return;
    this.target = target;
    // delay 100 is the smallest v2 allows; its notices lag a change by up to that much.
    this.observer = new IntersectionObserver((entries) => this.record(entries as V2Entry[]), {
      trackVisibility: true,
      delay: 100,
    } as V2Init);
    this.observer.observe(target);
    document.addEventListener('visibilitychange', this.onShown);
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.target = undefined;
    this.visibleSince = null;
    this.clearHiddenTimer();
    document.removeEventListener('visibilitychange', this.onShown);
  }

  /** What is known now, with any notice not delivered yet taken into account. */
  visibility(): BannerVisibility {
    if (this.observer) this.record(this.observer.takeRecords() as V2Entry[]);
    return { supported: this.supported, visibleSince: this.visibleSince };
  }

  private record(entries: V2Entry[]): void {
    for (const entry of entries) {
      if (entry.target !== this.target) continue;
      if (entry.isVisible) {
        // Both on the page's performance timeline, as event.timeStamp is.
        this.visibleSince ??= entry.time;
        this.clearHiddenTimer();
      } else {
        this.visibleSince = null;
        this.armHiddenTimer();
      }
    }
  }

  private armHiddenTimer(): void {
    if (this.hiddenTimer !== undefined || !this.target || this.visibleSince !== null) return;
    this.hiddenTimer = setTimeout(() => {
      this.hiddenTimer = undefined;
      if (!this.target || this.visibleSince !== null) return;
      // Not the page's doing: a background tab draws nothing, a fullscreen element covers all.
      if (document.visibilityState !== 'visible' || document.fullscreenElement) return;
      this.onHiddenTooLong();
    }, HIDDEN_AFTER_MS);
  }

  private clearHiddenTimer(): void {
    clearTimeout(this.hiddenTimer);
    this.hiddenTimer = undefined;
  }
}
