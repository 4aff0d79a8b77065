/** Which feed URLs the options page accepts. Pure. */

/** https anywhere, or http on this computer only (a local test server); no credentials in the URL. */
export function isAllowedFeedUrl(url: string): boolean {
  try {
    const u = new URL(url);
    if (u.username || u.password) return false;
    if (u.protocol === 'https:') return true;
    return u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
  } catch {
    return false;
  }
}

/** The host permission pattern that lets the extension fetch a URL (any port of its host). */
export function hostPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}
