/**
 * A listed domain of an organization (an entry's `domains`): a bare domain, as lists before dates
 * wrote it, or a listing with the day it was seen in use. Apart from own-site.ts so that
 * severity.ts can read domains without a cycle. Pure.
 */
import type { BlocklistEntry } from './list-schema';

/** How long a domain seen in use is worded as the organization's site today. */
export const DOMAIN_CURRENT_MONTHS = 12;

export type EntryDomain = NonNullable<BlocklistEntry['domains']>[number];

/** The domain of a listing (a bare domain, as lists before dates wrote it, or a dated listing). */
export function domainName(listing: EntryDomain): string {
  return typeof listing === 'string' ? listing : listing.domain;
}

/** The day a listing was seen in use, or null for a bare domain (read as current). */
export function domainSeen(listing: EntryDomain): string | null {
  return typeof listing === 'string' ? null : listing.seen;
}

/**
 * Whether the listing is DOMAIN_CURRENT_MONTHS or more old at `now` (epoch ms): seen 2025-09-25
 * is former from 2026-09-25 (UTC), the same day of the month; a 29 February rolls to 1 March.
 */
export function isFormerDomain(listing: EntryDomain, now: number): boolean {
  const seen = domainSeen(listing);
  if (!seen) return false;
  const [y, m, d] = seen.split('-').map(Number) as [number, number, number];
  return now >= Date.UTC(y, m - 1 + DOMAIN_CURRENT_MONTHS, d);
}
