/**
 * Which hosts a sync tries, in which order. Every host is untrusted transport (only signatures
 * decide), so the order is about reaching users, not about trust:
 * - the build's FEED_URLS: ordered tiers of folders (each holding v1/latest.json); within a tier
 *   the order is shuffled on every sync, so no one mirror carries every client;
 * - a signed pointer may carry more hosts; they are used from then on, but only those whose host
 *   name ends in one of the build's FEED_HOST_ALLOW suffixes, and always before the build's own,
 *   which are tried last and can never be removed by a feed (a leaked key must not be able to
 *   cut clients off from the hosts their build names);
 * - a folder the user set on the options page comes first.
 * Pure; `random` is injectable for tests.
 */
import { isAllowedFeedUrl } from '../url-policy';

/** A folder URL ends in "/": paths below it (v1/latest.json) resolve inside it. */
export function asFolder(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/** A FEED_URL ending in .json is the one-file format of earlier releases (file + .sig beside it). */
export function isLegacyFeedUrl(url: string): boolean {
  return /\.json$/i.test(new URL(url).pathname);
}

/**
 * FEED_URLS as written at build time: tiers separated by ";" (or new lines), hosts within a tier
 * by "," or spaces. Every host an https folder (http only on this computer). Throws on a bad one.
 */
export function parseFeedUrls(text: string): string[][] {
  const tiers = text
    .split(/[;\n]/)
    .map((tier) => tier.split(/[,\s]+/).map((u) => u.trim()).filter((u) => u !== ''))
    .filter((tier) => tier.length > 0);
  for (const tier of tiers) {
    for (const url of tier) {
      if (!isAllowedFeedUrl(url)) throw new Error(`not a feed folder URL (https, or http on 127.0.0.1 / localhost; no query): ${url}`);
      if (isLegacyFeedUrl(url)) throw new Error(`FEED_URLS names folders, not files: ${url}`);
    }
  }
  return tiers.map((tier) => tier.map(asFolder));
}

/** FEED_HOST_ALLOW: host name suffixes separated by "," or spaces, lowercased, without a leading dot. */
export function parseHostAllow(text: string): string[] {
  return text
    .split(/[,\s]+/)
    .map((s) => s.trim().toLowerCase().replace(/^\*?\./, ''))
    .filter((s) => s !== '');
}

/** The host name is one of the suffixes, or ends in "." + one. */
export function hostAllowed(url: string, allow: readonly string[]): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return allow.some((suffix) => host === suffix || host.endsWith(`.${suffix}`));
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface HostSources {
  /** The folder the user set on the options page, or null. */
  user: string | null;
  /** Hosts carried by the newest accepted pointer, or null. */
  carried: readonly (readonly string[])[] | null;
  /** The build's FEED_URLS. */
  built: readonly (readonly string[])[];
  /** The build's FEED_HOST_ALLOW. */
  allow: readonly string[];
}

/** The tiers of one sync, each shuffled: the user's folder, the carried hosts the allowlist admits, then the build's. No URL twice. */
export function hostTiers(sources: HostSources, random: () => number = Math.random): string[][] {
  const seen = new Set<string>();
  const builtTiers = sources.built.map((tier) => tier.map(asFolder));
  for (const tier of builtTiers) for (const url of tier) seen.add(url);
  const take = (tier: readonly string[]) => {
    const kept: string[] = [];
    for (const url of tier.map(asFolder)) {
      if (seen.has(url)) continue;
      seen.add(url);
      kept.push(url);
    }
    return kept;
  };
  const user = sources.user ? take([sources.user]) : [];
  const carried = (sources.carried ?? []).map((tier) =>
    take(tier.filter((url) => isAllowedFeedUrl(url) && hostAllowed(url, sources.allow))),
  );
  return [user, ...carried, ...builtTiers].filter((tier) => tier.length > 0).map((tier) => shuffled(tier, random));
}

/** The host name a user reads for a folder URL ("fastly.jsdelivr.net", "127.0.0.1:8080"). */
export function hostLabel(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
