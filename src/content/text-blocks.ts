/**
 * Walks a subtree's visible-text nodes and joins them into blocks, the unit in which names are
 * matched: text runs on across inline elements (主办：<b>中国</b><span>机器人</span>…), while block
 * elements and <br> separate. Pruned: script-like and form elements, editable regions, frames
 * (each frame has its own content script) and OrgCheck's own UI. Open shadow roots are walked
 * as blocks of their own.
 */

const INLINE = new Set([
  'A', 'ABBR', 'ACRONYM', 'B', 'BDI', 'BDO', 'BIG', 'CITE', 'CODE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT', 'I', 'INS',
  'KBD', 'LABEL', 'MARK', 'NOBR', 'Q', 'RB', 'RP', 'RT', 'RTC', 'RUBY', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRIKE',
  'STRONG', 'SUB', 'SUP', 'TIME', 'TT', 'U', 'VAR', 'WBR', 'OUTPUT', 'METER', 'PROGRESS',
]);

const PRUNED = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED',
  'CANVAS', 'VIDEO', 'AUDIO', 'HEAD', 'TITLE',
]);

/** Marks OrgCheck's own elements so that no walk reads them. */
export const OWN_UI_ATTRIBUTE = 'data-orgcheck-ui';

export interface TextBlock {
  /** The node the block belongs to: its nearest non-inline ancestor (or a shadow root). */
  owner: Node;
  text: string;
  nodes: Text[];
  /** starts[i] = offset of nodes[i] in text. */
  starts: number[];
}

export function isInlineElement(el: Element): boolean {
  return INLINE.has(el.tagName.toUpperCase());
}

function isPruned(el: Element): boolean {
  if (PRUNED.has(el.tagName.toUpperCase())) return true;
  if (el.hasAttribute(OWN_UI_ATTRIBUTE)) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
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

const ELEMENT_OR_TEXT = 0x1 | 0x4; // NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT

/** How many nodes the walk visits between two chances for its caller to pause. */
const CHECKPOINT_NODES = 256;

/**
 * Yields the blocks under `root` (inclusive) one by one, so that a caller can stop between
 * two blocks to give the main thread back; and `null` every CHECKPOINT_NODES nodes, so that it
 * can also stop in a long stretch without text (a page's big inline SVG sprite) or inside a
 * block made of thousands of inline elements. Shadow roots met on the way are walked after.
 */
export function* walkBlocks(root: Node, onShadowRoot?: (root: ShadowRoot) => void): Generator<TextBlock | null, void, void> {
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
    let visited = 0;
    let node: Node | null = walker.currentNode;
    while (node) {
      if (++visited % CHECKPOINT_NODES === 0) yield null;
      if (node.nodeType === Node.TEXT_NODE) {
        const text = (node as Text).data;
        if (text) {
          const owner = blockOwner(node);
          if (block && block.owner !== owner) {
            yield block;
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
          node = nextOutside(walker, top);
          continue;
        }
        if (el.shadowRoot) {
          pending.push(el.shadowRoot);
          onShadowRoot?.(el.shadowRoot);
        }
        if (!isInlineElement(el)) {
          // A block element or <br>: what came before it is one block.
          if (block) yield block;
          block = undefined;
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
