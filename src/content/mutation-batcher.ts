/**
 * Batches DOM changes the way Dark Reader does: the observer callback only records; a debounced
 * flush dedupes the changed roots and hands them over, or asks for a full rescan when so much
 * changed that walking the pieces would cost more than walking the page.
 */
import { OWN_UI_ATTRIBUTE } from './text-blocks';

const DEBOUNCE_MS = 150;
/** Past this many distinct changed roots, one full rescan is cheaper than many partial ones. */
const FULL_RESCAN_THRESHOLD = 100;

export type FlushCallback = (roots: Node[] | 'all') => void;

export class MutationBatcher {
  private readonly dirty = new Set<Node>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly observer = new MutationObserver((records) => this.record(records));
  private readonly observed = new WeakSet<Node>();

  constructor(private readonly onFlush: FlushCallback) {}

  observe(root: Node): void {
    if (this.observed.has(root)) return;
    this.observed.add(root);
    this.observer.observe(root, { childList: true, characterData: true, subtree: true });
  }

  private record(records: MutationRecord[]): void {
    for (const r of records) {
      const target = r.type === 'characterData' ? r.target.parentNode : r.target;
      if (!target || isOwnUi(target)) continue;
      this.dirty.add(target);
    }
    if (this.dirty.size) this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), DEBOUNCE_MS);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.dirty.size) return;
    const roots = this.dirty.size > FULL_RESCAN_THRESHOLD ? 'all' : [...this.dirty];
    this.dirty.clear();
    this.onFlush(roots);
  }
}

function isOwnUi(node: Node): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n.nodeType === Node.ELEMENT_NODE && (n as Element).hasAttribute(OWN_UI_ATTRIBUTE)) return true;
  }
  return false;
}
