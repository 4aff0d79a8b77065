/**
 * What the hidden-filler search (NameMatcher.namesBehindSkippedRuns, content/page-scanner.ts)
 * adds to matching, in Node: for each corpus page, its text cut into runs at every tag (each
 * run a text node, the whole page one block: the most runs a block can have), normalized once;
 * the plain scan and the skipped-runs search are timed over the same text in CPU time
 * (process.cpuUsage: on this shared machine wall time is mostly waiting for a core), 7 rounds, medians.
 * Run: nice npx tsx bench/skipped-runs.bench.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import bundled from '../data/organizations.json' with { type: 'json' };
import { patternsOf } from '../src/core/compiled-list';
import type { BlocklistEntry } from '../src/core/list-schema';
import { NameMatcher } from '../src/core/matcher';
import { normalizeWithOffsets } from '../src/core/normalize';
import { CORPORA } from './corpus-text';

const matcher = NameMatcher.build(patternsOf(bundled as unknown as BlocklistEntry[]).patterns);
/** CPU ms since `start` (process.cpuUsage, user + system). */
const cpuMs = (start: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

for (const corpus of CORPORA) {
  const pages = readdirSync(corpus.dir).filter((f) => f.endsWith('.html')).sort();
  const inputs = pages.map((f) => {
    const html = readFileSync(join(corpus.dir, f), 'utf8').replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, '');
    const raw: string[] = html.split(/<[^>]*>/);
    const starts: number[] = [];
    let text = '';
    for (const r of raw) {
      starts.push(text.length);
      text += r;
    }
    const norm = normalizeWithOffsets(text);
    // Run starts in the normalized text.
    const runStarts: number[] = [];
    let at = 0;
    for (const s of starts) {
      while (at < norm.offsets.length && norm.offsets[at]! < s) at++;
      runStarts.push(at);
    }
    return { text: norm.text, runStarts };
  });
  const scanMs: number[] = [];
  const skipMs: number[] = [];
  let candidates = 0;
  for (let round = 0; round < 7; round++) {
    let t = process.cpuUsage();
    for (const p of inputs) matcher.scan(p.text);
    scanMs.push(cpuMs(t));
    t = process.cpuUsage();
    candidates = 0;
    for (const p of inputs) candidates += matcher.namesBehindSkippedRuns(p.text, p.runStarts).length;
    skipMs.push(cpuMs(t));
  }
  const chars = inputs.reduce((n, p) => n + p.text.length, 0);
  const runs = inputs.reduce((n, p) => n + p.runStarts.length, 0);
  console.log(`${corpus.id}: ${pages.length} pages, ${(chars / 1e6).toFixed(2)} M chars, ${runs} runs; scan ${median(scanMs).toFixed(1)} ms, skipped-runs search ${median(skipMs).toFixed(1)} ms (×${(median(skipMs) / median(scanMs)).toFixed(2)}), candidates ${candidates}`);
}
