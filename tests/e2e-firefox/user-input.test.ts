/**
 * The Firefox side of tests/e2e/user-input.test.ts (issue 18 item 1): a page that makes the
 * browser fire trusted input events with no person involved (execCommand) must not make OrgCheck
 * read less. The same attack page: it names one organization, attacks 2.5 s after load, then
 * adds a second name; the banner must list both. What a person types (key events) is tested in
 * Chromium only: WebDriver BiDi's key actions in firefox-esr don't compose Chinese text.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, ROOT } from '../../scripts/lib/extension-browser.mjs';
import { BANNER_HOST, DIST_FIREFOX, launchFirefox, serializedText } from '../../scripts/lib/firefox-bidi.mjs';

type Firefox = Awaited<ReturnType<typeof launchFirefox>>;
type Server = Awaited<ReturnType<typeof startServer>>;

const ROBOT = 'china-robot-education-alliance';
const DISCIPLINE = 'china-positive-discipline-association';

let firefox: Firefox | undefined;
let server: Server | undefined;
let context = '';

beforeAll(async () => {
  server = await startServer(join(ROOT, 'tests/fixtures/pages'));
  firefox = await launchFirefox({ allowSystemAccess: true });
  const { bidi } = firefox;
  await bidi.send('webExtension.install', { extensionData: { type: 'path', path: DIST_FIREFOX } });
  const { contexts } = await bidi.send('browsingContext.getTree', { maxDepth: 0 });
  context = contexts[0].context;
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

/** Evaluates `expression` in the page and returns its value (JSON-serializable). */
async function inPage(expression: string): Promise<unknown> {
  const { result } = await firefox!.bidi.send('script.evaluate', { expression: `JSON.stringify(${expression})`, target: { context }, awaitPromise: false });
  return result.type === 'string' ? JSON.parse(result.value) : undefined;
}

/** The entry ids the banner lists, once it lists `count` (or after 15 s). */
async function bannerIds(count: number): Promise<string[]> {
  const read = async () => {
    const { result } = await firefox!.bidi.send('script.evaluate', {
      expression: BANNER_HOST,
      target: { context },
      awaitPromise: false,
      serializationOptions: { maxDomDepth: null, includeShadowTree: 'all' },
    });
    return result.type === 'node' ? (serializedText(result, 'data-entry-id').values as string[]) : [];
  };
  let ids = await read();
  for (const deadline = Date.now() + 15_000; ids.length < count && Date.now() < deadline; ) {
    await new Promise((r) => setTimeout(r, 200));
    ids = await read();
  }
  return [...ids].sort();
}

describe('a page that fakes "the user typed here", in firefox-esr', () => {
  const attacks: Array<[string, string]> = [
    ['designMode on, execCommand insertText, undo: the name still counts', 'design-mode'],
    ['a wrapper made contentEditable for a moment: the name still counts', 'wrapper'],
    ['execCommand into a hidden <input> in a closed shadow root: the component\'s content still counts', 'shadow-input'],
  ];
  for (const [what, attack] of attacks) {
    it(what, async () => {
      await firefox!.bidi.send('browsingContext.navigate', { context, url: `${server!.origin}/typed-by-page.html?attack=${attack}`, wait: 'complete' });
      for (const deadline = Date.now() + 15_000; (await inPage('window.attackDone')) !== true && Date.now() < deadline; ) {
        await new Promise((r) => setTimeout(r, 200));
      }
      // The browser did fire a trusted input event: the attack is real.
      expect(await inPage('window.inputEvents')).toContain('input:true');
      expect(await bannerIds(2), firefox!.stderr()).toEqual([DISCIPLINE, ROBOT].sort());
    });
  }
});
