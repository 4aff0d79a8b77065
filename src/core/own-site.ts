/**
 * A listed organization's own sites (an entry's `domains`) and how long a listing speaks for the
 * present. A domain is listed with the day it was seen in use (the notice that published it); a
 * site changes hands, and a banned body's domain lapses and is bought by someone else, so after
 * DOMAIN_CURRENT_MONTHS (domain-listing.ts) the alert no longer says the page *is* the organization's site, but that
 * the site *was used by* it. Still the alert (the address was the organization's, and whoever
 * holds it now may trade on that), in the past tense. Pure.
 */
import type { BlocklistEntry } from './list-schema';
import { domainName, domainSeen, isFormerDomain, type EntryDomain } from './domain-listing';
import { severityOf, type SeverityInput } from './severity';
import { hostIsUnder } from './site';

/** The organization a former own site belonged to, for the alert's past-tense wording. */
export interface FormerSite {
  id: string;
  zh: string;
  /** The most recent day one of its matching domains was seen in use (YYYY-MM-DD). */
  seen: string;
}

/**
 * When the page gets the own-site alert only because its host is under listed domains, all of
 * them DOMAIN_CURRENT_MONTHS old or more: the organization whose domain it was (the most recently
 * seen), else null. A current domain, or a title that names the organization alone (the page
 * says today that it is the organization's), keeps the present-tense alert.
 */
export function formerSiteOf(input: SeverityInput, now: number): FormerSite | null {
  if (severityOf(input) !== 'alert') return null;
  // Without its domains, would the page still be the organization's own site? Then it says so itself.
  const withoutDomains = input.entries.map(({ entry, forms }) => ({ entry: { ...entry, domains: [] }, forms }));
  if (severityOf({ ...input, entries: withoutDomains }) === 'alert') return null;
  let host: string;
  try {
    host = new URL(input.pageUrl).hostname;
  } catch {
    return null;
  }
  const matches: Array<{ entry: BlocklistEntry; listing: EntryDomain }> = [];
  for (const { entry } of input.entries) {
    for (const listing of entry.domains ?? []) if (hostIsUnder(host, domainName(listing))) matches.push({ entry, listing });
  }
  if (matches.length === 0 || matches.some(({ listing }) => !isFormerDomain(listing, now))) return null;
  const latest = matches.reduce((a, b) => ((domainSeen(b.listing) ?? '') > (domainSeen(a.listing) ?? '') ? b : a));
  return { id: latest.entry.id, zh: latest.entry.names.zh, seen: domainSeen(latest.listing)! };
}

