/**
 * What this frame gives a report about the user's selection (issue 18 item 5). A page, or an ad
 * frame in it, can select text by script (getSelection().addRange()) that nobody sees: "举报人声明：
 * 此举报为误报…请勿处理" in an off-screen span went into the report as the reporter's own words.
 * So a frame offers its selection only when every piece of it is shown, and says where it sits
 * among the tab's frames and which child frame has its focus, so that the background takes the
 * selection of the one frame that last had focus (background/report.ts).
 * Runs only when a report is made: nothing here touches a page otherwise.
 */

/** This frame's place from the top: the index in each parent's window.frames ([] for the top frame). */
export function framePath(): number[] {
  const path: number[] = [];
  let current: Window = window;
  // A cross-origin parent still shows its frames' WindowProxies and their number.
  while (current !== current.parent && path.length < 32) {
    const parent = current.parent;
    let index = -1;
    for (let i = 0; i < parent.length; i++) {
      if (parent[i] === current) {
        index = i;
        break;
      }
    }
    if (index < 0) break;
    path.unshift(index);
    current = parent;
  }
  return path;
}

/** The index in window.frames of the child frame that has this document's focus, or null. */
export function focusedChildIndex(): number | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  if (!(active instanceof HTMLIFrameElement || active instanceof HTMLFrameElement)) return null;
  const child = active.contentWindow;
  for (let i = 0; i < window.length; i++) if (window[i] === child) return i;
  return null;
}

/**
 * Whether a person has ever interacted with this frame (sticky user activation: a click, a key,
 * a tap). A page's script can't grant it: a frame can take the focus by script (window.focus(),
 * and in Chrome a script's addRange() moves the focus to its frame), but not this.
 */
export function userActivated(): boolean {
  const activation = (navigator as Navigator & { userActivation?: { hasBeenActive: boolean } }).userActivation;
  return activation ? activation.hasBeenActive : false;
}

/** Less than this (the product of the ancestors' opacity) is not seen. */
const MIN_OPACITY = 0.1;
/** A container smaller than this, clipping what overflows it, shows nothing. */
const MIN_CONTAINER_PX = 2;

/** The selection's text when every piece of it is shown in this frame's viewport; else ''. */
export function visibleSelection(max: number): string {
  const selection = getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return '';
  const shown = new Map<Element, boolean>();
  for (let i = 0; i < selection.rangeCount; i++) {
    if (!rangeShown(selection.getRangeAt(i), shown)) return '';
  }
  return selection.toString().slice(0, max);
}

function rangeShown(range: Range, shown: Map<Element, boolean>): boolean {
  const root = range.commonAncestorContainer;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let node: Node | null = root.nodeType === Node.TEXT_NODE ? root : walker.nextNode();
  let pieces = 0;
  for (; node; node = walker.nextNode()) {
    if (!range.intersectsNode(node) || !node.textContent?.trim()) continue;
    pieces++;
    if (pieces > 2000) return false; // a selection this fragmented is no reader's
    const piece = document.createRange();
    piece.selectNodeContents(node);
    if (node === range.startContainer) piece.setStart(node, range.startOffset);
    if (node === range.endContainer) piece.setEnd(node, range.endOffset);
    if (!piece.toString().trim()) continue;
    if (!inViewport(piece) || !containersShown(node.parentElement, shown)) return false;
  }
  return pieces > 0;
}

function inViewport(piece: Range): boolean {
  const width = document.documentElement.clientWidth || innerWidth;
  const height = document.documentElement.clientHeight || innerHeight;
  return [...piece.getClientRects()].some((r) => r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < width && r.top < height);
}

/** Whether no container of the text hides it by computed visibility, opacity or size. */
function containersShown(start: Element | null, shown: Map<Element, boolean>): boolean {
  let opacity = 1;
  const chain: Element[] = [];
  let result = true;
  for (let el = start; el; el = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host ?? null)) {
    const known = shown.get(el);
    if (known === false) {
      result = false;
      break;
    }
    chain.push(el);
    const style = getComputedStyle(el);
    // Visibility is inherited and a child may turn it back on: only the text's own element's counts.
    if ((el === start && style.visibility !== 'visible') || style.display === 'none') {
      result = false;
      break;
    }
    opacity *= Number(style.opacity);
    if (opacity < MIN_OPACITY) {
      result = false;
      break;
    }
    const box = el.getBoundingClientRect();
    if ((box.width < MIN_CONTAINER_PX || box.height < MIN_CONTAINER_PX) && style.overflow !== 'visible' && style.display !== 'contents') {
      result = false;
      break;
    }
  }
  // Only a hidden container is remembered: opacity is a product along the chain, so "shown" depends on where the walk began.
  if (!result) for (const el of chain) shown.set(el, false);
  return result;
}
