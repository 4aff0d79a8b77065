/**
 * Runs a task for a key at most once per interval: at once when the key has been quiet, else
 * once at the end of the interval, for however many requests came meanwhile (the task reads the
 * latest state itself). Used for a tab's storage write and badge: a page whose frames report many
 * times a second must not make the worker spend its time on one tab while the others wait.
 */
export interface KeyedThrottle<K> {
  request(key: K): void;
  /** Forgets a key, with any run it had pending (a closed tab). */
  cancel(key: K): void;
}

export function createKeyedThrottle<K>(
  intervalMs: number,
  run: (key: K) => void,
  now: () => number = Date.now,
): KeyedThrottle<K> {
  const last = new Map<K, number>();
  const timers = new Map<K, ReturnType<typeof setTimeout>>();
  const fire = (key: K) => {
    timers.delete(key);
    last.set(key, now());
    run(key);
  };
  return {
    request(key) {
      if (timers.has(key)) return; // the run at the end of the interval answers this request too
      const since = now() - (last.get(key) ?? -Infinity);
      if (since >= intervalMs || since < 0) fire(key);
      else timers.set(key, setTimeout(() => fire(key), intervalMs - since));
    },
    cancel(key) {
      clearTimeout(timers.get(key));
      timers.delete(key);
      last.delete(key);
    },
  };
}
