/**
 * No listed name appears in any page of the shared corpus (130 real saved pages, Chinese ones
 * included), so OrgCheck must leave every one of them alone: empty badge, no findings.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR, CORPUS_PAGES, HAS_CORPUS, stripScripts } from './corpus';
import { badgeText, foundIds, launchExtension, startServer, waitScanned, type ExtensionBrowser, type FixtureServer } from './harness';

if (!HAS_CORPUS) console.warn(`false-positive test skipped: ${CORPUS_DIR} is absent`);

describe.skipIf(!HAS_CORPUS)('false positives on the shared corpus', () => {
  let ext: ExtensionBrowser;
  let server: FixtureServer;

  beforeAll(async () => {
    server = await startServer();
    server.routes.push(async (req, res) => {
      const match = /^\/corpus\/([\w.-]+\.html)$/.exec(req.url ?? '');
      if (!match) return false;
      const html = await readFile(join(CORPUS_DIR, match[1]!), 'utf8');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(stripScripts(html));
      return true;
    });
    ext = await launchExtension();
    // Nothing leaves the machine: every request that isn't to the test server is aborted.
    await ext.context.route(
      (url) => /^https?:/.test(url.protocol) && url.origin !== server.origin,
      (route) => route.abort(),
    );
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it(`leaves the badge empty on all ${CORPUS_PAGES.length} pages`, async () => {
    const flagged: string[] = [];
    const queue = [...CORPUS_PAGES];
    const worker = async () => {
      const page = await ext.context.newPage();
      for (let file = queue.shift(); file; file = queue.shift()) {
        await page.goto(`${server.origin}/corpus/${file}`, { waitUntil: 'load' });
        await waitScanned(ext, page, 20_000);
        const ids = await foundIds(ext, page);
        const badge = await badgeText(ext, page);
        if (ids.length || badge) flagged.push(`${file}: ${badge} ${ids.join(', ')}`);
      }
      await page.close();
    };
    await Promise.all([worker(), worker(), worker()]);
    expect(flagged).toEqual([]);
  }, 300_000);
});
