/**
 * Feed versions: an integer that reads as the UTC time the feed tool generated the list,
 * YYYYMMDDHHmmss (e.g. 20261128094711). It only grows: the client takes a feed only when its
 * version is strictly greater than the one in use (the bundled list's version is the floor), so
 * a replayed old feed, or a mirror that is behind, can never roll the list back.
 * 14 digits stay far below 2^53, so the value is exact in a JS number and in JSON.
 */

/** True for an integer of 14 digits that names a real UTC date and time (2000 … 9999). */
export function isFeedVersion(value: unknown): value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) return false;
  if (value < 20000101000000 || value > 99991231235959) return false;
  const date = versionToDate(value);
  return date !== null && versionFromDate(date) === value;
}

/** The version for a moment: its UTC date and time, to the second. */
export function versionFromDate(date: Date): number {
  const iso = date.toISOString(); // 2026-11-28T09:47:11.000Z
  return Number(iso.slice(0, 19).replace(/[-T:]/g, ''));
}

/** The moment a version names, or null when its digits are not a date (month 13 …). */
export function versionToDate(version: number): Date | null {
  const s = String(version);
  if (!/^\d{14}$/.test(s)) return null;
  const [y, mo, d, h, mi, se] = [s.slice(0, 4), s.slice(4, 6), s.slice(6, 8), s.slice(8, 10), s.slice(10, 12), s.slice(12, 14)].map(Number) as [
    number, number, number, number, number, number,
  ];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, se));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d &&
    date.getUTCHours() === h && date.getUTCMinutes() === mi && date.getUTCSeconds() === se
    ? date
    : null;
}

/** Orders versions (negative: a is older). Plain integers, so plain subtraction. */
export function compareVersions(a: number, b: number): number {
  return Math.sign(a - b);
}

/**
 * The version for a feed generated at `now`, kept strictly above `previous` (the last one
 * published, if any) even when the tool runs twice in one second or the clock went back.
 */
export function nextVersion(now: Date, previous?: number): number {
  const fromNow = versionFromDate(now);
  if (previous === undefined || fromNow > previous) return fromNow;
  const prev = versionToDate(previous);
  if (!prev) throw new Error(`previous version ${previous} is not a YYYYMMDDHHmmss version`);
  return versionFromDate(new Date(prev.getTime() + 1000));
}

/** "2026-11-28 09:47 UTC": how the popup and options page show a version. */
export function formatVersion(version: number): string {
  const date = versionToDate(version);
  if (!date) return String(version);
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** "2026-11-28": the date part only. */
export function versionDate(version: number): string {
  const date = versionToDate(version);
  return date ? date.toISOString().slice(0, 10) : String(version);
}

/**
 * How far ahead of this computer's clock a feed's version or generatedAt may be. A day covers
 * clocks that are a little off and every time zone; past it the feed claims a date that has not
 * come (a version of year 9999 would win over every honest list that follows).
 */
export const MAX_AHEAD_OF_CLOCK_MS = 24 * 60 * 60 * 1000;

/** Why a feed's dates are too far ahead of `now`, or null. */
export function aheadOfClockProblem(feed: { version: number; generatedAt: string | null }, now: number): string | null {
  const latest = now + MAX_AHEAD_OF_CLOCK_MS;
  const versionAt = versionToDate(feed.version)?.getTime();
  if (versionAt !== undefined && versionAt > latest) {
    return `version ${feed.version} is more than a day ahead of this computer's clock (${new Date(now).toISOString()})`;
  }
  const generatedAt = feed.generatedAt === null ? NaN : Date.parse(feed.generatedAt);
  if (generatedAt > latest) {
    return `generatedAt ${feed.generatedAt} is more than a day ahead of this computer's clock (${new Date(now).toISOString()})`;
  }
  return null;
}
