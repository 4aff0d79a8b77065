/**
 * The content script's main-thread tasks on a page, from a Chromium trace: each top-level task of
 * the page's renderer main thread that ran script, from the one that evaluated the content script
 * on, with its CPU time (the trace's thread time) and its wall time. Only for pages that run no
 * script of their own (then every such task is the extension's).
 *
 * A task is the outermost RunTask: the microtask checkpoint that runs promise continuations
 * comes after ThreadControllerImpl::RunTask, within it.
 *
 * Why CPU time: the scanner's own timing (stats.longestTaskMs) is wall time, and on a loaded
 * machine a slice of 5 ms of work can take 130 ms of wall time while the renderer waits for a
 * core (measured: bench/main-thread-trace.ts). What the extension controls is how much work it
 * does before it yields.
 */
import type { Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string } };
}

export interface ExtensionTask {
  cpuMs: number;
  wallMs: number;
}

/** Events that run script: on a page without script of its own, the extension's. */
const SCRIPT_EVENTS = new Set(['RunYieldContinuation', 'RunMicrotasks', 'FunctionCall', 'EvaluateScript', 'v8.callFunction', 'TimerFire']);
/**
 * A microtask checkpoint at the end of a task runs promise continuations: the content script's
 * after a reply from the browser (a storage read) shows as nothing else. On a page without script,
 * one that takes this much CPU ran the extension's.
 */
const CHECKPOINT = 'BlinkScheduler_PerformMicrotaskCheckpoint';
const CHECKPOINT_SCRIPT_US = 500;

function runsScript(e: TraceEvent): boolean {
  return SCRIPT_EVENTS.has(e.name) || (e.name === CHECKPOINT && (e.tdur ?? 0) >= CHECKPOINT_SCRIPT_US);
}
const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'];

/** Traces `page` while `work` runs (e.g. a navigation and a wait for the scan), then lists the extension's tasks. */
export async function traceExtensionTasks(page: Page, work: () => Promise<void>): Promise<ExtensionTask[]> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: CATEGORIES } });
  try {
    await work();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  return extensionTasks(events);
}

export function extensionTasks(events: readonly TraceEvent[]): ExtensionTask[] {
  const mainThreads = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  // The page's main thread: the one where the content script was evaluated.
  const loaded = events.find(
    (e) => e.name === 'EvaluateScript' && mainThreads.has(`${e.pid}:${e.tid}`) && e.args?.data?.url?.startsWith('chrome-extension://'),
  );
  if (!loaded) return [];
  const onThread = events.filter((e) => e.pid === loaded.pid && e.tid === loaded.tid && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  const out: ExtensionTask[] = [];
  let i = 0;
  for (const task of onThread) {
    if (task.name !== 'RunTask' || task.ts + (task.dur ?? 0) < loaded.ts) continue;
    const end = task.ts + (task.dur ?? 0);
    while (i < onThread.length && onThread[i]!.ts < task.ts) i++;
    let ran = false;
    for (let j = i; j < onThread.length && onThread[j]!.ts <= end && !ran; j++) ran = runsScript(onThread[j]!);
    if (ran) out.push({ cpuMs: (task.tdur ?? 0) / 1000, wallMs: (task.dur ?? 0) / 1000 });
  }
  return out;
}
