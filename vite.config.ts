import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { readFileSync } from 'node:fs';
import { parsePublicKey } from './src/core/feed/signature.ts';
import { hostPattern, isAllowedFeedUrl, LOOPBACK_HTTP_HOSTS } from './src/core/url-policy.ts';
import { isLegacyFeedUrl, parseFeedUrls, parseHostAllow } from './src/core/feed/hosts.ts';
import { parseKeyRef } from './src/core/feed/keyed-signature.ts';
import { classicContentScripts, withoutContentScripts } from './scripts/classic-content-scripts.ts';

// The list feed, set at build time (docs/self-hosting-feed.md, docs/publishing-the-list.md):
// - FEED_URLS: ordered tiers of folders holding v1/latest.json ("a/,b/;c/": a and b first, in a
//   random order per sync, then c), with FEED_ROOT_KEY and FEED_SIGNING_KEY (`id:base64`), and
//   FEED_HOST_ALLOW, the host suffixes under which a signed feed may add hosts. A FEED_URL that
//   is a folder is read as one tier.
// - FEED_URL ending in .json with FEED_PUBLIC_KEY: the one-file format of earlier releases.
// None: no feed, the bundled list only. FEED_TIMEOUT_MS only shortens the request timeout for tests.
const feedUrl = process.env.FEED_URL?.trim() ?? '';
const feedKey = process.env.FEED_PUBLIC_KEY?.trim() ?? '';
const feedUrlsText = process.env.FEED_URLS?.trim() ?? '';
const rootKey = process.env.FEED_ROOT_KEY?.trim() ?? '';
const signingKey = process.env.FEED_SIGNING_KEY?.trim() ?? '';
const hostAllow = parseHostAllow(process.env.FEED_HOST_ALLOW ?? '');
if (feedUrl && !isAllowedFeedUrl(feedUrl)) {
  throw new Error(`FEED_URL must be https (or http on 127.0.0.1 / localhost), without a query or fragment: ${feedUrl}`);
}
if (feedUrl && feedUrlsText) throw new Error('set FEED_URLS or FEED_URL, not both');
const legacyUrl = feedUrl && isLegacyFeedUrl(feedUrl) ? feedUrl : '';
const feedTiers = feedUrlsText ? parseFeedUrls(feedUrlsText) : feedUrl && !legacyUrl ? parseFeedUrls(feedUrl) : [];
if (feedTiers.length) {
  if (!parseKeyRef(rootKey)) throw new Error('FEED_URLS needs FEED_ROOT_KEY as id:base64 (the root public key, npm run feed:keygen)');
  if (!parseKeyRef(signingKey)) throw new Error('FEED_URLS needs FEED_SIGNING_KEY as id:base64 (the current signing public key)');
  if (parseKeyRef(rootKey)!.key === parseKeyRef(signingKey)!.key) throw new Error('FEED_ROOT_KEY and FEED_SIGNING_KEY must be different keys');
}
if (legacyUrl && !feedKey) throw new Error('FEED_URL is set without FEED_PUBLIC_KEY: a feed is only read with its key');
if (feedKey && !parsePublicKey(feedKey)) throw new Error('FEED_PUBLIC_KEY is not a public.key line (base64 of 32 bytes)');
// The key pair in tests/fixtures/feed is public, private half included: anyone could sign a feed
// for a build that trusts it. Only the tests may build with it, and they say so.
export const TEST_FEED_PUBLIC_KEY = readFileSync(new URL('./tests/fixtures/feed/public.key', import.meta.url), 'utf8').trim();
const builtKeys = [feedKey, parseKeyRef(rootKey)?.key, parseKeyRef(signingKey)?.key];
if (builtKeys.includes(TEST_FEED_PUBLIC_KEY) && process.env.ORGCHECK_ALLOW_TEST_FEED_KEY !== '1') {
  throw new Error(
    'a feed key is the test key of tests/fixtures/feed, whose private key is public: no build may trust it ' +
      '(tests set ORGCHECK_ALLOW_TEST_FEED_KEY=1)',
  );
}
// A test build (`npm run build:test`, which `npm run test:e2e` runs) exposes globalThis.orgcheckHooks
// in the worker, for what tests can't do through the browser (click a native context menu). The
// release build (`npm run build`) has none: tests/e2e/test-hooks.test.ts checks both.
const testHooks = process.env.ORGCHECK_TEST_HOOKS === '1';
// The built-in feed's host needs no prompt (a host permission lets the worker fetch it without
// CORS); a URL set on the options page asks for its host then (optional_host_permissions).
// The hosts a signed feed may add are granted the same way, by their allowed suffixes.
const allowPatterns = hostAllow.flatMap((suffix) =>
  LOOPBACK_HTTP_HOSTS.includes(suffix) ? [`http://${suffix}/*`, `https://${suffix}/*`] : [`https://*.${suffix}/*`],
);
const feedHost = [...new Set([...(legacyUrl ? [hostPattern(legacyUrl)] : []), ...feedTiers.flat().map(hostPattern), ...allowPatterns])];

// manifest.json is the source; crxjs rewrites its entry points to the built files in dist/.
// Exported for vite.firefox.config.ts, which derives the Firefox manifest from it.
export const extensionManifest = { ...manifest, ...(feedHost.length ? { host_permissions: feedHost } : {}) } as ManifestV3Export;

export default defineConfig({
  plugins: [
    preact(),
    // The content scripts are built as classic scripts, not by crxjs (scripts/classic-content-scripts.ts).
    crx({ manifest: withoutContentScripts(extensionManifest) }),
    classicContentScripts(manifest, () => [preact()]),
  ],
  define: {
    __FEED_URL__: JSON.stringify(legacyUrl),
    __FEED_PUBLIC_KEY__: JSON.stringify(feedTiers.length ? '' : feedKey),
    __FEED_TIERS__: JSON.stringify(feedTiers.length ? JSON.stringify(feedTiers) : ''),
    __FEED_ROOT_KEY__: JSON.stringify(feedTiers.length ? rootKey : ''),
    __FEED_SIGNING_KEY__: JSON.stringify(feedTiers.length ? signingKey : ''),
    __FEED_HOST_ALLOW__: JSON.stringify(feedTiers.length ? JSON.stringify(hostAllow) : ''),
    __FEED_TIMEOUT_MS__: JSON.stringify(Number(process.env.FEED_TIMEOUT_MS) || 20_000),
    __ORGCHECK_TEST_HOOKS__: JSON.stringify(testHooks),
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'chrome137',
    // Extension code is loaded from disk: no benefit in splitting the banner's Preact out.
    chunkSizeWarningLimit: 1024,
    // Pages no manifest field names, opened by the extension itself (crxjs builds those it names).
    rollupOptions: { input: { report: 'src/report/index.html', confirm: 'src/confirm/index.html', help: 'src/help/index.html' } },
  },
  // The dev server is not used (tests and demo load the built dist/); keep HMR off the network.
  server: { host: '127.0.0.1', strictPort: true },
});
