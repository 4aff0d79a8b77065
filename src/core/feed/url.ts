/** Which feed URLs the options page (and a settings import, and the build) accepts. Pure. */

/**
 * The plain-http hosts allowed: this computer (a local test server). Exactly the http entries of
 * manifest.json's optional_host_permissions, so that any URL accepted here can also be granted.
 */
export const LOCAL_HTTP_HOSTS: readonly string[] = ['127.0.0.1', 'localhost'];

/** https anywhere, or http on this computer only; no credentials in the URL. */
export function isSecureFetchUrl(url: string): boolean {
  try {
    const u = new URL(url);
    if (u.username || u.password) return false;
    if (u.protocol === 'https:') return true;
    return u.protocol === 'http:' && LOCAL_HTTP_HOSTS.includes(u.hostname);
  } catch {
    return false;
  }
}

/**
 * A feed URL: as isSecureFetchUrl, and without a query or fragment (its signature is fetched from
 * the same URL with ".sig" appended: `feed.json?x=1` would give `feed.json?x=1.sig`).
 */
export function isAllowedFeedUrl(url: string): boolean {
  if (!isSecureFetchUrl(url)) return false;
  const u = new URL(url);
  // `?` or `#` alone leave search and hash empty: look at the text as well.
  return !u.search && !u.hash && !/[?#]/.test(url);
}

/** Where a feed's signature is: the feed's path with ".sig" appended (any query kept). */
export function signatureUrl(url: string): string {
  const u = new URL(url);
  u.hash = '';
  u.pathname = `${u.pathname}.sig`;
  return u.href;
}

/** The host permission pattern that lets the extension fetch a URL (any port of its host). */
export function hostPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}
