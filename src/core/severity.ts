/**
 * How loudly to warn. A page that *is* a listed organization's own site gets a prominent alert;
 * a page that only mentions one gets a compact notice. Pure, so every rule is unit tested.
 *
 * Own site: the page's host is under a domain of the entry, or the page's title names that
 * organization and no other listed one — except on government sites (gov.cn) and news sites,
 * which report on such lists. Whatever else the page names does not matter then: a listed site
 * could otherwise downgrade its own alert by naming more organizations in a hidden element. Any
 * other page (a ministry notice or a news report naming several, a mention) gets the compact
 * notice.
 */
import type { BlocklistEntry } from './list-schema';
import { hostIsUnder } from './site';

export type Severity = 'alert' | 'status';

/**
 * News outlets that repost the ministry's lists (the sources of the bundled data among them).
 * A heuristic, not a registry: a site missing here only gets the louder alert when its title
 * names one listed organization alone.
 */
export const NEWS_DOMAINS = [
  'xinhuanet.com', 'news.cn', 'people.com.cn', 'chinanews.com.cn', 'chinanews.com', 'cctv.com', 'cnr.cn',
  'chinadaily.com.cn', 'gmw.cn', 'youth.cn', 'ce.cn', 'thepaper.cn', 'caixin.com', 'bjnews.com.cn',
  'infzm.com', 'gongyishibao.com', 'stdaily.com', 'cyol.com', 'china.com.cn', 'cri.cn', 'huanqiu.com',
  // Portals by their news sections only: their blog and self-media hosts (mp.weixin.qq.com …)
  // are where counterfeit societies publish.
  'news.sina.com.cn', 'news.sohu.com', 'news.ifeng.com', 'news.163.com', 'news.qq.com',
  'mingpao.com', 'hk01.com', 'rfi.fr', 'bbc.com', 'bbc.co.uk', 'reuters.com', 'apnews.com', 'nytimes.com',
  'scmp.com', 'chinanpo.org.cn',
];

export function isGovernmentOrNewsHost(host: string): boolean {
  const h = host.toLowerCase();
  if (hostIsUnder(h, 'gov.cn')) return true;
  return NEWS_DOMAINS.some((d) => hostIsUnder(h, d));
}

export interface SeverityInput {
  pageUrl: string;
  /** Organizations found on the page (after the user's suppressions). */
  entries: readonly BlocklistEntry[];
  /** Ids of the organizations named in the top frame's title. */
  titleIds: readonly string[];
}

export function severityOf({ pageUrl, entries, titleIds }: SeverityInput): Severity {
  if (entries.length === 0) return 'status';
  let host: string;
  try {
    host = new URL(pageUrl).hostname;
  } catch {
    return 'status';
  }
  if (isGovernmentOrNewsHost(host)) return 'status';
  if (entries.some((e) => e.domains?.some((d) => hostIsUnder(host, d)))) return 'alert';
  // The title names one listed organization alone, and it is one that warns here (not suppressed).
  const titleOnly = titleIds.length === 1 ? titleIds[0] : undefined;
  if (titleOnly !== undefined && entries.some((e) => e.id === titleOnly)) return 'alert';
  return 'status';
}
