/**
 * Where a frame's cost goes: loads pages in Chromium with OrgCheck (dist/) and attributes the
 * content script's main-thread time. Two passes per round, on separate loads:
 *   - a trace (devtools.timeline + v8 + v8.compile): CPU time (tdur) of the content script's
 *     compile, its first evaluation, and every task on the main thread whose stack is in it;
 *   - a CPU profile (Profiler, 100 µs sampling): self time of each content-script function.
 * Figures are medians over rounds (the machine is shared: CPU time and medians).
 * Run: npx tsx bench/profile-content.ts [rounds] (needs dist/, npm run build; DIST=dir for another build,
 * e.g. one built with `npx vite build --minify false --outDir dir` for readable function names).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, launchExtension, startServer } from '../scripts/lib/extension-browser.mjs';
import { servePages, stripScripts } from './served-pages';

const ROUNDS = Number(process.argv[2]) || 7;
const PAGES = (process.env.PAGES ?? 'daringfireball-1,wikipedia-2').split(',');
const server = await startServer(join(ROOT, 'tests/fixtures/pages'));
const served = new Map<string, string>();
for (const p of PAGES) served.set(`/${p}.html`, stripScripts(readFileSync(join(ROOT, '../shared/corpus/readability', `${p}.html`), 'utf8')));
servePages(server, served);
const ext = await launchExtension({ dist: process.env.DIST ? resolve(process.env.DIST) : undefined });
await ext.context.route((url) => /^https?:/.test(url.protocol) && url.origin !== server.origin, (route) => route.abort());
const prefix = `chrome-extension://${ext.extensionId}/`;

async function settled(page: Page) {
  await page.waitForTimeout(700);
}

interface ProfNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }
async function profileLoad(path: string): Promise<Map<string, number>> {
  const page = await ext.context.newPage();
  const cdp = await ext.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
  await settled(page);
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfNode[]; samples: number[]; timeDeltas: number[] } };
  await cdp.detach();
  await page.close();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // A sample counts for the content script if any frame of its stack is in it; attributed to
  // the innermost content-script function (native callees: DOM, innerText... count there).
  const self = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    let id: number | undefined = profile.samples[i];
    const leaf = byId.get(id!)!;
    let key: string | undefined;
    while (id !== undefined) {
      const n = byId.get(id)!;
      if (n.callFrame.url.startsWith(prefix)) {
        key = `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
        if (leaf !== n && !leaf.callFrame.url) key += ` > ${leaf.callFrame.functionName}`;
        break;
      }
      id = parent.get(id);
    }
    if (!key) {
      if (leaf.callFrame.functionName === '(garbage collector)') key = '(gc, anywhere)';
      else continue;
    }
    self.set(key, (self.get(key) ?? 0) + dt);
  }
  return self;
}

interface TraceEvent { name: string; ph: string; cat: string; ts: number; dur?: number; tdur?: number; tid: number; pid: number; args?: { data?: Record<string, unknown> } & Record<string, unknown> }
async function traceLoad(path: string): Promise<Map<string, number>> {
  const page = await ext.context.newPage();
  const cdp = await ext.context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,v8,v8.execute,disabled-by-default-v8.compile,disabled-by-default-devtools.timeline,toplevel',
    transferMode: 'ReportEvents',
  } as never);
  await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
  await settled(page);
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  await page.close();
  const out = new Map<string, number>();
  const add = (k: string, v: number) => out.set(k, (out.get(k) ?? 0) + v);
  // The renderer main thread that evaluated the content script (a trace covers every process).
  const evaluated = events.find((e) => e.name === 'EvaluateScript' && String(e.args?.data?.url ?? '').startsWith(prefix));
  const [tid, pid] = [evaluated?.tid, evaluated?.pid];
  for (const e of events) {
    if (e.tid !== tid || e.pid !== pid || e.ph !== 'X') continue;
    const ms = (e.tdur ?? e.dur ?? 0) / 1000;
    const data = (e.args?.data ?? {}) as Record<string, unknown>;
    const url = String(data.url ?? data.fileName ?? (e.args as Record<string, unknown>)?.fileName ?? '');
    if (e.name === 'RunTask') add('all main-thread tasks', ms);
    if (!url.startsWith(prefix)) continue;
    add(`${e.name}${data.consumedCacheSize ? ' (cache consumed)' : ''}${data.cacheRejected ? ' (cache rejected)' : ''}`, ms);
  }
  return out;
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)]! : 0; };
for (const path of PAGES.map((p) => `/${p}.html`)) {
  await profileLoad(path); // warm-up
  const prof: Map<string, number>[] = [];
  const traces: Map<string, number>[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    prof.push(await profileLoad(path));
    traces.push(await traceLoad(path));
  }
  console.log(`\n== ${path}: trace (CPU ms, median of ${ROUNDS}) ==`);
  const tkeys = new Set(traces.flatMap((t) => [...t.keys()]));
  for (const k of [...tkeys].sort()) console.log(`  ${median(traces.map((t) => t.get(k) ?? 0)).toFixed(2).padStart(8)}  ${k}`);
  console.log(`== ${path}: profile, content-script self time incl. native callees (ms, median) ==`);
  const totals = prof.map((p) => [...p].filter(([k]) => !k.startsWith('(gc')).reduce((a, [, v]) => a + v, 0));
  console.log(`  ${median(totals).toFixed(2).padStart(8)}  TOTAL content script`);
  const keys = new Set(prof.flatMap((p) => [...p.keys()]));
  const rows = [...keys].map((k) => [k, median(prof.map((p) => p.get(k) ?? 0))] as const).sort((a, b) => b[1] - a[1]);
  for (const [k, v] of rows.slice(0, 40)) if (v > 0.05) console.log(`  ${v.toFixed(2).padStart(8)}  ${k}`);
}
await ext.close();
await server.close();
