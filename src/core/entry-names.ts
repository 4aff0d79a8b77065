/**
 * The names of an entry that are matched on pages. Apart from list-schema.ts, so that content
 * scripts (through compiled-list.ts) don't load the schema's rules and the Public Suffix List.
 */
import type { BlocklistEntry } from './list-schema';

/** Every string of an entry that is matched on pages: both names and the aliases. */
export function matchableNames(entry: BlocklistEntry): string[] {
  const names = [entry.names.zh, ...(entry.names.en ? [entry.names.en] : []), ...entry.aliases];
  return [...new Set(names)];
}
