/**
 * The matcher bench itself, free of Node APIs, so that the very same code runs in Node and in a
 * Chromium page (bench/matcher-browser.ts): the content script runs in Chromium's V8, which is
 * years newer than Node 20's and ranks the scanners differently.
 *
 * Columns, all in ms per million characters of page text:
 * - matcher: what the content script does per text block (src/content/page-scanner.ts):
 *   normalizeWithOffsets, then NameMatcher.scan with its boundary rules;
 * - normalization alone: normalizeWithOffsets (the first half of the above);
 * - RegExp: one literal alternation of every normalized name, over text normalized beforehand;
 * - indexOf: String.indexOf per normalized name, over text normalized beforehand;
 * - bare loop: one read and one table entry per character, nothing else (the floor of any
 *   scanner that reads every character);
 * - base matcher: the matcher of the comparison commit (bench/base-build.ts), when given.
 * RegExp and indexOf are flattered: they are spared normalization.
 *
 * Timed in CPU time of the thread that scans, not wall time (the `cpuMs` clock the caller gives:
 * process.cpuUsage in Node, CDP's ThreadTime of the page's main thread in Chromium), so that
 * another process taking the core mid-scan doesn't count; the clock's own cost, measured first,
 * is subtracted.
 * Robust to a loaded machine: every column is timed once per round, the columns' order rotates
 * from round to round, and each figure is the median over rounds; the ratios (matcher ÷
 * normalization, matcher ÷ base matcher) are medians of per-round ratios of runs made back to
 * back, so that a slow moment slows both sides of a ratio.
 */
import { syntheticNames } from './synthetic';

/** The code under test, bundled from one source tree (see bench/engine-entry.ts). */
export interface Engine {
  normalizeWithOffsets(text: string): { text: string; offsets: ArrayLike<number> };
  NameMatcher: { build(patterns: readonly Pattern[]): { scan(text: string): unknown[]; readonly byteLength: number } };
  realPatterns(): Pattern[];
}

interface Pattern {
  name: string;
  entry: number;
  exact: boolean;
}

export interface MatcherBenchInput {
  current: Engine;
  base?: Engine;
  /** Corpus id → page text (already reduced to text, repeated to the wanted length). */
  texts: Array<{ id: string; text: string }>;
  rounds: number;
  /** Name-set sizes (synthetic); the real list is always added first. */
  sizes: number[];
  log?: (line: string) => void;
  /** CPU time of this thread (or process), in ms. */
  cpuMs: () => number | Promise<number>;
}

export interface MatcherRow {
  corpus: string;
  names: string;
  count: number;
  buildMs: number;
  memoryMB: number;
  matcher: number;
  normalize: number;
  regexp: number;
  indexOf: number;
  bareLoop: number;
  base: number;
  /** Median of per-round matcher ÷ normalization. */
  ratio: number;
  /** Median of per-round matcher ÷ base matcher (NaN without a base). */
  vsBase: number;
  hits: number;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const median = (xs: readonly number[]) => {
  const s = [...xs].filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** The longest prefix of `text` that `scan` gets through in about `targetMs` (slow scanners get a sample). */
function sampleFor(scan: (t: string) => unknown, text: string, targetMs: number): string {
  const probe = text.slice(0, 20_000);
  scan(probe);
  const start = performance.now();
  scan(probe);
  const ms = Math.max(performance.now() - start, 0.01);
  const chars = Math.floor((targetMs / ms) * probe.length);
  return chars >= text.length ? text : text.slice(0, Math.max(20_000, chars));
}

export async function runMatcherBench(input: MatcherBenchInput): Promise<MatcherRow[]> {
  const { current, base, rounds, cpuMs } = input;
  // What reading the clock twice costs (CDP round trip in Chromium), subtracted from every timing.
  const empty: number[] = [];
  for (let i = 0; i < 21; i++) {
    const a = await cpuMs();
    empty.push((await cpuMs()) - a);
  }
  const clockCost = median(empty);
  const timed = async (scan: (t: string) => unknown, text: string): Promise<number> => {
    const start = await cpuMs();
    scan(text);
    const ms = (await cpuMs()) - start - clockCost;
    return (Math.max(ms, 0) / text.length) * 1e6;
  };
  const log = input.log ?? (() => {});
  const sets: Array<[string, Pattern[]]> = [[`real`, current.realPatterns()]];
  for (const n of input.sizes) sets.push([n >= 1000 ? `${n / 1000}k` : String(n), syntheticNames(n)]);
  const baseSets = base ? new Map<string, Pattern[]>([['real', base.realPatterns()]]) : undefined;

  const table = new Uint8Array(65536);
  const bare = (t: string) => {
    let sum = 0;
    for (let i = 0; i < t.length; i++) sum += table[t.charCodeAt(i)]!;
    return sum;
  };

  const rows: MatcherRow[] = [];
  for (const { id, text } of input.texts) {
    const normalized = current.normalizeWithOffsets(text).text;
    // The same work through the base engine, so that both bundles' functions have seen the same
    // inputs before timing (V8's feedback is per bundle: unequal warm-up showed as a false
    // regression of +50–200 % between two identical bundles in Node).
    base?.normalizeWithOffsets(text);
    for (const [label, patterns] of sets) {
      log(`  ${id}, ${label} names …`);
      const basePatterns = baseSets?.get(label) ?? patterns;
      const names = [...new Set(patterns.map((p) => current.normalizeWithOffsets(p.name).text))]
        .filter((n) => n.length > 0)
        .sort((a, b) => b.length - a.length);
      for (const p of basePatterns) base?.normalizeWithOffsets(p.name); // see above
      current.NameMatcher.build(patterns); // JIT warm-up
      base?.NameMatcher.build(basePatterns);
      const buildStart = await cpuMs();
      const matcher = current.NameMatcher.build(patterns);
      const buildMs = (await cpuMs()) - buildStart - clockCost;
      const baseMatcher = base?.NameMatcher.build(basePatterns);
      const re = new RegExp(names.map(escapeRe).join('|'), 'g');

      const columns = {
        matcher: (t: string) => matcher.scan(current.normalizeWithOffsets(t).text).length,
        normalize: (t: string) => current.normalizeWithOffsets(t).text.length,
        base: baseMatcher ? (t: string) => baseMatcher.scan(base!.normalizeWithOffsets(t).text).length : undefined,
        regexp: (t: string) => {
          re.lastIndex = 0;
          let count = 0;
          while (re.exec(t)) count++;
          return count;
        },
        indexOf: (t: string) => {
          let count = 0;
          for (const name of names) for (let i = t.indexOf(name); i >= 0; i = t.indexOf(name, i + name.length)) count++;
          return count;
        },
        bareLoop: bare,
      };
      // The matcher, normalization and base run over the whole text; the others over what they
      // get through in ~60 ms, so that indexOf at 50k names doesn't take minutes a round.
      const inputs = {
        matcher: text,
        normalize: text,
        base: text,
        regexp: sampleFor(columns.regexp, normalized, 60),
        indexOf: sampleFor(columns.indexOf, normalized, 60),
        bareLoop: normalized,
      };
      const order = ['normalize', 'matcher', 'base', 'regexp', 'indexOf', 'bareLoop'] as const;
      const times: Record<(typeof order)[number], number[]> = { matcher: [], normalize: [], base: [], regexp: [], indexOf: [], bareLoop: [] };
      const ratios: number[] = [];
      const vsBase: number[] = [];
      for (const k of order) columns[k]?.(inputs[k]); // warm-up
      for (let r = 0; r < rounds; r++) {
        const got: Partial<Record<(typeof order)[number], number>> = {};
        for (let j = 0; j < order.length; j++) {
          const k = order[(j + r) % order.length]!;
          const scan = columns[k];
          if (scan) got[k] = await timed(scan, inputs[k]);
        }
        for (const k of order) if (got[k] !== undefined) times[k].push(got[k]!);
        ratios.push(got.matcher! / got.normalize!);
        if (got.base !== undefined) vsBase.push(got.matcher! / got.base);
      }
      rows.push({
        corpus: id,
        names: label,
        count: patterns.length,
        buildMs,
        memoryMB: matcher.byteLength / 1e6,
        matcher: median(times.matcher),
        normalize: median(times.normalize),
        regexp: median(times.regexp),
        indexOf: median(times.indexOf),
        bareLoop: median(times.bareLoop),
        base: median(times.base),
        ratio: median(ratios),
        vsBase: median(vsBase),
        hits: matcher.scan(normalized).length,
      });
    }
  }
  return rows;
}
