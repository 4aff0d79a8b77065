/**
 * Matcher bench, in Node and in Chromium, on both corpora, in one run (bench/matcher-core.ts says
 * what each column is). The code under test is bundled once per source tree (bench/engine-bundle.ts):
 * this checkout, and the comparison commit (bench/base-build.ts) for the "no regression" column.
 * The Chromium half loads the same bundles in a headless /usr/bin/chromium page served from
 * 127.0.0.1 (cross-origin isolated, so that performance.now() is fine-grained).
 * Run: npm run bench:matcher (part of npm run bench). BENCH_ROUNDS sets the rounds (default 11).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, launchPlain, startServer } from '../scripts/lib/extension-browser.mjs';
import { baseBuild } from './base-build';
import { CORPORA, benchText } from './corpus-text';
import { bundleBrowserEntry, bundleEngine } from './engine-bundle';
import { median, runMatcherBench, type Engine, type MatcherRow } from './matcher-core';

const ROUNDS = Number(process.env.BENCH_ROUNDS) || 11;
const SIZES = [1_000, 10_000, 50_000];
const CHARS = 1_000_000;
const RATIO_TARGET = 1.5;
/** BENCH_ENGINES=node or chromium runs one engine only (while working on the bench). */
const ENGINES = process.env.BENCH_ENGINES ?? 'node,chromium';
const OUT = join(ROOT, 'test-output', 'bench');

const base = baseBuild((line) => console.error(line));
const currentFile = await bundleEngine(ROOT, join(OUT, 'engine-current.mjs'));
const baseFile = await bundleEngine(base.tree, join(OUT, 'engine-base.mjs'));
const pageFile = await bundleBrowserEntry(join(ROOT, 'bench', 'matcher-browser.ts'), join(OUT, 'matcher-browser.mjs'));

const texts = CORPORA.map((c) => {
  const { text, source } = benchText(c.dir, CHARS);
  return { id: c.id, text, source };
});

const f = (x: number, d = 1) => (Number.isNaN(x) ? '—' : Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(d));
const pct = (ratio: number) => `${ratio >= 1 ? '+' : '−'}${Math.abs((ratio - 1) * 100).toFixed(0)} %`;

function printTable(engineLabel: string, rows: MatcherRow[]): void {
  console.log('');
  console.log(`### ${engineLabel}`);
  console.log('');
  console.log('| names | corpus | matcher (normalization included) | normalization alone | matcher ÷ normalization | RegExp | indexOf | bare loop | base matcher | matcher vs base | build ms | memory MB | hits |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const label of [...new Set(rows.map((r) => r.names))]) {
    for (const r of rows.filter((x) => x.names === label)) {
      const names = r.names === 'real' ? `real (${r.count})` : r.names;
      const ratio = `${f(r.ratio, 2)}×${r.names !== 'real' && r.ratio > RATIO_TARGET ? ' ✗' : ''}`;
      const regexp = `${f(r.regexp)}${r.regexp < r.matcher ? ' ◀' : ''}`;
      console.log(
        `| ${names} | ${r.corpus} | ${f(r.matcher)} | ${f(r.normalize)} | ${ratio} | ${regexp} | ${f(r.indexOf)} | ${f(r.bareLoop, 2)} | ${f(r.base)} | ${Number.isNaN(r.vsBase) ? '—' : pct(r.vsBase)} | ${f(r.buildMs)} | ${f(r.memoryMB, 2)} | ${r.hits} |`,
      );
    }
  }
  console.log('');
  const target = rows.filter((r) => r.names !== 'real');
  const missed = target.filter((r) => r.ratio > RATIO_TARGET);
  console.log(
    `Matcher ÷ normalization ≤ ${RATIO_TARGET}× at 1k, 10k, 50k on both corpora: ` +
      (missed.length ? `MISSED on ${missed.length} of ${target.length} rows (worst ${f(Math.max(...missed.map((r) => r.ratio)), 2)}×)` : `met (worst ${f(Math.max(...target.map((r) => r.ratio)), 2)}×)`) +
      `. Floor of that ratio, (normalization + bare loop) ÷ normalization, median over the rows: ` +
      [...new Set(rows.map((r) => r.corpus))].map((c) => `${c} ${f(median(rows.filter((r) => r.corpus === c).map((r) => (r.normalize + r.bareLoop) / r.normalize)), 2)}×`).join(', ') +
      '.',
  );
  const beaten = rows.filter((r) => r.regexp < r.matcher);
  const beatenFair = rows.filter((r) => r.regexp + r.normalize < r.matcher);
  console.log(
    beaten.length
      ? `◀ RegExp over normalized text beats the matcher on ${beaten.length} rows: ${beaten.map((r) => `${r.corpus} ${r.names} ${f(r.regexp)} vs ${f(r.matcher)}`).join('; ')}. ` +
          `Counting the normalization the RegExp was spared, it beats it on ${beatenFair.length ? beatenFair.map((r) => `${r.corpus} ${r.names} (${f(r.regexp + r.normalize)} vs ${f(r.matcher)})`).join('; ') : 'no row'}.`
      : 'RegExp over normalized text beats the matcher on no row.',
  );
  const vs = rows.filter((r) => !Number.isNaN(r.vsBase));
  if (vs.length) {
    const mid = median(vs.map((r) => r.vsBase));
    const worst = vs.reduce((a, b) => (b.vsBase > a.vsBase ? b : a));
    console.log(
      `No regression vs ${base.commit} (matcher scan, paired per round): median row ${pct(mid)} (≤ +10 %: ${mid <= 1.1 ? 'met' : 'MISSED'}); ` +
        `worst row ${worst.corpus} ${worst.names} ${pct(worst.vsBase)} (≤ +25 %: ${worst.vsBase <= 1.25 ? 'met' : 'MISSED'}).`,
    );
  }
  const tenK = rows.filter((r) => r.names === '10k');
  const fiftyK = rows.filter((r) => r.names === '50k');
  console.log(
    `Issue 3 targets kept: scan ≤ 25 ms/M at 10k: ${tenK.map((r) => `${r.corpus} ${f(r.matcher)}`).join(', ')}; ≤ 60 at 50k: ${fiftyK.map((r) => `${r.corpus} ${f(r.matcher)}`).join(', ')}; ` +
      `build ≤ 50 ms at 10k: ${f(Math.max(...tenK.map((r) => r.buildMs)))}; ≤ 6 MB at 10k: ${f(tenK[0]?.memoryMB ?? NaN, 2)}.`,
  );
}

const started = performance.now();
console.log(`## Matcher: ${ROUNDS} rounds, medians; CPU ms per million characters of page text (build: CPU ms, memory: MB)`);
console.log('');
for (const t of texts) console.log(`- ${t.id}: ${t.source}; ${(t.text.length / 1e6).toFixed(2)} M characters.`);
console.log(`- base matcher: commit ${base.commit}, bundled from test-output/bench-base/${base.commit}/tree.`);

// Node.
if (ENGINES.includes('node')) {
const current = (await import(pathToFileURL(currentFile).href)) as Engine;
const baseEngine = (await import(pathToFileURL(baseFile).href)) as Engine;
console.error(`Matcher bench in Node ${process.version} …`);
const nodeRows = await runMatcherBench({
  // CPU time of the process (Node 20 has no per-thread clock; the scan is single-threaded).
  cpuMs: () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  },
  current,
  base: baseEngine,
  texts,
  rounds: ROUNDS,
  sizes: SIZES,
  log: (line) => console.error(line),
});
printTable(`Node ${process.version}`, nodeRows);
}
if (ENGINES.includes('chromium')) {

// Chromium.
const server = await startServer(OUT);
const isolated = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
const files: Record<string, [string, string]> = {
  '/engine-current.mjs': [currentFile, 'text/javascript'],
  '/engine-base.mjs': [baseFile, 'text/javascript'],
  '/bench.mjs': [pageFile, 'text/javascript'],
};
const textsJson = JSON.stringify(texts.map(({ id, text }) => ({ id, text })));
server.routes.push((req, res) => {
  const url = req.url ?? '';
  if (url === '/') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...isolated });
    res.end('<!doctype html><meta charset="utf-8"><title>matcher bench</title><script type="module" src="/bench.mjs"></script>');
  } else if (url === '/texts.json') {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...isolated });
    res.end(textsJson);
  } else if (files[url]) {
    res.writeHead(200, { 'content-type': files[url]![1], ...isolated });
    res.end(readFileSync(files[url]![0]));
  } else return false;
  return true;
});
const chromium = await launchPlain();
try {
  const page = await chromium.context.newPage();
  page.on('console', (m) => console.error(m.text()));
  // Timings are CPU time of the page's main thread, read through CDP: another process taking
  // the core mid-scan doesn't count.
  const cdp = await chromium.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.exposeFunction('mainThreadCpuMs', async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
    return metrics.find((m) => m.name === 'ThreadTime')!.value * 1000;
  });
  await page.goto(`${server.origin}/`);
  await page.waitForFunction(() => typeof window.runMatcherBench === 'function');
  const version = chromium.context.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? '?'));
  const isolatedPage = await page.evaluate(() => crossOriginIsolated);
  console.error(`Matcher bench in Chromium ${version} …`);
  const rows = await page.evaluate(
    (o) => window.runMatcherBench(o),
    { currentUrl: '/engine-current.mjs', baseUrl: '/engine-base.mjs', textsUrl: '/texts.json', rounds: ROUNDS, sizes: SIZES },
  );
  printTable(`Chromium ${version} (V8 of the content script${isolatedPage ? '' : '; not cross-origin isolated: coarse timer'})`, rows);
} finally {
  await chromium.close();
  await server.close();
}
}
console.log('');
console.log(`(matcher bench: ${((performance.now() - started) / 1000).toFixed(0)} s)`);
