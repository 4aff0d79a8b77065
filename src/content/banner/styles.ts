/**
 * Banner styles, isolated in the shadow root; `all: initial` on the host keeps page CSS out.
 * No opacity, filter or transform, animated or not: IntersectionObserver v2 reads any of them as
 * "not visible", and a press on the banner counts only after it has been visible (mount.ts).
 */
export const HOST_STYLE = `
  all: initial !important;
  position: fixed !important;
  top: 12px !important;
  right: 12px !important;
  z-index: 2147483647 !important;
  display: block !important;
`;

export const BANNER_CSS = `
:host { color-scheme: light dark; }
.banner {
  box-sizing: border-box;
  width: min(400px, calc(100vw - 24px));
  max-height: min(70vh, 560px);
  overflow: auto;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
  color: #1f1f1f;
  background: #fff8f6;
  border: 1px solid #e5b8b2;
  border-left: 6px solid #b3261e;
  border-radius: 10px;
  box-shadow: 0 6px 24px rgba(0, 0, 0, .18);
  padding: 12px 14px;
}
header { display: flex; align-items: flex-start; gap: 10px; }
.mark {
  flex: none; width: 24px; height: 24px; border-radius: 50%;
  background: #b3261e; color: #fff; font-weight: 700; text-align: center; line-height: 24px;
}
h2 { flex: 1; margin: 0; font-size: 14.5px; font-weight: 650; line-height: 1.35; }
/* The page is the organization's own site: louder, wider, a red title bar. */
.banner.alert { width: min(480px, calc(100vw - 24px)); border: 2px solid #b3261e; border-left-width: 8px; background: #fff; }
.banner.alert header { background: #b3261e; color: #fff; margin: -12px -14px 8px; padding: 12px 14px; border-radius: 6px 6px 0 0; }
.banner.alert .mark { background: #fff; color: #b3261e; }
.banner.alert h2 { font-size: 16px; }
.banner.alert .close:hover { background: rgba(255, 255, 255, .2); }
.close {
  flex: none; border: 0; background: transparent; color: inherit; cursor: pointer;
  font-size: 22px; line-height: 1; width: 32px; height: 32px; border-radius: 6px; margin: -4px -6px 0 0;
}
.close:hover { background: rgba(0, 0, 0, .08); }
:focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
ul { margin: 0; padding: 0; list-style: none; }
.orgs > li { padding: 10px 0; border-bottom: 1px solid rgba(0, 0, 0, .1); }
.orgs > li:last-child { border-bottom: 0; }
.name strong { font-size: 15px; }
.en { display: block; color: #5f5f5f; font-size: 13px; }
.listings { margin-top: 4px; }
.kinds { margin: 3px 0 0; font-size: 12.5px; color: #8c1d18; font-weight: 600; }
.listings li { font-size: 13px; }
.kind { font-weight: 600; color: #8c1d18; }
.detail { margin: 4px 0 0; font-size: 12.5px; color: #5f5f5f; }
a { color: #0b57d0; }
button:not(.close) {
  font: inherit; font-size: 12.5px; color: inherit; background: rgba(0, 0, 0, .06);
  border: 1px solid rgba(0, 0, 0, .18); border-radius: 6px; padding: 4px 9px; cursor: pointer;
}
button:not(.close):hover { background: rgba(0, 0, 0, .12); }
.org-actions, .controls, .more { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; align-items: center; }
.more { font-size: 12.5px; }
.advice { margin: 8px 0 0; font-size: 12.5px; }
.meta { margin: 8px 0 0; font-size: 12px; color: #5f5f5f; }
@media (prefers-color-scheme: dark) {
  .banner { color: #eee; background: #2b1d1b; border-color: #6d3b35; border-left-color: #f2b8b5; }
  .mark { background: #f2b8b5; color: #2b1d1b; }
  .en, .detail, .meta { color: #c9c9c9; }
  .banner.alert { background: #2b1d1b; border-color: #f2b8b5; }
  .banner.alert header { background: #8c1d18; }
  button:not(.close) { background: rgba(255, 255, 255, .08); border-color: rgba(255, 255, 255, .25); }
  button:not(.close):hover { background: rgba(255, 255, 255, .16); }
  .kind, .kinds { color: #f2b8b5; }
  a { color: #a8c7fa; }
  .close:hover { background: rgba(255, 255, 255, .12); }
}
`;
