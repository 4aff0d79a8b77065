/**
 * The one line that says how fresh the list in use is: when it was last updated, how many
 * organizations it holds, and whether it may be out of date (the rule of staleness.ts). The
 * banner, the popup and the options page all show this, so their dates cannot disagree.
 * Pure: callers pass what the sync view says, and the time.
 */
import { listStaleness, type StalenessInput } from './staleness';
import { versionToDate } from './version';

export interface ListFreshness {
  /** When the list in use was last updated (its version's moment, epoch ms), or null if its version is not a date. */
  updatedAt: number | null;
  /** How many organizations the list holds. */
  organizations: number;
  /** Nothing newer confirmed for over 30 days: "may be out of date". */
  mayBeOutOfDate: boolean;
}

export interface FreshnessInput extends StalenessInput {
  organizations: number;
}

/** The same from what the sync view says (the popup's and the options page's SyncView). */
export function freshnessOfView(
  view: { url: string | null; status: { lastSuccessAt: number | null }; list: { version: number; count: number } },
  now: number,
): ListFreshness {
  return listFreshness(
    { hasFeed: view.url !== null, lastSuccessAt: view.status.lastSuccessAt, listVersion: view.list.version, organizations: view.list.count },
    now,
  );
}

export function listFreshness(input: FreshnessInput, now: number): ListFreshness {
  return {
    updatedAt: versionToDate(input.listVersion)?.getTime() ?? null,
    organizations: input.organizations,
    mayBeOutOfDate: listStaleness(input, now) !== null,
  };
}
