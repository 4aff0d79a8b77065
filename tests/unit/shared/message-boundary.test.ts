/**
 * The trust boundary in the code (issue 11 item 7): only shared/messages.ts touches the browser's
 * messaging, content scripts send through the content-script map only, and extension pages
 * through theirs only.
 */
import { describe, expect, it } from 'vitest';
import { code, sources } from '../source-files';

describe('the message boundary', () => {
  it('is crossed in shared/messages.ts only', () => {
    const callers = sources
      .filter(({ text }) => /runtime\.(sendMessage|onMessage)|tabs\.sendMessage/.test(code(text)))
      .map(({ path }) => path);
    expect(callers).toEqual(['shared/messages.ts']);
  });
  it('content scripts send through the content-script map only', () => {
    const content = sources.filter(({ path }) => path.startsWith('content/'));
    const sending = content.filter(({ text }) => /sendFrom\w+\(/.test(code(text)));
    expect(sending.length).toBeGreaterThan(0);
    for (const { path, text } of sending) {
      expect(code(text), path).not.toMatch(/sendFromExtensionPage/);
      expect(code(text), path).toMatch(/sendFromContentScript\(/);
    }
  });
  it('extension pages send through the extension-page map only', () => {
    const pages = sources.filter(({ path }) => /^(popup|options|report)\//.test(path));
    const sending = pages.filter(({ text }) => /sendFrom\w+\(|sendToBackground\(/.test(code(text)));
    expect(sending.length).toBeGreaterThan(0);
    for (const { path, text } of sending) {
      expect(code(text), path).not.toMatch(/sendFromContentScript|sendToBackground/);
      expect(code(text), path).toMatch(/sendFromExtensionPage\(/);
    }
  });
});
