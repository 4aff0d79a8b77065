/**
 * What the user types is theirs: an editing host (contenteditable) or a field that received a
 * trusted `beforeinput` or `input` event in this page view is never read again (text-blocks.ts
 * prunes it), so nothing the user typed reaches findings or reports. `beforeinput` comes
 * before the DOM changes, so the host is marked before any typed character can be scanned.
 * Content the page put there and nobody typed in is read like any other text.
 */
import { markUserEdited } from './text-blocks';

/** Calls `typedIn(host)` the first time the user types in each host, after marking it. */
export function watchUserInput(typedIn: (host: Element) => void): void {
  const seen = new WeakSet<Element>();
  const onInput = (event: Event) => {
    if (!event.isTrusted) return;
    const host = editingHostOf(event.target);
    if (!host || seen.has(host)) return;
    seen.add(host);
    markUserEdited(host);
    typedIn(host);
  };
  addEventListener('beforeinput', onInput, { capture: true });
  addEventListener('input', onInput, { capture: true });
}

/**
 * The field, or the outermost editable element around the target (the editing host). An event
 * from inside a shadow root arrives retargeted to its host element: that whole host is marked.
 */
function editingHostOf(target: EventTarget | null): Element | null {
  if (!(target instanceof Element)) return null;
  if (target.localName === 'input' || target.localName === 'textarea') return target;
  const doc = target.ownerDocument;
  if (doc.designMode === 'on') return doc.documentElement;
  if (!(target instanceof HTMLElement) || !target.isContentEditable) return target;
  let host: HTMLElement = target;
  while (host.parentElement?.isContentEditable) host = host.parentElement;
  return host;
}
