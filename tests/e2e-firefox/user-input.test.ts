/**
 * The Firefox side of tests/e2e/user-input.test.ts (issue 18 item 1): a page that makes the
 * browser fire trusted input events with no person involved (execCommand) must not make OrgCheck
 * read less. The same attack page: it names one organization, attacks 2.5 s after load, then
 * adds a second name; the banner must list both. What a person types (key events) is tested in
 * Chromium only: WebDriver BiDi's key actions in firefox-esr don't compose Chinese text.
 */
import { describe, expect, it } from 'vitest';
import { serializedText } from '../../scripts/lib/firefox-bidi.mjs';
import { until, useFirefox } from './use-firefox';

const ROBOT = 'china-robot-education-alliance';
const DISCIPLINE = 'china-positive-discipline-association';

const run = useFirefox();

/** Evaluates `expression` in the page and returns its value (JSON-serializable). */
async function inPage(expression: string): Promise<unknown> {
  const value = await run.evaluate(`JSON.stringify(${expression})`);
  return typeof value === 'string' ? JSON.parse(value) : undefined;
}

/** The entry ids the banner lists, once it lists `count` (or after TIMEOUT.wait). */
async function bannerIds(count: number): Promise<string[]> {
  const read = async () => {
    const node = await run.bannerNode();
    return node ? (serializedText(node, 'data-entry-id').values as string[]) : [];
  };
  return [...(await until(read, (ids) => ids.length >= count))].sort();
}

describe('a page that fakes "the user typed here", in firefox-esr', () => {
  const attacks: Array<[string, string]> = [
    ['designMode on, execCommand insertText, undo: the name still counts', 'design-mode'],
    ['a wrapper made contentEditable for a moment: the name still counts', 'wrapper'],
    ['execCommand into a hidden <input> in a closed shadow root: the component\'s content still counts', 'shadow-input'],
  ];
  for (const [what, attack] of attacks) {
    it(what, async () => {
      await run.open(`typed-by-page.html?attack=${attack}`);
      await until(() => inPage('window.attackDone'), (done) => done === true);
      // The browser did fire a trusted input event: the attack is real.
      expect(await inPage('window.inputEvents')).toContain('input:true');
      expect(await bannerIds(2), run.firefox.stderr()).toEqual([DISCIPLINE, ROBOT].sort());
    });
  }
});
