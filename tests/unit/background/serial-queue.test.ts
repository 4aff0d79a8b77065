import { describe, expect, it } from 'vitest';
import { createCoalescingRunner, createKeyedQueue, createQueue } from '../../../src/background/serial-queue';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('createQueue', () => {
  it('runs tasks one after another, a failure failing only its caller', async () => {
    const q = createQueue();
    const log: string[] = [];
    const slow = q.run(async () => {
      await tick();
      log.push('a');
      return 1;
    });
    const failing = q.run(() => {
      log.push('b');
      throw new Error('b');
    });
    const after = q.run(() => log.push('c'));
    expect(await slow).toBe(1);
    await expect(failing).rejects.toThrow('b');
    await after;
    expect(log).toEqual(['a', 'b', 'c']);
  });
});

describe('createKeyedQueue', () => {
  it('serializes per key, independently across keys', async () => {
    const q = createKeyedQueue<number>();
    const log: string[] = [];
    const a1 = q.run(1, async () => {
      await tick();
      await tick();
      log.push('1a');
    });
    const b = q.run(2, () => log.push('2'));
    const a2 = q.run(1, () => log.push('1b'));
    await Promise.all([a1, b, a2]);
    expect(log).toEqual(['2', '1a', '1b']);
  });
});

describe('createCoalescingRunner', () => {
  it('runs again when asked during the very end of a run (after it read its work)', async () => {
    // The outbox's race: a run reads the outbox, then, while it sets the alarm (the end of the
    // run), a new report is stored and drain() is called. That request must cause another run.
    const outbox: string[] = [];
    const sent: string[] = [];
    let release!: () => void;
    let atEnd!: () => void;
    const reachedEnd = new Promise<void>((r) => (atEnd = r));
    let runs = 0;
    const runner = createCoalescingRunner<boolean>(
      async () => {
        runs++;
        const ids = [...outbox];
        for (const id of ids) sent.push(id);
        outbox.length = 0;
        if (runs === 1) {
          atEnd();
          await new Promise<void>((r) => (release = r)); // schedule() under way
        }
      },
      (a, b) => a || b,
    );
    const first = runner.request(false);
    await reachedEnd;
    outbox.push('new');
    const second = runner.request(false);
    release();
    await Promise.all([first, second]);
    expect(sent).toEqual(['new']);
    expect(runs).toBe(2);
    expect(runner.running()).toBe(false);
  });

  it('merges the options of the requests a run answers, and runs once for many', async () => {
    const seen: boolean[] = [];
    let release!: () => void;
    const runner = createCoalescingRunner<boolean>(
      async (force) => {
        seen.push(force);
        if (seen.length === 1) await new Promise<void>((r) => (release = r));
      },
      (a, b) => a || b,
    );
    const first = runner.request(false);
    await tick();
    void runner.request(true);
    void runner.request(false);
    release();
    await first;
    expect(seen).toEqual([false, true]);
  });
});
