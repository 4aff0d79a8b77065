/**
 * Smoke test of the Firefox build (dist-firefox/) in Debian firefox-esr, through WebDriver BiDi:
 * installed as a temporary add-on, it warns on a page naming two listed organizations.
 * How the add-on gets its host permissions here: scripts/lib/firefox-bidi.mjs.
 */
import { describe, expect, it } from 'vitest';
import { BANNER_HOST, serializedText } from '../../scripts/lib/firefox-bidi.mjs';
import { GECKO_ID, until, useFirefox } from './use-firefox';

// Pinned so that the test can open the add-on's own pages (moz-extension://UUID/…).
const UUID = '3c1f2a4e-0b7d-4c1e-9a55-0f0e5c0d7a11';

const run = useFirefox({ uuid: UUID });

describe('the Firefox build in firefox-esr', () => {
  it('installs as a temporary add-on and names both listed organizations in the banner', async () => {
    expect(run.installedId).toBe(GECKO_ID);
    await run.open('two-orgs.html');
    const readBanner = async () => {
      const node = await run.bannerNode();
      return node ? serializedText(node, 'data-entry-id') : null;
    };
    const banner = await until(readBanner, (b) => b?.values.length === 2);
    expect(banner, run.firefox.stderr()).not.toBeNull();
    expect(banner!.mode).toBe('closed');
    expect(banner!.values.sort()).toEqual(['china-positive-discipline-association', 'china-robot-education-alliance']);
    expect(banner!.text).toContain('中国机器人教育联盟');
    expect(banner!.text).toContain('中国正面管教协会');

    // The page itself cannot reach into the closed root.
    expect(await run.evaluate(`${BANNER_HOST}?.shadowRoot ?? null`)).toBeNull();
  });

  it('asks for access to websites in the popup once the user has revoked it', async () => {
    await run.firefox.bidi.send('browsingContext.navigate', { context: run.context, url: `moz-extension://${UUID}/src/popup/index.html`, wait: 'complete' });
    const notice = `document.querySelector('[data-testid=host-access]')?.textContent ?? null`;
    const origins = `{ origins: ['http://*/*', 'https://*/*'] }`;
    // Granted on install (see scripts/lib/firefox-bidi.mjs): no notice.
    expect(await run.evaluate(`browser.permissions.contains(${origins})`)).toBe(true);
    await new Promise((r) => setTimeout(r, 300)); // the popup's permission check is asynchronous
    expect(await run.evaluate(notice)).toBeNull();
    // What the user does in about:addons or the extensions panel.
    expect(await run.evaluate(`browser.permissions.remove(${origins})`)).toBe(true);
    const text = await until(() => run.evaluate(notice), (t) => t !== null);
    expect(text).toContain('OrgCheck cannot read web pages');
    expect(await run.evaluate(`document.querySelector('[data-testid=host-access] button')?.textContent`)).toBe(
      'Allow access to websites',
    );
  });
});
