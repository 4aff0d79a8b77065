/**
 * The one rule for URLs the extension fetches from or posts to on the user's word: the list feed
 * (options page, settings import, the build's FEED_URL) and the report endpoint. Pure.
 *
 * https anywhere; plain http only on this computer's loopback names (a local test server or
 * collector), never with a user name or password in the URL. Loopback is exactly the http
 * entries of manifest.json's optional_host_permissions: a URL accepted here can also be granted,
 * and one granted host is never refused. (`[::1]` is left out because the manifest doesn't offer
 * it; adding it there would ask every user for one more permission to cover a test setup.)
 */

/** The plain-http hosts allowed: this computer. */
export const LOOPBACK_HTTP_HOSTS: readonly string[] = ['127.0.0.1', 'localhost'];

function parse(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** https anywhere, or http on this computer only; no credentials in the URL. Also the rule for where a redirect may lead. */
export function isSecureFetchUrl(value: string): boolean {
  const url = parse(value);
  if (!url || url.username || url.password) return false;
  if (url.protocol === 'https:') return url.hostname.length > 0;
  return url.protocol === 'http:' && LOOPBACK_HTTP_HOSTS.includes(url.hostname);
}

/** `?` or `#` alone leave search and hash empty: the text tells. */
function hasFragment(value: string, url: URL): boolean {
  return url.hash !== '' || value.includes('#');
}

/**
 * A feed URL: secure, and without a query or fragment (its signature is fetched from the same URL
 * with ".sig" appended: `feed.json?x=1` would give `feed.json?x=1.sig`).
 */
export function isAllowedFeedUrl(value: string): boolean {
  if (!isSecureFetchUrl(value)) return false;
  const url = new URL(value);
  return url.search === '' && !value.includes('?') && !hasFragment(value, url);
}

/** A report endpoint: secure, without a fragment (a query is the collector's business). */
export function isAllowedEndpoint(value: string): boolean {
  if (!isSecureFetchUrl(value)) return false;
  return !hasFragment(value, new URL(value));
}

/** The host permission pattern that lets the extension fetch a URL (any port of its host). */
export function hostPattern(value: string): string {
  const url = new URL(value);
  return `${url.protocol}//${url.hostname}/*`;
}
