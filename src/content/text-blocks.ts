/**
 * Walks a subtree's visible-text nodes and joins them into blocks, the unit in which names are
 * matched: text runs on across inline elements (主办：<b>中国</b><span>机器人</span>…), while block
 * elements and <br> separate. Pruned, without splitting the text around them: script-like
 * elements, ruby annotations (<rt>/<rp>: a reading aid, not part of the name), form fields,
 * frames (each frame has its own content script), OrgCheck's own UI and editing hosts the user
 * typed in. Readonly and disabled text fields are blocks of their own (their value, which the
 * page set). Shadow roots, open and closed, are walked as blocks of their own.
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
 * visibility:hidden or font-size:0 is recorded on its block (`fillers`) and splits nothing;
 * the scanner also matches the block without the fillers' text, and checks visibility only
 * where that finds a name the plain text did not (page-scanner.ts).
 */

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
 * Marks OrgCheck's own elements for tests and style only. What keeps the walk out of them is
 * their identity (`markOwnUi`): a page can copy an attribute onto its own content.
 */
export const OWN_UI_ATTRIBUTE = 'data-orgcheck-ui';

/** OrgCheck's own elements (the banner's host, the highlight's): never read. */
const ownUi = new WeakSet<Node>();

/** Editing hosts and fields the user typed in during this page view: never read again. */
const userEdited = new WeakSet<Node>();

/** Makes `el` one of OrgCheck's own elements, which no walk reads. */
export function markOwnUi(el: Element): void {
  ownUi.add(el);
  el.setAttribute(OWN_UI_ATTRIBUTE, '');
}

export function isOwnUi(node: Node): boolean {
  return ownUi.has(node);
}

/** How many hosts were marked as typed in: a walk that sees it change re-checks its blocks. */
let userEdits = 0;

/** From now on `el` (an editing host or a field) holds what the user typed: never read it. */
export function markUserEdited(el: Element): void {
  userEdited.add(el);
  userEdits++;
}

/** Whether `node` is in a host the user typed in (across shadow boundaries). */
function inUserEdited(node: Node): boolean {
  for (let n: Node | null = node; n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) {
    if (userEdited.has(n)) return true;
  }
  return false;
}

/** An element whose text may be filler a reader never sees, and where its text is in the block. */
export interface Filler {
  element: Element;
  start: number;
  end: number;
}

export interface TextBlock {
  /** The node the block belongs to: its nearest non-inline ancestor (or a shadow root, or a field). */
  owner: Node;
  text: string;
  nodes: Text[];
  /** starts[i] = offset of nodes[i] in text. */
  starts: number[];
  /** Possibly hidden elements inside the block (see the module header), in document order. */
  fillers?: Filler[];
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
  return PRUNED.has(el.localName) || ownUi.has(el) || userEdited.has(el);
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

/**
 * The value of a text field the reader sees but cannot edit (readonly or disabled): the page
 * set it. Fields the user can type in, and any the user typed in, are never read.
 */
function fieldText(el: Element): string {
  if (userEdited.has(el)) return '';
  if (el.localName === 'textarea') {
    const field = el as HTMLTextAreaElement;
    return field.readOnly || field.matches(':disabled') ? field.value : '';
  }
  if (el.localName === 'input') {
    const field = el as HTMLInputElement;
    return READABLE_INPUT_TYPES.has(field.type) && (field.readOnly || field.matches(':disabled')) ? field.value : '';
  }
  return '';
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
const SHOW_TEXT = 0x4;

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
  const editsBefore = userEdits;
  for (const block of walkAllBlocks(root, onShadowRoot, counter)) {
    // The user typed somewhere while this walk was paused (it may already be inside that
    // host): from then on each block is checked, so no typed text is ever handed out.
    if (block && userEdits !== editsBefore && (inUserEdited(block.owner) || block.nodes.some(inUserEdited))) continue;
    yield block;
  }
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
    /** Possibly hidden elements met since the last block boundary (see withFillers). */
    const fillers: Element[] = [];
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
            yield withFillers(block, fillers);
            block = undefined;
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
          node = nextOutside(walker, top);
          continue;
        }
        const shadow = shadowRootOf(el);
        if (shadow) {
          pending.push(shadow);
          onShadowRoot?.(shadow);
        }
        if (mayHideFiller(el)) fillers.push(el);
        else if (BLOCK.has(el.localName)) {
          // A block element or <br>: what came before it is one block.
          if (block) yield withFillers(block, fillers);
          block = undefined;
          lastBlockElement = el;
        }
      }
      node = walker.nextNode();
    }
    if (block) yield withFillers(block, fillers);
  }
}

/**
 * Attaches to `block` the text range of each possibly hidden element whose text is in it.
 * Elements met after the block's last text (before an owner change) stay in `pending` for the
 * next block; the rest are done with. Only blocks near such elements pay for this: one look at
 * each text node under each element (asking each element about each of the block's nodes took
 * 10 s of CPU on one paragraph of 20,000 hidden spans). The block's nodes inside an element
 * are consecutive (a block's nodes are, in document order), so the first and last give the range.
 */
function withFillers(block: TextBlock, pending: Element[]): TextBlock {
  if (!pending.length) return block;
  const indexOf = new Map<Node, number>();
  block.nodes.forEach((node, i) => indexOf.set(node, i));
  const found: Filler[] = [];
  const later: Element[] = [];
  const last = block.nodes.at(-1)!;
  for (const element of pending) {
    let first = -1;
    let final = -1;
    const only = element.firstChild;
    if (only && only === element.lastChild && only.nodeType === Node.TEXT_NODE) {
      // The usual filler, <span hidden>x</span>: no walker needed.
      first = final = indexOf.get(only) ?? -1;
    } else {
      const texts = element.ownerDocument.createTreeWalker(element, SHOW_TEXT);
      for (let n = texts.nextNode(); n; n = texts.nextNode()) {
        const i = indexOf.get(n);
        if (i === undefined) continue;
        if (first < 0) first = i;
        final = i;
      }
    }
    if (first >= 0) {
      found.push({ element, start: block.starts[first]!, end: block.starts[final]! + block.nodes[final]!.data.length });
    } else if (element.compareDocumentPosition(last) & Node.DOCUMENT_POSITION_PRECEDING) later.push(element);
  }
  pending.length = 0;
  pending.push(...later);
  if (found.length) block.fillers = found;
  return block;
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
