/**
 * vite.config.ts refuses a build that would trust the test feed key (tests/fixtures/feed, whose
 * private key is committed) unless ORGCHECK_ALLOW_TEST_FEED_KEY=1 says it is a test build.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const TEST_KEY = readFileSync(join(ROOT, 'tests/fixtures/feed/public.key'), 'utf8').trim();

/** Loads vite.config.ts as `vite build` would, and stops there (the error, or '' when it loads). */
function loadConfig(env: Record<string, string>): string {
  const script = `import(${JSON.stringify(join(ROOT, 'vite.config.ts'))}).then(() => process.exit(0), (e) => { console.error(e.message); process.exit(1); })`;
  try {
    execFileSync(process.execPath, ['--import', 'tsx', '-e', script], {
      cwd: ROOT,
      stdio: 'pipe',
      env: { ...process.env, FEED_URL: 'https://lists.example.org/blocklist.json', ORGCHECK_ALLOW_TEST_FEED_KEY: '', ...env },
    });
    return '';
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  }
}

describe('the build and the test feed key', () => {
  it('refuses the test key without the test flag', () => {
    expect(loadConfig({ FEED_PUBLIC_KEY: TEST_KEY })).toMatch(/test key/);
  });

  it('takes it with the flag, and any other key without', () => {
    expect(loadConfig({ FEED_PUBLIC_KEY: TEST_KEY, ORGCHECK_ALLOW_TEST_FEED_KEY: '1' })).toBe('');
    expect(loadConfig({ FEED_PUBLIC_KEY: Buffer.alloc(32, 7).toString('base64') })).toBe('');
  });

  it('refuses a built-in feed URL with a query', () => {
    expect(loadConfig({ FEED_PUBLIC_KEY: Buffer.alloc(32, 7).toString('base64'), FEED_URL: 'https://lists.example.org/b.json?v=1' })).toMatch(/FEED_URL/);
  });
});
