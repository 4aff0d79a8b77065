/**
 * Bundles the code the matcher bench measures from one source tree (this checkout, or the
 * comparison commit's, bench/base-build.ts) into one ES module that Node and a Chromium page both
 * load: the same bytes in both engines. esbuild is vite's and tsx's bundler, already installed.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/** What bench/matcher-core.ts calls (its Engine interface), as the content script does it. */
const ENTRY = `
import { normalizeWithOffsets } from './src/core/normalize';
import { NameMatcher } from './src/core/matcher';
import { patternsOf } from './src/core/compiled-list';
import bundled from './data/organizations.json';
export { normalizeWithOffsets, NameMatcher };
export const realPatterns = () => patternsOf(bundled).patterns;
`;

/** Bundles `tree`'s engine to `outFile` (ESM, no Node API). */
export async function bundleEngine(tree: string, outFile: string): Promise<string> {
  mkdirSync(join(outFile, '..'), { recursive: true });
  await build({
    stdin: { contents: ENTRY, resolveDir: tree, loader: 'ts', sourcefile: 'engine-entry.ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outfile: outFile,
    logLevel: 'warning',
  });
  return outFile;
}

/** Bundles a browser entry of the bench (bench/matcher-browser.ts) for a page. */
export async function bundleBrowserEntry(entry: string, outFile: string): Promise<string> {
  await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'browser', target: 'es2022', outfile: outFile, logLevel: 'warning' });
  return outFile;
}
