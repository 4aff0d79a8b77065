/**
 * The Firefox side of tests/e2e/hidden-names.test.ts, for what takes a different path there:
 * closed shadow roots (element.openOrClosedShadowRoot instead of chrome.dom), frames without a
 * URL of their own (match_origin_as_fallback), hidden filler (checkVisibility, glyph size and
 * colour in Gecko).
 */
import { describe, expect, it } from 'vitest';
import { serializedText } from '../../scripts/lib/firefox-bidi.mjs';
import { until, useFirefox } from './use-firefox';

const ROBOT = 'china-robot-education-alliance';
const DISCIPLINE = 'china-positive-discipline-association';
const HOISTING = 'china-large-hoisting-enterprise-alliance';

const run = useFirefox();

/** The sharedId of the element with `attribute` = `value` in a serialized node (shadow trees included). */
function sharedIdOf(node: any, attribute: string, value: string): string | undefined {
  const v = node?.value;
  if (!v) return undefined;
  if (v.attributes?.[attribute] === value) return node.sharedId;
  for (const child of [v.shadowRoot, ...(v.children ?? [])]) {
    const found = sharedIdOf(child, attribute, value);
    if (found) return found;
  }
  return undefined;
}

/**
 * The entry ids the banner lists on `path`, once it lists `count` of them (or after TIMEOUT.wait).
 * A page naming three or more gets the compact notice, one line until opened: it is opened with a
 * real (trusted) click, as a person would.
 */
async function bannerIds(path: string, count: number): Promise<string[]> {
  await run.open(path);
  const read = async () => {
    const node = await run.bannerNode();
    if (!node) return [];
    const expand = sharedIdOf(node, 'data-action', 'expand');
    if (expand && sharedIdOf(node, 'aria-expanded', 'false') === expand) {
      await run.firefox.bidi.send('input.performActions', {
        context: run.context,
        actions: [{
          type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' },
          actions: [
            { type: 'pointerMove', x: 0, y: 0, origin: { type: 'element', element: { sharedId: expand } } },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerUp', button: 0 },
          ],
        }],
      });
      return [];
    }
    return serializedText(node, 'data-entry-id').values as string[];
  };
  return [...(await until(read, (ids) => ids.length >= count))].sort();
}

describe('no way to hide a name in firefox-esr', () => {
  it('closed shadow roots, declarative and scripted', async () => {
    expect(await bannerIds('hidden-closed-shadow.html', 2), run.firefox.stderr()).toEqual([DISCIPLINE, ROBOT]);
  });

  it('frames without a URL of their own: srcdoc, about:blank, blob:', async () => {
    expect(await bannerIds('hidden-frames.html', 3), run.firefox.stderr()).toEqual([HOISTING, DISCIPLINE, ROBOT]);
  });

  it('hidden filler between the parts of names', async () => {
    expect(await bannerIds('hidden-filler.html', 3), run.firefox.stderr()).toEqual([HOISTING, DISCIPLINE, ROBOT]);
  });

  // Issue 18, item 2: filler judged by what Gecko renders (checkVisibility, glyph size, colour).
  for (const [what, path] of [
    ['filler hidden by a class', 'hidden-filler-class.html'],
    ['filler hidden by an attribute selector', 'hidden-filler-attribute.html'],
    ['filler in a font of 0.1px', 'hidden-filler-tenth-px.html'],
    ['filler in a font of .01px', 'hidden-filler-hundredth-px.html'],
    ['filler with opacity 0', 'hidden-filler-opacity.html'],
    ['filler in transparent text 1px high', 'hidden-filler-transparent.html'],
  ]) {
    it(what!, async () => {
      expect(await bannerIds(path!, 2), run.firefox.stderr()).toEqual([DISCIPLINE, ROBOT].sort());
    });
  }

  it('visible junk between the parts of a name keeps them apart: plain, small but legible (8px), faint', async () => {
    expect(await bannerIds('hidden-filler-visible.html', 1), run.firefox.stderr()).toEqual([HOISTING]);
  });
});
