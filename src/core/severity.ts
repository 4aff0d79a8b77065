/**
 * How loudly to warn. A page that *is* a listed organization's own site gets a prominent alert;
 * a page that only mentions one gets a compact notice. Pure, so every rule is unit tested.
 *
 * Own site, except on government sites (gov.cn) and news sites, which report on such lists:
 * - the page's host is under a domain of the entry, or its title is the entry's name alone (with
 *   at most a site's usual words: "官方网站", "首页", "Home" …): whatever else the page names. A
 *   listed site could otherwise downgrade its own alert by naming more organizations in a hidden
 *   element (issue 11 item 5);
 * - or the title names the one organization the page mentions.
 * Any other page (a ministry notice naming many, a mention) gets the compact notice.
 */
import type { BlocklistEntry } from './list-schema';
import { domainName } from './domain-listing';
import { hostIsUnder } from './site';
import { refusedDomainReason } from './refused-domains';

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
  /** The top frame's title. */
  title: string;
  /** Organizations found on the page (after the user's suppressions), with the forms the page wrote them in. */
  entries: ReadonlyArray<{ entry: BlocklistEntry; forms: readonly string[] }>;
  /** Ids of the organizations named in the top frame's title. */
  titleIds: readonly string[];
}

export function severityOf({ pageUrl, title, entries, titleIds }: SeverityInput): Severity {
  if (entries.length === 0) return 'status';
  let host: string;
  try {
    host = new URL(pageUrl).hostname;
  } catch {
    return 'status';
  }
  if (isGovernmentOrNewsHost(host)) return 'status';
  // A refused domain is dropped when a feed is taken; a list stored before that rule is held to it here.
  if (entries.some(({ entry }) => entry.domains?.some((d) => hostIsUnder(host, domainName(d)) && !refusedDomainReason(domainName(d))))) return 'alert';
  const titled = titleIds.length === 1 ? entries.find(({ entry }) => entry.id === titleIds[0]) : undefined;
  if (!titled) return 'status';
  if (entries.length === 1 || titleIsNameAlone(title, titled.entry, titled.forms)) return 'alert';
  return 'status';
}

/**
 * Words a site puts in its own title besides its name (simplified and traditional script,
 * English), longest first so that "官方网站" goes before "网站".
 */
const SITE_WORDS = [
  '欢迎访问', '歡迎訪問', '欢迎光临', '歡迎光臨', '欢迎您', '歡迎您', '官方网站', '官方網站', '官方网', '官方網', '网站首页', '網站首頁',
  '官网', '官網', '网站', '網站', '首页', '首頁', '主页', '主頁', '欢迎', '歡迎',
  'official website', 'official site', 'homepage', 'home page', 'welcome to', 'home', 'welcome',
];

/** Whether the title is the organization's name alone, give or take a site's usual words. */
export function titleIsNameAlone(title: string, entry: BlocklistEntry, forms: readonly string[]): boolean {
  const names = [...forms, entry.names.zh, ...(entry.aliases ?? []), entry.names.en ?? '']
    .filter((n) => n.length > 0)
    .sort((a, b) => b.length - a.length);
  let rest = title.toLowerCase();
  const before = rest;
  for (const name of names) rest = rest.split(name.toLowerCase()).join(' ');
  if (rest === before) return false; // the name is not there as written
  for (const word of SITE_WORDS) rest = rest.split(word).join(' ');
  return rest.replace(/[\s\p{P}\p{S}]/gu, '') === '';
}
