/**
 * The extension never holds the page's main thread for long, counted in work rather than time:
 * on a 5 MB page and on two hostile pages, no slice of the scanner (the work between two times it
 * gives the page its thread back) matches more than MAX_SLICE_CHARS characters or walks more than
 * MAX_SLICE_NODES nodes, and the name at the very end is still found. The test build counts the
 * slices (content/slice-budget.ts, read through orgcheckHooks in the content script's world).
 *
 * Counts, not milliseconds: a busy machine stretches any slice's time, never its work. How long a
 * slice takes is a benchmark verdict (bench/budgets.bench.ts, BENCHMARKS.md: no extension task over
 * 50 ms of CPU). With the scanner's slices unbounded (one slice for the whole page), each test fails:
 * the 5 MB page is ~3 M characters in one slice, the 5 MB block ~6 M (matched twice), the
 * 20,000 hidden elements ~60,000 nodes.
 */
import { describe, expect, it } from 'vitest';
import { hostilePages } from './big-page';
import { evaluateInContentScript, foundIds, tabState, TIMEOUT, waitScanned } from './harness';
import { ROBOT } from './fixtures';
import { useExtension } from './use-extension';

/**
 * A slice's work bound (slice-budget.ts: 131,072 characters, 8,192 nodes), plus the step that
 * crosses it (at most two pieces of 32,768 characters: a block and its text without hidden filler;
 * a few hundred nodes between two of the walk's checkpoints), rounded up.
 */
const MAX_SLICE_CHARS = 200_000;
const MAX_SLICE_NODES = 10_000;

const pages = hostilePages();

const run = useExtension({
  async setup({ server }) {
    server.routes.push((req, res) => {
      const body = pages[req.url ?? ''];
      if (body === undefined) return false;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body);
      return true;
    });
  },
});

interface SliceStats {
  slices: number;
  mostChars: number;
  mostNodes: number;
  /** The scanner's own wall-time figure, sent with the findings (for the benches). */
  reportedLongestMs: number;
}

/** Loads `path`, waits for its scan, and returns the top frame's slice counts. */
async function scanSlices(path: string): Promise<SliceStats> {
  const page = await run.ext.context.newPage();
  try {
    await page.goto(run.url(path), { timeout: TIMEOUT.load });
    await waitScanned(run.ext, page, TIMEOUT.load);
    expect(await foundIds(run.ext, page)).toEqual([ROBOT]);
    const stats = (await evaluateInContentScript(page, '', 'globalThis.orgcheckHooks?.scanSlices() ?? null')) as SliceStats | null;
    if (!stats) throw new Error('no orgcheckHooks.scanSlices in the content script: build the tests\' dist/ with npm run build:test');
    const top = (await tabState(run.ext, page))!.frames['0'] as unknown as { stats: { longestTaskMs: number } };
    console.log(`${path}: ${stats.slices} slices, at most ${stats.mostChars} characters and ${stats.mostNodes} nodes in one`);
    return { ...stats, reportedLongestMs: top.stats.longestTaskMs };
  } finally {
    await page.close();
  }
}

describe('main-thread work per slice', () => {
  it('a 5 MB page of paragraphs: many small slices, and the last name is found', { timeout: TIMEOUT.long }, async () => {
    expect(Buffer.byteLength(pages['/big.html']!)).toBeGreaterThan(5_000_000);
    const stats = await scanSlices('big.html');
    expect(stats.mostChars).toBeLessThanOrEqual(MAX_SLICE_CHARS);
    expect(stats.mostNodes).toBeLessThanOrEqual(MAX_SLICE_NODES);
    // ~3 M characters can't fit in fewer slices than that over the bound.
    expect(stats.slices).toBeGreaterThanOrEqual(15);
    // The scanner's own wall-time figure still goes out with the findings (its value is the benches').
    expect(stats.reportedLongestMs).toBeGreaterThan(0);
  });

  it('one 5 MB block with hidden filler in it is matched in bounded slices', { timeout: TIMEOUT.long }, async () => {
    const stats = await scanSlices('big-block.html');
    expect(stats.mostChars).toBeLessThanOrEqual(MAX_SLICE_CHARS);
    expect(stats.mostNodes).toBeLessThanOrEqual(MAX_SLICE_NODES);
    // Its ~3 M characters can't fit in fewer slices than that over the bound (the block is read
    // once: hidden filler is looked for at candidate names, not by matching the block again).
    expect(stats.slices).toBeGreaterThanOrEqual(15);
  });

  it('a block with 20,000 hidden elements is walked in bounded slices', { timeout: TIMEOUT.long }, async () => {
    const stats = await scanSlices('many-fillers.html');
    expect(stats.mostChars).toBeLessThanOrEqual(MAX_SLICE_CHARS);
    expect(stats.mostNodes).toBeLessThanOrEqual(MAX_SLICE_NODES);
    expect(stats.slices).toBeGreaterThanOrEqual(6);
  });
});
