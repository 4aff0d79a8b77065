/**
 * The rules that apply the limits of list-limits.ts to a name or a domain, for the list schema
 * (list-schema.ts). Pure: tldts is the Public Suffix List, with no network.
 */
import { getDomain, parse } from 'tldts';
import { NAME_MAX_CHARS, NAME_MIN_CHARS_CHINESE, NAME_MIN_CHARS_OTHER } from './list-limits';
import { isHan, normalize } from './normalize';

/** Why a matched name is outside the limits, or null when it is within them. */
export function nameProblem(name: string): string | null {
  const folded = normalize(name);
  if (folded.length > NAME_MAX_CHARS) {
    return `a matched name may have at most ${NAME_MAX_CHARS} characters; this one has ${folded.length} after normalization`;
  }
  const chars = [...folded.replace(/\s+/g, '')];
  const chinese = chars.some((c) => isHan(c.charCodeAt(0)));
  const min = chinese ? NAME_MIN_CHARS_CHINESE : NAME_MIN_CHARS_OTHER;
  if (chars.length < min) {
    return `a matched name ${chinese ? 'in Chinese' : 'without Chinese characters'} needs at least ${min} characters (not counting spaces); "${folded}" has ${chars.length}: it would match ordinary text`;
  }
  return null;
}

/** Length after normalization, as the total-size limit counts it. */
export function normalizedLength(name: string): number {
  return normalize(name).length;
}

/**
 * Why a domain is not one an entry may claim, or null. An entry's domain makes every page under
 * it "the organization's own site" (the strongest alert), so it must be one site's registrable
 * domain (eTLD+1 by the Public Suffix List, private suffixes included, so neither "com" nor
 * "blogspot.com") or a host name under one: never a public suffix, an IP address, a URL or a path.
 */
export function domainProblem(domain: string): string | null {
  const info = parse(domain, { allowPrivateDomains: true });
  if (domain !== domain.toLowerCase() || info.hostname !== domain || domain.endsWith('.')) {
    return `"${domain}" is not a bare domain: write it in lower case, like example.org, with no scheme, port, path or final dot`;
  }
  if (info.isIp) return `"${domain}" is an IP address: give the site's domain`;
  if (!getDomain(domain, { allowPrivateDomains: true })) {
    return `"${domain}" is a public suffix (or not a domain), shared by unrelated sites: give the organization's own domain, like example.org`;
  }
  return null;
}
