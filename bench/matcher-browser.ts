/**
 * The matcher bench's page side: loads the engines' bundles and the corpus text from the bench's
 * 127.0.0.1 server and runs bench/matcher-core.ts in Chromium's V8 (driven by matcher.bench.ts).
 */
import { runMatcherBench, type Engine, type MatcherRow } from './matcher-core';

interface Options {
  currentUrl: string;
  baseUrl?: string;
  textsUrl: string;
  rounds: number;
  sizes: number[];
}

declare global {
  interface Window {
    runMatcherBench(options: Options): Promise<MatcherRow[]>;
    /** CPU time of this page's main thread in ms (CDP ThreadTime, bound by matcher.bench.ts). */
    mainThreadCpuMs(): Promise<number>;
  }
}

window.runMatcherBench = async (options) => {
  const current = (await import(options.currentUrl)) as Engine;
  const base = options.baseUrl ? ((await import(options.baseUrl)) as Engine) : undefined;
  const texts = (await (await fetch(options.textsUrl)).json()) as Array<{ id: string; text: string }>;
  return runMatcherBench({ current, base, texts, rounds: options.rounds, sizes: options.sizes, log: (line) => console.log(line), cpuMs: () => window.mainThreadCpuMs() });
};
