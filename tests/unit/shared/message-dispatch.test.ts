/**
 * The trust boundary (issue 11 item 7): each message map has one sender check and its payload
 * checks, made before any handler runs. Real sender checks and schemas, made-up senders.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { contentScriptSender, extensionPageSender, type Self } from '../../../src/background/senders';
import { CONTENT_SCRIPT_LIMITS, contentScriptPayloads } from '../../../src/shared/content-script-payloads';
import { dispatcher, MessageRefused } from '../../../src/shared/message-dispatch';
import type { ContentScriptMessages, ExtensionPageMessages } from '../../../src/shared/messages';
import type { ContentScriptSender, ExtensionPageSender } from '../../../src/background/senders';

const self: Self = { id: 'orgcheck-id', baseUrl: 'chrome-extension://orgcheck-id/' };
type Raw = Runtime.MessageSender & { origin?: string; documentLifecycle?: string };

const contentScript = (over: Partial<Raw> = {}): Raw => ({
  id: self.id,
  url: 'https://listed.example/page#frag',
  origin: 'https://listed.example',
  frameId: 0,
  tab: { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
  ...over,
});
const popup: Raw = { id: self.id, url: `${self.baseUrl}src/popup/index.html?tab=7` };
const popupInTab: Raw = { ...popup, tab: { id: 9, index: 0, highlighted: false, active: true, pinned: false, incognito: false }, frameId: 0 };

function contentChannel() {
  const handlers = {
    frameFindings: vi.fn((_payload: unknown, _sender: unknown) => null),
    bannerControl: vi.fn(() => null),
    showInFrame: vi.fn(() => true),
    frameGone: vi.fn(() => null),
    getOwnTabFindings: vi.fn(() => null),
    getCompiledList: vi.fn(() => null),
    bannerReport: vi.fn(() => null),
  };
  const listen = dispatcher<ContentScriptMessages, ContentScriptSender, Raw>(
    { name: 'content script', sender: (raw: Raw) => contentScriptSender(raw, self), payloads: contentScriptPayloads },
    handlers as never,
  );
  return { handlers, listen };
}

function pageChannel() {
  const handlers = { setReportEndpoint: vi.fn(() => ({ ok: true })), getTabFindings: vi.fn(() => null) };
  const listen = dispatcher<ExtensionPageMessages, ExtensionPageSender, Raw>(
    { name: 'extension page', sender: (raw: Raw) => extensionPageSender(raw, self), payloads: {} },
    handlers as never,
  );
  return { handlers, listen };
}

const scan = (over: Record<string, unknown> = {}) => ({
  title: 'A page',
  listKey: 'k1',
  findings: [{ id: 'some-society', count: 2, inText: 1, forms: ['某学会'] }],
  titleIds: [],
  stats: { longestTaskMs: 3, setupMs: 1 },
  ...over,
});

describe('the extension-page map', () => {
  it('refuses a content script, whatever it sends', async () => {
    const { handlers, listen } = pageChannel();
    await expect(listen({ type: 'setReportEndpoint', payload: { endpoint: 'https://evil.example/' } }, contentScript())).rejects.toThrow(MessageRefused);
    await expect(listen({ type: 'getTabFindings', payload: { tabId: 3 } }, contentScript({ frameId: 2 }))).rejects.toThrow(/extension pages only/);
    // A content script on a page whose URL merely contains the extension's base URL.
    await expect(
      listen({ type: 'getTabFindings', payload: { tabId: 3 } }, contentScript({ url: `https://evil.example/?${self.baseUrl}` })),
    ).rejects.toThrow(MessageRefused);
    // Another extension's page.
    await expect(listen({ type: 'getTabFindings', payload: { tabId: 3 } }, { ...popup, id: 'other' })).rejects.toThrow(MessageRefused);
    expect(handlers.setReportEndpoint).not.toHaveBeenCalled();
    expect(handlers.getTabFindings).not.toHaveBeenCalled();
  });
  it('serves the popup, also when it is open in a tab', async () => {
    const { handlers, listen } = pageChannel();
    await expect(listen({ type: 'setReportEndpoint', payload: { endpoint: null } }, popup)).resolves.toEqual({ ok: true });
    await expect(listen({ type: 'getTabFindings', payload: { tabId: 3 } }, popupInTab)).resolves.toBeNull();
    expect(handlers.getTabFindings).toHaveBeenCalledWith({ tabId: 3 }, { url: popup.url });
  });
  it('leaves messages of the other map to their listener', () => {
    const { listen } = pageChannel();
    expect(listen({ type: 'frameFindings', payload: scan() }, contentScript())).toBeUndefined();
    expect(listen({ type: 'toString', payload: {} }, popup)).toBeUndefined();
    expect(listen('frameFindings', popup)).toBeUndefined();
  });
});

describe('the content-script map', () => {
  it('refuses extension pages and senders without a tab or frame', async () => {
    const { handlers, listen } = contentChannel();
    await expect(listen({ type: 'frameFindings', payload: scan() }, popup)).rejects.toThrow(MessageRefused);
    await expect(listen({ type: 'frameFindings', payload: scan() }, popupInTab)).rejects.toThrow(MessageRefused);
    await expect(listen({ type: 'frameFindings', payload: scan() }, contentScript({ tab: undefined }))).rejects.toThrow(MessageRefused);
    await expect(listen({ type: 'frameFindings', payload: scan() }, contentScript({ id: 'other' }))).rejects.toThrow(MessageRefused);
    expect(handlers.frameFindings).not.toHaveBeenCalled();
  });
  it("gives handlers the browser's word on the frame, never the payload's", async () => {
    const { handlers, listen } = contentChannel();
    const sender = contentScript({ url: `https://listed.example/a#${'x'.repeat(1_900_000)}`, frameId: 4 });
    await listen({ type: 'frameFindings', payload: scan({ url: 'https://innocent.example/' }) }, sender);
    const [payload, narrowed] = handlers.frameFindings.mock.calls[0]!;
    expect(payload).not.toHaveProperty('url');
    expect(narrowed).toMatchObject({ tabId: 7, frameId: 4, frameUrl: 'https://listed.example/a', incognito: false, active: true });
  });
  it('names an about:blank frame by its origin', async () => {
    const { handlers, listen } = contentChannel();
    await listen({ type: 'frameFindings', payload: scan() }, contentScript({ url: 'about:blank', origin: 'https://host.example', frameId: 2 }));
    expect(handlers.frameFindings.mock.calls[0]![1]).toMatchObject({ frameUrl: 'https://host.example [about:blank frame]' });
  });
  it('refuses payloads of the wrong shape', async () => {
    const { handlers, listen } = contentChannel();
    const bad = [
      scan({ findings: [{ id: 'Not A Slug', count: 1, inText: 1, forms: [] }] }),
      scan({ findings: [{ id: 'x', count: -1, inText: 0, forms: [] }] }),
      scan({ findings: [{ id: 'x', count: Number.NaN, inText: 0, forms: [] }] }),
      scan({ findings: [{ id: 'x'.repeat(300), count: 1, inText: 0, forms: [] }] }),
      scan({ title: { toString: 'x' } }),
      scan({ stats: undefined }),
      scan({ findings: new Array(CONTENT_SCRIPT_LIMITS.hardArrayLength + 1).fill({ id: 'x', count: 1, inText: 1, forms: [] }) }),
      null,
    ];
    for (const payload of bad) await expect(listen({ type: 'frameFindings', payload }, contentScript())).rejects.toThrow(/invalid "frameFindings"/);
    await expect(listen({ type: 'showInFrame', payload: { frameId: -1, entryId: 'x', index: 0 } }, contentScript())).rejects.toThrow(MessageRefused);
    expect(handlers.frameFindings).not.toHaveBeenCalled();
    expect(handlers.showInFrame).not.toHaveBeenCalled();
  });
  it('cuts what is only too big', async () => {
    const { handlers, listen } = contentChannel();
    const many = Array.from({ length: 5000 }, (_, i) => ({ id: `org-${i}`, count: 10 ** 9, inText: 1, forms: Array(50).fill('名'.repeat(1000)) }));
    await listen({ type: 'frameFindings', payload: scan({ title: 't'.repeat(100_000), findings: many, titleIds: Array(500).fill('x') }) }, contentScript());
    const payload = handlers.frameFindings.mock.calls[0]![0] as ReturnType<typeof scan> & { findings: Array<{ count: number; forms: string[] }> };
    expect(payload.title.length).toBe(CONTENT_SCRIPT_LIMITS.titleChars);
    expect(payload.findings.length).toBe(CONTENT_SCRIPT_LIMITS.findingsPerFrame);
    expect(payload.findings[0]!.count).toBe(CONTENT_SCRIPT_LIMITS.count);
    expect(payload.findings[0]!.forms.length).toBe(CONTENT_SCRIPT_LIMITS.formsPerFinding);
    expect(payload.findings[0]!.forms[0]!.length).toBe(CONTENT_SCRIPT_LIMITS.formChars);
    expect(payload.titleIds.length).toBe(CONTENT_SCRIPT_LIMITS.titleIds);
    expect(JSON.stringify(payload).length).toBeLessThan(6_000_000);
  });
  it('refuses banner controls of the wrong shape or size (issue 11 item 6)', async () => {
    const { handlers, listen } = contentChannel();
    const bad = [
      { action: 'snooze', duration: 'week' },
      { action: 'snooze', duration: 'constructor' },
      { action: 'snooze', duration: Number.NaN },
      { action: 'dismiss', site: 'listed.example', entryIds: Array.from({ length: 5000 }, (_, i) => `org-${i}`) },
      { action: 'dismiss', site: 'listed.example', entryIds: [] },
      { action: 'dismiss', site: 'listed.example', entryIds: ['<img src=x>'] },
      { action: 'suppress', site: 'listed.example', entryId: 'y'.repeat(10_000), on: true },
      { action: 'suppress', site: 's'.repeat(10_000), entryId: 'y', on: true },
      { action: 'allowSite', site: 'listed.example', on: 'yes' },
      { action: 'delete-everything' },
    ];
    for (const control of bad) await expect(listen({ type: 'bannerControl', payload: { control } }, contentScript())).rejects.toThrow(/invalid "bannerControl"/);
    expect(handlers.bannerControl).not.toHaveBeenCalled();
    await listen({ type: 'bannerControl', payload: { control: { action: 'snooze', duration: 'hour' } } }, contentScript());
    expect(handlers.bannerControl).toHaveBeenCalledTimes(1);
  });
});
