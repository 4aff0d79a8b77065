/**
 * When to sync next. Pure; `random` is injectable for tests.
 * - after success: the interval, ±10 % jitter (clients don't all come back at once);
 * - after a failure: exponential backoff with "equal jitter", 15 min × 2^(n−1) times 0.5 … 1,
 *   capped at 24 h (like Safe Browsing's update backoff);
 * - "soon": 30–60 s (first sync after install, a browser start with a stale list, a new URL).
 */
export const HOUR_MS = 3_600_000;
export const MIN_INTERVAL_HOURS = 1;
export const MAX_INTERVAL_HOURS = 168;
export const BACKOFF_BASE_MS = 15 * 60_000;
export const BACKOFF_CAP_MS = 24 * HOUR_MS;
/** Chrome runs alarms no sooner than 30 s after they are set. */
export const SOON_MIN_MS = 30_000;
export const SOON_MAX_MS = 60_000;

export function soonDelay(random = Math.random()): number {
  return SOON_MIN_MS + random * (SOON_MAX_MS - SOON_MIN_MS);
}

export function intervalDelay(intervalHours: number, random = Math.random()): number {
  return intervalHours * HOUR_MS * (0.9 + 0.2 * random);
}

/** Delay before the next try after `failures` failures in a row (≥ 1). */
export function backoffDelay(failures: number, random = Math.random()): number {
  const exp = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (Math.max(1, Math.min(failures, 20)) - 1));
  return Math.min(BACKOFF_CAP_MS, exp * (0.5 + 0.5 * random));
}

export function isValidInterval(hours: unknown): hours is number {
  return typeof hours === 'number' && Number.isInteger(hours) && hours >= MIN_INTERVAL_HOURS && hours <= MAX_INTERVAL_HOURS;
}
