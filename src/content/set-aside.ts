/**
 * What the user typed, pasted, dropped or had filled in is set aside: never read. user-input.ts
 * decides what to set aside, the walk (text-blocks.ts) skips it, and the scanner
 * (page-scanner.ts) keeps counting a name it found there before, until that text leaves the page.
 *
 * Three kinds of marks, the narrowest that holds the user's text:
 * - a whole subtree: a field the user gave input to, and nodes an edit of theirs added;
 * - a block's own text: the nearest block around text they changed (blocks nested in it are
 *   still read: they are not where the change was);
 * - one text node: changed text whose nearest block is <html>, <body> or a shadow root, which
 *   stand for everything in them and are never set aside.
 */

const subtrees = new WeakSet<Node>();
const blocks = new WeakSet<Node>();
const texts = new WeakSet<Node>();
/** How many marks were made: 0 on a page nobody typed in, where the walk checks nothing. */
let marks = 0;

/** Sets aside `node` and everything under it. Returns false if it already was. */
export function setAsideSubtree(node: Node): boolean {
  if (subtrees.has(node)) return false;
  subtrees.add(node);
  marks++;
  return true;
}

/** Sets aside the text whose nearest block is `owner` (not its nested blocks). */
export function setAsideBlock(owner: Node): boolean {
  if (blocks.has(owner)) return false;
  blocks.add(owner);
  marks++;
  return true;
}

/** Sets aside one text node. */
export function setAsideText(text: Node): boolean {
  if (texts.has(text)) return false;
  texts.add(text);
  marks++;
  return true;
}

/** How many marks were made so far: a walk that sees it change re-checks its blocks. */
export function setAsideMarks(): number {
  return marks;
}

/** Whether `node` itself was set aside with everything under it (a walk prunes it). */
export function isSetAsideSubtree(node: Node): boolean {
  return marks > 0 && subtrees.has(node);
}

/** Whether `node` is in a set-aside subtree (across shadow boundaries). */
export function inSetAsideSubtree(node: Node): boolean {
  if (marks === 0) return false;
  for (let n: Node | null = node; n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) {
    if (subtrees.has(n)) return true;
  }
  return false;
}

/** Whether the own text of the block `owner` is set aside. */
export function isSetAsideBlock(owner: Node): boolean {
  return marks > 0 && blocks.has(owner);
}

/** Whether the text node `text`, whose nearest block is `owner`, is marked itself or by its block. */
export function isSetAsideText(text: Node, owner: Node): boolean {
  return marks > 0 && (texts.has(text) || blocks.has(owner));
}

/**
 * Values an editable field may hold from the user when OrgCheck starts (restored by the browser
 * on a reload or a move back, or in the field that has focus): never read while unchanged.
 */
const startValues = new WeakMap<Element, string>();

export function setAsideStartValue(field: Element, value: string): void {
  startValues.set(field, value);
}

export function isStartValue(field: Element, value: string): boolean {
  return startValues.get(field) === value;
}
