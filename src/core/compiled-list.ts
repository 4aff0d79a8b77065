/**
 * The form of the list that content scripts scan with: the matcher of every name that warns,
 * serialized, plus the ids its hits map to. Built once per list version by the background and
 * kept in storage.local, so no tab ever builds it.
 *
 * Design: match in each frame's content script, from this shared compact form, rather than send
 * page text to the service worker. Measured (BENCHMARKS.md):
 * - the stored form is 51 kB for the real list (274 organizations) and decodes in 0.4 ms per
 *   frame; 2.3 MB / ~10 ms at 10,000 names; 10 MB / ~60–70 ms at 50,000 names;
 * - building instead costs 2 ms (real), 19 ms (10k), ~145 ms (50k), which is why tabs never do;
 * - the text of a page is often larger than the list (yahoo-2: 0.7 MB of HTML), and sending it
 *   would cross JSON messaging for every frame and every change, into a single worker thread
 *   that Chrome stops when idle: a cold start put load → badge at ~110 ms against ~35 ms warm.
 * Scanning where the text is also lets the scan yield to the page between slices. Past ~10k
 * names the per-frame decode becomes the cost to watch (one stretch of ~60 ms at 50k).
 */
import { matchableNames, type BlocklistEntry } from './list-schema';
import { NameMatcher, type MatcherPattern, type SerializedMatcher } from './matcher';

export interface CompiledList {
  /** Identifies the list content it was built from (see listKey). */
  listKey: string;
  entryIds: string[];
  matcher: SerializedMatcher;
}

/** Patterns of every entry that warns; `warn: false` entries are never looked for on pages. */
export function patternsOf(entries: readonly BlocklistEntry[]): { entryIds: string[]; patterns: MatcherPattern[] } {
  const entryIds: string[] = [];
  const patterns: MatcherPattern[] = [];
  for (const entry of entries) {
    if (!entry.warn) continue;
    const index = entryIds.push(entry.id) - 1;
    for (const name of matchableNames(entry)) patterns.push({ name, entry: index, exact: entry.exact });
  }
  return { entryIds, patterns };
}

export function compileList(entries: readonly BlocklistEntry[], listKey: string): CompiledList {
  const { entryIds, patterns } = patternsOf(entries);
  return { listKey, entryIds, matcher: NameMatcher.build(patterns).serialize() };
}

/** A short, stable fingerprint of a list's content (FNV-1a, 32 bit, over its JSON). */
export function listKey(entries: readonly BlocklistEntry[]): string {
  const json = JSON.stringify(entries);
  let h = 0x811c9dc5;
  for (let i = 0; i < json.length; i++) {
    h ^= json.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${entries.length}-${(h >>> 0).toString(36)}`;
}
