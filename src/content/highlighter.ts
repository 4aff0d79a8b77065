/**
 * "Show on page": scrolls to one occurrence and highlights it, only when the user asks. The CSS
 * Custom Highlight API marks the text without touching the page's DOM; its ranges are readable
 * by page scripts, which is why nothing is highlighted unasked. Where the API can't reach the
 * text (a shadow root, where our ::highlight rule doesn't apply, or a browser without it) an
 * overlay of boxes in our own element marks it instead. Either way, when the highlight ends the
 * page is as it was.
 */
import { markOwnUi } from './text-blocks';

const HIGHLIGHT_NAME = 'orgcheck-occurrence';
const HIGHLIGHT_MS = 6_000;

type HighlightRegistry = Map<string, unknown>;
type HighlightCtor = new (...ranges: Range[]) => unknown;

let styleElement: HTMLStyleElement | undefined;
let overlay: HTMLElement | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
let drawTimer: ReturnType<typeof setTimeout> | undefined;

function highlightApi(): { registry: HighlightRegistry; Highlight: HighlightCtor } | null {
  const registry = (globalThis.CSS as unknown as { highlights?: HighlightRegistry } | undefined)?.highlights;
  const Highlight = (globalThis as unknown as { Highlight?: HighlightCtor }).Highlight;
  return registry && Highlight ? { registry, Highlight } : null;
}

export function clearHighlight(): void {
  clearTimeout(timer);
  clearTimeout(drawTimer);
  highlightApi()?.registry.delete(HIGHLIGHT_NAME);
  styleElement?.remove();
  styleElement = undefined;
  overlay?.remove();
  overlay = undefined;
}

const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Scrolls `range` into view and marks it until the next call, clearHighlight, or a few seconds. */
export function showRange(range: Range): void {
  clearHighlight();
  const element = range.startContainer.parentElement;
  element?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: reducedMotion() ? 'auto' : 'smooth' });
  const api = highlightApi();
  // A field's value is no text node: its box is marked by the overlay.
  if (api && range.startContainer.nodeType === Node.TEXT_NODE && range.startContainer.getRootNode() === document) {
    styleElement = document.createElement('style');
    markOwnUi(styleElement);
    styleElement.textContent = `::highlight(${HIGHLIGHT_NAME}) { background-color: #ffd54f; color: #000; }`;
    (document.head ?? document.documentElement).append(styleElement);
    api.registry.set(HIGHLIGHT_NAME, new api.Highlight(range));
  } else {
    // After a smooth scroll the boxes would be placed too early: wait for it to settle.
    drawTimer = setTimeout(() => drawOverlay(range), reducedMotion() ? 0 : 400);
  }
  timer = setTimeout(clearHighlight, HIGHLIGHT_MS);
}

function drawOverlay(range: Range): void {
  overlay?.remove();
  overlay = document.createElement('orgcheck-highlight');
  markOwnUi(overlay);
  overlay.setAttribute('style', 'all: initial !important; position: absolute !important; left: 0 !important; top: 0 !important; pointer-events: none !important; z-index: 2147483646 !important;');
  const shadow = overlay.attachShadow({ mode: 'closed' });
  for (const rect of range.getClientRects()) {
    const box = document.createElement('div');
    box.setAttribute(
      'style',
      `position:absolute;left:${rect.left + scrollX - 2}px;top:${rect.top + scrollY - 2}px;width:${rect.width + 4}px;height:${rect.height + 4}px;` +
        'background:rgba(255,213,79,.45);outline:2px solid #f9a825;border-radius:3px;',
    );
    shadow.append(box);
  }
  document.documentElement.append(overlay);
}
