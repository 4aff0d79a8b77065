/**
 * What the user types is theirs, and only that is set aside (set-aside.ts): a page can make the
 * browser fire trusted `input` events with no person involved (`execCommand('insertText')`), so
 * an input event alone proves nothing about an editing host, and the event's target is not where
 * the edit was (an event from inside a shadow root arrives retargeted to its host).
 *
 * - The real target: from the event's target, down through shadow roots (open or closed) along
 *   `activeElement`, to the focused field or editing host.
 * - Fields (`<input>`, `<textarea>`): any trusted `beforeinput`/`input` sets aside that field
 *   only (autofill, dictation and paste are the user's too). A name the page put there before
 *   keeps counting (page-scanner.ts).
 * - Editing hosts (contenteditable, designMode): an edit is the user's only when a trusted
 *   keydown, compositionstart (or update), paste or drop on the same host came less than GESTURE_MS before
 *   it. What is set aside is the nearest block around the changed text (the `beforeinput`'s
 *   target ranges, and what the edit itself changed: the mutations between `beforeinput` and
 *   `input`), never <html>, <body> or a shadow host, which stand for everything in them; where
 *   that block is one of those, the changed text nodes only. A name found there before keeps
 *   counting until that text leaves the page (page-scanner.ts).
 *
 * Left as it is (SECURITY.md): text a person enters into an editing host with no key event
 * (dictation) is read; an editor that moves typed text into new blocks by script (its own Enter)
 * leaves that text unmarked until the next keystroke there.
 */
import { setAsideBlock, setAsideStartValue, setAsideSubtree, setAsideText } from './set-aside';
import { blockOwner, isInlineElement, openOrClosedShadowRoot } from './text-blocks';

/** How long after a person's key press, composition, paste or drop an edit of that host is theirs. */
const GESTURE_MS = 1_000;

/** Calls `setAside(nodes)` with what it has just set aside, after each user edit that set some. */
export function watchUserInput(setAside: (nodes: Node[]) => void): void {
  noteStartValues();
  let gesture: { host: Node; at: number } | undefined;
  /** The user's edit under way: from its beforeinput to its input, what it changes is theirs. */
  let edit: MutationObserver | undefined;

  const byPerson = (host: Node) => gesture?.host === host && performance.now() - gesture.at <= GESTURE_MS;
  const report = (nodes: Node[]) => {
    if (nodes.length) setAside(nodes);
  };
  const setAsideField = (field: Element) => {
    if (setAsideSubtree(field)) setAside([field]);
  };

  const onGesture = (event: Event) => {
    if (!event.isTrusted) return;
    const host = editingHostOf(realTarget(event));
    if (!host) return;
    gesture = { host, at: performance.now() };
  };
  // A composition's updates count as its start does: a long one stays the person's, and no
  // state outlives it (a page that swallows compositionend gains nothing).
  for (const type of ['keydown', 'compositionstart', 'compositionupdate', 'paste', 'drop']) {
    addEventListener(type, onGesture, { capture: true });
  }

  const finishEdit = () => {
    if (!edit) return;
    report(changedBy(edit.takeRecords()));
    edit.disconnect();
    edit = undefined;
  };

  addEventListener('beforeinput', (event) => {
    if (!event.isTrusted) return;
    const target = realTarget(event);
    if (!target) return;
    if (isField(target)) return setAsideField(target);
    const host = editingHostOf(target);
    if (!host || !byPerson(host)) return;
    finishEdit();
    const marked: Node[] = [];
    for (const range of (event as InputEvent).getTargetRanges()) {
      markChanged(range.startContainer, marked);
      markChanged(range.endContainer, marked);
    }
    report(marked);
    // The mutation records reach the observer's callback if a listener runs before `input`
    // (each callback ends in a microtask checkpoint), else finishEdit takes them.
    edit = new MutationObserver((records) => report(changedBy(records)));
    edit.observe(host, { childList: true, characterData: true, subtree: true });
  }, { capture: true });

  addEventListener('input', (event) => {
    if (!event.isTrusted) return;
    const target = realTarget(event);
    if (!target) return;
    if (isField(target)) return setAsideField(target);
    if (edit) return finishEdit();
    // An edit with no beforeinput before it: the block where the caret is now.
    const host = editingHostOf(target);
    const focus = host && byPerson(host) ? selectionFocus(target) : null;
    if (!focus) return;
    const marked: Node[] = [];
    markChanged(focus, marked);
    report(marked);
  }, { capture: true });
}

function isField(el: Element): el is HTMLInputElement | HTMLTextAreaElement {
  return el.localName === 'input' || el.localName === 'textarea';
}

/** The focused element an event is about: its target, down through shadow roots along activeElement. */
function realTarget(event: Event): Element | null {
  const target = event.target as Node | null;
  let el: Element | null = target?.nodeType === Node.ELEMENT_NODE ? (target as Element) : target?.nodeType === Node.DOCUMENT_NODE ? (target as Document).activeElement : null;
  for (let depth = 0; el && depth < 32; depth++) {
    const inner = openOrClosedShadowRoot(el)?.activeElement;
    if (!inner) break;
    el = inner;
  }
  return el;
}

/** The editing host around `el` (the outermost contenteditable element; the document in designMode), or null. */
function editingHostOf(el: Element | null): Element | Document | null {
  if (!el) return null;
  const doc = el.ownerDocument;
  if (doc.designMode === 'on') return doc;
  if (!(el instanceof HTMLElement) || !el.isContentEditable) return null;
  let host: HTMLElement = el;
  while (host.parentElement?.isContentEditable) host = host.parentElement;
  return host;
}

/** Where the caret is, in the tree of `target` (a shadow root's own selection where there is one). */
function selectionFocus(target: Element): Node | null {
  const root = target.getRootNode() as ShadowRoot | Document;
  const selection = 'getSelection' in root && typeof root.getSelection === 'function' ? root.getSelection() : getSelection();
  return selection?.focusNode ?? null;
}

/** <html>, <body>, a shadow root or a shadow host: stands for everything in it, never set aside whole. */
function standsForAll(owner: Node): boolean {
  if (owner.nodeType !== Node.ELEMENT_NODE) return true;
  const doc = owner.ownerDocument!;
  return owner === doc.documentElement || owner === doc.body || openOrClosedShadowRoot(owner as Element) !== null;
}

/** Sets aside the nearest block around `node` (text or element changed by the user), adding it to `out`. */
function markChanged(node: Node, out: Node[]): void {
  const owner = node.nodeType === Node.ELEMENT_NODE && !isInlineElement(node as Element) ? node : blockOwner(node);
  if (!standsForAll(owner)) {
    if (setAsideBlock(owner)) out.push(owner);
  } else if (node.nodeType === Node.TEXT_NODE && setAsideText(node)) out.push(node);
}

/** Sets aside what an edit of the user's changed, by its mutation records; returns the marks made. */
function changedBy(records: readonly MutationRecord[]): Node[] {
  const out: Node[] = [];
  for (const record of records) {
    if (record.type === 'characterData') {
      markChanged(record.target, out);
      continue;
    }
    if (record.removedNodes.length) markChanged(record.target, out);
    for (const added of record.addedNodes) {
      const doc = added.ownerDocument;
      if (added === doc?.documentElement || added === doc?.body) continue;
      if (setAsideSubtree(added)) out.push(added);
    }
  }
  return out;
}

/**
 * A value an editable field holds when OrgCheck starts may be the user's: restored by the browser
 * on a reload or a move back, or typed in the focused field before the page finished loading.
 * It is set aside while it stays unchanged (a value the page sets later is read).
 */
function noteStartValues(): void {
  const navigation = performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
  const note = (field: Element) => {
    if (!isField(field)) return;
    if (field.value !== field.defaultValue) setAsideStartValue(field, field.value);
  };
  if (navigation?.type === 'reload' || navigation?.type === 'back_forward') document.querySelectorAll('input, textarea').forEach(note);
  let active = document.activeElement;
  for (let depth = 0; active && depth < 32; depth++) {
    const inner = openOrClosedShadowRoot(active)?.activeElement;
    if (!inner) break;
    active = inner;
  }
  if (active) note(active);
}
