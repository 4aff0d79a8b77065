/**
 * Chromium benchmark of what OrgCheck costs a page, in one run, with and without the extension:
 *   - the six largest pages of the shared corpus (scripts stripped, so the page's own scripts
 *     don't drown the difference): main-thread script time (CDP Performance.getMetrics
 *     ScriptDuration) with vs without, per MB of served HTML; the extension's longest task;
 *   - a 5 MB synthetic page: the extension's longest task;
 *   - for scale, the same pages with a minimal extension whose content script only reads
 *     storage and sends one message (what any content script that warns must do at least);
 *   - load event → badge, with one listed name injected into the 1.6 MB yahoo-2 page, with the
 *     service worker already running and after stopping it (cold start).
 * "Longest task" is the content script's own measure of its longest stretch on the main thread
 * without yielding (FrameReport.stats), since a trace can't attribute promise continuations.
 * Run: npm run bench (or npx tsx bench/browser.bench.ts). Needs `npm run build` first.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DIST, ROOT, currentWorker, launchExtension, launchPlain, startServer, stopServiceWorker, tabIdOf } from '../scripts/lib/extension-browser.mjs';
import { bigPage } from '../tests/e2e/big-page';

const CORPUS = join(ROOT, '..', 'shared', 'corpus', 'readability');
// Small pages' added script time is bimodal from round to round (a few ms, or 10–20): 11 rounds.
const ROUNDS = 11;
const stripScripts = (html: string) => html.replace(/<script\b[\s\S]*?<\/script\s*>/gi, '');

if (!existsSync(join(DIST, 'manifest.json'))) throw new Error('dist/ is missing: run npm run build first');

const pages = existsSync(CORPUS)
  ? readdirSync(CORPUS).filter((f) => f.endsWith('.html')).sort((a, b) => statSync(join(CORPUS, b)).size - statSync(join(CORPUS, a)).size).slice(0, 6)
  : [];

const server = await startServer(join(ROOT, 'tests/fixtures/pages'));
const served = new Map<string, string>();
for (const f of pages) served.set(`/corpus/${f}`, stripScripts(readFileSync(join(CORPUS, f), 'utf8')));
if (existsSync(join(CORPUS, 'yahoo-2.html'))) {
  const yahoo = stripScripts(readFileSync(join(CORPUS, 'yahoo-2.html'), 'utf8'));
  served.set('/inject/yahoo-2.html', yahoo.replace(/<\/body>/i, '<p>合作伙伴：中国机器人教育联盟</p></body>'));
}
served.set('/big.html', bigPage());
server.routes.push((req, res) => {
  const body = served.get(req.url ?? '');
  if (body === undefined) return false;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(body);
  return true;
});
/** The floor: an extension whose content script reads storage and sends one message, nothing else. */
function minimalExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'orgcheck-minimal-'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({
    manifest_version: 3, name: 'minimal', version: '1', permissions: ['storage'],
    background: { service_worker: 'worker.js' },
    content_scripts: [{ matches: ['http://*/*'], js: ['content.js'], all_frames: true, run_at: 'document_end' }],
  }));
  writeFileSync(join(dir, 'worker.js'), 'chrome.runtime.onMessage.addListener((m, s, reply) => reply(null));');
  writeFileSync(join(dir, 'content.js'), `(async () => {
  chrome.storage.onChanged.addListener(() => {});
  chrome.runtime.onMessage.addListener(() => {});
  const { list } = await chrome.storage.local.get('list');
  await chrome.runtime.sendMessage({ findings: list ?? [] });
})();`);
  return dir;
}

const minimalDir = minimalExtension();
const plain = await launchPlain();
const ext = await launchExtension();
const minimal = await launchExtension({ dist: minimalDir });
// Nothing leaves the machine: requests to anywhere but the test server are aborted.
for (const context of [plain.context, ext.context, minimal.context]) {
  await context.route((url) => /^https?:/.test(url.protocol) && url.origin !== server.origin, (route) => route.abort());
}


async function tabState(page: Page) {
  const tabId = await tabIdOf(ext, page);
  if (tabId < 0) return null;
  const key = `tab:${tabId}`;
  const state = await currentWorker(ext).evaluate(async (k) => (await chrome.storage.session.get(k))[k], key);
  return { tabId, state: (state ?? null) as { frames: Record<string, { url: string; stats?: { longestTaskMs: number; setupMs: number } }> } | null };
}

async function waitScanned(page: Page) {
  for (let i = 0; i < 300; i++) {
    const found = await tabState(page);
    const top = found?.state?.frames['0'];
    if (top?.url === page.url()) return top.stats ?? { longestTaskMs: NaN, setupMs: NaN };
    await page.waitForTimeout(50);
  }
  throw new Error(`no scan for ${page.url()}`);
}

type CDP = import('playwright-core').CDPSession;

async function scriptSeconds(cdp: CDP): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  return metrics.find((m) => m.name === 'ScriptDuration')!.value;
}

async function measureLoad(context: typeof plain.context, path: string, withExtension: boolean) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`${server.origin}${path}`, { waitUntil: 'load', timeout: 60_000 });
  const stats = withExtension ? await waitScanned(page) : undefined;
  await page.waitForTimeout(300); // the same settle time for both
  const script = await scriptSeconds(cdp);
  await cdp.detach();
  await page.close();
  return { scriptMs: script * 1000, longestTaskMs: stats?.longestTaskMs ?? 0, setupMs: stats?.setupMs ?? 0 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const f = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(1));

console.log(`Chromium ${await plain.context.browser()?.version() ?? '(persistent context)'}; ${ROUNDS} rounds, medians.`);
console.log('');
console.log('| page | served HTML | script ms without | script ms with | added ms | added ms, lowest–highest round | added ms per MB | longest extension task ms | minimal extension: added ms |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
let worstTask = 0;
let worstPerMB = 0;
const setups: number[] = [];
for (const path of [...pages.map((p) => `/corpus/${p}`), '/big.html']) {
  const mb = Buffer.byteLength(served.get(path)!) / 1e6;
  const without: number[] = [];
  const withExt: number[] = [];
  const tasks: number[] = [];
  const withMinimal: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    without.push((await measureLoad(plain.context, path, false)).scriptMs);
    const m = await measureLoad(ext.context, path, true);
    withExt.push(m.scriptMs);
    tasks.push(m.longestTaskMs);
    setups.push(m.setupMs);
    withMinimal.push((await measureLoad(minimal.context, path, false)).scriptMs);
  }
  const added = median(withExt) - median(without);
  const addedMinimal = median(withMinimal) - median(without);
  worstTask = Math.max(worstTask, ...tasks);
  if (path !== '/big.html') worstPerMB = Math.max(worstPerMB, added / mb);
  console.log(`| ${path.split('/').pop()} | ${mb.toFixed(2)} MB | ${f(median(without))} | ${f(median(withExt))} | ${f(added)} | ${f(Math.min(...withExt) - median(without))}–${f(Math.max(...withExt) - median(without))} | ${f(added / mb)} | ${f(Math.max(...tasks))} | ${f(addedMinimal)} |`);
}


/** Load event → badge "1" on yahoo-2 with one injected name; `cold` stops the worker first. */
async function loadToBadge(cold: boolean): Promise<number> {
  // The tab is found first (on a small page), so that the poll below is one cheap call.
  const page = await ext.context.newPage();
  await page.goto(`${server.origin}/none.html`);
  let worker = ext.context.serviceWorkers().find((w) => w.url().includes(ext.extensionId));
  for (let i = 0; !worker && i < 400; i++) {
    await new Promise((r) => setTimeout(r, 5));
    worker = ext.context.serviceWorkers().find((w) => w.url().includes(ext.extensionId));
  }
  const tabId = (await tabState(page))!.tabId;
  if (cold) {
    await stopServiceWorker(ext);
    worker = undefined;
  }
  const loaded = page.goto(`${server.origin}/inject/yahoo-2.html`, { waitUntil: 'load' });
  // Cold: no poll before the load event, which could start the worker early.
  if (cold) await loaded;
  let badgeAt = 0;
  for (let i = 0; i < 20_000 && !badgeAt; i++) {
    // After a cold start the worker comes back when the page's content script reports.
    worker ??= ext.context.serviceWorkers().find((w) => w.url().includes(ext.extensionId));
    if (!worker) {
      await new Promise((r) => setTimeout(r, 1));
      continue;
    }
    const text = await worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId).catch(() => '');
    if (text === '1') badgeAt = Date.now();
  }
  await loaded;
  const loadAt = await page.evaluate(() => performance.timeOrigin + (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
  await page.close();
  return badgeAt - loadAt;
}

const warm: number[] = [];
const cold: number[] = [];
if (served.has('/inject/yahoo-2.html')) {
  // Noisier than the rest (the load event waits on aborted sub-resources): more rounds.
  for (let r = 0; r < 11; r++) {
    warm.push(await loadToBadge(false));
    cold.push(await loadToBadge(true));
  }
  console.log('');
  console.log(
    `Load event → badge on yahoo-2 with one injected name (negative: the badge came first: the content script starts at DOMContentLoaded): ` +
      `warm worker median ${f(median(warm))} ms (${warm.length} runs: ${warm.map(f).join(', ')}); cold start median ${f(median(cold))} ms (${cold.length} runs: ${cold.map(f).join(', ')}).`,
  );
}
console.log(`Content-script set-up (decode the stored matcher, install the fold table), one stretch per frame: median ${f(median(setups))} ms, max ${f(Math.max(...setups))} ms.`);
console.log(
  `Targets: ≤ 20 ms added script per MB: worst ${f(worstPerMB)}; no extension task over 50 ms: longest ${f(worstTask)} ms` +
    (warm.length ? `; badge ≤ 100 ms after load, warm: median ${f(median(warm))}, slowest ${f(Math.max(...warm))} ms.` : '.'),
);

await ext.close();
await minimal.close();
rmSync(minimalDir, { recursive: true, force: true });
await plain.close();
await server.close();
