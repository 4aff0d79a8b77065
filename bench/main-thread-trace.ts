/**
 * The content script's longest main-thread task on the 5 MB page, in CPU time and in wall time,
 * for one or more builds run interleaved (a loaded machine slows them alike):
 *   npx tsx bench/main-thread-trace.ts <rounds> <dist> [<other dist> …]
 * From a Chromium trace (tests/e2e/extension-tasks.ts); the build's own figure (the scanner's
 * wall-time stats.longestTaskMs, and its set-up time) is printed beside.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bigPage } from '../tests/e2e/big-page';
import { traceExtensionTasks } from '../tests/e2e/extension-tasks';
import { currentWorker, launchExtension, startServer, tabIdOf } from '../scripts/lib/extension-browser.mjs';

type Stats = { longestTaskMs: number; setupMs: number };

const [roundsArg, ...dists] = process.argv.slice(2);
const rounds = Number(roundsArg);
const html = bigPage();

async function measure(dist: string, origin: string): Promise<string> {
  const ext = await launchExtension({ dist });
  try {
    const page = await ext.context.newPage();
    let stats: Stats | undefined;
    const tasks = await traceExtensionTasks(page, async () => {
      await page.goto(`${origin}/big.html`, { timeout: 120_000 });
      const tabId = await tabIdOf(ext, page);
      for (let k = 0; k < 600 && !stats; k++) {
        stats = await currentWorker(ext).evaluate(async (id: number) => {
          const key = `tab:${id}`;
          const state = (await chrome.storage.session.get(key))[key] as { frames?: Record<string, { findings: unknown[]; stats?: Stats }> } | undefined;
          const top = state?.frames?.['0'];
          return top?.findings.length ? top.stats : undefined;
        }, tabId);
        if (!stats) await new Promise((r) => setTimeout(r, 100));
      }
    });
    const byWall = [...tasks].sort((a, b) => b.wallMs - a.wallMs).slice(0, 3);
    const cpu = Math.max(...tasks.map((t) => t.cpuMs));
    return `cpu max ${cpu.toFixed(1)}  top wall/cpu ${byWall.map((t) => `${t.wallMs.toFixed(0)}/${t.cpuMs.toFixed(1)}`).join(' ')}  tasks ${tasks.length}  reported ${stats?.longestTaskMs ?? '-'} setup ${stats?.setupMs ?? '-'}`;
  } finally {
    await ext.context.close();
  }
}

async function main(): Promise<void> {
  const server = await startServer(process.cwd());
  server.routes.push((req: IncomingMessage, res: ServerResponse) => {
    if (req.url !== '/big.html') return false;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
    return true;
  });
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 ? [...dists].reverse() : dists;
    for (const dist of order) console.log(`round ${r} ${dist.padEnd(24)} ${await measure(dist, server.origin)}`);
  }
  await server.close();
}

void main();
