/**
 * The frame's scan loop: one PageScanner, one scan at a time (requests made meanwhile merge into
 * the next pass), and after each pass the frame's findings to the background, unless they are
 * what it sent last. Off (the global switch), it reads nothing.
 */
import type { CompiledList } from '../core/compiled-list';
import type { FrameScan } from '../shared/findings';
import { sendFromContentScript } from '../shared/messages';
import { PageScanner, type BlockHit, type LocatedHit } from './page-scanner';
import type { SliceStats } from './slice-budget';

/**
 * Least time between two reports of a frame (issue 18 item 7): a frame whose findings change
 * faster is reported once a second, its latest state. Every report carries the frame's URL
 * through the browser (a page can make it megabytes), so a page toggling a name every 250 ms in
 * five frames otherwise sent twenty of them a second. A quiet frame still reports at once.
 */
export const REPORT_INTERVAL_MS = 1000;

export class ScanLoop {
  private scanner: PageScanner | undefined;
  private compiledKey = '';
  private lastReport = '';
  /** When the last report went out (performance.now()), and the one held for the end of the interval. */
  private lastSentAt = -Infinity;
  private held: { payload: FrameScan; signature: string } | undefined;
  private heldTimer: ReturnType<typeof setTimeout> | undefined;
  /** The pass under way (or the last one): the next waits on it. */
  private running: Promise<void> = Promise.resolve();
  private queued: Node[] | 'all' | undefined;
  /** The global switch (options page): off, nothing is read. */
  private enabled = false;
  /** Time to decode the compiled list and set up the scanner (one synchronous stretch). */
  private setupMs = 0;

  /**
   * @param onShadowRoot told of each open shadow root a scan enters (to observe its changes)
   */
  constructor(
    private readonly isTopFrame: boolean,
    private readonly onShadowRoot: (root: ShadowRoot) => void,
  ) {}

  /** The key of the list in use ('' before the first). */
  get listKey(): string {
    return this.compiledKey;
  }

  setEnabled(on: boolean): void {
    this.enabled = on;
  }

  /** Scans with `compiled` from now on (the first list also sets up the scanner, timed). */
  useList(compiled: CompiledList): void {
    this.compiledKey = compiled.listKey;
    if (this.scanner) {
      this.scanner.setList(compiled);
      return;
    }
    const setupStart = performance.now();
    this.scanner = new PageScanner(compiled, this.isTopFrame, this.onShadowRoot);
    this.setupMs = Math.round((performance.now() - setupStart) * 10) / 10;
  }

  /** Asks for a pass over `roots` (or the whole document); nothing while switched off. */
  request(roots: Node[] | 'all'): void {
    if (!this.enabled) return;
    if (this.queued === 'all' || roots === 'all') this.queued = 'all';
    else this.queued = [...(this.queued ?? []), ...roots];
    this.running = this.running
      .then(async () => {
        const next = this.queued;
        this.queued = undefined;
        if (!next || !this.scanner) return;
        await this.scanner.rescan(document, next);
        await this.report();
      })
      .catch((error: unknown) => console.error('OrgCheck: scan failed', error));
  }

  /** Resolves when the passes asked for so far are done. */
  idle(): Promise<void> {
    return this.running;
  }

  /** The hits in the page's text, in document order. */
  located(): LocatedHit[] {
    return this.scanner?.located() ?? [];
  }

  /** Every hit in the frame, the title's included. */
  hits(): BlockHit[] {
    return this.scanner?.hits() ?? [];
  }

  /** The scanner's slices so far (for the test build's hook, index.ts). */
  sliceStats(): SliceStats | null {
    return this.scanner?.sliceStats() ?? null;
  }

  /** The page is left: the next report goes out even if it says the same (back from the bfcache). */
  forgetReport(): void {
    this.lastReport = '';
    clearTimeout(this.heldTimer);
    this.heldTimer = undefined;
    this.held = undefined;
  }

  /** Sends the frame's findings to the background, unless they are what it sent last. */
  private async report(): Promise<void> {
    const scanner = this.scanner;
    if (!scanner) return;
    // No URL: the background takes the frame's from the browser (core/frame-url.ts).
    const payload: FrameScan = {
      title: this.isTopFrame ? document.title : '',
      listKey: this.compiledKey,
      findings: scanner.findings(),
      titleIds: this.isTopFrame ? scanner.titleIds() : [],
      stats: { longestTaskMs: 0, setupMs: this.setupMs },
    };
    // The URL is in the signature all the same: after pushState the background should hear of it.
    const signature = JSON.stringify({ ...payload, stats: undefined, href: location.href });
    // The stretch that began where the scan last resumed ends here, before the message goes out.
    payload.stats.longestTaskMs = Math.round(Math.max(scanner.longestTaskMs(), this.setupMs) * 10) / 10;
    if (signature === this.lastReport) {
      this.held = undefined; // back to what the background has: nothing held to send
      return;
    }
    const wait = this.lastSentAt + REPORT_INTERVAL_MS - performance.now();
    if (wait <= 0) {
      await this.send(payload, signature);
      return;
    }
    // Too soon after the last: hold it; a newer state replaces it, and the latest goes at the end of the interval.
    this.held = { payload, signature };
    this.heldTimer ??= setTimeout(() => {
      this.heldTimer = undefined;
      const held = this.held;
      this.held = undefined;
      if (held) void this.send(held.payload, held.signature).catch((error: unknown) => console.error('OrgCheck: report failed', error));
    }, wait);
  }

  private send(payload: FrameScan, signature: string): Promise<unknown> {
    this.lastReport = signature;
    this.lastSentAt = performance.now();
    return sendFromContentScript('frameFindings', payload);
  }
}
