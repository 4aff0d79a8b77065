/**
 * How much the page scanner does before it gives the page its main thread back. A slice ends at
 * the first chance to yield after SLICE_MS of wall time, or after SLICE_CHARS characters matched,
 * or after SLICE_NODES nodes walked, whichever comes first. The time bound keeps a slice short on
 * a slow or busy machine; the work bounds keep it short on a fast one as well, and make a slice's
 * size a count rather than a time: the e2e tests check it on hostile pages (main-thread.test.ts,
 * through the test build's hook), which no load on the machine can make fail.
 *
 * Measured in Chromium on the project's loaded 2-core machine: the 5 MB test page is scanned in
 * 75 slices, the largest 126,198 characters and 4,617 nodes; with no bound at all it is one slice
 * of 3,059,763 characters and 111,947 nodes.
 */

/** Wall time after which the scanner yields at its next chance. */
export const SLICE_MS = 8;
/** Characters handled (normalized and matched, or found in the cache) after which it yields. */
export const SLICE_CHARS = 131_072;
/** Nodes walked after which it yields (the walk offers a chance every few hundred nodes, text-blocks.ts). */
export const SLICE_NODES = 8_192;

/** What the scanner did per slice, so far: how many slices, and the most work in one of them. */
export interface SliceStats {
  slices: number;
  mostChars: number;
  mostNodes: number;
}

/** One scanner's slices: the work and time of the one under way, and the largest so far. */
export class SliceBudget {
  /** Start of the synchronous stretch now running. */
  private start = 0;
  private chars = 0;
  private nodes = 0;
  /** The longest stretch run without giving the page its thread back, in ms. */
  private longestMs = 0;
  private readonly stats: SliceStats = { slices: 0, mostChars: 0, mostNodes: 0 };

  /** A slice starts (the scanner was called, or came back from yielding). */
  begin(): void {
    this.start = performance.now();
    this.chars = 0;
    this.nodes = 0;
    this.stats.slices++;
  }

  addChars(count: number): void {
    this.chars += count;
    if (this.chars > this.stats.mostChars) this.stats.mostChars = this.chars;
  }

  addNodes(count: number): void {
    this.nodes += count;
    if (this.nodes > this.stats.mostNodes) this.stats.mostNodes = this.nodes;
  }

  /** Whether the slice under way has had its share: then the scanner yields, and calls begin() after. */
  spent(): boolean {
    const ran = performance.now() - this.start;
    if (ran <= SLICE_MS && this.chars < SLICE_CHARS && this.nodes < SLICE_NODES) return false;
    this.longestMs = Math.max(this.longestMs, ran);
    return true;
  }

  /** The longest stretch so far, the one running now included (up to this call). */
  longestStretchMs(): number {
    this.longestMs = Math.max(this.longestMs, performance.now() - this.start);
    return this.longestMs;
  }

  /** Slices and the most work in one, so far (a copy). */
  counts(): SliceStats {
    return { ...this.stats };
  }
}
