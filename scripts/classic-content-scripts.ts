/**
 * Builds the manifest's content scripts as classic scripts (one IIFE file each) instead of
 * crxjs's ES-module loader, for Chrome and Firefox alike.
 *
 * Why: the content script runs in every frame of every page, so its start is paid everywhere.
 * crxjs loads it as a small loader that import()s the entry, which imports its chunks: six
 * module requests and six module compiles on the page's main thread. Measured on the corpus
 * pages (CDP ScriptDuration, 11 rounds each): 5.5 → 3.3 ms added on nytimes-5 and
 * 6.3 → 3.7 ms on yahoo-3 with one classic script (BENCHMARKS.md). crxjs has no option to
 * build a content script that way, so the content scripts are taken out of the manifest crxjs
 * sees (`withoutContentScripts`), and this plugin builds them once crxjs has written the
 * extension, then writes them back into the built manifest.json.
 *
 * A classic script can't load chunks: what the entry import()s (the banner) is inlined.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { build, type PluginOption, type ResolvedConfig } from 'vite';

interface ContentScript {
  js?: string[];
  [key: string]: unknown;
}

interface WithContentScripts {
  content_scripts?: ContentScript[];
}

/** The manifest as crxjs should see it: without content scripts (this plugin builds them). */
export function withoutContentScripts<M extends object>(manifest: M): M {
  const { content_scripts: _built, ...rest } = manifest as M & WithContentScripts;
  return rest as M;
}

/** Where an entry's built file goes, relative to the output folder. */
function builtPath(entry: string): string {
  return `assets/content-${basename(entry, extname(entry)).replace(/[^a-z0-9-]/gi, '-')}.js`;
}

/**
 * @param manifest the manifest source (with its content scripts)
 * @param plugins the plugins the content scripts need (JSX), without crxjs
 */
export function classicContentScripts(manifest: WithContentScripts, plugins: () => PluginOption[]): PluginOption {
  let config: ResolvedConfig;
  return {
    name: 'orgcheck:classic-content-scripts',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    async closeBundle() {
      const outDir = resolve(config.root, config.build.outDir);
      const scripts = manifest.content_scripts ?? [];
      const entries = [...new Set(scripts.flatMap((s) => s.js ?? []))];
      for (const entry of entries) {
        await build({
          configFile: false,
          root: config.root,
          mode: config.mode,
          logLevel: 'warn',
          plugins: plugins(),
          // The content script folds with the table its compiled list brings: the code and the
          // OpenCC tables that build one are dropped from it (core/normalize.ts).
          define: { ...config.define, __FOLD_TABLE_INSTALLED_ONLY__: 'true' },
          build: {
            outDir,
            emptyOutDir: false,
            target: config.build.target,
            minify: config.build.minify,
            copyPublicDir: false,
            lib: { entry: resolve(config.root, entry), formats: ['iife'], name: 'orgcheckContent', fileName: () => builtPath(entry) },
          },
        });
      }
      const manifestPath = join(outDir, 'manifest.json');
      const built = JSON.parse(await readFile(manifestPath, 'utf8')) as WithContentScripts;
      built.content_scripts = scripts.map((s) => ({ ...s, js: (s.js ?? []).map(builtPath) }));
      await writeFile(manifestPath, JSON.stringify(built, null, 2));
    },
  };
}
