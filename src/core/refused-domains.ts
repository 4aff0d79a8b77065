/**
 * Domains no list entry may claim as an organization's own site (issue 18, item 6). A domain
 * claim makes every page under it "the organization's own site", the strongest alert; a leaked
 * feed key could otherwise put a permanent alert on a ministry, a university or a platform that
 * hosts everyone's pages. Such a domain is dropped from the entry (the entry, its names and its
 * other domains stay: the names are still found on pages), and the sync's technical detail says so.
 * Pure: tables and suffix tests.
 */
import { PUBLISHER_HOSTS } from './publishers';
import { hostIsUnder } from './site';
import type { BlocklistEntry } from './list-schema';
import { domainName } from './domain-listing';

/**
 * Second-level (and top-level) domains only a state body can register: government, military,
 * public education and the academies' institutes. Not org.cn: any social organization may
 * register there, the listed ones included (a counterfeit society's own site is exactly what an
 * entry's domain is for), nor the provincial ones (bj.cn, sh.cn …), open to anyone.
 */
export const STATE_SUFFIXES: readonly string[] = [
  'gov.cn', 'mil.cn', 'edu.cn', 'ac.cn',
  // 政务 (.xn--zfr164b): the Chinese government's own top-level domain.
  'xn--zfr164b',
  'gov.hk', 'edu.hk', 'gov.mo', 'edu.mo', 'gov.tw', 'edu.tw', 'mil.tw',
  'gov', 'mil', 'edu', 'int',
];

/**
 * The largest platforms: each hosts pages by millions of people (accounts, shops, articles,
 * videos, repositories), so no organization's entry may claim the platform as its own site.
 */
export const PLATFORM_DOMAINS: readonly string[] = [
  // Search, portals and news apps
  'baidu.com', 'qq.com', 'sohu.com', '163.com', '126.com', 'sina.com.cn', 'sina.cn', 'sina.com', 'ifeng.com',
  'toutiao.com', 'so.com', '360.cn', 'sogou.com', 'yahoo.com', 'bing.com', 'msn.com', 'msn.cn',
  // Social, video and Q&A
  'weixin.qq.com', 'weibo.com', 'weibo.cn', 'douyin.com', 'iesdouyin.com', 'kuaishou.com', 'bilibili.com', 'zhihu.com',
  'xiaohongshu.com', 'xhslink.com', 'douban.com', 'ixigua.com', 'youku.com', 'iqiyi.com',
  'youtube.com', 'youtu.be', 'facebook.com', 'instagram.com', 'twitter.com', 'x.com', 'tiktok.com', 'reddit.com',
  'linkedin.com', 'telegram.org', 't.me', 'medium.com', 'substack.com', 'wordpress.com', 'blogger.com',
  // Shopping and payment
  'taobao.com', 'tmall.com', 'jd.com', 'alipay.com', 'alibaba.com', 'aliyun.com', 'pinduoduo.com', 'yangkeduo.com',
  'meituan.com', 'dianping.com', 'amazon.com', 'amazon.cn', 'ebay.com', 'paypal.com',
  // State media and portals
  'people.com.cn', 'xinhuanet.com', 'news.cn', 'cctv.com', 'cctv.cn', 'cntv.cn', 'chinadaily.com.cn', 'china.com.cn',
  // Code, documents and cloud
  'github.com', 'gitee.com', 'google.com', 'google.com.hk', 'apple.com', 'microsoft.com', 'live.com', 'wikipedia.org',
  'csdn.net', 'jianshu.com', 'feishu.cn', 'dingtalk.com', 'wps.cn',
];

/** Why `domain` may not be an organization's own site, or null when it may. */
export function refusedDomainReason(domain: string): string | null {
  const state = STATE_SUFFIXES.find((s) => hostIsUnder(domain, s));
  if (state) return `"${domain}" is under ${state}, which only state bodies register`;
  const publisher = PUBLISHER_HOSTS.find((p) => hostIsUnder(domain, p));
  if (publisher) return `"${domain}" is under ${publisher}, a publisher of the lists' sources`;
  const platform = PLATFORM_DOMAINS.find((p) => hostIsUnder(domain, p));
  if (platform) return `"${domain}" is under ${platform}, a platform that hosts everyone's pages`;
  return null;
}

/**
 * The entries without refused domains, and a line per dropped domain. An entry keeps everything
 * else (its names still warn where they appear); one left with no domain loses the field.
 */
export function withoutRefusedDomains(entries: readonly BlocklistEntry[]): { entries: BlocklistEntry[]; dropped: string[] } {
  const dropped: string[] = [];
  const kept = entries.map((entry) => {
    if (!entry.domains) return entry;
    const domains = entry.domains.filter((listing) => {
      const why = refusedDomainReason(domainName(listing));
      if (why) dropped.push(`${entry.id}: ${why}: not taken as the organization's own site`);
      return !why;
    });
    if (domains.length === entry.domains.length) return entry;
    const { domains: _, ...rest } = entry;
    return domains.length > 0 ? { ...rest, domains } : rest;
  });
  return { entries: kept, dropped };
}
