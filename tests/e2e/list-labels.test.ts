/**
 * Issue 14 items 1 and 6, end to end: no list id and no research note in any rendered banner, popup
 * (tab findings and lookup results), report page or complaint text; listings named by their
 * list's title and source links by their publisher; and the one freshness line in the banner (with
 * the ids), the popup and the options page, "may be out of date" past 30 days.
 *
 * The page served here names one organization from every list in data/organizations.json, so
 * every list's listing is rendered once in each place.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import bundled from '../../data/organizations.json' with { type: 'json' };
import listVersion from '../../data/list-version.json' with { type: 'json' };
import type { BlocklistEntry } from '../../src/core/list-schema';
import { versionToDate } from '../../src/core/feed/version';
import { clickInBanner, openPopupFor, readBanner, tabIdOf, waitScanned } from './harness';
import { ENTRY } from './fixtures';
import { useExtension } from './use-extension';

const entries = bundled as BlocklistEntry[];
const LIST_IDS = [...new Set(entries.flatMap((e) => e.listings.map((l) => l.list)))];
/** The research notes, as the fragments a leak would show (their first 40 characters), and the maintainers' warning. */
const NOTES = [...new Set(entries.flatMap((e) => (e.note ? e.note.split(' / ').map((n) => n.slice(0, 40)) : [])))];
const MAINTAINER_WORDS = ['DO NOT BLOCK', 'CAUTION:'];

/** One organization that warns per list (not a guarded exact name where another will do). */
const perList = LIST_IDS.map((list) => {
  const on = entries.filter((e) => e.warn && e.listings.some((l) => l.list === list));
  return (on.find((e) => !e.exact) ?? on[0])!;
}).filter((e, i, all) => e && all.indexOf(e) === i);

const PAGE = '/every-list.html';
const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>名单</title></head><body>
${perList.map((e) => `<p>据报道，${e.names.zh}。</p>`).join('\n')}
</body></html>`;

function everyListRoute(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.url !== PAGE) return false;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(html);
  return true;
}

/** The ids and notes found in `text` (none expected). */
function leaks(text: string): string[] {
  return [...LIST_IDS.filter((id) => text.includes(id)), ...NOTES.filter((n) => text.includes(n)), ...MAINTAINER_WORDS.filter((w) => text.includes(w))];
}

const run = useExtension({ dist: process.env.ORGCHECK_DIST, routes: [everyListRoute] }); // ORGCHECK_DIST: a build elsewhere than dist/
let page: Page;
let tabId: number;

beforeAll(async () => {
  page = await run.ext.context.newPage();
  await page.goto(`${run.server.origin}${PAGE}`);
  await waitScanned(run.ext, page);
  tabId = await tabIdOf(run.ext, page);
});

afterAll(async () => {
  await page?.close();
});

describe('no list id or research note reaches the user', () => {
  it('covers every list (the page names an organization of each)', () => {
    const covered = new Set(perList.flatMap((e) => e.listings.map((l) => l.list)));
    expect(LIST_IDS.filter((id) => !covered.has(id))).toEqual([]);
  });

  it('in the banner, with every "why listed" opened', async () => {
    // The compact notice (three or more organizations) is one line until opened, and each
    // organization's "why listed" sits in its menu.
    await expect.poll(async () => (await readBanner(page)) !== null).toBe(true);
    await clickInBanner(page, (a) => a['data-action'] === 'expand' && a['aria-expanded'] === 'false');
    await expect.poll(async () => (await readBanner(page))?.entryIds.length ?? 0).toBeGreaterThan(perList.length / 2);
    for (let opened = 0; opened < perList.length; opened++) {
      try {
        await clickInBanner(page, (a) => a['data-action'] === 'org-menu' && a['aria-expanded'] === 'false', { settle: false });
      } catch {
        break; // none closed left
      }
      await clickInBanner(page, (a) => a['data-action'] === 'details' && a['aria-expanded'] === 'false', { settle: false });
    }
    const banner = (await readBanner(page))!;
    expect(banner.text).toMatch(/Ministry of Civil Affairs|民政部/);
    expect(leaks(banner.text)).toEqual([]);
    // The freshness line: when the list was updated and how many organizations it holds.
    expect(banner.text).toMatch(new RegExp(`(List updated .+, ${entries.length} organizations|名单更新于 .+，收录 ${entries.length} 个组织|名單更新於 .+，收錄 ${entries.length} 個組織)`));
  });

  it('in the popup: the tab’s findings and the lookup, never-warning names included', async () => {
    const popup = await openPopupFor(run.ext, tabId);
    try {
      await expect.poll(() => popup.locator('ul.listings').count()).toBeGreaterThan(0);
      const findings = (await popup.locator('body').textContent()) ?? '';
      expect(findings).toMatch(/Ministry of Civil Affairs|民政部/);
      expect(leaks(findings)).toEqual([]);
      // Source links are named by their publisher, never numbered.
      const sources = await popup.locator('a.source').allTextContents();
      expect(sources.length).toBeGreaterThan(0);
      for (const s of sources) expect(s).not.toMatch(/^(source|来源|來源)( \d+)?$/);

      const lookups = [...entries.filter((e) => !e.warn), entries.find((e) => e.id === ENTRY.neverWarns)!, ...perList.slice(0, 8)];
      for (const entry of lookups) {
        await popup.fill('#q', entry.names.zh);
        const results = popup.locator('[data-testid="lookup-results"]');
        await expect.poll(() => results.locator(`[data-entry-id="${entry.id}"]`).count()).toBeGreaterThan(0);
        expect(leaks((await results.textContent()) ?? ''), entry.names.zh).toEqual([]);
      }
    } finally {
      await popup.close();
    }
  });

  it('in the report page and the complaint text, in both languages', async () => {
    const report = await run.ext.context.newPage();
    try {
      await report.goto(`chrome-extension://${run.ext.extensionId}/src/report/index.html?tab=${tabId}&source=popup`);
      const text = report.getByTestId('report-text');
      await expect.poll(() => text.textContent()).toMatch(/民政部|Ministry of Civil Affairs/);
      const complaint: string[] = [];
      for (const radio of await report.getByRole('radio').all()) {
        await radio.check();
        complaint.push((await text.textContent()) ?? '');
      }
      expect(complaint.join('\n')).toMatch(/民政部《/);
      expect(complaint.join('\n')).toMatch(/Ministry of Civil Affairs, “/);
      expect(leaks(complaint.join('\n'))).toEqual([]);
      // The page as rendered, less the report's machine-readable JSON (a technical detail, for
      // the endpoint and the download: its `list` fields are the data's keys).
      const shown = await report.evaluate(() => {
        const clone = document.body.cloneNode(true) as HTMLElement;
        clone.querySelectorAll('[data-testid="report-json"]').forEach((n) => n.remove());
        return clone.textContent ?? '';
      });
      expect(leaks(shown)).toEqual([]);
    } finally {
      await report.close();
    }
  });
});

describe('one freshness line', () => {
  const listDate = versionToDate(listVersion.version)!;
  const FRESH = new RegExp(`^(List updated .+, ${entries.length} organizations|名单更新于 .+，收录 ${entries.length} 个组织|名單更新於 .+，收錄 ${entries.length} 個組織)`);

  for (const path of ['src/popup/index.html', 'src/options/index.html']) {
    it(`in ${path}: the list's date and size, then "may be out of date" after 30 days`, async () => {
      const view = await run.ext.context.newPage();
      try {
        await view.clock.setFixedTime(new Date(listDate.getTime() + 2 * 86_400_000));
        await view.goto(`chrome-extension://${run.ext.extensionId}/${path}`);
        const line = view.getByTestId('list-freshness').first();
        await expect.poll(() => line.textContent()).toMatch(FRESH);
        const expectedDate = await view.evaluate(
          (ms) => new Date(ms).toLocaleDateString(chrome.i18n.getUILanguage(), { year: 'numeric', month: 'long', day: 'numeric' }),
          listDate.getTime(),
        );
        expect(await line.textContent()).toContain(expectedDate);
        expect(await line.getAttribute('data-out-of-date')).toBe('false');
        expect(await view.getByTestId('list-freshness').count()).toBe(1);

        await view.clock.setFixedTime(new Date(listDate.getTime() + 31 * 86_400_000));
        await view.reload();
        await expect.poll(() => line.getAttribute('data-out-of-date')).toBe('true');
        expect(await line.textContent()).toMatch(/(may be out of date|可能已过时|可能已過時)$/);
      } finally {
        await view.close();
      }
    });
  }
});
