/**
 * The comparison build for "no regression": the source tree of a fixed commit (today's main,
 * 48e95a4, unless BENCH_BASE names another), extracted with `git archive` under
 * test-output/bench-base/<commit>/ and built with its own vite config into its own dist/.
 * Made by the bench itself, so that any rerun compares against the same code; reused while the
 * commit's stamp file is there (delete test-output/bench-base to force a rebuild).
 * `git archive` rather than `git worktree add`: it registers nothing in the shared repository.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../scripts/lib/extension-browser.mjs';

export const BASE_COMMIT = process.env.BENCH_BASE ?? '48e95a4';

export interface BaseBuild {
  commit: string;
  /** The extracted source tree (imports of src/ for the matcher bench). */
  tree: string;
  /** The built extension. */
  dist: string;
}

export function baseBuild(log: (line: string) => void = () => {}): BaseBuild {
  const commit = execFileSync('git', ['rev-parse', '--short=7', `${BASE_COMMIT}^{commit}`], { cwd: ROOT, encoding: 'utf8' }).trim();
  const home = join(ROOT, 'test-output', 'bench-base', commit);
  const tree = join(home, 'tree');
  const dist = join(home, 'dist');
  const stamp = join(home, 'built');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === commit && existsSync(join(dist, 'manifest.json'))) {
    return { commit, tree, dist };
  }
  log(`Building the comparison extension from ${commit} into ${dist} (once; reused by later runs) …`);
  rmSync(home, { recursive: true, force: true });
  mkdirSync(tree, { recursive: true });
  const archive = execFileSync('git', ['archive', '--format=tar', commit], { cwd: ROOT, maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', tree], { input: archive });
  // Same dependencies as this checkout (the lockfile is shared by both commits' stacks).
  symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'), 'dir');
  execFileSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: tree,
    stdio: ['ignore', 'ignore', 'inherit'],
    // The bench's builds never trust a feed: the same for both builds.
    env: { ...process.env, FEED_URL: '', FEED_PUBLIC_KEY: '' },
  });
  writeFileSync(stamp, commit);
  return { commit, tree, dist };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const b = baseBuild(console.log);
  console.log(`base ${b.commit}: ${b.dist}`);
}
