/**
 * The options page's "Export and import settings": export writes one file of the user's
 * settings; importing it after changing them brings all of them back (and open tabs recount);
 * a broken file is refused with a message naming what is wrong, and nothing changes. An import
 * first shows what it will change (the risky changes marked) and changes nothing until Apply. dist/ has
 * no list feed; a build with one (dist-e2e-settings-feed/) checks that an imported feed URL goes
 * through the sync module's rules.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeText, currentWorker, readBanner, ROOT, waitFor } from './harness';
import { PAGES, ROBOT } from './fixtures';
import { useExtension } from './use-extension';

let dir: string;

const run = useExtension();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'orgcheck-settings-'));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const KEYS = ['enabled', 'allowlist', 'suppressed', 'snoozeUntil', 'feedSettings', 'reportSettings'];
const stored = () => currentWorker(run.ext).evaluate((keys) => chrome.storage.local.get(keys), KEYS);

async function importFile(options: Page, path: string): Promise<void> {
  const chooser = options.waitForEvent('filechooser');
  await options.getByRole('button', { name: 'Import settings…' }).click();
  await (await chooser).setFiles(path);
}

/** Imports a file and applies what its preview shows. */
async function importAndApply(options: Page, path: string): Promise<void> {
  await importFile(options, path);
  await options.getByTestId('import-preview').getByRole('button', { name: 'Apply these changes' }).click();
}

describe('options: export and import of settings', () => {
  it('exports the settings; importing them after changes restores all of them, and open tabs recount', async () => {
    const site = new URL(run.server.origin).host;
    const snoozeUntil = Date.now() + 3_600_000;
    const endpoint = `${run.server.origin}/collect`;
    await currentWorker(run.ext).evaluate(
      (s) =>
        chrome.storage.local.set({
          enabled: true,
          allowlist: [s.site, 'example.com'],
          suppressed: { [s.site]: ['china-robot-education-alliance'] },
          snoozeUntil: s.snoozeUntil,
          feedSettings: { url: 'https://feed.example.org/blocklist.json', intervalHours: 12 },
          reportSettings: { endpoint: s.endpoint, retryBaseMs: 30_000 },
        }),
      { site, snoozeUntil, endpoint },
    );
    const before = await stored();
    const page = await run.ext.context.newPage();
    await page.goto(run.url(PAGES.twoOrgs));
    await waitFor(() => badgeText(run.ext, page), '1'); // one of the two is "not this organization" here

    const options = await run.ext.context.newPage();
    await options.goto(`chrome-extension://${run.ext.extensionId}/src/options/index.html`);
    const section = options.getByTestId('settings-transfer');
    const download = options.waitForEvent('download');
    await section.getByRole('button', { name: 'Export settings' }).click();
    const file = join(dir, (await download).suggestedFilename());
    await (await download).saveAs(file);
    expect(file).toMatch(/orgcheck-settings-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    expect(exported).toEqual({
      format: 'orgcheck-settings',
      version: 1,
      exportedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      settings: {
        enabled: true,
        allowlist: [site, 'example.com'],
        suppressed: { [site]: [ROBOT] },
        snoozeUntil,
        feedSettings: { url: 'https://feed.example.org/blocklist.json', intervalHours: 12 },
        reportEndpoint: endpoint,
      },
    });

    // Change everything: the switch off (the tab stops counting), the lists emptied, the endpoint gone.
    await options.getByTestId('enabled').uncheck();
    await waitFor(() => badgeText(run.ext, page), '');
    await currentWorker(run.ext).evaluate(() =>
      chrome.storage.local.set({
        allowlist: [],
        suppressed: {},
        snoozeUntil: null,
        feedSettings: { url: null, intervalHours: 24 },
        reportSettings: { endpoint: null, retryBaseMs: 30_000 },
      }),
    );
    await expect.poll(() => options.getByTestId('allowlist').count()).toBe(0);

    await importAndApply(options, file);
    await expect.poll(() => section.getByTestId('transfer-message').textContent()).toBe('Settings imported.');
    expect(await stored()).toEqual(before);
    // The open tab recounted at once; the page shows the restored values.
    await waitFor(() => badgeText(run.ext, page), '1');
    await expect.poll(() => options.getByTestId('enabled').isChecked()).toBe(true);
    await expect.poll(() => options.getByTestId('allowlist').textContent()).toContain('example.com');
    await expect.poll(() => options.locator('#report-endpoint').inputValue()).toBe(endpoint);
    // The endpoint's host is not granted to OrgCheck: the section offers to allow it.
    await expect.poll(() => section.getByTestId('import-access').textContent()).toContain('http://127.0.0.1');
    await page.close();
    await options.close();
  });

  it('refuses a broken file, names what is wrong, and changes nothing', async () => {
    const options = await run.ext.context.newPage();
    await options.goto(`chrome-extension://${run.ext.extensionId}/src/options/index.html`);
    const section = options.getByTestId('settings-transfer');
    const before = await stored();
    const cases: Array<[string, string]> = [
      // Good values first: one bad one anywhere and none of them is applied.
      [
        JSON.stringify({ format: 'orgcheck-settings', version: 1, settings: { enabled: false, allowlist: ['example.org', 'www.example.com'] } }),
        'Nothing was imported: settings.allowlist[1] is not a site name such as example.com',
      ],
      [
        JSON.stringify({ format: 'orgcheck-settings', version: 1, settings: { allowlist: [], feedSettings: { url: 'http://feed.example.org/', intervalHours: 24 } } }),
        'Nothing was imported: settings.feedSettings.url is not a list feed URL OrgCheck accepts (https, or http on this computer)',
      ],
      [JSON.stringify({ format: 'orgcheck-settings', version: 2, settings: { enabled: false } }), 'Nothing was imported: the file is a settings file of version 2; this copy of OrgCheck reads version 1.'],
      ['{"format": "orgcheck-settings", "version": 1, "settings": {', 'Nothing was imported: the file is not JSON.'],
      [JSON.stringify({ format: 'orgcheck-report/1' }), 'Nothing was imported: this is not an OrgCheck settings file.'],
    ];
    for (const [i, [text, message]] of cases.entries()) {
      const path = join(dir, `broken-${i}.json`);
      await writeFile(path, text);
      await importFile(options, path);
      const shown = section.getByRole('alert');
      await expect.poll(() => shown.textContent()).toBe(message);
      expect(await stored()).toEqual(before);
    }
    await options.close();
  });

  it('an imported snooze ends on time: the banners come back on open tabs, without a reload', async () => {
    await currentWorker(run.ext).evaluate(() => chrome.storage.local.set({ enabled: true, allowlist: [], suppressed: {}, snoozeUntil: null }));
    const page = await run.ext.context.newPage();
    await page.goto(run.url(PAGES.twoOrgs));
    await waitFor(async () => (await readBanner(page)) !== null, true);
    const options = await run.ext.context.newPage();
    await options.goto(`chrome-extension://${run.ext.extensionId}/src/options/index.html`);
    // Long enough to see the snooze start, short enough to see it end (its alarm fires a second after).
    const snoozeUntil = Date.now() + 6_000;
    const path = join(dir, 'short-snooze.json');
    await writeFile(path, JSON.stringify({ format: 'orgcheck-settings', version: 1, settings: { snoozeUntil } }));
    await importAndApply(options, path);
    await expect.poll(() => options.getByTestId('transfer-message').textContent()).toBe('Settings imported.');
    await waitFor(() => readBanner(page), null);
    const alarm = await currentWorker(run.ext).evaluate(() => chrome.alarms.get('snooze-end:normal'));
    expect(alarm?.scheduledTime).toBe(snoozeUntil + 1_000);
    await waitFor(async () => (await readBanner(page)) !== null, true);
    for (const p of [page, options]) await p.close();
  });
});

describe('options: an import shows what it will change before anything changes', () => {
  it('lists each change, marks the risky ones; Cancel changes nothing, Apply applies', async () => {
    const endpoint = `${run.server.origin}/collect`;
    await currentWorker(run.ext).evaluate(
      (endpoint) =>
        chrome.storage.local.set({
          enabled: true,
          allowlist: ['old.example'],
          suppressed: {},
          snoozeUntil: null,
          feedSettings: { url: null, intervalHours: 24 },
          reportSettings: { endpoint, retryBaseMs: 30_000 },
        }),
      endpoint,
    );
    const before = await stored();
    const options = await run.ext.context.newPage();
    await options.goto(`chrome-extension://${run.ext.extensionId}/src/options/index.html`);
    const section = options.getByTestId('settings-transfer');
    // What a hostile "recommended settings" file does: warnings off, its own site allowed, the
    // feed and the reports taken elsewhere.
    const settings = {
      enabled: false,
      allowlist: ['old.example', 'listed-org.example'],
      suppressed: { 'example.net': [ROBOT] },
      feedSettings: { url: 'https://feed.attacker.example/list.json', intervalHours: 12 },
      reportEndpoint: 'https://collector.attacker.example/r',
    };
    const path = join(dir, 'hostile.json');
    await writeFile(path, JSON.stringify({ format: 'orgcheck-settings', version: 1, settings }));

    await importFile(options, path);
    const preview = section.getByTestId('import-preview');
    await preview.waitFor();
    const lines = preview.locator('li');
    expect(await lines.allTextContents()).toEqual([
      'Check this: Turns OrgCheck’s warnings off on every site.',
      'Check this: No more warnings on these sites: listed-org.example',
      'Check this: No more warnings about these organizations on these sites (“not this organization”): 中国机器人教育联盟 on example.net',
      'Check this: Gets the list of organizations from https://feed.attacker.example/list.json (now: the address built into OrgCheck).',
      `Check this: Reports you choose to send will go to https://collector.attacker.example/r (now: ${endpoint}).`,
      'Checks for a new list every 12 hour(s) (now: every 24).',
    ]);
    expect(await preview.locator('li[data-risky="true"]').count()).toBe(5);
    // Nothing changed while the preview is shown…
    expect(await stored()).toEqual(before);
    // …nor after Cancel.
    await preview.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => section.getByTestId('transfer-message').textContent()).toBe('Nothing was imported.');
    expect(await preview.count()).toBe(0);
    await options.waitForTimeout(500);
    expect(await stored()).toEqual(before);

    // Apply applies all of it.
    await importAndApply(options, path);
    await expect.poll(() => section.getByTestId('transfer-message').textContent()).toBe('Settings imported.');
    expect(await stored()).toEqual({
      ...before,
      enabled: false,
      allowlist: ['listed-org.example', 'old.example'],
      suppressed: settings.suppressed,
      feedSettings: settings.feedSettings,
      reportSettings: { endpoint: settings.reportEndpoint, retryBaseMs: 30_000 },
    });

    // A long list names ten and counts the rest.
    const many = Array.from({ length: 13 }, (_, i) => `site${String(i).padStart(2, '0')}.example`);
    await writeFile(join(dir, 'many.json'), JSON.stringify({ format: 'orgcheck-settings', version: 1, settings: { allowlist: [...settings.allowlist, ...many] } }));
    await importFile(options, join(dir, 'many.json'));
    await expect
      .poll(() => section.getByTestId('import-preview').locator('li').allTextContents())
      .toEqual([`Check this: No more warnings on these sites: ${many.slice(0, 10).join(', ')}, and 3 more`]);
    await section.getByTestId('import-preview').getByRole('button', { name: 'Cancel' }).click();

    // A file with the settings in use changes nothing, and says so.
    await importFile(options, path);
    await expect.poll(() => section.getByTestId('transfer-message').textContent()).toBe('This file holds the settings you already have: nothing to change.');
    expect(await section.getByTestId('import-preview').count()).toBe(0);
    await options.close();
  });
});

describe('options: importing feed settings into a copy with a list feed', () => {
  const FEED_DIST = join(ROOT, 'dist-e2e-settings-feed');
  const BUILT_IN = 'http://127.0.0.1:9/blocklist.json';
  const feedRun = useExtension({
    dist: FEED_DIST,
    build: { ORGCHECK_ALLOW_TEST_FEED_KEY: '1', FEED_URL: BUILT_IN, FEED_PUBLIC_KEY: readFileSync(join(ROOT, 'tests/fixtures/feed/public.key'), 'utf8').trim() },
    async setup({ ext }) {
      // The install schedules the first sync; let that settle before the test sets a status.
      await waitFor(() => currentWorker(ext).evaluate(async () => !!(await chrome.alarms.get('orgcheck-feed-sync'))), true);
    },
  });

  it('a new URL is taken by the sync module’s rules: next sync soon, no backoff carried over; the Feed section shows it', async () => {
    const worker = () => currentWorker(feedRun.ext);
    await worker().evaluate(async () => {
      const { syncStatus } = await chrome.storage.local.get('syncStatus');
      await chrome.storage.local.set({ syncStatus: { ...(syncStatus as object), failures: 3, nextAt: Date.now() + 86_400_000 } });
    });
    const options = await feedRun.ext.context.newPage();
    await options.goto(`chrome-extension://${feedRun.ext.extensionId}/src/options/index.html`);
    await expect.poll(() => options.locator('#feed-url').inputValue()).toBe(BUILT_IN);

    const url = 'http://localhost:9/other-feed.json';
    const path = join(dir, 'feed-settings.json');
    await writeFile(path, JSON.stringify({ format: 'orgcheck-settings', version: 1, settings: { feedSettings: { url, intervalHours: 6 } } }));
    const started = Date.now();
    await importAndApply(options, path);
    await expect.poll(() => options.getByTestId('transfer-message').textContent()).toBe('Settings imported.');
    const { feedSettings, syncStatus } = (await worker().evaluate(() => chrome.storage.local.get(['feedSettings', 'syncStatus']))) as {
      feedSettings: { url: string; intervalHours: number };
      syncStatus: { failures: number; nextAt: number };
    };
    const alarm = await worker().evaluate(() => chrome.alarms.get('orgcheck-feed-sync'));
    const applied = Date.now();
    expect(feedSettings).toEqual({ url, intervalHours: 6 });
    expect(syncStatus.failures).toBe(0);
    // The next sync 30–60 s after the import took effect, some time between `started` and
    // `applied` (how long that took is the machine's business, not the schedule's).
    expect(syncStatus.nextAt).toBeGreaterThanOrEqual(started + 30_000);
    expect(syncStatus.nextAt).toBeLessThanOrEqual(applied + 60_000);
    // The alarm at nextAt, or 30 s after it was set if that came later (background/sync.ts).
    expect(alarm!.scheduledTime).toBeGreaterThanOrEqual(Math.floor(syncStatus.nextAt));
    expect(alarm!.scheduledTime).toBeLessThanOrEqual(Math.max(syncStatus.nextAt, applied + 30_000) + 1);
    // The page follows: the new URL in the field, the interval, and no access to localhost yet.
    await expect.poll(() => options.locator('#feed-url').inputValue()).toBe(url);
    await expect.poll(() => options.locator('#feed-interval').inputValue()).toBe('6');
    await expect.poll(() => options.getByTestId('feed-no-access').textContent()).toContain('localhost:9');
    await expect.poll(() => options.getByTestId('import-access').textContent()).toContain('http://localhost');

    // The built-in URL is stored as "the built-in one" (null), as the Feed section's own form does.
    await writeFile(path, JSON.stringify({ format: 'orgcheck-settings', version: 1, settings: { feedSettings: { url: BUILT_IN, intervalHours: 24 } } }));
    await importAndApply(options, path);
    await expect.poll(() => worker().evaluate(async () => (await chrome.storage.local.get('feedSettings')).feedSettings)).toEqual({ url: null, intervalHours: 24 });
    await expect.poll(() => options.locator('#feed-url').inputValue()).toBe(BUILT_IN);
    await options.close();
  });
});
