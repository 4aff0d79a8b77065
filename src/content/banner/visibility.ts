/**
 * Whether the banner (or its pill) is really visible. IntersectionObserver v2 tells most of it:
 * `isVisible` is false while anything is drawn over it (a top-layer popover with
 * `pointer-events: none` too) or while it is faded, filtered or transformed. Chrome computes it
 * for a target inside our closed shadow root from the content script; Firefox has no v2 (no
 * `isVisible`): `supported` is false there and core/banner-gate.ts treats presses accordingly.
 *
 * What v2 can't see, checked here from computed styles (issue 18 item 3), in Firefox too:
 * - a mask (`mask`, `mask-image`, `-webkit-mask-image`) or a clip (`clip-path`, `clip`) on the host or
 *   an ancestor (html, body if the page moved it): counted as covered (v2 ignores a clip-path, and
 *   one that leaves a sliver of the banner keeps it intersecting: the attacker's pass of issue 18);
 * - zoom: the host's own zoom undoes its parent's (`hostZoom`), within 0.25–4; what is
 *   still drawn under 60 % of its design size counts as covered;
 * - place: less than 60 % of it inside the window counts as covered (a page can rewrite the host's
 *   inline style, `top: -310px`, and v2 calls the sliver left in the window visible).
 * And what v2 sees too much: a colour-only filter on an ancestor (`html { filter: grayscale(1) }`
 * on a national mourning day) leaves the banner legible, so it does not count as hidden.
 *
 * It also notices a page that keeps the banner hidden: HIDDEN_AFTER_MS on end, or more than half
 * of the last 10 s (core/hidden-time.ts), counting only while the document is shown (not a
 * background tab) and nothing is fullscreen (a fullscreen video covers the banner as it covers
 * everything: that is the user's doing). Style checks run while a banner is tracked, never
 * otherwise: frames without a banner pay nothing.
 */
import type { BannerVisibility } from '../../core/banner-gate';
import { isColourOnlyFilter } from '../../core/colour-filter';
import { HiddenTime } from '../../core/hidden-time';

/** IntersectionObserver v2's additions, not in TypeScript's DOM types yet. */
type V2Entry = IntersectionObserverEntry & { isVisible?: boolean };
type V2Init = IntersectionObserverInit & { trackVisibility: boolean; delay: number };

/** Drawn smaller than this share of its design size (after undoing zoom), the banner is unreadable. */
const SMALLEST_SHARE = 0.6;
/** How often a tracked banner is checked again (a stylesheet changed through CSSOM sends no notice). */
const RECHECK_MS = 500;

export const visibilitySupported = (): boolean =>
  typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype;

/** The zoom that undoes the host's parent's (`currentCSSZoom`: Chrome 128, Firefox 126), within 0.25–4. */
export function hostZoom(host: Element): number {
  const parentZoom = (host.parentElement as (Element & { currentCSSZoom?: number }) | null)?.currentCSSZoom;
  if (!parentZoom || !Number.isFinite(parentZoom)) return 1;
  return Math.min(4, Math.max(0.25, 1 / parentZoom));
}

const hasMask = (style: CSSStyleDeclaration): boolean =>
  [style.maskImage, style.getPropertyValue('-webkit-mask-image'), style.getPropertyValue('mask')].some(
    (value) => value !== '' && value !== 'none',
  );

/** `clip` applies only to absolutely positioned boxes; its computed value is `auto` otherwise. */
const hasClip = (style: CSSStyleDeclaration): boolean =>
  (style.clipPath !== '' && style.clipPath !== 'none') || (style.clip !== '' && style.clip !== 'auto');

export class VisibilityTracker {
  readonly supported = visibilitySupported();
  private target: Element | undefined;
  private host: Element | undefined;
  private observer: IntersectionObserver | undefined;
  private styleWatch: MutationObserver | undefined;
  private recheck: ReturnType<typeof setInterval> | undefined;
  /** IntersectionObserver v2's last word: since when visible (null: not visible, or none yet). */
  private ioVisibleSince: number | null = null;
  /** v2 said not visible, and a colour-only filter on an ancestor explains it. */
  private ioFiltered = false;
  /** Since when no style hides it (null: one does now). */
  private styleClearSince: number | null = null;
  private readonly hidden = new HiddenTime();
  private reported = false;
  private readonly onChange = () => this.evaluate(performance.now());

  constructor(private readonly onHiddenTooLong: () => void) {}

  /** Watches `target` (the banner or pill as drawn) in `host`; a new target starts over: not visible yet. */
  track(target: Element | null, host: Element): void {
    if (target === this.target) return;
    this.stop();
    if (!target) return;
    this.target = target;
    this.host = host;
    if (this.supported) {
      // delay 100 is the smallest v2 allows; its notices lag a change by up to that much.
      this.observer = new IntersectionObserver((entries) => this.record(entries as V2Entry[]), {
        trackVisibility: true,
        delay: 100,
      } as V2Init);
      this.observer.observe(target);
    }
    // What changes a mask or a zoom: a style or class on the host's ancestors, a stylesheet added.
    this.styleWatch = new MutationObserver(this.onChange);
    for (let el: Element | null = host; el; el = el.parentElement) {
      this.styleWatch.observe(el, { attributes: true, attributeFilter: ['style', 'class'] });
    }
    if (document.head) this.styleWatch.observe(document.head, { childList: true });
    if (document.body) this.styleWatch.observe(document.body, { childList: true });
    this.recheck = setInterval(this.onChange, RECHECK_MS);
    document.addEventListener('visibilitychange', this.onChange);
    document.addEventListener('fullscreenchange', this.onChange);
    this.evaluate(performance.now());
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.styleWatch?.disconnect();
    this.styleWatch = undefined;
    clearInterval(this.recheck);
    this.recheck = undefined;
    this.target = undefined;
    this.host = undefined;
    this.ioVisibleSince = null;
    this.ioFiltered = false;
    this.styleClearSince = null;
    this.hidden.clear();
    this.reported = false;
    document.removeEventListener('visibilitychange', this.onChange);
    document.removeEventListener('fullscreenchange', this.onChange);
  }

  /** What is known now, with any notice not delivered yet and the styles as they are now. */
  visibility(): BannerVisibility {
    const now = performance.now();
    if (this.observer) this.record(this.observer.takeRecords() as V2Entry[], false);
    const coveredNow = this.evaluate(now);
    const since = this.supported ? this.ioVisibleSince : now;
    const visibleSince = since === null || this.styleClearSince === null ? null : Math.max(since, this.styleClearSince);
    return { supported: this.supported, visibleSince, coveredNow };
  }

  private record(entries: V2Entry[], evaluate = true): void {
    for (const entry of entries) {
      if (entry.target !== this.target) continue;
      // Both on the page's performance timeline, as event.timeStamp is.
      if (entry.isVisible) {
        this.ioFiltered = false;
        this.ioVisibleSince ??= entry.time;
      } else if (entry.isIntersecting && this.onlyColourFiltered()) {
        // Greyed, not hidden: v2 says "not visible" for any filter.
        if (!this.ioFiltered) this.ioVisibleSince = entry.time;
        this.ioFiltered = true;
      } else {
        this.ioFiltered = false;
        this.ioVisibleSince = null;
      }
    }
    if (evaluate) this.evaluate(performance.now());
  }

  /**
   * Checks the styles v2 can't see and counts the time hidden; true: a style hides it now.
   * Reports a page that kept it hidden too long (once per tracked target).
   */
  private evaluate(now: number): boolean {
    if (!this.target || !this.host) return false;
    // A filter that was colour-only may not be any more: v2 sends no new notice for that.
    if (this.ioFiltered && !this.onlyColourFiltered()) {
      this.ioFiltered = false;
      this.ioVisibleSince = null;
    }
    this.undoZoom();
    const styleCovered = this.coveredByStyle();
    if (styleCovered) this.styleClearSince = null;
    else this.styleClearSince ??= now;
    const ioHidden = this.supported && this.ioVisibleSince === null;
    // Not the page's doing: a background tab draws nothing, a fullscreen element covers all.
    const excused = document.visibilityState !== 'visible' || !!document.fullscreenElement;
    this.hidden.set((styleCovered || ioHidden) && !excused, now);
    if (!this.reported && this.hidden.tooLong(now)) {
      this.reported = true;
      this.onHiddenTooLong();
    }
    return styleCovered;
  }

  /** Sets the host's zoom to undo its parent's (its inline style is ours: mount.ts sets it whole). */
  private undoZoom(): void {
    const host = this.host as HTMLElement;
    const zoom = hostZoom(host);
    // Compared as numbers, with some slack: the style may round what it is given (no loop with styleWatch).
    // (`all: initial` in mount.ts's style sets zoom to "initial": not a number, so it is set here.)
    const current = Number.parseFloat(host.style.getPropertyValue('zoom'));
    if (!(Math.abs(current - zoom) <= 0.001)) host.style.setProperty('zoom', zoom.toFixed(4), 'important');
  }

  /**
   * A mask or a clip on the host or an ancestor, or drawn under SMALLEST_SHARE of its design size,
   * or with less than that share of it inside the window.
   */
  private coveredByStyle(): boolean {
    for (let el: Element | null = this.host!; el; el = el.parentElement) {
      const style = getComputedStyle(el);
      if (hasMask(style) || hasClip(style)) return true;
    }
    const target = this.target as HTMLElement;
    const drawn = target.getBoundingClientRect();
    // offsetWidth/Height: the layout size in the element's own CSS pixels, before any zoom.
    const designWidth = target.offsetWidth;
    const designHeight = target.offsetHeight;
    if (designWidth === 0 || designHeight === 0) return false;
    if (drawn.width < designWidth * SMALLEST_SHARE || drawn.height < designHeight * SMALLEST_SHARE) return true;
    // Moved mostly out of the window (the page can rewrite the host's inline style): v2 sees the
    // sliver left in as visible. The banner is made to fit the window (styles.ts), so this is the page.
    const inWidth = Math.max(0, Math.min(drawn.right, innerWidth) - Math.max(drawn.left, 0));
    const inHeight = Math.max(0, Math.min(drawn.bottom, innerHeight) - Math.max(drawn.top, 0));
    if (inWidth * inHeight < drawn.width * drawn.height * SMALLEST_SHARE) return true;
    // Filtered, v2 can't tell a cover either: at least what takes pointer events over its centre.
    return this.ioFiltered && document.elementFromPoint(drawn.x + drawn.width / 2, drawn.y + drawn.height / 2) !== this.host;
  }

  /** Every ancestor's filter is colour-only, one at least is set, and nothing else fades or moves it. */
  private onlyColourFiltered(): boolean {
    let filtered = false;
    for (let el: Element | null = this.host ?? null; el; el = el.parentElement) {
      const style = getComputedStyle(el);
      if (style.filter !== 'none') {
        if (!isColourOnlyFilter(style.filter)) return false;
        filtered = true;
      }
      if (Number(style.opacity) < 1 || style.transform !== 'none') return false;
    }
    return filtered;
  }
}
