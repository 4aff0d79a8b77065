/**
 * Content script, in every frame of every http(s) page: scans the page's text for listed names,
 * keeps scanning as the page changes, and reports the frame's findings to the background. The
 * top frame also shows the tab's banner.
 *
 * It runs at document_end (manifest.json): the text is all there at DOMContentLoaded, and
 * Chrome's document_idle often waited until after the load event. Measured on yahoo-2 with one
 * listed name (bench/browser.bench.ts, 11 runs each): load → badge median 50 ms, 1 run over
 * 100 ms at document_idle; 13 ms, none over 80 ms at document_end. Later content is the
 * mutation observer's, as on any page that changes.
 */
import type { CompiledList } from '../core/compiled-list';
import { MATCHER_FORMAT } from '../core/matcher';
import type { FrameScan, TabFindings } from '../shared/findings';
import { handleBackgroundMessages, sendFromContentScript } from '../shared/messages';
import { onCompiledListChanged } from '../shared/storage/list';
import { onEnabledChanged } from '../shared/storage/warning-controls';
import { localStore } from '../shared/storage/wrapper';
import type { BannerHost } from './banner/mount';
import { MutationBatcher } from './mutation-batcher';
import { clearHighlight, showRange } from './highlighter';
import { PageScanner, rangeOf } from './page-scanner';
import { watchUserInput } from './user-input';

const isTopFrame = window === window.top;

/**
 * The banner (Preact and its styles) is set up the first time the top frame has something to
 * show: most pages name no listed organization, and every frame of every page pays for what
 * the content script runs up front. (The content script is one classic script, see
 * scripts/classic-content-scripts.ts, so this import is inlined; the banner's module is still
 * set up only when this calls it.)
 */
let banner: Promise<BannerHost> | undefined;

function showBanner(model: TabFindings): void {
  if (!isTopFrame) return;
  // Never shown on this page: there is nothing to take down either.
  if (!banner && model.banner !== 'shown') return;
  banner ??= import('./banner/mount').then(
    ({ BannerHost }) =>
      new BannerHost({
        // Choices are confirmed on the extension's own page (background/confirmations.ts).
        control: (control) => sendFromContentScript('requestChoice', { control }),
        hidden: (by) => void sendFromContentScript('bannerHidden', { by }),
        closed: (shown, lasting) => {
          clearHighlight();
          // Closed for the session only when the banner was visible before the press (banner/mount.ts).
          if (lasting && shown.site) {
            const entryIds = shown.findings.map((f) => f.entry.id);
            void sendFromContentScript('bannerControl', { control: { action: 'dismiss', site: shown.site, entryIds } });
          }
        },
        show: (finding, index) => {
          // Occurrence `index` of the tab is in the frame whose counts reach past it.
          let rest = index;
          for (const { frameId, count } of finding.frames) {
            if (rest < count) {
              if (frameId === 0) showOccurrence(finding.entry.id, rest);
              else void sendFromContentScript('showInFrame', { frameId, entryId: finding.entry.id, index: rest });
              return;
            }
            rest -= count;
          }
        },
        report: () => void sendFromContentScript('bannerReport', {}),
        help: () => void sendFromContentScript('openHelp', {}),
      }),
  );
  // Models are applied in the order they came: each waits on the same promise.
  banner.then((host) => host.show(model)).catch((error: unknown) => console.error('OrgCheck: banner failed', error));
}

/** Scrolls to and highlights this frame's occurrence `index` of an organization. */
function showOccurrence(entryId: string, index: number): boolean {
  const hits = scanner?.located().filter((h) => h.entryId === entryId) ?? [];
  const hit = hits[index % Math.max(1, hits.length)];
  const range = hit && rangeOf(hit);
  if (!range) return false;
  showRange(range);
  return true;
}

let scanner: PageScanner | undefined;
let compiledKey = '';
let lastReport = '';
/** One scan at a time; requests made meanwhile merge into the next pass. */
let running: Promise<void> = Promise.resolve();
let queued: Node[] | 'all' | undefined;

const batcher = new MutationBatcher((roots) => requestScan(roots));
// From the first keystroke in an editing host or field, its content is the user's: what was
// found in it is dropped now, and nothing in it is read again (user-input.ts).
watchUserInput((host) => requestScan([host]));

/** The global switch (options page): off, nothing is read. */
let enabled = false;

function requestScan(roots: Node[] | 'all'): void {
  if (!enabled) return;
  if (queued === 'all' || roots === 'all') queued = 'all';
  else queued = [...(queued ?? []), ...roots];
  running = running.then(async () => {
    const next = queued;
    queued = undefined;
    if (!next || !scanner) return;
    await scanner.rescan(document, next);
    await report();
  }).catch((error: unknown) => console.error('OrgCheck: scan failed', error));
}

/** Sends the frame's findings to the background, unless they are what it sent last. */
async function report(): Promise<void> {
  if (!scanner) return;
  // No URL: the background takes the frame's from the browser (core/frame-url.ts).
  const payload: FrameScan = {
    title: isTopFrame ? document.title : '',
    listKey: compiledKey,
    findings: scanner.findings(),
    titleIds: isTopFrame ? scanner.titleIds() : [],
    stats: { longestTaskMs: 0, setupMs },
  };
  // The URL is in the signature all the same: after pushState the background should hear of it.
  const signature = JSON.stringify({ ...payload, stats: undefined, href: location.href });
  // This stretch began where the scan last resumed; it ends here, before the message goes out.
  scanner.longestTaskMs = Math.max(scanner.longestTaskMs, performance.now() - scanner.sliceStart);
  payload.stats.longestTaskMs = Math.round(Math.max(scanner.longestTaskMs, setupMs) * 10) / 10;
  if (signature === lastReport) return;
  lastReport = signature;
  await sendFromContentScript('frameFindings', payload);
}

async function loadList(): Promise<CompiledList> {
  const stored = await localStore.get('compiled');
  // Just after an update, storage may still hold a matcher the previous version built, in a
  // format this code can't read; the background compiles one it can.
  if (stored?.matcher?.format === MATCHER_FORMAT) return stored;
  return await sendFromContentScript('getCompiledList', {});
}

function useList(compiled: CompiledList): void {
  compiledKey = compiled.listKey;
  if (scanner) scanner.setList(compiled);
  else scanner = new PageScanner(compiled, isTopFrame, (root) => batcher.observe(root));
}

async function refreshBanner(): Promise<void> {
  if (!isTopFrame) return;
  const model = await sendFromContentScript('getOwnTabFindings', {});
  if (model) showBanner(model);
}

/** Time to decode the compiled list and set up the scanner (one synchronous stretch). */
let setupMs = 0;

/** A prerendered page (speculation rules) is not on screen: it is read once the user opens it. */
function shown(): Promise<void> {
  if (!(document as Document & { prerendering?: boolean }).prerendering) return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('prerenderingchange', () => resolve(), { once: true }));
}

async function start(): Promise<void> {
  await shown();
  onEnabledChanged((on) => {
    enabled = on;
    // Turned on: read the page now. Turned off: the background stops counting at once.
    if (on) requestScan('all');
  });
  // Both reads at once: each is a round trip to the browser process.
  const [on, compiled] = await Promise.all([localStore.get('enabled'), loadList()]);
  enabled = on;
  const setupStart = performance.now();
  useList(compiled);
  setupMs = Math.round((performance.now() - setupStart) * 10) / 10;
  batcher.observe(document);
  // The title is outside <body>: watch it for single-page apps that retitle.
  const titleObserver = new MutationObserver(() => requestScan([]));
  if (document.head) titleObserver.observe(document.head, { childList: true, subtree: true, characterData: true });
  requestScan('all');
  await running;
  await refreshBanner();
}

handleBackgroundMessages({
  tabFindingsChanged: (model) => {
    showBanner(model);
    return null;
  },
  rescan: () => {
    requestScan('all');
    return null;
  },
  showOccurrence: ({ entryId, index }) => showOccurrence(entryId, index),
  clearHighlight: () => {
    clearHighlight();
    return null;
  },
  // The keyboard shortcut (background/commands.ts); a page with no banner has nothing to focus.
  focusBanner: async () => (isTopFrame && banner ? (await banner).focus() : false),
  choiceSettled: (model) => {
    void banner?.then((host) => host.choiceSettled(model));
    return null;
  },
  collectReportContext: async () => {
    await running; // a scan under way finishes first, so the report matches what the badge says
    return {
      url: location.href,
      title: document.title,
      selection: String(getSelection() ?? '').slice(0, 2000),
      matches: (scanner?.hits() ?? []).map(({ entryId, form, before, after }) => ({ entryId, form, before, after })),
    };
  },
});

onCompiledListChanged((compiled) => {
  if (!compiled || compiled.listKey === compiledKey) return;
  useList(compiled);
  requestScan('all');
});

// Leaving the page (or a removed iframe): the tab no longer shows what this frame found.
addEventListener('pagehide', () => {
  lastReport = '';
  void sendFromContentScript('frameGone', {}).catch(() => undefined);
});
// Back from the back/forward cache: report again.
addEventListener('pageshow', (event) => {
  if (event.persisted) requestScan('all');
});

void start().catch((error: unknown) => console.error('OrgCheck: could not start', error));
