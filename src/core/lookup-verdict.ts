/**
 * The lookup's answer, name by name, verdict first: is this exact name on the list? Only then the
 * other names that contain it or look like it. Listing look-alikes alone (seven red cards for the
 * lawful 中国书法家协会) reads as "this one is listed"; one answer for a pasted list of names reads
 * as an all-clear for all of them.
 */
import { splitLookupQuery } from './lookup-query';
import type { LookupResult, OrganizationLookup } from './lookup';

/**
 * listed: an entry that warns has exactly this name (script, width, spacing aside);
 * never-warns: only entries that never warn have it (a lawful namesake, a generic name);
 * not-listed: no entry has it.
 */
export type Verdict = 'listed' | 'never-warns' | 'not-listed';

export interface NameAnswer {
  /** The name as the user wrote it. */
  name: string;
  verdict: Verdict;
  /** The entries with exactly this name. */
  exact: LookupResult[];
  /** Other entries whose names contain it or are similar (weak look-alikes dropped), best first. */
  similar: LookupResult[];
  /** How many such entries in all (similar holds at most the limit). */
  similarTotal: number;
}

export interface QueryAnswer {
  answers: NameAnswer[];
  /** Names beyond the ones answered (lookup-query.ts MAX_LOOKUP_NAMES). */
  omitted: number;
}

export function answerName(lookup: OrganizationLookup, name: string, limit: number): NameAnswer {
  const { results, total } = lookup.find(name, limit);
  const exact = results.filter((r) => r.rank === 0);
  const similar = results.filter((r) => r.rank !== 0);
  const verdict: Verdict = exact.some((r) => r.entry.warn) ? 'listed' : exact.length ? 'never-warns' : 'not-listed';
  return { name, verdict, exact, similar, similarTotal: total - exact.length };
}

/** Each name of the query (split on list punctuation and line breaks), answered. */
export function answerQuery(lookup: OrganizationLookup, query: string, limit: number): QueryAnswer {
  const { names, omitted } = splitLookupQuery(query);
  return { answers: names.map((name) => answerName(lookup, name, limit)), omitted };
}
