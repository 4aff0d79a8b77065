/**
 * At most one event per key in each interval: what a page can trigger by messages (a report
 * window for its tab) must not come in a loop. Pure: the caller passes the time.
 */
export interface RateLimiter<K> {
  /** Whether an event for `key` may happen at `now`; if so it counts from now. */
  allow(key: K, now: number): boolean;
  forget(key: K): void;
}

export function createRateLimiter<K>(intervalMs: number): RateLimiter<K> {
  const last = new Map<K, number>();
  return {
    allow(key, now) {
      const before = last.get(key);
      if (before !== undefined && now - before < intervalMs && now >= before) return false;
      last.set(key, now);
      return true;
    },
    forget(key) {
      last.delete(key);
    },
  };
}
