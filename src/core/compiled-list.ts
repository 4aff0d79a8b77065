/**
 * The form of the list that content scripts scan with: the matcher of every name that warns,
 * serialized, plus the ids its hits map to. Built once per list version by the background and
 * kept in storage, so no tab ever builds it.
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
