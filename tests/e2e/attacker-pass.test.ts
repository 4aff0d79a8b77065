/**
 * Issue 18's attacker's pass: what the owner of a listed organization's site tried against the
 * banner after the issue's items were closed, and which of it this pass closed (SECURITY.md,
 * "Attacker's pass"). Each page under tests/fixtures/pages does what an attacker's site would; each
 * test ends with "!" on the badge, which the page can't reach.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { badgeText, waitFor, waitScanned, resetControls } from './harness';
import { useExtension } from './use-extension';

const run = useExtension();

beforeEach(() => resetControls(run.ext));

async function open(path: string): Promise<Page> {
  const page = await run.ext.context.newPage();
  await page.goto(run.url(path));
  await waitScanned(run.ext, page);
  return page;
}

describe('hiding the banner with what IntersectionObserver v2 cannot see', () => {
  it('a clip-path on <html> that cuts the banner out but for a sliver: the badge shows !', async () => {
    const page = await open('clips-banner.html');
    await waitFor(() => badgeText(run.ext, page), '1!');
    expect(await page.evaluate(() => (window as unknown as { clipped?: boolean }).clipped)).toBe(true);
    await page.close();
  });

  it('the banner moved up out of the window by the inline style of its host, but for a sliver: the badge shows !', async () => {
    const page = await open('moves-banner-out.html');
    await waitFor(() => badgeText(run.ext, page), '1!');
    expect(await page.evaluate(() => (window as unknown as { moved?: boolean }).moved)).toBe(true);
    await page.close();
  });
});
