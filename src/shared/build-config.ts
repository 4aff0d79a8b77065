/**
 * What the build set (vite.config.ts `define`): the list feed's URL and public key, and the feed
 * request timeout. The one place that reads the __FEED_*__ globals; outside a vite build (unit
 * tests under Node) they are absent and the defaults apply: no feed.
 */

/** The built-in feed URL, or '' for none. */
export const BUILT_IN_FEED_URL: string = typeof __FEED_URL__ === 'string' ? __FEED_URL__ : '';
/** The feed public key (a public.key line) of this build, or '' when it has no feed. */
export const FEED_PUBLIC_KEY: string = typeof __FEED_PUBLIC_KEY__ === 'string' ? __FEED_PUBLIC_KEY__ : '';
/** The time limit of one sync's requests (ms); tests shorten it. */
export const FEED_TIMEOUT_MS: number = typeof __FEED_TIMEOUT_MS__ === 'number' ? __FEED_TIMEOUT_MS__ : 20_000;
