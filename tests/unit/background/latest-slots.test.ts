/**
 * Latest-state-wins slots (issue 18 item 7): one slot per (tab, frame), newer work replacing older
 * unread, tabs served in turn, one at a time per tab. Order of events only; no clock.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { createLatestSlots } from '../../../src/background/latest-slots';
import { contentScriptSender, type ContentScriptSender, type Self } from '../../../src/background/senders';
import { contentScriptPayloads } from '../../../src/shared/content-script-payloads';
import { dispatcher } from '../../../src/shared/message-dispatch';
import type { ContentScriptMessages } from '../../../src/shared/messages';

/** A task that finishes when the test says so. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('createLatestSlots', () => {
  it('hands the newest work of a slot, and answers replaced work with null, unrun', async () => {
    const slots = createLatestSlots(1);
    const busy = gate();
    const ran: string[] = [];
    const first = slots.offer(1, 'frame 0', async () => {
      ran.push('first');
      await busy.opened;
      return 'first';
    });
    const middle = slots.offer(1, 'frame 0', () => (ran.push('middle'), 'middle'));
    const last = slots.offer(1, 'frame 0', () => (ran.push('last'), 'last'));
    expect(await middle).toBeNull();
    busy.open();
    expect(await first).toBe('first');
    expect(await last).toBe('last');
    expect(ran).toEqual(['first', 'last']);
    expect(slots.counts()).toEqual({ offered: 3, handled: 2, superseded: 1 });
  });

  it('serves tabs in turn: a flooding tab holds one turn while another tab’s first work goes next', async () => {
    const slots = createLatestSlots(1);
    const order: string[] = [];
    const busy = gate();
    const done: Array<Promise<unknown>> = [];
    done.push(slots.offer(1, 'frame 1', async () => (order.push('flood 1'), await busy.opened)));
    for (let frame = 2; frame <= 5; frame++) done.push(slots.offer(1, `frame ${frame}`, () => order.push(`flood ${frame}`)));
    done.push(slots.offer(2, 'frame 0', () => order.push('other 0')));
    busy.open();
    await Promise.all(done);
    expect(order).toEqual(['flood 1', 'other 0', 'flood 2', 'flood 3', 'flood 4', 'flood 5']);
  });

  it('takes a tab’s slots in the order they first waited, so a frame that reports without pause can’t hold back its siblings', async () => {
    const slots = createLatestSlots(1);
    const order: string[] = [];
    let gates = [gate()];
    const flood = (n: number) => slots.offer(1, 'ad', async () => (order.push(`ad ${n}`), await gates[n]!.opened));
    void flood(0);
    const top = slots.offer(1, 'top', () => order.push('top'));
    // The ad frame reports again and again while its first report runs: each replaces the last.
    gates = [gates[0]!, gate(), gate(), gate()];
    void flood(1);
    void flood(2);
    gates[0]!.open();
    await top;
    void flood(3);
    for (const g of gates) g.open();
    await settle();
    await settle();
    expect(order.slice(0, 2)).toEqual(['ad 0', 'top']);
    expect(order).not.toContain('ad 1');
  });

  it('runs at most `parallel` at once, and one at a time per tab', async () => {
    const slots = createLatestSlots(2);
    let running = 0;
    let most = 0;
    const perTab = new Map<number, number>();
    const work = (tab: number) => async () => {
      running++;
      perTab.set(tab, (perTab.get(tab) ?? 0) + 1);
      most = Math.max(most, running);
      expect(perTab.get(tab)).toBe(1);
      await settle();
      perTab.set(tab, perTab.get(tab)! - 1);
      running--;
    };
    await Promise.all([1, 1, 2, 2, 3, 3].map((tab, i) => slots.offer(tab, `frame ${i}`, work(tab))));
    expect(most).toBe(2);
    expect(slots.counts()).toMatchObject({ offered: 6, handled: 6, superseded: 0 });
  });

  it('a failing work rejects its own caller only; the tab goes on', async () => {
    const slots = createLatestSlots(1);
    await expect(slots.offer(1, 'a', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await slots.offer(1, 'b', () => 'ok')).toBe('ok');
  });

  it('drop: a closed tab’s waiting work answers null and never runs', async () => {
    const slots = createLatestSlots(1);
    const busy = gate();
    const running = slots.offer(1, 'x', () => busy.opened);
    const ran = vi.fn();
    const waiting = slots.offer(2, 'y', ran);
    slots.drop(2);
    busy.open();
    await running;
    expect(await waiting).toBeNull();
    await settle();
    expect(ran).not.toHaveBeenCalled();
    expect(await slots.offer(2, 'y', () => 'again')).toBe('again');
  });
});

describe('the content-script channel with latest-state slots', () => {
  const self: Self = { id: 'orgcheck-id', baseUrl: 'chrome-extension://orgcheck-id/' };
  type Raw = Runtime.MessageSender & { origin?: string };
  const from = (frameId: number, tab = 7): Raw => ({
    id: self.id, url: `https://listed.example/f${frameId}`, origin: 'https://listed.example', frameId,
    tab: { id: tab, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
  });
  const scan = (listKey: string) => ({ title: '', listKey, findings: [], titleIds: [], stats: { longestTaskMs: 0, setupMs: 0 } });

  it('checks and handles only the latest report of a frame; a replaced one is never read, its sender gets null; a frame’s going replaces its findings', async () => {
    const slots = createLatestSlots(1);
    const busy = gate();
    const seen: string[] = [];
    const frameFindings = vi.fn(async (payload: { listKey: string }, sender: ContentScriptSender) => {
      seen.push(`${sender.tabId}/${sender.frameId} ${payload.listKey}`);
      if (payload.listKey === 'k1') await busy.opened;
      return null;
    });
    const frameGone = vi.fn((_p: unknown, sender: ContentScriptSender) => (seen.push(`${sender.tabId}/${sender.frameId} gone`), null));
    const listen = dispatcher<ContentScriptMessages, ContentScriptSender, Raw>(
      {
        name: 'content script', sender: (raw: Raw) => contentScriptSender(raw, self), payloads: contentScriptPayloads,
        latest: { types: new Set(['frameFindings', 'frameGone']), place: (s) => ({ lane: s.tabId, slot: String(s.frameId) }), offer: slots.offer },
      },
      { frameFindings, frameGone } as never,
    );
    const first = listen({ type: 'frameFindings', payload: scan('k1') }, from(1));
    // Not even valid: replaced before its turn, so never checked (no rejection).
    const invalid = listen({ type: 'frameFindings', payload: { junk: 'x'.repeat(100) } }, from(2));
    const replacing = listen({ type: 'frameFindings', payload: scan('k3') }, from(2));
    const findingsThenGone = listen({ type: 'frameFindings', payload: scan('k4') }, from(3));
    const gone = listen({ type: 'frameGone', payload: {} }, from(3));
    const otherTab = listen({ type: 'frameFindings', payload: scan('k5') }, from(0, 8));
    expect(await invalid).toBeNull();
    expect(await findingsThenGone).toBeNull();
    busy.open();
    await Promise.all([first, replacing, gone, otherTab]);
    expect(seen).toEqual(['7/1 k1', '8/0 k5', '7/2 k3', '7/3 gone']);
    expect(slots.counts()).toEqual({ offered: 6, handled: 4, superseded: 2 });
  });
});
