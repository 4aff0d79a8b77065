/**
 * Banner styles, isolated in the shadow root; `all: initial` on the host keeps page CSS out.
 * Fonts: generic families only (system-ui, sans-serif). A page's `@font-face` reaches into our
 * closed shadow root: named "Noto Sans CJK SC" or "Segoe UI", it would draw the banner in its own
 * glyphs (blank ones, say); it can't define a generic family (issue 18 item 3).
 * No opacity, filter or transform, animated or not: IntersectionObserver v2 reads any of them as
 * "not visible", and a press on the banner counts only after it has been visible (mount.ts).
 *
 * Sizes (issue 14 items 4 and 9): no text under 14 px (Chinese is unreadable smaller); the
 * compact notice takes at most 33 % of the window's height, the alert at most 40 % on a phone,
 * and each scrolls inside. Under 600 px wide the banner is a bottom sheet across the window.
 */

/** Where the banner becomes a bottom sheet (mount.ts switches the host's style on it). */
export const NARROW_MEDIA = '(max-width: 599.98px)';

const HOST_BASE = `
  all: initial !important;
  position: fixed !important;
  z-index: 2147483647 !important;
  display: block !important;
`;

export const HOST_STYLE = `${HOST_BASE}
  top: 12px !important;
  right: 12px !important;
`;

export const SHEET_HOST_STYLE = `${HOST_BASE}
  left: 0 !important;
  right: 0 !important;
  bottom: 0 !important;
`;

export const BANNER_CSS = `
:host { color-scheme: light dark; }
.banner {
  box-sizing: border-box;
  width: min(420px, calc(100vw - 24px));
  max-height: min(40vh, 440px);
  overflow: auto;
  overscroll-behavior: contain;
  font: 14px/1.5 system-ui, sans-serif;
  color: #1f1f1f;
  background: #fff8f6;
  border: 1px solid #e5b8b2;
  border-left: 6px solid #b3261e;
  border-radius: 10px;
  box-shadow: 0 6px 24px rgba(0, 0, 0, .18);
  padding: 10px 14px 12px;
}
.banner:focus { outline: none; }
.banner:focus-visible { outline: 3px solid #0b57d0; outline-offset: -3px; }
/* Wider than the others on a desktop so that the folded one-line title is whole (English is the longest). */
.banner.compact { max-height: 33vh; width: min(700px, calc(100vw - 24px)); }
header { display: flex; align-items: center; gap: 8px; }
.icon { flex: none; width: 20px; height: 20px; }
.heading { flex: 1; min-width: 0; }
.brand { margin: 0; font-size: 14px; font-weight: 600; color: #5f5f5f; line-height: 1.3; }
h2 { margin: 0; font-size: 16px; font-weight: 650; line-height: 1.35; }
/* The compact notice's header is one line: icon, name, title, Show/Hide and the tools. */
.compact .heading { display: flex; align-items: baseline; gap: 6px; }
.compact .brand { flex: none; }
.compact h2 { font-size: 14px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
/* Opened, there is room for the whole title (a phone cuts it short on the one line). */
.compact:not(.folded) h2 { white-space: normal; }
.tools { flex: none; display: flex; gap: 2px; margin-right: -6px; }
.tool {
  border: 0; background: transparent; color: inherit; cursor: pointer; font: inherit;
  font-size: 18px; font-weight: 600; line-height: 1; width: 32px; height: 32px; border-radius: 6px;
}
.tool.close { font-size: 22px; }
.tool:hover { background: rgba(0, 0, 0, .08); }
:focus-visible { outline: 3px solid #0b57d0; outline-offset: 1px; }
/* The alert: the organization's own site. Louder, wider, a red title bar. */
.banner.alert { width: min(480px, calc(100vw - 24px)); max-height: min(70vh, 560px); border: 2px solid #b3261e; border-left-width: 8px; background: #fff; }
.banner.alert header { background: #b3261e; color: #fff; margin: -10px -14px 8px; padding: 10px 14px; border-radius: 6px 6px 0 0; }
.banner.alert .brand { color: #fff; }
.banner.alert h2 { font-size: 17px; }
.banner.alert .tool:hover { background: rgba(255, 255, 255, .2); }
/* On the red bar blue would not show: white (6.5:1 on #b3261e, 9.1:1 on #8c1d18; WCAG 1.4.11 asks 3:1). */
.banner.alert header :focus-visible { outline-color: #fff; }
.lead { margin: 0 0 4px; font-weight: 600; }
ul { margin: 0; padding: 0; list-style: none; }
.orgs > li { padding: 8px 0; border-bottom: 1px solid rgba(0, 0, 0, .1); }
.orgs > li:last-child { border-bottom: 0; }
.orgs.dense > li { padding: 4px 0; }
.row { display: flex; align-items: center; gap: 8px; min-width: 0; }
.row strong { flex: 0 1 auto; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.row .kinds { flex: 1; margin: 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.name strong { font-size: 15px; }
.en { display: block; color: #5f5f5f; font-size: 14px; }
.kinds { margin: 2px 0 0; font-size: 14px; color: #8c1d18; font-weight: 600; }
.meaning { margin: 4px 0 0; }
.listings { margin-top: 4px; }
.listings li { font-size: 14px; }
.kind { font-weight: 600; color: #8c1d18; }
.detail { margin: 4px 0 0; font-size: 14px; color: #5f5f5f; }
a { color: #0b57d0; }
button:not(.tool):not(.pill) {
  font: inherit; font-size: 14px; color: inherit; background: rgba(0, 0, 0, .06);
  border: 1px solid rgba(0, 0, 0, .18); border-radius: 6px; padding: 3px 9px; cursor: pointer;
}
button:not(.tool):not(.pill):hover { background: rgba(0, 0, 0, .12); }
.menu-button { flex: none; padding: 0 8px !important; }
.expand { flex: none; }
.org-actions, .controls, .more { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; align-items: center; }
.advice { margin: 8px 0 0; padding: 6px 10px; border-radius: 6px; background: rgba(179, 38, 30, .06); }
.advice-title { margin: 0; font-weight: 650; }
.advice ul { list-style: disc; padding-left: 20px; }
.meta { margin: 8px 0 0; font-size: 14px; color: #5f5f5f; }
/* The minimised banner. */
.pill {
  display: flex; align-items: center; gap: 6px; cursor: pointer;
  font: 600 14px/1 system-ui, sans-serif;
  color: #1f1f1f; background: #fff8f6; border: 2px solid #b3261e; border-radius: 999px;
  padding: 6px 12px 6px 8px; box-shadow: 0 4px 16px rgba(0, 0, 0, .2);
}
.pill .count { background: #b3261e; color: #fff; border-radius: 999px; padding: 3px 7px; }
@media ${NARROW_MEDIA} {
  /* A bottom sheet across the window: it never covers the page's top (its own header, menus). */
  .banner, .banner.alert {
    width: 100vw; border-radius: 12px 12px 0 0; border-width: 1px 0 0; border-top: 4px solid #b3261e;
    max-height: 33vh;
  }
  .banner.alert { max-height: 40vh; }
  .banner.alert header { border-radius: 8px 8px 0 0; }
  .pill-wrap { display: flex; justify-content: flex-end; padding: 0 12px 12px; }
}
@media (prefers-color-scheme: dark) {
  .banner { color: #eee; background: #2b1d1b; border-color: #6d3b35; border-left-color: #f2b8b5; }
  .brand, .en, .detail, .meta { color: #c9c9c9; }
  .banner.alert { background: #2b1d1b; border-color: #f2b8b5; }
  .banner.alert header { background: #8c1d18; }
  .banner.alert .brand { color: #fff; }
  button:not(.tool):not(.pill) { background: rgba(255, 255, 255, .08); border-color: rgba(255, 255, 255, .25); }
  button:not(.tool):not(.pill):hover { background: rgba(255, 255, 255, .16); }
  .tool:hover { background: rgba(255, 255, 255, .12); }
  .kind, .kinds { color: #f2b8b5; }
  a { color: #a8c7fa; }
  :focus-visible, .banner:focus-visible { outline-color: #a8c7fa; }
  .banner.alert header :focus-visible { outline-color: #fff; }
  .advice { background: rgba(242, 184, 181, .08); }
  .pill { color: #eee; background: #2b1d1b; border-color: #f2b8b5; }
  .pill .count { background: #f2b8b5; color: #2b1d1b; }
}
`;
