/**
 * globalThis.orgcheckHooks (background/context-menu.ts: what the tests call for a native menu
 * click) is in test builds only. The release build (`npm run build`) must not have it; dist/, which
 * the e2e tests drive, must be the test build (`npm run build:test`, run by `npm run test:e2e`).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from '../../scripts/lib/extension-browser.mjs';
import { ROOT } from './harness';

const RELEASE = join(ROOT, 'dist-e2e-release');

/** The built scripts under `dir` whose text contains `needle`, relative to `dir`. */
function scriptsNaming(dir: string, needle: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .filter((file) => readFileSync(join(dir, file), 'utf8').includes(needle));
}

describe('test hooks', () => {
  it('the release build has no orgcheckHooks', () => {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', RELEASE, '--emptyOutDir', '--logLevel', 'error'], {
      cwd: ROOT,
      stdio: 'pipe',
      env: { ...process.env, ORGCHECK_TEST_HOOKS: '' },
    });
    expect(readdirSync(RELEASE)).toContain('manifest.json');
    expect(scriptsNaming(RELEASE, 'orgcheckHooks')).toEqual([]);
  });

  it('dist/, which the e2e tests drive, is the test build: its worker has orgcheckHooks', () => {
    expect(scriptsNaming(DIST, 'orgcheckHooks'), 'dist/ is not a test build: run npm run build:test').not.toEqual([]);
  });
});
