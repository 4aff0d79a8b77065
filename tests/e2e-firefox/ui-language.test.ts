/**
 * The Firefox build in a Chinese firefox-esr (issue 17 item 3): with the zh-CN language pack
 * (Debian's firefox-esr-l10n-zh-cn) and intl.locale.requested in the profile, the add-on's pages
 * and its banner speak Chinese, the background's words (the banner's list titles) included.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, ROOT } from '../../scripts/lib/extension-browser.mjs';
import { BANNER_HOST, DIST_FIREFOX, launchFirefox, serializedText } from '../../scripts/lib/firefox-bidi.mjs';
import { TIMEOUT } from '../../scripts/lib/timeouts.mjs';

type Firefox = Awaited<ReturnType<typeof launchFirefox>>;
type Server = Awaited<ReturnType<typeof startServer>>;

const GECKO_ID = 'orgcheck@orgcheck.example';
const UUID = '5b0e7d1c-2f43-4a8e-9c61-7d2a0e4b9f13';

let firefox: Firefox | undefined;
let server: Server | undefined;

beforeAll(async () => {
  server = await startServer(join(ROOT, 'tests/fixtures/pages'));
  firefox = await launchFirefox({ allowSystemAccess: true, extensionUuids: { [GECKO_ID]: UUID }, locale: 'zh-CN' });
  await firefox.bidi.send('webExtension.install', { extensionData: { type: 'path', path: DIST_FIREFOX } });
}, TIMEOUT.hook); // a start and an install on a busy machine

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

describe('the Firefox build in a Chinese firefox-esr (zh-CN)', () => {
  it('warns in Chinese', async () => {
    const { bidi } = firefox!;
    const { contexts } = await bidi.send('browsingContext.getTree', { maxDepth: 0 });
    const context: string = contexts[0].context;
    await bidi.send('browsingContext.navigate', { context, url: `${server!.origin}/two-orgs.html`, wait: 'complete' });
    const readBanner = async () => {
      const { result } = await bidi.send('script.evaluate', {
        expression: BANNER_HOST,
        target: { context },
        awaitPromise: false,
        serializationOptions: { maxDomDepth: null, includeShadowTree: 'all' },
      });
      return result.type === 'node' ? serializedText(result, 'aria-label') : null;
    };
    let banner = await readBanner();
    for (const deadline = Date.now() + 30_000; !banner?.text && Date.now() < deadline; ) {
      await new Promise((r) => setTimeout(r, 200));
      banner = await readBanner();
    }
    expect(banner, firefox!.stderr()).not.toBeNull();
    expect(banner!.text).toContain('本页提到 2 个列入非法社会组织名单的组织');
    // The listings' words come from the background, in its language.
    expect(banner!.text).toContain('网站已被关停');
    expect(banner!.text).toContain('名单更新于');
    expect(banner!.values).toContain('关闭此提醒');
    expect(banner!.text).not.toMatch(/This page|Why listed|What to do/);
  });

  it('runs its pages in Chinese', async () => {
    const { bidi } = firefox!;
    const { contexts } = await bidi.send('browsingContext.getTree', { maxDepth: 0 });
    const context: string = contexts[0].context;
    await bidi.send('browsingContext.navigate', { context, url: `moz-extension://${UUID}/src/popup/index.html`, wait: 'complete' });
    const read = async () => {
      const answer = await bidi.send('script.evaluate', {
        expression: `[browser.i18n.getUILanguage(), document.body.innerText]`,
        target: { context },
        awaitPromise: true,
      });
      return (answer.result.value as Array<{ value: string }>).map((v) => v.value);
    };
    let [language, text] = await read();
    // The popup renders once its start-up (storage migration) is done.
    for (const deadline = Date.now() + 30_000; !text?.trim() && Date.now() < deadline; ) {
      await new Promise((r) => setTimeout(r, 200));
      [language, text] = await read();
    }
    expect(language).toBe('zh-CN');
    expect(text).toContain('查询组织名称');
    expect(text).not.toMatch(/Look up|Settings/);
  });
});
