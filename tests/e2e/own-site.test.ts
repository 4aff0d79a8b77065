/**
 * A listed organization's own site by its address: data/organizations.json lists kongjingxie.cn
 * for 中国室内空气净化协会 (seen in the ministry's notice of 2025-09-25). Chromium resolves that
 * name to the fixture server (--host-resolver-rules), so a page served as kongjingxie.cn gets the
 * own-site alert; the same page on 127.0.0.1 only mentions the organization. The listing is more
 * than 12 months old (from 2026-09-25 on), so the alert says the site *was used by* it.
 */
import { describe, expect, it } from 'vitest';
import { launchExtension, readBanner, waitFor, waitScanned } from './harness';
import { ENTRY, PAGES } from './fixtures';
import { useExtension } from './use-extension';

const LISTED_HOST = 'kongjingxie.cn';

const run = useExtension({
  // Only the listed name is mapped: every other host still fails to resolve, as on this network.
  launch: (options) => launchExtension({ ...options, args: [`--host-resolver-rules=MAP ${LISTED_HOST} 127.0.0.1`] }),
});

/** The fixture page as served under `host` (the server's port kept). */
const onHost = (host: string, path: string) => {
  const url = new URL(run.url(path));
  url.hostname = host;
  return url.href;
};

async function open(url: string) {
  const page = await run.ext.context.newPage();
  await page.goto(url);
  await waitScanned(run.ext, page);
  return page;
}

const FORMER_SITE = /This site was used by this organization|本网站曾被该组织使用|本網站曾被該組織使用/;
const OWN_SITE_NOW = /This page appears to be this organization's own website|本页疑似为该组织自己的网站|本頁疑似為該組織自己的網站/;

describe('an organization’s listed site', () => {
  it('served as kongjingxie.cn, a page naming 中国室内空气净化协会 gets the own-site alert, in the past tense', async () => {
    const page = await open(onHost(LISTED_HOST, PAGES.listedSite));
    expect(new URL(page.url()).hostname).toBe(LISTED_HOST);
    await waitFor(async () => (await readBanner(page))?.role, 'alert');
    const banner = (await readBanner(page))!;
    expect(banner.entryIds).toEqual([ENTRY.withDomain]);
    expect(banner.text).toMatch(FORMER_SITE);
    expect(banner.text).not.toMatch(OWN_SITE_NOW);
    await page.close();
  });

  it('the same page on another host only mentions it: the notice, not the alert', async () => {
    const page = await open(run.url(PAGES.listedSite));
    await waitFor(async () => (await readBanner(page))?.role, 'status');
    expect((await readBanner(page))!.text).not.toMatch(FORMER_SITE);
    await page.close();
  });
});
