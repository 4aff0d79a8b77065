/**
 * The browser's UI language reaches the service worker as it reaches the pages (issue 17 item 3).
 * Debian's chromium ignores --lang on Linux: the worker's chrome.i18n follows the environment
 * (LANGUAGE), so a launch that only passed --lang ran the worker in English (the list titles and
 * the context menu it writes) beside Chinese pages. Every launch sets both (uiLanguageOptions).
 * Needs chromium-l10n (Chromium's Chinese UI files).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentWorker, launchExtension } from './harness';
import { useExtension, type ExtensionRun } from './use-extension';

/** What the worker and an extension page each say their UI language is, and one message in it. */
async function languages(run: ExtensionRun): Promise<{ worker: string[]; page: string[] }> {
  const read = () => [chrome.i18n.getUILanguage(), chrome.i18n.getMessage('closeBanner')];
  const worker = await currentWorker(run.ext).evaluate(read);
  const page: Page = await run.ext.context.newPage();
  try {
    await page.goto(`chrome-extension://${run.ext.extensionId}/src/popup/index.html`);
    return { worker, page: await page.evaluate(read) };
  } finally {
    await page.close();
  }
}

describe('a Chinese browser (zh-CN)', () => {
  const run = useExtension({ launch: (o) => launchExtension({ ...o, locale: 'zh-CN' }) });

  it('runs the service worker and the pages in Chinese alike', async () => {
    const { worker, page } = await languages(run);
    expect(worker).toEqual(['zh-CN', '关闭此提醒']);
    expect(page).toEqual(worker);
  });
});

describe('a launch that names no language', () => {
  // A shell in another language must not leak into the tests: the launch says en-US whatever it finds.
  const shell = process.env.LANGUAGE;
  beforeAll(() => {
    process.env.LANGUAGE = 'zh_CN';
  });
  const run = useExtension(); // its beforeAll launches after the one above
  afterAll(() => {
    if (shell === undefined) delete process.env.LANGUAGE;
    else process.env.LANGUAGE = shell;
  });

  it('runs the service worker and the pages in English, whatever the shell says', async () => {
    const { worker, page } = await languages(run);
    expect(worker).toEqual(['en-US', 'Close this warning']);
    expect(page).toEqual(worker);
  });
});
