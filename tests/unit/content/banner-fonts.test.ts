/**
 * Issue 18 item 3: a page's `@font-face` reaches into the banner's closed shadow root, so a page
 * can define any named family the banner asks for ("Segoe UI", "Noto Sans CJK SC", …) and draw the
 * banner in its own glyphs. The banner and the pill ask for generic families only.
 */
import { describe, expect, it } from 'vitest';
import { BANNER_CSS } from '../../../src/content/banner/styles';

const GENERIC = new Set(['system-ui', 'sans-serif', 'serif', 'monospace', 'inherit', 'initial']);

describe('banner fonts', () => {
  it('every font family the banner names is a generic one (a page cannot define those)', () => {
    const families: string[] = [];
    for (const match of BANNER_CSS.matchAll(/font(?:-family)?\s*:\s*([^;}]+)/g)) {
      const value = match[1]!.trim();
      if (value === 'inherit') continue;
      // `font` shorthand: the families come after the size (and line height).
      const list = value.replace(/^.*?\d+(?:\.\d+)?px(?:\/[\d.]+)?\s+/, '');
      families.push(...list.split(',').map((f) => f.trim()));
    }
    expect(families.length).toBeGreaterThan(1);
    expect(families.filter((f) => !GENERIC.has(f))).toEqual([]);
  });
});
