/**
 * What the content script asks of a page with nothing to warn about: the checks that read style
 * or layout run only for a candidate name (hidden filler, page-scanner.ts) or a shown banner, so
 * such a page pays for no getComputedStyle, checkVisibility or client-rect read, and starts no
 * observer beyond the frame's own two (the document's and the title's mutation observers). The
 * test build counts them in the content script's world (src/content/test-counters.ts).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR } from './corpus';
import { evaluateInContentScript, foundIds, waitFor } from './harness';
import { DISCIPLINE, ROBOT } from './fixtures';
import { useExtension } from './use-extension';

const ZH_NEWS_DIR = join(CORPUS_DIR, '..', 'zh-news');

interface Counters {
  computedStyle: number;
  checkVisibility: number;
  clientRects: number;
  observers: Record<string, number>;
}

/** Ordinary pages: nothing listed, inline elements between words, hidden elements. */
const ordinary = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>社区</title>
<style>.ad { display: none }</style></head><body>
<p>中国<b>美术</b>家协会会员作品展将于下周在<a href="#">市美术馆</a>举行<span class="ad">广告</span>，欢迎<span hidden>x</span>参观。</p>
<p>主办：中国机器<i>x</i>人社区图书馆</p></body></html>`;

const run = useExtension({
  async setup({ ext, server }) {
    server.routes.push(async (req, res) => {
      let body: string | undefined;
      if (req.url === '/ordinary.html') body = ordinary;
      const news = /^\/zh-news\/([\w.-]+\.html)$/.exec(req.url ?? '');
      // A saved news page without its scripts (what its HTML shows).
      if (news) body = (await readFile(join(ZH_NEWS_DIR, news[1]!), 'utf8').catch(() => undefined))?.replace(/<script\b[\s\S]*?<\/script\s*>/gi, '');
      if (body === undefined) return false;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body);
      return true;
    });
    await ext.context.route(
      (url) => /^https?:/.test(url.protocol) && url.origin !== server.origin,
      (route) => route.abort(),
    );
  },
});

function counters(page: Page): Promise<Counters> {
  return evaluateInContentScript(page, '', 'globalThis.orgcheckContentCounters') as Promise<Counters>;
}

const NO_READS = { computedStyle: 0, checkVisibility: 0, clientRects: 0, observers: { MutationObserver: 2 } };

describe('a page with no candidate pays for no style read and no observer', () => {
  it('a page with no candidate makes no getComputedStyle call and starts no new observer', async () => {
    for (const path of ['none.html', 'ordinary.html', 'zh-news/tests_163_1.html', 'zh-news/tests_wechat_1.html']) {
      const page = await run.openScanned(path);
      expect(await foundIds(run.ext, page), path).toEqual([]);
      expect(await counters(page), path).toEqual(NO_READS);
      // The page changes: rescanned, still nothing read.
      await page.evaluate(() => {
        const p = document.createElement('p');
        p.innerHTML = '中国<span style="opacity:0">x</span>社区<b>图书馆</b>周末开放';
        document.body.append(p);
      });
      await page.waitForTimeout(1_000);
      expect(await counters(page), path).toEqual(NO_READS);
      await page.close();
    }
  });

  it('the counters count: a page with hidden filler in a name reads the style of that filler', async () => {
    const page = await run.openScanned('hidden-filler-class.html');
    await waitFor(() => foundIds(run.ext, page), [DISCIPLINE, ROBOT].sort());
    const counted = await counters(page);
    expect(counted.checkVisibility).toBeGreaterThan(0);
    await page.close();
  });
});
