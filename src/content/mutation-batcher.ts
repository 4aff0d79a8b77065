/**
 * Batches DOM changes the way Dark Reader does: the observer callback only records; a debounced
 * flush dedupes the changed roots and hands them over, or asks for a full rescan when so much
 * changed that walking the pieces would cost more than walking the page.
 */
import { isOwnUi as isOwnElement } from './text-blocks';

const DEBOUNCE_MS = 150;
/** A page that never stops changing (a ticker, a typing effect) still gets scanned this often. */
const MAX_WAIT_MS = 1_000;
/** Past this many distinct changed roots, one full rescan is cheaper than many partial ones. */
const FULL_RESCAN_THRESHOLD = 100;

export type FlushCallback = (roots: Node[] | 'all') => void;

export class MutationBatcher {
  private readonly dirty = new Set<Node>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the oldest change not yet flushed was recorded. */
  private firstPendingAt = 0;
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
      if (!target || isOwnUi(target) || onlyOwnUi(r)) continue;
      this.dirty.add(target);
    }
    if (this.dirty.size) this.schedule();
  }

  private schedule(): void {
    const now = performance.now();
    if (this.timer === undefined) this.firstPendingAt = now;
    clearTimeout(this.timer);
    const wait = Math.min(DEBOUNCE_MS, Math.max(0, this.firstPendingAt + MAX_WAIT_MS - now));
    this.timer = setTimeout(() => this.flush(), wait);
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

/** Inside one of OrgCheck's own elements (known by identity, not by an attribute a page can copy). */
function isOwnUi(node: Node): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) if (isOwnElement(n)) return true;
  return false;
}

/** A childList change that only added or removed OrgCheck's own elements (the banner, a highlight). */
function onlyOwnUi(r: MutationRecord): boolean {
  if (r.type !== 'childList') return false;
  const nodes = [...r.addedNodes, ...r.removedNodes];
  return nodes.length > 0 && nodes.every((n) => isOwnElement(n));
}
