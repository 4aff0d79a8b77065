/**
 * Content script, in every frame of every http(s) page: scans the page's text for listed names,
 * keeps scanning as the page changes, and reports the frame's findings to the background. The
 * top frame also shows the tab's banner.
 */
import type { CompiledList } from '../core/compiled-list';
import type { FrameReport } from '../shared/findings';
import { handleMessages, sendToBackground, type ContentMessages } from '../shared/messages';
import { localStore, onCompiledListChanged } from '../shared/storage';
import { BannerHost } from './banner/mount';
import { MutationBatcher } from './mutation-batcher';
import { PageScanner } from './page-scanner';

const isTopFrame = window === window.top;
const banner = isTopFrame ? new BannerHost() : undefined;

let scanner: PageScanner | undefined;
let compiledKey = '';
let lastReport = '';
/** One scan at a time; requests made meanwhile merge into the next pass. */
let running: Promise<void> = Promise.resolve();
let queued: Node[] | 'all' | undefined;

const batcher = new MutationBatcher((roots) => requestScan(roots));

function requestScan(roots: Node[] | 'all'): void {
  if (queued === 'all' || roots === 'all') queued = 'all';
  else queued = [...(queued ?? []), ...roots];
  running = running.then(async () => {
    const next = queued;
    queued = undefined;
    if (!next || !scanner) return;
    await scanner.rescan(document, next);
    observeShadowRoots();
    await report();
  }).catch((error: unknown) => console.error('OrgCheck: scan failed', error));
}

async function report(force = false): Promise<void> {
  if (!scanner) return;
  const payload: FrameReport = {
    url: location.href,
    title: isTopFrame ? document.title : '',
    listKey: compiledKey,
    findings: scanner.findings(),
  };
  const signature = JSON.stringify(payload);
  if (!force && signature === lastReport) return;
  lastReport = signature;
  await sendToBackground('frameFindings', payload);
}

/** Open shadow roots are observed too: their changes don't reach the document's observer. */
function observeShadowRoots(): void {
  const stack: Array<Document | ShadowRoot> = [document];
  while (stack.length) {
    const root = stack.pop()!;
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) {
        batcher.observe(el.shadowRoot);
        stack.push(el.shadowRoot);
      }
    }
  }
}

async function loadList(): Promise<CompiledList> {
  const stored = await localStore.get('compiled');
  return stored ?? (await sendToBackground('getCompiledList', {}));
}

function useList(compiled: CompiledList): void {
  compiledKey = compiled.listKey;
  if (scanner) scanner.setList(compiled);
  else scanner = new PageScanner(compiled, isTopFrame);
}

async function refreshBanner(): Promise<void> {
  if (!banner) return;
  const model = await sendToBackground('getTabFindings', {});
  if (model) banner.show(model);
}

async function start(): Promise<void> {
  useList(await loadList());
  batcher.observe(document);
  // The title is outside <body>: watch it for single-page apps that retitle.
  const titleObserver = new MutationObserver(() => requestScan([]));
  if (document.head) titleObserver.observe(document.head, { childList: true, subtree: true, characterData: true });
  requestScan('all');
  await running;
  await refreshBanner();
}

handleMessages<ContentMessages>({
  tabFindingsChanged: (model) => {
    banner?.show(model);
    return null;
  },
  rescan: () => {
    requestScan('all');
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
  void sendToBackground('frameGone', {}).catch(() => undefined);
});
// Back from the back/forward cache: report again.
addEventListener('pageshow', (event) => {
  if (event.persisted) requestScan('all');
});

void start().catch((error: unknown) => console.error('OrgCheck: could not start', error));
