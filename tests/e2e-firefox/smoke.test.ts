/**
 * Smoke test of the Firefox build (dist-firefox/) in Debian firefox-esr, through WebDriver BiDi:
 * installed as a temporary add-on, it warns on a page naming two listed organizations.
 * How the add-on gets its host permissions here: scripts/lib/firefox-bidi.mjs.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, ROOT } from '../../scripts/lib/extension-browser.mjs';
import { BANNER_HOST, DIST_FIREFOX, launchFirefox, serializedText } from '../../scripts/lib/firefox-bidi.mjs';
import { TIMEOUT } from '../../scripts/lib/timeouts.mjs';

type Firefox = Awaited<ReturnType<typeof launchFirefox>>;
type Server = Awaited<ReturnType<typeof startServer>>;

const GECKO_ID = 'orgcheck@orgcheck.example';
// Pinned so that the test can open the add-on's own pages (moz-extension://UUID/…).
const UUID = '3c1f2a4e-0b7d-4c1e-9a55-0f0e5c0d7a11';

let firefox: Firefox | undefined;
let server: Server | undefined;

beforeAll(async () => {
  server = await startServer(join(ROOT, 'tests/fixtures/pages'));
  firefox = await launchFirefox({ allowSystemAccess: true, extensionUuids: { [GECKO_ID]: UUID } });
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

describe('the Firefox build in firefox-esr', () => {
  it('installs as a temporary add-on and names both listed organizations in the banner', async () => {
    const { bidi } = firefox!;
    const installed = await bidi.send('webExtension.install', { extensionData: { type: 'path', path: DIST_FIREFOX } });
    expect(installed.extension).toBe(GECKO_ID);

    const { contexts } = await bidi.send('browsingContext.getTree', { maxDepth: 0 });
    const context: string = contexts[0].context;
    await bidi.send('browsingContext.navigate', { context, url: `${server!.origin}/two-orgs.html`, wait: 'complete' });

    const readBanner = async () => {
      const { result } = await bidi.send('script.evaluate', {
        expression: BANNER_HOST,
        target: { context },
        awaitPromise: false,
        // "all" serializes closed shadow roots too, which page scripts cannot reach.
        serializationOptions: { maxDomDepth: null, includeShadowTree: 'all' },
      });
      return result.type === 'node' ? serializedText(result, 'data-entry-id') : null;
    };
    let banner = await readBanner();
    for (const deadline = Date.now() + TIMEOUT.wait; !(banner?.values.length === 2) && Date.now() < deadline; ) {
      await new Promise((r) => setTimeout(r, 200));
      banner = await readBanner();
    }
    expect(banner, firefox!.stderr()).not.toBeNull();
    expect(banner!.mode).toBe('closed');
    expect(banner!.values.sort()).toEqual(['china-positive-discipline-association', 'china-robot-education-alliance']);
    expect(banner!.text).toContain('中国机器人教育联盟');
    expect(banner!.text).toContain('中国正面管教协会');

    // The page itself cannot reach into the closed root.
    const { result: pageView } = await bidi.send('script.evaluate', {
      expression: `${BANNER_HOST}?.shadowRoot ?? null`,
      target: { context },
      awaitPromise: false,
    });
    expect(pageView.type).toBe('null');
  });

  it('asks for access to websites in the popup once the user has revoked it', async () => {
    const { bidi } = firefox!;
    const { contexts } = await bidi.send('browsingContext.getTree', { maxDepth: 0 });
    const context: string = contexts[0].context;
    await bidi.send('browsingContext.navigate', { context, url: `moz-extension://${UUID}/src/popup/index.html`, wait: 'complete' });
    const evaluate = async (expression: string) => {
      const answer = await bidi.send('script.evaluate', { expression, target: { context }, awaitPromise: true });
      if (answer.type !== 'success') throw new Error(JSON.stringify(answer.exceptionDetails));
      return answer.result.type === 'null' ? null : (answer.result.value as unknown);
    };
    const notice = `document.querySelector('[data-testid=host-access]')?.textContent ?? null`;
    const origins = `{ origins: ['http://*/*', 'https://*/*'] }`;
    // Granted on install (see scripts/lib/firefox-bidi.mjs): no notice.
    expect(await evaluate(`browser.permissions.contains(${origins})`)).toBe(true);
    await new Promise((r) => setTimeout(r, 300)); // the popup's permission check is asynchronous
    expect(await evaluate(notice)).toBeNull();
    // What the user does in about:addons or the extensions panel.
    expect(await evaluate(`browser.permissions.remove(${origins})`)).toBe(true);
    let text = await evaluate(notice);
    for (const deadline = Date.now() + TIMEOUT.wait; text === null && Date.now() < deadline; ) {
      await new Promise((r) => setTimeout(r, 100));
      text = await evaluate(notice);
    }
    expect(text).toContain('OrgCheck cannot read web pages');
    expect(await evaluate(`document.querySelector('[data-testid=host-access] button')?.textContent`)).toBe(
      'Allow access to websites',
    );
  });
});
