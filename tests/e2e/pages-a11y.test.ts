/**
 * Accessibility of the popup, the options page, the confirmation page, the help page and the report page: no text under 14 px, and axe-core (every rule axe runs by default,
 * best practices included) with every part shown, in light and dark colour schemes; and
 * keyboard-only use of their main controls (Tab, Shift+Tab, Enter, Space), each with a visible
 * focus indicator. A build with a (never reachable) list feed, dist-e2e-a11y/, so that the feed's
 * parts of both pages are there too; storage is seeded with a setting of every kind, a sync
 * result with changes, and reports in the history (one from a private window).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { currentWorker, readBanner, ROOT, tabIdOf, waitFor } from './harness';
import { DISCIPLINE, PAGES, ROBOT } from './fixtures';
import { useExtension } from './use-extension';

const DIST = join(ROOT, 'dist-e2e-a11y');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PUBLIC_KEY = readFileSync(join(ROOT, 'tests/fixtures/feed/public.key'), 'utf8').trim();
const REPORT_ID = '1b2c3d4e-5f60-4172-8394-a5b6c7d8e9f0';
const PRIVATE_REPORT_ID = '2b2c3d4e-5f60-4172-8394-a5b6c7d8e9f0';

let page: Page;
let site: string;

function report(id: string, url: string) {
  return {
    format: 'orgcheck-report/1',
    id,
    createdAt: '2026-02-01T08:00:00.000Z',
    url,
    title: '示例页面',
    organizations: [{ id: ROBOT, name: '中国机器人教育联盟', nameEn: null, listings: [], forms: ['中国机器人教育联盟'] }],
    excerpts: [{ entryId: ROBOT, form: '中国机器人教育联盟', before: '关于', after: '的通知' }],
    selection: null,
    note: 'note',
    screenshot: null,
  };
}

const run = useExtension({
  dist: DIST,
  // Port 9 (discard) refuses at once: a sync ends in a network error within milliseconds.
  build: { FEED_URL: 'http://127.0.0.1:9/blocklist.json', FEED_PUBLIC_KEY: PUBLIC_KEY, ORGCHECK_ALLOW_TEST_FEED_KEY: '1' },
});

beforeAll(async () => {
  site = new URL(run.server.origin).host;
  // The install schedules the first sync (writing the sync status): let it finish before seeding.
  await waitFor(() => currentWorker(run.ext).evaluate(async () => !!(await chrome.alarms.get('orgcheck-feed-sync'))), true);
  const now = Date.now();
  const ref = (id: string, zh: string) => ({ id, zh });
  const seed = () => currentWorker(run.ext).evaluate(
    async ({ site, now, ref, reportRecord, privateRecord }) => {
      await chrome.alarms.clearAll();
      await chrome.storage.local.set({
        allowlist: [site, 'example.com'],
        suppressed: { [site]: ['china-robot-education-alliance'], 'example.org': ['china-positive-discipline-association'] },
        snoozeUntil: now + 3_600_000,
        // A URL set on the options page whose host OrgCheck may not read: the Feed section says so.
        feedSettings: { url: 'http://localhost:9/blocklist.json', intervalHours: 12 },
        syncStatus: {
          runningSince: null,
          last: { kind: 'error', at: now - 60_000, error: { code: 'network', detail: 'Failed to fetch' } },
          lastSuccessAt: now - 86_400_000,
          failures: 1,
          nextAt: now + 3_600_000,
          lastUpdate: {
            at: now - 86_400_000,
            version: 20260101000000,
            changes: {
              added: { count: 1, items: [ref] },
              removed: { count: 0, items: [] },
              renamed: { count: 1, items: [{ id: ref.id, from: ref, to: { ...ref, zh: `${ref.zh}总会` } }] },
              listingsAdded: { count: 1, items: [{ ...ref, lists: ['suspected-illegal-2026'] }] },
            },
          },
          etag: null,
        },
        reportSettings: { endpoint: 'https://reports.example.org/collect', retryBaseMs: 30_000 },
        // Reports as version 1 kept them (storage.local): the options page moves them to IndexedDB first.
        schemaVersion: 1,
        reportIndex: [reportRecord.report.id],
        reportOutbox: [],
        [`report:${reportRecord.report.id}`]: reportRecord,
      });
      await chrome.storage.session.set({
        privateReports: [privateRecord.report.id],
        reportIndex: [privateRecord.report.id],
        [`report:${privateRecord.report.id}`]: privateRecord,
      });
    },
    {
      site,
      now,
      ref: ref(DISCIPLINE, '中国正面管教协会'),
      reportRecord: {
        report: report(REPORT_ID, run.url(PAGES.twoOrgs)),
        savedAt: now - 3_600_000,
        actions: [{ kind: 'download-json', at: now - 3_600_000 }, { kind: 'send', at: now - 3_500_000 }],
        delivery: { state: 'rejected', endpoint: 'https://reports.example.org/collect', attempts: 1, queuedAt: now - 3_500_000, at: now - 3_400_000, status: 400, response: 'bad report' },
      },
      privateRecord: {
        report: report(PRIVATE_REPORT_ID, 'https://example.org/'),
        savedAt: now - 60_000,
        actions: [{ kind: 'copy-zh', at: now - 60_000 }, { kind: 'send', at: now - 50_000 }],
        // Not sent, stopped (its 3 days are over): the line that says so, with its last error.
        delivery: {
          state: 'stopped', reason: 'expired', endpoint: 'https://reports.example.org/collect', attempts: 19, queuedAt: now - 50_000, at: now - 40_000,
          lastError: { kind: 'network', status: null, detail: 'net::ERR_NAME_NOT_RESOLVED' },
        },
      },
    },
  );
  // (Seeded again should a scheduling write of the install land after it.)
  await waitFor(async () => {
    await seed();
    await new Promise((r) => setTimeout(r, 300));
    return currentWorker(run.ext).evaluate(async () => !!((await chrome.storage.local.get('syncStatus')).syncStatus as { lastUpdate: unknown }).lastUpdate);
  }, true);
  page = await run.ext.context.newPage();
  await page.goto(run.url(PAGES.twoOrgs));
  await waitFor(async () => (await currentWorker(run.ext).evaluate((id) => chrome.action.getBadgeText({ tabId: id }), await tabIdOf(run.ext, page))) !== '', true);
});

interface AxeResult {
  violations: Array<{ id: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }>;
  passes: Array<{ id: string }>;
}

/** axe-core on the whole page (page.evaluate: an extension page's CSP refuses an inline script tag). */
async function axeViolations(p: Page, checked = ['color-contrast', 'button-name', 'label']): Promise<string[]> {
  await p.evaluate(AXE);
  const result = await p.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations', 'passes'] })) as AxeResult;
  });
  // axe did check (colour contrast is measured, not left "incomplete", on these pages).
  expect(result.passes.map((x) => x.id)).toEqual(expect.arrayContaining(checked));
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join(' | ')}`);
}

/**
 * Text set smaller than 14 px (Chinese is hard to read smaller, issue 14 item 9): every text node
 * (shown or in a closed part) and every field's own text (its value, its placeholder).
 */
async function smallText(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const small: string[] = [];
    const check = (el: Element, text: string) => {
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 14) small.push(`${el.tagName.toLowerCase()} "${text.trim().slice(0, 24)}": ${size}px`);
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement!;
      if (n.textContent!.trim() && !['STYLE', 'SCRIPT', 'NOSCRIPT'].includes(el.tagName)) check(el, n.textContent!);
    }
    // Fields that show text (a check box's or radio button's value is never shown; a hidden file picker is opened by a button).
    for (const el of document.querySelectorAll<HTMLInputElement>('input:not([type="checkbox"], [type="radio"], [type="hidden"]), textarea, select')) {
      if (el.getClientRects().length) check(el, el.value || el.placeholder || el.type);
    }
    return small;
  });
}

/** What a reader would stumble on: text under 14 px, then axe-core's violations. */
async function readabilityProblems(p: Page, checked?: string[]): Promise<string[]> {
  return [...(await smallText(p)), ...(await axeViolations(p, checked))];
}

const popupUrl = (query: string) => `chrome-extension://${run.ext.extensionId}/src/popup/index.html${query}`;
const optionsUrl = () => `chrome-extension://${run.ext.extensionId}/src/options/index.html`;

/** Opens an extension page in a scheme, as a 400 px wide popup or a full page. */
async function open(url: string, colorScheme: 'light' | 'dark', width = 1280): Promise<Page> {
  const p = await run.ext.context.newPage();
  await p.setViewportSize({ width, height: 800 });
  await p.emulateMedia({ colorScheme });
  await p.goto(url);
  return p;
}

describe('no text under 14 px, axe-core: 0 violations', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`the popup with a lookup and its results, and with no result (${colorScheme})`, async () => {
      const popup = await open(popupUrl(`?q=${encodeURIComponent('机器人')}`), colorScheme, 420);
      await expect.poll(() => popup.getByTestId('lookup-results').locator('li.entry').count()).toBeGreaterThan(0);
      expect(await readabilityProblems(popup)).toEqual([]);
      await popup.fill('#q', 'zzzz 不存在的组织');
      await expect.poll(() => popup.getByTestId('lookup-empty').count()).toBe(1);
      expect(await readabilityProblems(popup)).toEqual([]);
      // Several names, verdict by verdict, one of them with its similar names opened.
      await popup.fill('#q', '中国美术协会、中国书法家协会、中国城市轨道交通协会');
      await expect.poll(() => popup.getByTestId('lookup-verdict').count()).toBe(3);
      await popup.getByTestId('lookup-similar').first().locator('summary').click();
      expect(await readabilityProblems(popup)).toEqual([]);
      await popup.close();
    });

    it(`the popup with a tab's findings, its site controls and the list feed (${colorScheme})`, async () => {
      const popup = await open(popupUrl(`?tab=${await tabIdOf(run.ext, page)}`), colorScheme, 420);
      await expect.poll(() => popup.getByTestId('tab-findings').count()).toBe(1);
      for (const id of ['site-allowlisted', 'snoozed', 'suppressed', 'sync-panel', 'sync-result', 'list-source']) {
        await expect.poll(() => popup.getByTestId(id).count(), { message: `${id}: ${await popup.locator('main').innerText()}` }).toBe(1);
      }
      await popup.getByTestId('sync-changes').locator('summary').click();
      expect(await readabilityProblems(popup)).toEqual([]);
      await popup.close();
    });

    it(`the confirmation page of a banner's choice (${colorScheme})`, async () => {
      const tabId = await tabIdOf(run.ext, page);
      await currentWorker(run.ext).evaluate(
        ({ tabId, site }) =>
          chrome.storage.session.set({
            // Asked again (issue 18 item 8): the page shows the line that says so too.
            pendingChoices: {
              [tabId]: {
                control: { action: 'suppress', site, entryId: 'china-robot-education-alliance', on: true },
                scope: 'normal', confirmTabId: null, nonce: 'a1', askedAgain: true,
              },
            },
          }),
        { tabId, site },
      );
      const confirm = await open(`chrome-extension://${run.ext.extensionId}/src/confirm/index.html?tab=${tabId}`, colorScheme, 520);
      await expect.poll(() => confirm.getByTestId('confirm-question').count()).toBe(1);
      expect(await confirm.getByTestId('confirm-asked-again').count()).toBe(1);
      expect(await readabilityProblems(confirm, ['color-contrast', 'button-name'])).toEqual([]); // no form fields there
      await confirm.close();
      await currentWorker(run.ext).evaluate(() => chrome.storage.session.set({ pendingChoices: {} }));
    });

    it(`the help page (${colorScheme})`, async () => {
      const help = await open(`chrome-extension://${run.ext.extensionId}/src/help/index.html`, colorScheme);
      await help.locator('#limits').waitFor();
      expect(await readabilityProblems(help, ['color-contrast'])).toEqual([]); // no buttons or form fields there
      await help.close();
    });

    it(`the report page, its technical details opened, with an endpoint set (${colorScheme})`, async () => {
      const report = await open(`chrome-extension://${run.ext.extensionId}/src/report/index.html?tab=${await tabIdOf(run.ext, page)}&source=popup`, colorScheme);
      await report.getByTestId('report-summary').waitFor();
      await report.getByTestId('endpoint-line').waitFor();
      expect(await readabilityProblems(report)).toEqual([]);
      await report.getByTestId('report-details').locator('summary').click();
      expect(await readabilityProblems(report)).toEqual([]);
      await report.close();
    });

    it(`the options page with every section shown (${colorScheme})`, async () => {
      const options = await open(optionsUrl(), colorScheme);
      for (const id of ['warnings-section', 'list-status', 'advanced-section', 'allowlist', 'suppressed-list', 'options-snoozed', 'feed-section', 'feed-no-access', 'sync-result', 'reports-section', 'report-history', 'report-private', 'settings-transfer']) {
        await expect.poll(() => options.getByTestId(id).count(), { message: `${id}: ${await options.locator('main').innerText()}` }).toBeGreaterThan(0);
      }
      expect(await options.getByTestId('warnings-private-note').count()).toBe(0); // not allowed in private windows here
      await options.getByTestId('sync-changes').locator('summary').click();
      await options.locator(`[data-report-id="${REPORT_ID}"] [data-action="view"]`).click();
      // A refused import shows its message too.
      const chooser = options.waitForEvent('filechooser');
      await options.getByRole('button', { name: 'Import settings…' }).click();
      await (await chooser).setFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"orgcheck-settings","version":3}') });
      await expect.poll(() => options.getByTestId('transfer-message').count()).toBe(1);
      expect(await readabilityProblems(options)).toEqual([]);
      // The preview of an import that changes things, risky ones marked.
      const next = options.waitForEvent('filechooser');
      await options.getByRole('button', { name: 'Import settings…' }).click();
      const settings = { enabled: false, allowlist: ['example.net'], reportEndpoint: 'https://other.example/r', feedSettings: { url: null, intervalHours: 6 } };
      await (await next).setFiles({ name: 'y.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'orgcheck-settings', version: 1, settings })) });
      await options.getByTestId('import-preview').waitFor();
      expect(await options.locator('[data-report-id] [data-state="stopped"]').count()).toBe(1);
      expect(await readabilityProblems(options)).toEqual([]);
      await options.close();
    });
  }
});

// ---- keyboard only ---------------------------------------------------------------------------

interface Focused {
  id: string;
  tag: string;
  /** The accessible name's source where it is not the text: aria-labelledby's elements. */
  name: string;
  text: string;
  label: string | null;
  testid: string | null;
  href: string | null;
  outline: string;
  classes: string;
}

async function focused(p: Page): Promise<Focused | null> {
  return p.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const labelledBy = el.getAttribute('aria-labelledby');
    return {
      id: el.id,
      tag: el.tagName.toLowerCase(),
      name: labelledBy ? labelledBy.split(' ').map((id) => document.getElementById(id)?.textContent?.trim() ?? '').join(' ') : '',
      text: (el.textContent ?? '').trim(),
      label: el.getAttribute('aria-label'),
      testid: el.getAttribute('data-testid'),
      href: el.getAttribute('href'),
      outline: style.outlineStyle === 'none' || style.outlineWidth === '0px' ? 'none' : `${style.outlineStyle} ${style.outlineWidth}`,
      classes: el.className,
    };
  });
}

/** Presses Tab (or Shift+Tab) until the focused element matches; fails after `max` presses. */
async function tabTo(p: Page, match: (f: Focused) => boolean, { back = false, max = 60 } = {}): Promise<Focused> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await p.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await focused(p);
    seen.push(`${f?.tag}:${f?.text.slice(0, 20)}:${f?.testid}`);
    if (f && match(f)) {
      // Reached by keyboard, and it shows where the focus is.
      expect(f.outline, `${f.tag} "${f.text}" has no visible focus`).not.toBe('none');
      return f;
    }
  }
  throw new Error(`not reached by ${back ? 'Shift+Tab' : 'Tab'} within ${max} presses: ${seen.join(' / ')}`);
}

const stored = (keys: string[]) => currentWorker(run.ext).evaluate((k) => chrome.storage.local.get(k), keys);

describe('keyboard only', () => {
  it('popup: type a query, Tab to a result’s source link and open it with Enter; Shift+Tab back to the search field', async () => {
    const popup = await open(popupUrl(''), 'light', 420);
    await expect.poll(async () => (await focused(popup))?.tag).toBe('textarea'); // the search field (a textarea: pasted lists keep their line breaks) has the focus on open
    await popup.keyboard.type('机器人教育');
    await expect.poll(() => popup.getByTestId('lookup-results').locator('li.entry').count()).toBeGreaterThan(0);
    const link = await tabTo(popup, (f) => f.tag === 'a' && f.classes.includes('source'));
    // No network here: the source's site answers from the test.
    await run.ext.context.route(link.href!, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>source</title>' }));
    const opened = run.ext.context.waitForEvent('page');
    await popup.keyboard.press('Enter');
    const source = await opened;
    await expect.poll(() => source.url()).toBe(link.href);
    await source.close();
    await popup.bringToFront();
    await tabTo(popup, (f) => f.tag === 'textarea', { back: true });
    await popup.close();
  });

  it('popup: a site control is reached and used with the keyboard', async () => {
    const popup = await open(popupUrl(`?tab=${await tabIdOf(run.ext, page)}`), 'light', 420);
    await expect.poll(() => popup.getByTestId('snoozed').count()).toBe(1);
    await tabTo(popup, (f) => f.tag === 'button' && f.text === 'Resume warnings');
    await popup.keyboard.press('Space');
    await expect.poll(async () => (await stored(['snoozeUntil'])).snoozeUntil).toBeNull();
    await popup.close();
  });

  it('options: the global switch with Space, a Remove button with Enter, "Sync now" with Enter', async () => {
    const options = await open(optionsUrl(), 'light');
    await expect.poll(() => options.getByTestId('allowlist').count()).toBe(1);
    await tabTo(options, (f) => f.testid === 'enabled');
    await options.keyboard.press('Space');
    await expect.poll(async () => (await stored(['enabled'])).enabled).toBe(false);
    await options.keyboard.press('Space');
    await expect.poll(async () => (await stored(['enabled'])).enabled).toBe(true);

    await tabTo(options, (f) => f.tag === 'button' && f.name === `Remove ${site}`);
    await options.keyboard.press('Enter');
    await expect.poll(async () => (await stored(['allowlist'])).allowlist).toEqual(['example.com']);

    const before = ((await stored(['syncStatus'])).syncStatus as { last: { at: number } }).last.at;
    await tabTo(options, (f) => f.tag === 'button' && f.text === 'Sync now');
    await options.keyboard.press('Enter');
    await expect.poll(async () => ((await stored(['syncStatus'])).syncStatus as { last: { at: number } }).last.at).toBeGreaterThan(before);
    // And back up the page with Shift+Tab, to the list feed's URL field.
    await tabTo(options, (f) => f.id === 'feed-url', { back: true });
    await options.close();
  });
});

// Last (the tests of a file run in order): the keyboard tests resumed warnings and took the page's
// site off the allowlist, and the page under test, which only the popup and options page looked
// at, shows its banner again, naming the organization not suppressed on its site.
describe('the page under test', () => {
  it('shows its banner once warnings resume on its site', async () => {
    await waitFor(async () => (await readBanner(page))?.entryIds ?? null, [DISCIPLINE]);
  });
});
