/**
 * The extension never holds the page's main thread for long: on a 5 MB page, its longest
 * stretch without yielding stays under 50 ms (the content script measures its own stretches
 * and reports them with its findings), and it still finds the name at the very end.
 */
import { describe, expect, it } from 'vitest';
import { bigPage } from './big-page';
import { foundIds, tabState, waitScanned } from './harness';
import { ROBOT } from './fixtures';
import { useExtension } from './use-extension';

const html = bigPage();

const run = useExtension({
  async setup({ server }) {
    server.routes.push((req, res) => {
      if (req.url !== '/big.html') return false;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
      return true;
    });
  },
});

describe('main-thread cost', () => {
  it('no extension task over 50 ms on a 5 MB page, and the last name is found', async () => {
    expect(Buffer.byteLength(html)).toBeGreaterThan(5_000_000);
    const page = await run.ext.context.newPage();
    await page.goto(run.url('big.html'), { timeout: 60_000 });
    await waitScanned(run.ext, page, 60_000);
    expect(await foundIds(run.ext, page)).toEqual([ROBOT]);
    const stats = (await tabState(run.ext, page))!.frames['0'] as unknown as { stats: { longestTaskMs: number; setupMs: number } };
    expect(stats.stats.longestTaskMs).toBeGreaterThan(0);
    expect(stats.stats.longestTaskMs).toBeLessThan(50);
    await page.close();
  }, 120_000);
});
