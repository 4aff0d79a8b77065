/**
 * Content script, in every frame of every http(s) page: scans the page's text for listed names,
 * keeps scanning as the page changes, and reports the frame's findings to the background. The
 * top frame also shows the tab's banner.
 *
 * Its parts:
 *   scan-loop.ts        the frame's scan loop: one scan at a time, then the findings out
 *   page-scanner.ts     what was found in each block of text, rescanning only what changed
 *   text-blocks.ts      the walk that reads the page's text into blocks (what it skips and why)
 *   mutation-batcher.ts page changes, batched into roots to rescan
 *   user-input.ts       what the user typed (fields, blocks of editable regions): set aside, never read
 *   highlighter.ts      scrolls to and marks one occurrence
 *   rendered-text.ts    whether filler inside a candidate name renders nothing (style, size)
 *   test-counters.ts    test builds only: counts style reads and observers
 *   banner/             the top frame's banner (set up the first time there is one to show)
 *
 * What runs when:
 *   - At document_end (below); a prerendered page (speculation rules) waits until it is shown.
 *   - start(): the switch and the list, read at once; the scanner set up; the document and its
 *     title observed; one full scan; then the tab's banner (top frame).
 *   - Switched off (options page): requests are dropped, nothing is read; switched on, a full scan.
 *   - Subframes: scan and report like the top frame, without the title and never a banner; the
 *     top frame's banner asks them to show an occurrence through the background (showInFrame).
 *   - The page changes: the batcher's roots are rescanned; the user types in a field or a block
 *     of an editable region: it is set aside at once (a name the page had there keeps counting).
 *   - A new list (feed update): scanned again with it.
 *   - pagehide (left, or into the back/forward cache): the background forgets the frame; back
 *     from the back/forward cache (pageshow, persisted): a full scan, reported again.
 *
 * It runs at document_end (manifest.json): the text is all there at DOMContentLoaded, and
 * Chrome's document_idle often waited until after the load event. Measured on yahoo-2 with one
 * listed name (bench/browser.bench.ts, 11 runs each): load → badge median 50 ms, 1 run over
 * 100 ms at document_idle; 13 ms, none over 80 ms at document_end. Later content is the
 * mutation observer's, as on any page that changes.
 */
// First: in a test build, counts style reads and observers from the start (test-counters.ts).
import './test-counters';
import type { CompiledList } from '../core/compiled-list';
import { MATCHER_FORMAT } from '../core/matcher';
import type { TabFindings } from '../shared/findings';
import { handleBackgroundMessages, sendFromContentScript } from '../shared/messages';
import { onCompiledListChanged } from '../shared/storage/list';
import { onEnabledChanged } from '../shared/storage/warning-controls';
import { localStore } from '../shared/storage/wrapper';
import type { BannerHost } from './banner/mount';
import { MutationBatcher } from './mutation-batcher';
import { clearHighlight, showRange } from './highlighter';
import { rangeOf } from './page-scanner';
import { ScanLoop } from './scan-loop';
import { watchUserInput } from './user-input';
import { focusedChildIndex, framePath, userActivated, visibleSelection } from './report-selection';

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
  const hits = scan.located().filter((h) => h.entryId === entryId);
  const hit = hits[index % Math.max(1, hits.length)];
  const range = hit && rangeOf(hit);
  if (!range) return false;
  showRange(range);
  return true;
}

const batcher = new MutationBatcher((roots) => scan.request(roots));
const scan = new ScanLoop(isTopFrame, (root) => batcher.observe(root));
// What the user typed is set aside as they type (user-input.ts): rescanned now, so that only a
// name the page had there before counts.
watchUserInput((nodes) => scan.request(nodes));

async function loadList(): Promise<CompiledList> {
  const stored = await localStore.get('compiled');
  // Just after an update, storage may still hold a matcher the previous version built, in a
  // format this code can't read; the background compiles one it can.
  if (stored?.matcher?.format === MATCHER_FORMAT) return stored;
  return await sendFromContentScript('getCompiledList', {});
}

async function refreshBanner(): Promise<void> {
  if (!isTopFrame) return;
  const model = await sendFromContentScript('getOwnTabFindings', {});
  if (model) showBanner(model);
}

/** A prerendered page (speculation rules) is not on screen: it is read once the user opens it. */
function shown(): Promise<void> {
  if (!(document as Document & { prerendering?: boolean }).prerendering) return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('prerenderingchange', () => resolve(), { once: true }));
}

async function start(): Promise<void> {
  await shown();
  onEnabledChanged((on) => {
    scan.setEnabled(on);
    // Turned on: read the page now. Turned off: the background stops counting at once.
    if (on) scan.request('all');
  });
  // Both reads at once: each is a round trip to the browser process.
  const [on, compiled] = await Promise.all([localStore.get('enabled'), loadList()]);
  scan.setEnabled(on);
  scan.useList(compiled);
  batcher.observe(document);
  // The title is outside <body>: watch it for single-page apps that retitle.
  const titleObserver = new MutationObserver(() => scan.request([]));
  if (document.head) titleObserver.observe(document.head, { childList: true, subtree: true, characterData: true });
  scan.request('all');
  await scan.idle();
  await refreshBanner();
}

handleBackgroundMessages({
  tabFindingsChanged: (model) => {
    showBanner(model);
    return null;
  },
  rescan: () => {
    scan.request('all');
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
    await scan.idle(); // a scan under way finishes first, so the report matches what the badge says
    return {
      url: location.href,
      title: document.title,
      selection: visibleSelection(2000),
      framePath: framePath(),
      focusedChild: focusedChildIndex(),
      userActivated: userActivated(),
      matches: scan.hits().map(({ entryId, form, before, after }) => ({ entryId, form, before, after })),
    };
  },
});

onCompiledListChanged((compiled) => {
  if (!compiled || compiled.listKey === scan.listKey) return;
  scan.useList(compiled);
  scan.request('all');
});

// Leaving the page (or a removed iframe): the tab no longer shows what this frame found.
addEventListener('pagehide', () => {
  scan.forgetReport();
  void sendFromContentScript('frameGone', {}).catch(() => undefined);
});
// Back from the back/forward cache: report again.
addEventListener('pageshow', (event) => {
  if (event.persisted) scan.request('all');
});

if (__ORGCHECK_TEST_HOOKS__) {
  // Test builds only (npm run build:test): the e2e tests read the scanner's slices in this
  // frame's content-script world (tests/e2e/main-thread.test.ts). A release build drops this.
  (globalThis as Record<string, unknown>).orgcheckHooks = { scanSlices: () => scan.sliceStats() };
}

void start().catch((error: unknown) => console.error('OrgCheck: could not start', error));
