/**
 * What counts as "a site" for the user's controls: the registrable domain (eTLD+1, from the
 * Public Suffix List through tldts, which keeps the list current), so that "don't warn on this
 * site" on www.example.com.cn also covers m.example.com.cn. An IP address or localhost is its own
 * site together with its port: two test servers on 127.0.0.1 are two sites.
 */
import { getDomain, parse } from 'tldts';

export function siteOf(pageUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = url.hostname.replace(/\.$/, '').toLowerCase();
  const info = parse(host);
  if (info.isIp || host === 'localhost' || host.endsWith('.localhost')) return url.port ? `${host}:${url.port}` : host;
  return getDomain(host, { allowPrivateDomains: true }) ?? host;
}

/** Whether `host` is `domain` or one of its subdomains. */
export function hostIsUnder(host: string, domain: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  const d = domain.toLowerCase().replace(/^\.+|\.$/g, '');
  return h === d || h.endsWith(`.${d}`);
}
