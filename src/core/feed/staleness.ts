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
  /** With a feed: no check has succeeded since the list's own date, `since`. */
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
 * Null while the list is known current: the later of the last good check (with a feed) and the
 * list's own date is at most 30 days before `now`. Otherwise, what the user is told and since when.
 */
export function listStaleness(input: StalenessInput, now: number): Staleness | null {
  const listDate = versionToDate(input.listVersion)?.getTime() ?? 0;
  if (!input.hasFeed) return now - listDate > STALE_AFTER_MS ? { kind: 'no-feed', since: listDate } : null;
  if (input.lastSuccessAt !== null && input.lastSuccessAt >= listDate) {
    return now - input.lastSuccessAt > STALE_AFTER_MS ? { kind: 'checked', since: input.lastSuccessAt } : null;
  }
  return now - listDate > STALE_AFTER_MS ? { kind: 'dated', since: listDate } : null;
}
