/**
 * The Firefox build in a Chinese firefox-esr (issue 17 item 3): with the zh-CN language pack
 * (Debian's firefox-esr-l10n-zh-cn) and intl.locale.requested in the profile, the add-on's pages
 * and its banner speak Chinese, the background's words (the banner's list titles) included.
 */
import { describe, expect, it } from 'vitest';
import { serializedText } from '../../scripts/lib/firefox-bidi.mjs';
import { until, useFirefox } from './use-firefox';

const UUID = '5b0e7d1c-2f43-4a8e-9c61-7d2a0e4b9f13';

const run = useFirefox({ uuid: UUID, locale: 'zh-CN' });

describe('the Firefox build in a Chinese firefox-esr (zh-CN)', () => {
  it('warns in Chinese', async () => {
    await run.open('two-orgs.html');
    const readBanner = async () => {
      const node = await run.bannerNode();
      return node ? serializedText(node, 'aria-label') : null;
    };
    const banner = await until(readBanner, (b) => !!b?.text);
    expect(banner, run.firefox.stderr()).not.toBeNull();
    expect(banner!.text).toContain('本页提到 2 个列入非法社会组织名单的组织');
    // The listings' words come from the background, in its language.
    expect(banner!.text).toContain('网站已被关停');
    expect(banner!.text).toContain('名单更新于');
    expect(banner!.values).toContain('关闭此提醒');
    expect(banner!.text).not.toMatch(/This page|Why listed|What to do/);
  });

  it('runs its pages in Chinese', async () => {
    await run.firefox.bidi.send('browsingContext.navigate', { context: run.context, url: `moz-extension://${UUID}/src/popup/index.html`, wait: 'complete' });
    const read = async () => (await run.evaluate(`[browser.i18n.getUILanguage(), document.body.innerText]`)) as Array<{ value: string }>;
    // The popup renders once its start-up (storage migration) is done.
    const [language, text] = (await until(read, (v) => !!v[1]?.value.trim())).map((v) => v.value);
    expect(language).toBe('zh-CN');
    expect(text).toContain('查询组织名称');
    expect(text).not.toMatch(/Look up|Settings/);
  });
});
