/**
 * Work that only its latest state matters for (a frame's findings; later, a frame's text), kept
 * one slot per (lane, slot key): a lane is a tab, a slot a frame and message type. A newer offer
 * replaces the older one unhandled (its caller gets null: superseded), so a page that reports
 * many times a second costs one handled message per turn, not one per report. The slots are
 * handled lane by lane in turn (round-robin across tabs), one at a time per lane and at most
 * `parallel` at once, so a flooding tab holds one lane while every other tab's work starts at once.
 *
 * Within a lane, slots are taken in the order they first waited, each with its newest work: taking
 * the newest slot first would let one frame that reports without pause hold back its siblings (an
 * ad frame flooding to keep the top frame's report from being handled).
 * Generic and pure (no browser globals): the work is a thunk, so a superseded message is never
 * read (its payload not even checked).
 */

export interface LatestSlots {
  /** Queues `work` in its slot; resolves with its result, or null when newer work replaced it first. */
  offer<T>(lane: number, slot: string, work: () => Promise<T> | T): Promise<T | null>;
  /** Forgets a lane's waiting work (a closed tab): each resolves as superseded. */
  drop(lane: number): void;
  /** Offered, handled and superseded so far (tests and the bench read these). */
  counts(): { offered: number; handled: number; superseded: number };
}

interface Waiting {
  work: () => unknown;
  settle: (result: unknown) => void;
  fail: (error: unknown) => void;
}

export function createLatestSlots(parallel = 2): LatestSlots {
  /** lane → its waiting slots, in the order they first waited (a Map keeps insertion order). */
  const lanes = new Map<number, Map<string, Waiting>>();
  /** Lanes with work under way (one at a time each). */
  const busy = new Set<number>();
  /** Lanes in turn: the next one to serve is the first of this list that has work and isn't busy. */
  const turn: number[] = [];
  let running = 0;
  const counts = { offered: 0, handled: 0, superseded: 0 };

  const pump = () => {
    while (running < parallel) {
      const index = turn.findIndex((lane) => !busy.has(lane));
      if (index < 0) return;
      const [lane] = turn.splice(index, 1) as [number];
      const slots = lanes.get(lane)!;
      const [slot, waiting] = slots.entries().next().value as [string, Waiting];
      slots.delete(slot);
      if (slots.size === 0) lanes.delete(lane);
      busy.add(lane);
      running++;
      counts.handled++;
      void Promise.resolve()
        .then(waiting.work)
        .then(waiting.settle, waiting.fail)
        .finally(() => {
          busy.delete(lane);
          running--;
          // Back in line behind the lanes that waited meanwhile, if it has more.
          if (lanes.has(lane)) turn.push(lane);
          pump();
        });
    }
  };

  return {
    offer<T>(lane: number, slot: string, work: () => Promise<T> | T): Promise<T | null> {
      counts.offered++;
      return new Promise<T | null>((resolve, reject) => {
        let slots = lanes.get(lane);
        if (!slots) {
          slots = new Map();
          lanes.set(lane, slots);
          if (!busy.has(lane)) turn.push(lane);
        }
        const older = slots.get(slot);
        if (older) {
          counts.superseded++;
          older.settle(null);
        }
        // Set on an existing key keeps the slot's place: it still goes when it first would have.
        slots.set(slot, { work, settle: resolve as (result: unknown) => void, fail: reject });
        pump();
      });
    },
    drop(lane: number): void {
      const slots = lanes.get(lane);
      if (!slots) return;
      for (const waiting of slots.values()) {
        counts.superseded++;
        waiting.settle(null);
      }
      lanes.delete(lane);
      const index = turn.indexOf(lane);
      if (index >= 0) turn.splice(index, 1);
    },
    counts: () => ({ ...counts }),
  };
}
