/**
 * The names of an entry that are matched on pages. Apart from list-schema.ts, so that content
 * scripts (through compiled-list.ts) don't load the schema's rules and the Public Suffix List.
 */

/**
 * The part of an entry (list-schema.ts's BlocklistEntry) whose strings are matched. Spelled out
 * here rather than imported, as list-schema.ts imports this file.
 */
export interface NamedEntry {
  names: { zh: string; en?: string | undefined };
  aliases: readonly string[];
}

/** Every string of an entry that is matched on pages: both names and the aliases. */
export function matchableNames(entry: NamedEntry): string[] {
  const names = [entry.names.zh, ...(entry.names.en ? [entry.names.en] : []), ...entry.aliases];
  return [...new Set(names)];
}
