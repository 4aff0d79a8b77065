/**
 * Test builds only (`npm run build:test`): counts what the content script asks of the page's
 * style and layout, and the observers it creates, as globalThis.orgcheckContentCounters in the
 * content script's own world (tests read it through CDP: tests/e2e/content-cost.test.ts). It
 * proves that a page with nothing to warn about pays for no style read and no observer beyond the
 * ones every frame starts. It wraps the globals of the content script's world, so every part of
 * the content script is counted without calling anything, and the page's own calls (another
 * world) are not. Imported first by index.ts, so it is in place before anything runs; the release
 * build drops it (the flag is false there).
 */

/** What a test reads. */
export interface ContentCounters {
  /** getComputedStyle calls. */
  computedStyle: number;
  /** Element.checkVisibility calls. */
  checkVisibility: number;
  /** getClientRects / getBoundingClientRect calls, on elements and ranges. */
  clientRects: number;
  /** Observers created, by constructor name (MutationObserver, IntersectionObserver, …). */
  observers: Record<string, number>;
}

const OBSERVERS = ['MutationObserver', 'IntersectionObserver', 'ResizeObserver', 'PerformanceObserver'] as const;

function installCounters(): void {
  const g = globalThis as unknown as Record<string, unknown>;
  const counters: ContentCounters = { computedStyle: 0, checkVisibility: 0, clientRects: 0, observers: {} };
  g.orgcheckContentCounters = counters;

  const getComputedStyle = globalThis.getComputedStyle;
  globalThis.getComputedStyle = function counted(this: unknown, ...args: Parameters<typeof getComputedStyle>) {
    counters.computedStyle++;
    return getComputedStyle.apply(globalThis, args);
  } as typeof getComputedStyle;

  const wrap = <T extends object>(proto: T, name: keyof T & string, count: () => void) => {
    const original = proto[name] as unknown as (...a: unknown[]) => unknown;
    if (typeof original !== 'function') return;
    (proto as Record<string, unknown>)[name] = function counted(this: unknown, ...args: unknown[]) {
      count();
      return original.apply(this, args);
    };
  };
  wrap(Element.prototype, 'checkVisibility', () => counters.checkVisibility++);
  for (const proto of [Element.prototype, Range.prototype]) {
    wrap(proto, 'getClientRects', () => counters.clientRects++);
    wrap(proto, 'getBoundingClientRect', () => counters.clientRects++);
  }

  for (const name of OBSERVERS) {
    const Original = g[name] as (new (...args: never[]) => object) | undefined;
    if (typeof Original !== 'function') continue;
    g[name] = class extends Original {
      constructor(...args: never[]) {
        super(...args);
        counters.observers[name] = (counters.observers[name] ?? 0) + 1;
      }
    };
  }
}

if (__ORGCHECK_TEST_HOOKS__) installCounters();
