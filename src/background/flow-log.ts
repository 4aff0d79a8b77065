/**
 * In a test build only: the order in which frames' reports reached the worker, were handled, and
 * badges were set (tests/e2e/flood-queue.test.ts asserts on it, bench/flood.bench.ts times it).
 * In a release build every call is a no-op the bundler drops.
 */
export type FlowEvent =
  /** A frame's report reached the worker; `bytes`: the sender URL's characters the browser carried with it. */
  | { kind: 'received'; tab: number; frame: number; bytes: number }
  | { kind: 'handled'; tab: number; frame: number }
  | { kind: 'badge'; tab: number; text: string };

const log: FlowEvent[] = [];
/** Older events go: a flood runs for minutes in the bench. */
const MAX_EVENTS = 50_000;

export function noteFlow(event: FlowEvent): void {
  if (__ORGCHECK_TEST_HOOKS__) {
    log.push(event);
    if (log.length > MAX_EVENTS) log.splice(0, log.length - MAX_EVENTS / 2);
  }
}

export function exposeFlowLog(counts: () => Record<string, number>): void {
  if (__ORGCHECK_TEST_HOOKS__) {
    const hooks = ((globalThis as Record<string, unknown>).orgcheckHooks ??= {}) as Record<string, unknown>;
    hooks.flowLog = () => log.slice();
    hooks.clearFlowLog = () => void log.splice(0);
    hooks.frameSlotCounts = counts;
  }
}
