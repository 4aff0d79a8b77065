/**
 * Ways a page can hide a listed name from a scan while a reader still sees it (issue 12,
 * section 2): each fixture shows names the way a person reads them, and each must warn.
 */
import { describe, expect, it } from 'vitest';
import { badgeText, foundIds, waitFor } from './harness';
import { DISCIPLINE, ENTRY, ROBOT } from './fixtures';
import { useExtension } from './use-extension';

const HOISTING = ENTRY.hoisting;

const run = useExtension();

const open = (path: string) => run.openScanned(path);

describe('no way to hide a name that a reader sees', () => {
  const cases: Array<[string, string, string[]]> = [
    ['invisible characters (Default_Ignorable_Code_Points) inside the names', 'hidden-invisible.html', [HOISTING, DISCIPLINE, ROBOT]],
    ['compatibility forms: a Kangxi radical, a circled ideograph; the variant 囯 for 国', 'hidden-compat.html', [HOISTING, DISCIPLINE, ROBOT]],
    ['a <ruby> reading aid over a name', 'hidden-ruby.html', [ROBOT]],
    ['custom and unknown elements, and an image, splitting names', 'hidden-inline-elements.html', [HOISTING, DISCIPLINE, ROBOT]],
    ['readonly and disabled fields the page filled', 'hidden-fields.html', [HOISTING, DISCIPLINE, ROBOT]],
    ['page content in an editable region', 'hidden-editable.html', [ROBOT]],
    ['hidden filler between the parts of names', 'hidden-filler.html', [HOISTING, DISCIPLINE, ROBOT]],
    ['closed shadow roots, declarative and scripted', 'hidden-closed-shadow.html', [DISCIPLINE, ROBOT]],
    ['frames without a URL of their own: srcdoc, about:blank, blob:', 'hidden-frames.html', [HOISTING, DISCIPLINE, ROBOT]],
    ['content carrying the attribute that marked OrgCheck’s own UI', 'hidden-own-marker.html', [DISCIPLINE, ROBOT]],
  ];
  for (const [what, path, expected] of cases) {
    it(what, async () => {
      const page = await open(path);
      await waitFor(() => foundIds(run.ext, page), [...expected].sort());
      await waitFor(() => badgeText(run.ext, page), String(expected.length));
      await page.close();
    });
  }
  // What the user types is set aside, and only that: tests/e2e/user-input.test.ts.
});

describe('hidden filler is judged by what is rendered, however the page hides it (issue 18, item 2)', () => {
  // Each page: one filler character in one gap of 中国机器人教育联盟, several in each of three
  // gaps of 中国正面管教协会.
  const cases: Array<[string, string]> = [
    ['filler hidden by a class', 'hidden-filler-class.html'],
    ['filler hidden by an attribute selector', 'hidden-filler-attribute.html'],
    ['filler in a font of 0.1px', 'hidden-filler-tenth-px.html'],
    ['filler in a font of .01px', 'hidden-filler-hundredth-px.html'],
    ['filler with opacity 0', 'hidden-filler-opacity.html'],
    ['filler in transparent text 1px high', 'hidden-filler-transparent.html'],
  ];
  for (const [what, path] of cases) {
    it(what, async () => {
      const page = await open(path);
      await waitFor(() => foundIds(run.ext, page), [DISCIPLINE, ROBOT].sort());
      await waitFor(() => badgeText(run.ext, page), '2');
      await page.close();
    });
  }

  it('visible junk between the parts of a name keeps them apart: plain, small but legible (8px), faint', async () => {
    const page = await open('hidden-filler-visible.html');
    // Only the name whose filler a class hides reads as one.
    await waitFor(() => foundIds(run.ext, page), [HOISTING]);
    await waitFor(() => badgeText(run.ext, page), '1');
    // The whole page was scanned before the first report (openScanned): nothing else comes.
    await page.waitForTimeout(600);
    expect(await foundIds(run.ext, page)).toEqual([HOISTING]);
    await page.close();
  });
});
