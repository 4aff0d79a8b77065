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

  it('reads FEED_URLS only with a root and a signing key (id:base64), refuses the test key as either, and FEED_URL beside it', () => {
    const key = (n: number) => Buffer.alloc(32, n).toString('base64');
    const v1 = { FEED_URL: '', FEED_URLS: 'https://a.example/x/,https://b.example/;https://c.example/', FEED_HOST_ALLOW: 'jsdelivr.net' };
    expect(loadConfig({ ...v1, FEED_ROOT_KEY: `root:${key(1)}`, FEED_SIGNING_KEY: `sign:${key(2)}` })).toBe('');
    expect(loadConfig({ ...v1, FEED_SIGNING_KEY: `sign:${key(2)}` })).toMatch(/FEED_ROOT_KEY/);
    expect(loadConfig({ ...v1, FEED_ROOT_KEY: key(1), FEED_SIGNING_KEY: `sign:${key(2)}` })).toMatch(/FEED_ROOT_KEY/);
    expect(loadConfig({ ...v1, FEED_ROOT_KEY: `root:${key(1)}`, FEED_SIGNING_KEY: `sign:${key(1)}` })).toMatch(/different keys/);
    expect(loadConfig({ ...v1, FEED_ROOT_KEY: `root:${TEST_KEY}`, FEED_SIGNING_KEY: `sign:${key(2)}` })).toMatch(/test key/);
    expect(loadConfig({ ...v1, FEED_URLS: 'http://a.example/', FEED_ROOT_KEY: `root:${key(1)}`, FEED_SIGNING_KEY: `sign:${key(2)}` })).toMatch(/not a feed folder URL/);
    expect(loadConfig({ ...v1, FEED_URL: 'https://a.example/b.json', FEED_PUBLIC_KEY: key(3), FEED_ROOT_KEY: `root:${key(1)}`, FEED_SIGNING_KEY: `sign:${key(2)}` })).toMatch(
      /FEED_URLS or FEED_URL/,
    );
  });
});
