/**
 * The content script every frame compiles carries only what a frame runs: the fold table comes
 * with the compiled list, so neither OpenCC's tables nor the code that builds a table from them
 * is in it (scripts/classic-content-scripts.ts, core/normalize.ts). Reads the built dist/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from '../../scripts/lib/extension-browser.mjs';

describe('content script bundle', () => {
  const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as { content_scripts: Array<{ js: string[] }> };
  const files = manifest.content_scripts.flatMap((s) => s.js);

  it('has no OpenCC table in it', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const code = readFileSync(join(DIST, file), 'utf8');
      // The first pairs of OpenCC's TSCharacters and of its Taiwan variants.
      // (includes() rather than toContain: a failure would print the whole bundle.)
      expect(code.includes('㑯 㑔'), `${file} has OpenCC's TSCharacters`).toBe(false);
      expect(code.includes('偽 僞'), `${file} has OpenCC's variants`).toBe(false);
      // And it still has the fold code it needs (installing the list's table).
      expect(code.includes('no fold table installed'), `${file} has no fold code`).toBe(true);
    }
  });
});
