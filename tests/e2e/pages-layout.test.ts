/**
 * Issue 14's extension pages as a user meets them: the help page (its sections, reachable by
 * anchor, in English and in Chinese), the report page leading with the action (a plain summary,
 * the note and the official complaint button on the first screen at 1280×800, the raw JSON only
 * when opened), and the options page with what everyone needs first and "Advanced" last.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { clickContextMenu, launchExtension, storedReports, waitScanned } from './harness';
import { PAGES } from './fixtures';
import { useExtension, type ExtensionRun } from './use-extension';

const SECTIONS = ['lists', 'kinds', 'what-to-do', 'warnings', 'limits'];

async function openHelp(run: ExtensionRun, hash = ''): Promise<Page> {
  const help = await run.ext.context.newPage();
  await help.setViewportSize({ width: 1280, height: 800 });
  await help.goto(`chrome-extension://${run.ext.extensionId}/src/help/index.html${hash}`);
  await help.locator('#limits').waitFor();
  return help;
}

/** Every section with a heading and text; no message key left untranslated (t() falls back to the key). */
async function expectSections(help: Page): Promise<void> {
  for (const id of SECTIONS) {
    const section = help.locator(`section#${id}`);
    expect((await section.locator('h2').textContent())!.trim(), id).not.toBe('');
    expect((await section.innerText()).length, id).toBeGreaterThan(40);
  }
  expect(await help.locator('main').innerText()).not.toMatch(/\b(help|kind)[A-Z_]\w*/);
  expect(await help.locator('dl.kinds > div').count()).toBe(5);
  expect(await help.locator('#what-to-do a[href="https://xxgs.chinanpo.mca.gov.cn/"]').count()).toBe(1);
  expect(await help.locator('#what-to-do a[href="https://chinanpo.mca.gov.cn/"]').count()).toBe(1);
  // Readable: no text under 14 px.
  const smallest = await help.evaluate(() =>
    Math.min(...[...document.querySelectorAll('main *')].filter((e) => e.textContent?.trim()).map((e) => parseFloat(getComputedStyle(e).fontSize))),
  );
  expect(smallest).toBeGreaterThanOrEqual(14);
}

describe('the help page, in English', () => {
  const run = useExtension();

  it('explains the lists, each kind, what to do, the warnings and the limits, each section reachable by its anchor', async () => {
    const help = await openHelp(run);
    await expectSections(help);
    expect(await help.locator('h1').textContent()).toBe('About OrgCheck');
    expect(await help.locator('#kinds').innerText()).toContain('Banned');
    expect(await help.locator('#what-to-do').innerText()).toContain('unified social credit code');
    expect(await help.locator('#warnings').innerText()).toMatch(/can never change the toolbar button/);
    expect(await help.locator('#limits').innerText()).toMatch(/not on the list is not thereby lawful/);
    await help.close();

    // Linked to a section, the page opens on it (scrolled down to it: the page is taller than the window).
    const limits = await openHelp(run, '#limits');
    await expect.poll(() => limits.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    const { top, bottom } = await limits.evaluate(() => document.getElementById('limits')!.getBoundingClientRect().toJSON() as DOMRect);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(bottom).toBeLessThanOrEqual(800);
    await limits.close();
  });
});

describe('the help page, in Chinese (browser UI language zh-CN)', () => {
  const run = useExtension({ launch: (o) => launchExtension({ ...o, locale: 'zh-CN' }) });

  it('has every section in Chinese', async () => {
    const help = await openHelp(run);
    await expectSections(help);
    expect(await help.locator('html').getAttribute('lang')).toMatch(/^zh/);
    expect(await help.locator('h1').textContent()).toBe('关于社团核验');
    expect(await help.locator('#kinds').innerText()).toContain('已被取缔');
    expect(await help.locator('#what-to-do').innerText()).toContain('统一社会信用代码');
    await help.close();
  });
});

describe('the report page and the options page', () => {
  const run = useExtension();

  it('the report page leads with a summary, the note and the complaint button; the JSON only when opened', async () => {
    const page = await run.ext.context.newPage();
    await page.goto(run.url(PAGES.twoOrgs));
    await waitScanned(run.ext, page);
    const waiting = run.ext.context.waitForEvent('page', { predicate: (p) => p.url().includes('/src/report/index.html') });
    await clickContextMenu(run.ext, page, { menuItemId: 'orgcheck-report' });
    const report = await waiting;
    await report.setViewportSize({ width: 1280, height: 800 });
    const complaint = report.locator('a[data-action="complaint"]');
    await complaint.waitFor();

    const summary = await report.getByTestId('report-summary').innerText();
    for (const s of [page.url(), '中国机器人教育联盟', '中国正面管教协会']) expect(summary).toContain(s);
    expect(summary).not.toMatch(/china-robot-education-alliance|china-positive-discipline-association/); // no list or entry id
    const order = await report.evaluate(() =>
      ['[data-testid="report-summary"]', '#r-note', 'a[data-action="complaint"]', 'button[data-action="download-json"]', '[data-testid="report-details"]'].map(
        (s) => Math.round(document.querySelector(s)!.getBoundingClientRect().top),
      ),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const box = (await complaint.boundingBox())!;
    expect(box.y + box.height).toBeLessThan(800);
    expect(await complaint.textContent()).toBe('Open the official complaint channel (report text copied)');
    expect(await report.getByTestId('report-json').isVisible()).toBe(false);
    expect(await report.getByTestId('endpoint-line').count()).toBe(0);
    await report.getByTestId('report-details').locator('summary').click();
    expect(await report.getByTestId('report-json').isVisible()).toBe(true);

    // The button copies the Chinese text (recorded as "complaint" once the copy succeeded), then
    // opens the channel (answered here: no network).
    await run.ext.context.route('https://chinanpo.mca.gov.cn/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>chinanpo</title>' }));
    const opened = run.ext.context.waitForEvent('page');
    await complaint.click();
    const channel = await opened;
    await expect.poll(() => channel.url()).toBe('https://chinanpo.mca.gov.cn/');
    const id = (await report.locator('main').getAttribute('data-report-id'))!;
    await expect
      .poll(async () => ((await storedReports(run.ext, [`report:${id}`]))[`report:${id}`] as { actions: Array<{ kind: string }> } | undefined)?.actions.map((a) => a.kind))
      .toEqual(['complaint']);
    expect(await report.getByTestId('report-status').textContent()).toBe('The Chinese text is copied: paste it into the complaint form.');
    await channel.close();
    await report.close();
    await page.close();
  });

  it('the options page keeps the list update address and the report collector under "Advanced", last, and no jargon above it', async () => {
    const options = await run.ext.context.newPage();
    await options.goto(`chrome-extension://${run.ext.extensionId}/src/options/index.html`);
    const advanced = options.getByTestId('advanced-section');
    await advanced.locator('#report-endpoint').waitFor();
    expect(await advanced.locator('h2').textContent()).toBe('Advanced');
    expect(await advanced.getByTestId('feed-section').count()).toBe(1);
    // Last, after what everyone needs.
    const sections = await options.evaluate(() => [...document.querySelectorAll('main > section')].map((s) => s.getAttribute('data-testid')));
    expect(sections).toEqual(['warnings-section', 'list-status', 'reports-section', 'settings-transfer', 'advanced-section']);
    const above = await options.evaluate(() => [...document.querySelectorAll('main > section:not([data-testid="advanced-section"])')].map((s) => (s as HTMLElement).innerText).join('\n'));
    expect(above).not.toMatch(/POST|CORS|endpoint|feed|signature|signing key/i);
    await options.close();
  });
});
