/** The options page's Warnings section: the global switch, the snooze, allowlist and suppressions. */
import { describe, expect, it } from 'vitest';
import { badgeText, currentWorker, openPopupFor, readBanner, tabIdOf, waitFor } from './harness';
import { PAGES, ROBOT } from './fixtures';
import { useExtension } from './use-extension';

const run = useExtension();

const optionsUrl = () => `chrome-extension://${run.ext.extensionId}/src/options/index.html`;

describe('options: warnings', () => {
  it('the global switch stops reading pages and counting, and starts again', async () => {
    const page = await run.ext.context.newPage();
    await page.goto(run.url(PAGES.twoOrgs));
    await waitFor(() => badgeText(run.ext, page), '2');
    const options = await run.ext.context.newPage();
    await options.goto(optionsUrl());
    const toggle = options.getByTestId('enabled');
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await toggle.uncheck();
    await waitFor(() => badgeText(run.ext, page), '');
    await waitFor(() => readBanner(page), null);
    // A page opened while off is not read at all.
    const later = await run.ext.context.newPage();
    await later.goto(run.url(PAGES.traditional));
    await later.waitForTimeout(1000);
    expect(await badgeText(run.ext, later)).toBe('');
    await toggle.check();
    await waitFor(() => badgeText(run.ext, page), '2');
    await waitFor(() => badgeText(run.ext, later), '1');
    for (const p of [page, later, options]) await p.close();
  });

  it('lists the allowlist, suppressions and snooze, and each can be removed', async () => {
    const site = new URL(run.server.origin).host;
    await currentWorker(run.ext).evaluate(
      (s) => chrome.storage.local.set({ allowlist: [s], suppressed: { [s]: ['china-robot-education-alliance'] }, snoozeUntil: Date.now() + 3_600_000 }),
      site,
    );
    const options = await run.ext.context.newPage();
    await options.goto(optionsUrl());
    await expect.poll(() => options.getByTestId('allowlist').textContent()).toContain(site);
    await expect.poll(() => options.getByTestId('suppressed-list').textContent()).toContain('中国机器人教育联盟');
    await expect.poll(() => options.getByTestId('options-snoozed').count()).toBe(1);

    await options.getByTestId('allowlist').getByRole('button').click();
    await options.getByTestId('suppressed-list').getByRole('button').click();
    await options.getByTestId('options-snoozed').getByRole('button').click();
    await expect
      .poll(() => currentWorker(run.ext).evaluate(() => chrome.storage.local.get(['allowlist', 'suppressed', 'snoozeUntil'])))
      .toEqual({ allowlist: [], suppressed: {}, snoozeUntil: null });
    await expect.poll(() => options.getByTestId('allowlist').count()).toBe(0);
    await options.close();
  });

  it('shows the snooze’s end as the rest of the UI shows dates, in the UI language, as the popup does', async () => {
    // 2 January 2030, 08:05:09 local time: the seconds are not shown, the month is named.
    const until = new Date(2030, 0, 2, 8, 5, 9).getTime();
    await currentWorker(run.ext).evaluate((u) => chrome.storage.local.set({ snoozeUntil: u }), until);
    const options = await run.ext.context.newPage();
    await options.goto(optionsUrl());
    const expected = await options.evaluate(
      (u) => new Date(u).toLocaleString(chrome.i18n.getUILanguage(), { dateStyle: 'medium', timeStyle: 'short' }),
      until,
    );
    expect(expected).toContain('2030');
    await expect.poll(() => options.getByTestId('options-snoozed').textContent()).toContain(expected);
    // The popup of a tab says it the same way.
    const page = await run.ext.context.newPage();
    await page.goto(run.url(PAGES.twoOrgs));
    await waitFor(() => badgeText(run.ext, page), '2');
    const popup = await openPopupFor(run.ext, await tabIdOf(run.ext, page));
    await expect.poll(() => popup.getByTestId('snoozed').textContent()).toContain(expected);
    await currentWorker(run.ext).evaluate(() => chrome.storage.local.set({ snoozeUntil: null }));
    for (const p of [options, popup, page]) await p.close();
  });
});
