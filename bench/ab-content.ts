/**
 * A/B of two builds of OrgCheck on the same pages, interleaved: each round loads every page in
 * both browsers back to back (which one first alternates), and reads the page's main-thread CPU
 * time (CDP Performance.getMetrics TaskDuration, timeDomain threadTicks) after load and a fixed
 * settle time. Prints per page the median of each build and the median of per-round
 * differences (B − A). For measuring one change to the content script on this shared machine.
 * Run: npx tsx bench/ab-content.ts <distA> <distB> [rounds]   (PAGES=name,name from the readability corpus)
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT, launchExtension, startServer } from '../scripts/lib/extension-browser.mjs';
import { servePages, stripScripts } from './served-pages';

const [distA, distB] = [resolve(process.argv[2]!), resolve(process.argv[3]!)];
const ROUNDS = Number(process.argv[4]) || 11;
const PAGES = (process.env.PAGES ?? 'daringfireball-1,wikipedia-2').split(',');
const SETTLE_MS = 600;
const server = await startServer(join(ROOT, 'tests/fixtures/pages'));
const served = new Map<string, string>();
for (const p of PAGES) served.set(`/${p}.html`, stripScripts(readFileSync(join(ROOT, '../shared/corpus/readability', `${p}.html`), 'utf8')));
servePages(server, served);
const builds = [await launchExtension({ dist: distA }), await launchExtension({ dist: distB })];
for (const b of builds) await b.context.route((url) => /^https?:/.test(url.protocol) && url.origin !== server.origin, (route) => route.abort());

async function load(b: (typeof builds)[number], path: string): Promise<number> {
  const page = await b.context.newPage();
  const cdp = await b.context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' } as never);
  await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
  await page.waitForTimeout(SETTLE_MS);
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  await cdp.detach();
  await page.close();
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN) * 1000;
}
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]!; };
const results = new Map(PAGES.map((p) => [p, { a: [] as number[], b: [] as number[] }]));
for (const p of PAGES) { await load(builds[0]!, `/${p}.html`); await load(builds[1]!, `/${p}.html`); } // warm-up
for (let r = 0; r < ROUNDS; r++) {
  for (const p of PAGES) {
    const res = results.get(p)!;
    if (r % 2) { res.b.push(await load(builds[1]!, `/${p}.html`)); res.a.push(await load(builds[0]!, `/${p}.html`)); }
    else { res.a.push(await load(builds[0]!, `/${p}.html`)); res.b.push(await load(builds[1]!, `/${p}.html`)); }
  }
}
console.log(`A = ${distA}\nB = ${distB}\n${ROUNDS} rounds, main-thread CPU ms (TaskDuration, threadTicks), medians`);
for (const [p, { a, b }] of results) {
  console.log(`${p.padEnd(20)} A ${median(a).toFixed(2).padStart(7)}  B ${median(b).toFixed(2).padStart(7)}  B−A ${median(b.map((x, i) => x - a[i]!)).toFixed(2).padStart(7)}`);
}
for (const b of builds) await b.close();
await server.close();
