/**
 * The form of the list that content scripts scan with: the matcher of every name that warns,
 * serialized, plus the ids its hits map to. Built once per list version by the background and
 * kept in storage.local, so no tab ever builds it.
 *
 * Design: match in each frame's content script, from this shared compact form, rather than send
 * page text to the service worker. Measured (BENCHMARKS.md):
 * - the stored form is 51 kB for the real list (274 organizations), plus 19 kB for the fold
 *   table (the same for any list), and a frame sets both up in ~2–4 ms (median); 2.3 MB / ~10 ms at
 *   10,000 names; 10 MB / ~60–70 ms at 50,000 names;
 * - building instead costs 2 ms (real), 19 ms (10k), ~145 ms (50k), which is why tabs never do;
 * - the text of a page is often larger than the list (yahoo-2: 0.7 MB of HTML), and sending it
 *   would cross JSON messaging for every frame and every change, into a single worker thread
 *   that Chrome stops when idle: a cold start put load → badge at ~110 ms against ~35 ms warm.
 * Scanning where the text is also lets the scan yield to the page between slices. Past ~10k
 * names the per-frame decode becomes the cost to watch (one stretch of ~60 ms at 50k).
 */
import { base64ToBytes, bytesToBase64 } from './base64';
import { LIMITS_REVISION, MAX_COMPILED_MATCHER_BYTES, NAME_MAX_CHARS } from './list-limits';
import { matchableNames } from './entry-names';
import type { BlocklistEntry } from './list-schema';
import { MATCHER_FORMAT, NameMatcher, type MatcherPattern, type SerializedMatcher } from './matcher';
import { foldTablePairs, useFoldTablePairs } from './normalize';

export interface CompiledList {
  /** Identifies the list content it was built from (see listKey). */
  listKey: string;
  /** Identifies the code that built it (see compilerKey): a list compiled by other code is rebuilt. */
  compiler: string;
  entryIds: string[];
  matcher: SerializedMatcher;
  /**
   * The normalization the names were folded with: base64 of foldTablePairs(). Content scripts
   * install it rather than build it (see core/normalize.ts), and fold page text the same way.
   */
  fold: string;
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

/** A list whose compiled form would break a limit of core/list-limits.ts: it is not stored or used. */
export class CompiledListLimitError extends Error {}

/**
 * Compiles a list. Refuses (CompiledListLimitError) one whose matcher exceeds the limits every
 * frame relies on: a name longer than the scan's overlap allows for, or tables too big to read.
 * The schema keeps validated lists well inside both; this holds for any list that reaches here.
 */
export function compileList(entries: readonly BlocklistEntry[], listKey: string): CompiledList {
  const { entryIds, patterns } = patternsOf(entries);
  const built = NameMatcher.build(patterns);
  if (built.maxPatternLength > NAME_MAX_CHARS) {
    throw new CompiledListLimitError(`a matched name has ${built.maxPatternLength} characters after normalization; the limit is ${NAME_MAX_CHARS}`);
  }
  const matcher = built.serialize();
  const bytes = serializedMatcherBytes(matcher);
  if (bytes > MAX_COMPILED_MATCHER_BYTES) {
    throw new CompiledListLimitError(`the compiled list would take ${bytes} bytes; the limit is ${MAX_COMPILED_MATCHER_BYTES}`);
  }
  return { listKey, compiler: compilerKey(), entryIds, matcher, fold: currentFold() };
}

/** Why a list cannot be compiled within the limits, or null (compiles it: call once per new list). */
export function compiledListProblem(entries: readonly BlocklistEntry[]): string | null {
  try {
    compileList(entries, '');
    return null;
  } catch (error) {
    if (error instanceof CompiledListLimitError) return error.message;
    throw error;
  }
}

/** Size of a serialized matcher as stored and read by every frame: its base64 tables (ASCII, one byte a character). */
export function serializedMatcherBytes(matcher: SerializedMatcher): number {
  return Object.values(matcher.tables).reduce((sum: number, table: string) => sum + table.length, 0);
}

/**
 * The fold table normalize() uses, encoded as in CompiledList.fold: the one this code builds
 * (background), or the one a compiled list brought (content scripts, see useCompiledFold).
 */
let foldInUse: string | undefined;

function currentFold(): string {
  if (foldInUse === undefined) {
    const pairs = foldTablePairs();
    foldInUse = bytesToBase64(new Uint8Array(pairs.buffer, pairs.byteOffset, pairs.byteLength));
  }
  return foldInUse;
}

/**
 * This code's compiler: the matcher's format, the fold table and the list limits. An extension
 * update that changes any (a new OpenCC table, a tighter limit) makes the stored compiled list stale.
 */
export function compilerKey(): string {
  return `${MATCHER_FORMAT}-${fnv1a(currentFold())}-L${LIMITS_REVISION}`;
}

/**
 * Makes normalize() fold as the list was compiled. Without `fold` (lists older than matcher
 * format 3, which content scripts don't read) the table is built from OpenCC's, except in the
 * content script's bundle, which can't build one (core/normalize.ts).
 */
export function useCompiledFold(compiled: CompiledList): void {
  if (!compiled.fold || compiled.fold === foldInUse) return;
  const bytes = base64ToBytes(compiled.fold);
  useFoldTablePairs(new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2));
  foldInUse = compiled.fold;
}

/** A short, stable fingerprint of a list's content (FNV-1a, 32 bit, over its JSON). */
export function listKey(entries: readonly BlocklistEntry[]): string {
  return `${entries.length}-${fnv1a(JSON.stringify(entries))}`;
}

function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
