/**
 * Promise queues for the worker's read-modify-write steps on storage: a task starts when the one
 * before it has settled, so two changes at once never lose one another's write. A task's failure
 * is its caller's alone; the queue goes on with the next.
 *
 * Which queue guards what:
 * - `settingsQueue`: the user's settings in storage.local (warning controls, the report endpoint,
 *   a settings import). One queue for all of them: an import writes them together.
 * - background/sync.ts: the sync status (its own queue; an import joins it for the feed settings).
 * - background/report-outbox.ts: report records, the history and the outbox.
 * - background/report.ts: the ids of private reports.
 * - background/tab-findings.ts: one queue per tab (a keyed queue).
 */

export interface Queue {
  /** Runs `task` after every task queued before it has settled; resolves or rejects as it does. */
  run<T>(task: () => Promise<T> | T): Promise<T>;
}

export function createQueue(): Queue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(task: () => Promise<T> | T): Promise<T> {
      const result = tail.then(task);
      tail = result.catch(() => undefined);
      return result;
    },
  };
}

export interface KeyedQueue<K> {
  /** As Queue.run, in the queue of `key`; tasks of different keys run independently. */
  run<T>(key: K, task: () => Promise<T> | T): Promise<T>;
  /** Forgets a key's queue once its tasks have settled (a closed tab). */
  drop(key: K): void;
}

export function createKeyedQueue<K>(): KeyedQueue<K> {
  const tails = new Map<K, Promise<unknown>>();
  return {
    run<T>(key: K, task: () => Promise<T> | T): Promise<T> {
      const result = (tails.get(key) ?? Promise.resolve()).then(task);
      const tail = result.catch(() => undefined);
      tails.set(key, tail);
      // The map holds no settled queue longer than needed.
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
    drop(key: K): void {
      tails.delete(key);
    },
  };
}

/** The queue of the user's settings in storage.local (warning controls, report endpoint, imports). */
export const settingsQueue: Queue = createQueue();

/**
 * A task that runs at most once at a time: a request while it runs makes it run once more after
 * (not once per request). `request` resolves when a run that started after the request has ended.
 * Each run gets the options merged from the requests it answers (`merge`).
 */
export function createCoalescingRunner<O>(
  run: (options: O) => Promise<void>,
  merge: (a: O, b: O) => O,
): { request(options: O): Promise<void>; running(): boolean } {
  let current: Promise<void> | null = null;
  let pending: O | null = null;
  const loop = async (first: O) => {
    let options: O | null = first;
    try {
      while (options !== null) {
        pending = null;
        await run(options);
        // A request that came while `run` was under way, to its very end, is answered by one more run.
        options = pending;
      }
    } finally {
      current = null;
      pending = null;
    }
  };
  return {
    request(options: O): Promise<void> {
      if (current) {
        pending = pending === null ? options : merge(pending, options);
        return current;
      }
      current = loop(options);
      return current;
    },
    running: () => current !== null,
  };
}
