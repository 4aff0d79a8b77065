/**
 * One set-up for the Firefox end-to-end tests (the Chromium side has tests/e2e/use-extension.ts):
 * the fixture pages served from 127.0.0.1, firefox-esr driven through WebDriver BiDi with the
 * Firefox build (dist-firefox/) installed as a temporary add-on, and the first tab's browsing
 * context. `uuid` pins the add-on's pages at moz-extension://<uuid>/; `locale` runs Firefox in
 * that language (its language pack installed).
 */
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { ROOT, startServer } from '../../scripts/lib/extension-browser.mjs';
import { BANNER_HOST, DIST_FIREFOX, launchFirefox } from '../../scripts/lib/firefox-bidi.mjs';
import { TIMEOUT } from '../../scripts/lib/timeouts.mjs';

export const GECKO_ID = 'orgcheck@orgcheck.example';

type Firefox = Awaited<ReturnType<typeof launchFirefox>>;
type Server = Awaited<ReturnType<typeof startServer>>;

export interface FirefoxRun {
  readonly firefox: Firefox;
  readonly server: Server;
  /** The first tab's browsing context. */
  readonly context: string;
  /** The id the add-on was installed under. */
  readonly installedId: string;
  /** Evaluates `expression` (awaiting a promise) in `context` and returns its JSON value, or null. */
  evaluate(expression: string, context?: string): Promise<unknown>;
  /** The banner's host serialized with its shadow trees (closed ones too, which page scripts can't reach), or null. */
  bannerNode(context?: string): Promise<any | null>;
  /** Opens a fixture page in `context` and waits for its load. */
  open(path: string, context?: string): Promise<void>;
}

export function useFirefox(options: { uuid?: string; locale?: string } = {}): FirefoxRun {
  let firefox: Firefox | undefined;
  let server: Server | undefined;
  let context = '';
  let installedId = '';
  beforeAll(async () => {
    server = await startServer(join(ROOT, 'tests/fixtures/pages'));
    firefox = await launchFirefox({
      allowSystemAccess: true,
      ...(options.uuid ? { extensionUuids: { [GECKO_ID]: options.uuid } } : {}),
      ...(options.locale ? { locale: options.locale } : {}),
    });
    const installed = await firefox.bidi.send('webExtension.install', { extensionData: { type: 'path', path: DIST_FIREFOX } });
    installedId = installed.extension;
    const { contexts } = await firefox.bidi.send('browsingContext.getTree', { maxDepth: 0 });
    context = contexts[0].context;
  }, TIMEOUT.hook);
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });
  const run: FirefoxRun = {
    get firefox() {
      return firefox!;
    },
    get server() {
      return server!;
    },
    get context() {
      return context;
    },
    get installedId() {
      return installedId;
    },
    async evaluate(expression, target = context) {
      const answer = await firefox!.bidi.send('script.evaluate', { expression, target: { context: target }, awaitPromise: true });
      if (answer.type !== 'success') throw new Error(JSON.stringify(answer.exceptionDetails));
      return answer.result.type === 'null' || answer.result.type === 'undefined' ? null : (answer.result.value as unknown);
    },
    async bannerNode(target = context) {
      const { result } = await firefox!.bidi.send('script.evaluate', {
        expression: BANNER_HOST,
        target: { context: target },
        awaitPromise: false,
        serializationOptions: { maxDomDepth: null, includeShadowTree: 'all' },
      });
      return result.type === 'node' ? result : null;
    },
    async open(path, target = context) {
      await firefox!.bidi.send('browsingContext.navigate', { context: target, url: `${server!.origin}/${path}`, wait: 'complete' });
    },
  };
  return run;
}

/** Reads until `ok` holds or TIMEOUT.wait passes; returns the last value read. */
export async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs: number = TIMEOUT.wait): Promise<T> {
  let last = await read();
  for (const deadline = Date.now() + timeoutMs; !ok(last) && Date.now() < deadline; ) {
    await new Promise((r) => setTimeout(r, 200));
    last = await read();
  }
  return last;
}
