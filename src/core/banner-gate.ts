/**
 * When a click on the banner counts (issue 11 item 1: lured clicks). A page can draw something
 * over the banner with `pointer-events: none` (a top-layer popover, say "click anywhere to
 * continue") so that the user's real click lands on a banner control. So a control acts only if
 * the banner was visible, as IntersectionObserver v2 (`isVisible`) saw it, for the whole
 * GATE_VISIBLE_MS before the user's pointerdown or keydown. Pure: the content script feeds it
 * what the observer reported.
 */

/** How long the banner must have been visible, unobstructed, before a press for it to count. */
export const GATE_VISIBLE_MS = 800;

/** How long the banner may stay invisible (covered) before the page is said to have hidden it. */
export const HIDDEN_AFTER_MS = 2_000;

/**
 * What the visibility tracker knows: whether this browser reports `isVisible` at all (Chrome
 * does; Firefox has no IntersectionObserver v2), and since when the banner has been visible
 * without a break (null: not visible now, or not known yet).
 */
export interface BannerVisibility {
  supported: boolean;
  visibleSince: number | null;
  /**
   * Hidden now by what IntersectionObserver v2 can't see (issue 18 item 3: a mask on it or an
   * ancestor, a zoom that shrinks it): the press fails even where the browser has no v2.
   */
  coveredNow?: boolean;
}

/**
 * passed: visible for GATE_VISIBLE_MS before the press; failed: it wasn't (covered, just shown);
 * unsupported: the browser can't tell.
 */
export type Gate = 'passed' | 'failed' | 'unsupported';

export function gateAt(visibility: BannerVisibility, pressedAt: number): Gate {
  if (visibility.coveredNow) return 'failed';
  if (!visibility.supported) return 'unsupported';
  const since = visibility.visibleSince;
  return since !== null && pressedAt - since >= GATE_VISIBLE_MS ? 'passed' : 'failed';
}

/**
 * What a banner control does after a press:
 * - close: 'session' (closed on this site until the browser restarts) only when the gate
 *   passed; otherwise 'view' (this page view only): a lured Close never outlasts a reload.
 * - minimise (to a pill) and restore: act whatever the gate says, like a Close for the view: they
 *   change only this page view's display. A Close or a Minimise on a failed gate also tells the
 *   background that the page hid the warning: the badge shows "!" (issue 18 item 4).
 * - Escape minimises, and only after a passed gate (content/banner/mount.ts).
 * - every other control ("show on page", "report", and the requests for a choice that the
 *   confirmation page then asks about): acts, or not at all when the gate failed. Where the
 *   browser can't tell (unsupported), it acts: none of them changes a setting by itself (a choice
 *   still needs Confirm on the extension's own page, out of the page's reach).
 */
export function closeLasts(gate: Gate): 'session' | 'view' {
  return gate === 'passed' ? 'session' : 'view';
}

export function controlActs(gate: Gate): boolean {
  return gate !== 'failed';
}

/** How a page hid the banner without a click: removed it twice, or covered it past HIDDEN_AFTER_MS. */
export type BannerHiddenBy = 'removed' | 'covered';
