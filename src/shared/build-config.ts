/**
 * What the build set (vite.config.ts `define`): where the list feed is and the keys that sign it,
 * and the feed request timeout. The one place that reads the __FEED_*__ globals; outside a vite
 * build (unit tests under Node) they are absent and the defaults apply: no feed.
 *
 * Two formats (docs/self-hosting-feed.md):
 * - 'v1': FEED_URLS, ordered tiers of folders holding v1/latest.json, with the root key and the
 *   current signing key (FEED_ROOT_KEY, FEED_SIGNING_KEY, each `id:base64`), and FEED_HOST_ALLOW,
 *   the host suffixes a signed feed may add hosts under;
 * - 'legacy': one FEED_URL ending in .json (the file and its .sig) with FEED_PUBLIC_KEY; read for
 *   one more release, with a warning on the options page.
 */
import { parseKeyRef, type KeyRef } from '../core/feed/keyed-signature';

/** The built-in one-file feed URL (legacy format), or '' for none. */
export const BUILT_IN_FEED_URL: string = typeof __FEED_URL__ === 'string' ? __FEED_URL__ : '';
/** The legacy feed's public key (a public.key line), or ''. */
export const FEED_PUBLIC_KEY: string = typeof __FEED_PUBLIC_KEY__ === 'string' ? __FEED_PUBLIC_KEY__ : '';
/** The v1 feed's tiers of folder URLs (empty: no v1 feed). */
export const FEED_TIERS: string[][] = typeof __FEED_TIERS__ === 'string' && __FEED_TIERS__ ? (JSON.parse(__FEED_TIERS__) as string[][]) : [];
/** The v1 feed's offline root key (signs key statements only). */
export const FEED_ROOT_KEY: KeyRef | null = typeof __FEED_ROOT_KEY__ === 'string' ? parseKeyRef(__FEED_ROOT_KEY__) : null;
/** The v1 feed's signing key when this build was made (signs pointers). */
export const FEED_SIGNING_KEY: KeyRef | null = typeof __FEED_SIGNING_KEY__ === 'string' ? parseKeyRef(__FEED_SIGNING_KEY__) : null;
/** Host name suffixes under which hosts carried by a signed feed are used. */
export const FEED_HOST_ALLOW: string[] = typeof __FEED_HOST_ALLOW__ === 'string' && __FEED_HOST_ALLOW__ ? (JSON.parse(__FEED_HOST_ALLOW__) as string[]) : [];

export type FeedMode = 'v1' | 'legacy' | 'none';
export const FEED_MODE: FeedMode =
  FEED_TIERS.length > 0 && FEED_ROOT_KEY && FEED_SIGNING_KEY ? 'v1' : FEED_PUBLIC_KEY ? 'legacy' : 'none';
/**
 * The key a stored list was verified under, in this build's terms: the root for v1 (signing keys
 * rotate under it), the public key for legacy, '' without a feed. A build with another anchor
 * ignores a stored list and its version floor.
 */
export const FEED_ANCHOR: string = FEED_MODE === 'v1' ? FEED_ROOT_KEY!.key : FEED_MODE === 'legacy' ? FEED_PUBLIC_KEY : '';
/** The time limit of one request (ms); tests shorten it. */
export const FEED_TIMEOUT_MS: number = typeof __FEED_TIMEOUT_MS__ === 'number' ? __FEED_TIMEOUT_MS__ : 20_000;
