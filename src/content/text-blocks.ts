/**
 * Walks a subtree's visible-text nodes and joins them into blocks, the unit in which names are
 * matched: text runs on across inline elements (主办：<b>中国</b><span>机器人</span>…), while block
 * elements and <br> separate. Pruned, without splitting the text around them: script-like
 * elements, ruby annotations (<rt>/<rp>: a reading aid, not part of the name), form fields,
 * frames (each frame has its own content script), OrgCheck's own UI and what the user typed
 * (set-aside.ts). Values the page set are page text, each a block of its own: a text field's
 * value until the user's first input there, a button's label, an image's alt text, each option
 * of a <select> (the text around a field or a <select> still runs on). Shadow roots, open and
 * closed, are walked as blocks of their own.
 *
 * Which elements separate: those that are not inline in the browsers' default style sheet, by
 * tag name. Everything else, custom elements (<x-name>) and unknown tags included, is inline,
 * as it renders unless the page styles it. Taking the page's CSS `display` into account instead
 * was measured and rejected. In Chromium, after load (styles already resolved), reading
 * getComputedStyle(el).display of every element costs 0.5–26 ms a page (yahoo-2 9 ms,
 * wikipedia-2 8.5, the 5 MB test page 26), 50–100 % of this walk (cold: yahoo-2 8.7 ms,
 * wikipedia-2 16, 5 MB 52); at document_end, where the content script first scans, the first
 * read also forces the page's style resolution: the extension's scan went from 125 to 392 ms
 * on the 5 MB page, 53 → 74 ms on wikipedia-2 (min of 7 rounds, machine under load). All that
 * for the few pages that style an inline tag as a block (which only joins text a reader sees
 * on two lines) or a block tag as inline.
 *
 * Hidden filler: an element with the `hidden` attribute or an inline display:none,
 * visibility:hidden or font-size:0 splits nothing, whatever its tag: a reader sees the text
 * around it as one. Filler hidden any other way (a class, a tiny font, opacity) is found by the
 * scanner, which looks for names that appear once some of a block's text nodes are left out,
 * and asks what is rendered only there (page-scanner.ts).
 */

import { inSetAsideSubtree, isSetAsideSubtree, isSetAsideText, isStartValue, setAsideMarks } from './set-aside';

/** Elements that start a block of their own in the default style sheet (by localName). */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'button', 'caption', 'center', 'col', 'colgroup', 'dd',
  'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'frameset',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'listing', 'main', 'marquee',
  'menu', 'nav', 'ol', 'optgroup', 'option', 'p', 'plaintext', 'pre', 'search', 'section', 'summary', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'xmp', 'math',
  // SVG: each <text> is placed on its own; <tspan> runs on inside it.
  'svg', 'text', 'foreignObject',
]);

const PRUNED = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'iframe', 'frame', 'object', 'embed',
  'canvas', 'video', 'audio', 'head', 'title', 'rt', 'rp', 'rtc',
]);

/**
 * Marks OrgCheck's highlight elements for tests and style only. What keeps the walk out of them is
 * their identity (`markOwnUi`): a page can copy an attribute onto its own content. The banner's
 * host has none (`tagged` false: issue 18 item 8): nothing stable a page could find it by.
 */
export const OWN_UI_ATTRIBUTE = 'data-orgcheck-ui';

/** OrgCheck's own elements (the banner's host, the highlight's): never read. */
const ownUi = new WeakSet<Node>();

/** Makes `el` one of OrgCheck's own elements, which no walk reads. */
export function markOwnUi(el: Element, tagged = true): void {
  ownUi.add(el);
  if (tagged) el.setAttribute(OWN_UI_ATTRIBUTE, '');
}

export function isOwnUi(node: Node): boolean {
  return ownUi.has(node);
}

export interface TextBlock {
  /** The node the block belongs to: its nearest non-inline ancestor (or a shadow root, or a field). */
  owner: Node;
  text: string;
  nodes: Text[];
  /** starts[i] = offset of nodes[i] in text. */
  starts: number[];
}

/** Inline display:none, visibility:hidden, or a font size of zero (0, 0px, 0em …). */
const HIDING_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?![.\d]*[1-9])/i;

/** An element that renders nothing, or nothing readable, by its attributes (see the module header). */
export function mayHideFiller(el: Element): boolean {
  // Most elements of a page carry no attribute at all: one call answers for them.
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return style !== null && HIDING_STYLE.test(style);
}

export function isInlineElement(el: Element): boolean {
  return !BLOCK.has(el.localName) || mayHideFiller(el);
}

function isPruned(el: Element): boolean {
  return PRUNED.has(el.localName) || ownUi.has(el) || isSetAsideSubtree(el);
}

/** The nearest ancestor that starts a block: a non-inline element, or the root of a tree. */
export function blockOwner(node: Node): Node {
  let el = node.parentNode;
  while (el && el.nodeType === Node.ELEMENT_NODE && isInlineElement(el as Element)) el = el.parentNode;
  return el ?? node;
}

/** Whether `node` is inside `root`, across shadow boundaries. */
export function composedContains(root: Node, node: Node): boolean {
  for (let n: Node | null = node; n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) {
    if (n === root) return true;
  }
  return false;
}

const READABLE_INPUT_TYPES = new Set(['text', 'search', 'url', 'tel', 'email']);
/** Inputs whose value is their label: the page's, the user can't type in them. */
const BUTTON_INPUT_TYPES = new Set(['button', 'submit', 'reset']);

/**
 * The value of a text field, which the page set (markup or script) until the user's first input
 * there (then the field is set aside, and pruned before this is asked). A value that may be the
 * user's from before OrgCheck started (restored on a reload, in the focused field) is not read
 * while it stays so (user-input.ts). Passwords and other types are never read.
 */
function fieldText(el: Element): string {
  if (isSetAsideSubtree(el)) return '';
  let field: HTMLTextAreaElement | HTMLInputElement;
  if (el.localName === 'textarea') field = el as HTMLTextAreaElement;
  else if (el.localName === 'input') {
    field = el as HTMLInputElement;
    if (BUTTON_INPUT_TYPES.has(field.type)) return field.value;
    if (!READABLE_INPUT_TYPES.has(field.type)) return '';
  } else return '';
  const value = field.value;
  if (field.readOnly || field.matches(':disabled')) return value;
  return isStartValue(field, value) ? '' : value;
}

/** Elements that can carry a shadow root (DOM Standard, attachShadow), besides custom elements. */
const SHADOW_HOSTS = new Set([
  'article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main',
  'nav', 'p', 'section', 'span',
]);

type ClosedRootReader = (el: Element) => ShadowRoot | null;

/**
 * Reads closed shadow roots too: chrome.dom.openOrClosedShadowRoot in Chrome's content
 * scripts, element.openOrClosedShadowRoot in Firefox's; elsewhere (Node, a page) open ones only.
 */
const closedRootReader: ClosedRootReader | undefined = (() => {
  const dom = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?: (el: HTMLElement) => ShadowRoot | null } } }).chrome?.dom;
  if (typeof dom?.openOrClosedShadowRoot === 'function') {
    const read = dom.openOrClosedShadowRoot.bind(dom);
    return (el: Element) => read(el as HTMLElement);
  }
  if (typeof Element !== 'undefined' && 'openOrClosedShadowRoot' in Element.prototype) {
    return (el: Element) => (el as Element & { openOrClosedShadowRoot: ShadowRoot | null }).openOrClosedShadowRoot;
  }
  return undefined;
})();

/** The element's shadow root, open or closed, whatever the element (one call: user-input.ts). */
export function openOrClosedShadowRoot(el: Element): ShadowRoot | null {
  // Only HTML elements can host one (chrome.dom takes an HTMLElement).
  if (el.shadowRoot || el.namespaceURI !== 'http://www.w3.org/1999/xhtml') return el.shadowRoot;
  return closedRootReader?.(el) ?? null;
}

/**
 * The element's shadow root, open or closed. Asking for a closed one is a call into the
 * extension's bindings: measured on a 5 MB page of 35,000 <p> (Chromium, a loaded 2-core
 * machine), asking at every element that may host one made the scan about five times slower
 * (min of 7 rounds 116 → 590 ms). So it is asked only of custom elements (components, the usual
 * hosts) and of childless elements (a declarative shadow root's host once its <template> is
 * consumed, an element a script attached a root to): a closed root behind light-DOM children
 * of a <div> is not looked for.
 */
export function shadowRootOf(el: Element): ShadowRoot | null {
  const open = el.shadowRoot;
  if (open || !closedRootReader) return open;
  const name = el.localName;
  if (name.includes('-') || (el.firstChild === null && SHADOW_HOSTS.has(name))) return closedRootReader(el);
  return null;
}

const ELEMENT_OR_TEXT = 0x1 | 0x4; // NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT

/** How many nodes the walk visits between two chances for its caller to pause. */
const CHECKPOINT_NODES = 256;

/** Counts the nodes a walk visits, for its caller to pace itself by (page-scanner.ts). */
export interface WalkCounter {
  nodes: number;
}

/**
 * Yields the blocks under `root` (inclusive) one by one, so that a caller can stop between
 * two blocks to give the main thread back; and `null` every CHECKPOINT_NODES nodes, so that it
 * can also stop in a long stretch without text (a page's big inline SVG sprite) or inside a
 * block made of thousands of inline elements. Shadow roots met on the way are walked after.
 * Each node visited adds one to `counter.nodes`.
 */
export function* walkBlocks(
  root: Node,
  onShadowRoot?: (root: ShadowRoot) => void,
  counter: WalkCounter = { nodes: 0 },
): Generator<TextBlock | null, void, void> {
  const marksBefore = setAsideMarks();
  for (const block of walkAllBlocks(root, onShadowRoot, counter)) {
    // The user typed somewhere while this walk was paused (it may already be inside that
    // block): from then on each block is checked, so no typed text is ever handed out.
    if (block && setAsideMarks() !== marksBefore && blockSetAside(block)) continue;
    yield block;
  }
}

/** Whether any of the block is set aside (set-aside.ts). */
function blockSetAside(block: TextBlock): boolean {
  if (inSetAsideSubtree(block.owner)) return true;
  return block.nodes.some((n) => isSetAsideText(n, block.owner) || inSetAsideSubtree(n));
}

function* walkAllBlocks(root: Node, onShadowRoot: ((root: ShadowRoot) => void) | undefined, counter: WalkCounter): Generator<TextBlock | null, void, void> {
  const pending: Node[] = [root];
  while (pending.length) {
    const top = pending.pop()!;
    if (top.nodeType === Node.ELEMENT_NODE && hasPrunedAncestorOrSelf(top as Element)) continue;
    const doc = top.ownerDocument ?? (top as Document);
    // No NodeFilter: a filter is a call from the browser into script for every node, which
    // cost more than the rest of the walk (CDP traces of corpus pages); pruned subtrees are
    // skipped by moving the walker past them instead.
    const walker = doc.createTreeWalker(top, ELEMENT_OR_TEXT);
    let block: TextBlock | undefined;
    /** The last block element met: text right inside it is its block's, without a look upwards. */
    let lastBlockElement: Node | undefined;
    let visited = 0;
    let node: Node | null = walker.currentNode;
    while (node) {
      counter.nodes++;
      if (++visited % CHECKPOINT_NODES === 0) yield null;
      if (node.nodeType === Node.TEXT_NODE) {
        const text = (node as Text).data;
        if (text) {
          const parent = node.parentNode;
          const owner = parent === lastBlockElement ? parent! : blockOwner(node);
          if (block && block.owner !== owner) {
            yield block;
            block = undefined;
          }
          if (isSetAsideText(node, owner)) {
            // The user's text: skipped, and it separates what is around it.
            if (block) yield block;
            block = undefined;
            node = walker.nextNode();
            continue;
          }
          block ??= { owner, text: '', nodes: [], starts: [] };
          block.nodes.push(node as Text);
          block.starts.push(block.text.length);
          block.text += text;
        }
      } else if (node !== top) {
        const el = node as Element;
        if (isPruned(el)) {
          const value = fieldText(el);
          if (value) yield { owner: el, text: value, nodes: [], starts: [] };
          // A <select>'s options: each a block of its own, the text around the <select> joined.
          if (el.localName === 'select' && !isSetAsideSubtree(el)) {
            for (const option of (el as HTMLSelectElement).options) if (option.text) yield { owner: option, text: option.text, nodes: [], starts: [] };
          }
          node = nextOutside(walker, top);
          continue;
        }
        if (el.localName === 'img') {
          const alt = el.getAttribute('alt');
          if (alt) yield { owner: el, text: alt, nodes: [], starts: [] };
        }
        const shadow = shadowRootOf(el);
        if (shadow) {
          pending.push(shadow);
          onShadowRoot?.(shadow);
        }
        if (BLOCK.has(el.localName) && !mayHideFiller(el)) {
          // A block element or <br>: what came before it is one block.
          if (block) yield block;
          block = undefined;
          lastBlockElement = el;
        }
      }
      node = walker.nextNode();
    }
    if (block) yield block;
  }
}

/** Moves `walker` to the node after its current node's subtree (within `top`), or returns null. */
function nextOutside(walker: TreeWalker, top: Node): Node | null {
  for (let n: Node | null = walker.currentNode; n && n !== top; n = walker.parentNode()) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
  }
  return null;
}

function hasPrunedAncestorOrSelf(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) if (isPruned(e)) return true;
  return false;
}
