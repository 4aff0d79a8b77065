/**
 * When to tell the user that the list may be out of date. Lists change a few times a year, so a
 * month without news is the point where a warning that did not show might be a missing entry.
 * Pure: the popup and the options page pass what the background's sync view says, and the time.
 */
import { versionToDate } from './version';

/** Thirty days: past this with nothing newer confirmed, the list may be out of date. */
export const STALE_AFTER_MS = 30 * 24 * 60 * 60 * 1000;

export type Staleness =
  /** With a feed: the last successful check for a newer list was at `since`. */
  | { kind: 'checked'; since: number }
  /** With a feed that has never answered: the list's own date, `since`. */
  | { kind: 'dated'; since: number }
  /** No feed (this build has none, or none is set): the list's own date, `since`. */
  | { kind: 'no-feed'; since: number };

export interface StalenessInput {
  /** A feed is configured (the sync view's URL is set). */
  hasFeed: boolean;
  /** The last successful sync (updated or up to date), or null. */
  lastSuccessAt: number | null;
  /** Version of the list in use (its date, see version.ts). */
  listVersion: number;
}

/**
 * Null while the list is known current. With a feed, that is while the last successful check
 * (which found the list in use is the newest) is at most 30 days before `now`, or, before any
 * check succeeded, while the list's own date is; without a feed, while the list's own date is.
 * Otherwise, what the user is told and since when.
 */
export function listStaleness(input: StalenessInput, now: number): Staleness | null {
  const listDate = versionToDate(input.listVersion)?.getTime() ?? 0;
  const [kind, since]: [Staleness['kind'], number] = !input.hasFeed
    ? ['no-feed', listDate]
    : input.lastSuccessAt !== null
      ? ['checked', input.lastSuccessAt]
      : ['dated', listDate];
  return now - since > STALE_AFTER_MS ? { kind, since } : null;
}
