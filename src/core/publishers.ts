/**
 * Who published a source link, named from its host: an official site (the ministry, a bureau,
 * the central government's portal) or a news site people know, else "news repost". Most
 * sources are reposts on sites nobody has heard of, so naming them as such is the honest label.
 * Pure: a table and a host lookup.
 */
import type { RecordLanguage } from './list-records';

type Names = Record<RecordLanguage, string>;

export interface Publisher {
  /** The table's key (a host suffix), or null for a news repost. */
  host: string | null;
  /** A government site: the notice itself, not a report of it. */
  official: boolean;
  names: Names;
}

const n = (zh_CN: string, zh_TW: string, en: string): Names => ({ zh_CN, zh_TW, en });

/** Host suffix → publisher. The longest matching suffix wins (gov.cn catches other bureaus' sites). */
const PUBLISHERS: Record<string, { official: boolean; names: Names }> = {
  'mca.gov.cn': { official: true, names: n('民政部网站', '民政部網站', 'Ministry of Civil Affairs') },
  'chinanpo.gov.cn': { official: true, names: n('中国社会组织政务服务平台', '中國社會組織政務服務平台', 'Ministry of Civil Affairs (chinanpo)') },
  'www.gov.cn': { official: true, names: n('中国政府网', '中國政府網', 'Chinese government portal') },
  'lusong.gov.cn': { official: true, names: n('芦淞区政府网站', '蘆淞區政府網站', 'Lusong district government site') },
  'gov.cn': { official: true, names: n('政府网站', '政府網站', 'government site') },
  'xinhuanet.com': { official: false, names: n('新华网', '新華網', 'Xinhua') },
  'news.cn': { official: false, names: n('新华网', '新華網', 'Xinhua') },
  'people.com.cn': { official: false, names: n('人民网', '人民網', 'People’s Daily Online') },
  'china.com.cn': { official: false, names: n('中国网', '中國網', 'China.org.cn') },
  'news.china.com': { official: false, names: n('中华网', '中華網', 'China.com') },
  'thepaper.cn': { official: false, names: n('澎湃新闻', '澎湃新聞', 'The Paper') },
  'sina.com.cn': { official: false, names: n('新浪网', '新浪網', 'Sina') },
  '163.com': { official: false, names: n('网易', '網易', 'NetEase') },
  'zjol.com.cn': { official: false, names: n('浙江在线', '浙江在線', 'Zhejiang Online') },
  'xinmin.cn': { official: false, names: n('新民晚报', '新民晚報', 'Xinmin Evening News') },
  'whb.cn': { official: false, names: n('文汇报', '文匯報', 'Wenhui Daily') },
  'dzwww.com': { official: false, names: n('大众网', '大眾網', 'Dazhong News') },
  'fjsen.com': { official: false, names: n('东南网', '東南網', 'Fjsen') },
  'cssn.cn': { official: false, names: n('中国社会科学网', '中國社會科學網', 'Chinese Social Sciences Net') },
  'gongyishibao.com': { official: false, names: n('公益时报', '公益時報', 'China Philanthropy Times') },
  'voc.com.cn': { official: false, names: n('华声在线', '華聲在線', 'Voc.com.cn') },
  'cjyun.org': { official: false, names: n('长江云', '長江雲', 'Changjiang Cloud') },
  'kunming.cn': { official: false, names: n('昆明信息港', '昆明信息港', 'Kunming Information Port') },
  'wikipedia.org': { official: false, names: n('维基百科', '維基百科', 'Wikipedia') },
};

/** Every host suffix of the table: no entry may claim one as its own site (core/refused-domains.ts). */
export const PUBLISHER_HOSTS: readonly string[] = Object.keys(PUBLISHERS);

const NEWS_REPOST: Names = n('新闻转载', '新聞轉載', 'news repost');

/** The publisher of `url`, from its host; a news repost when the host is not in the table (or the URL does not parse). */
export function publisherOf(url: string): Publisher {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return { host: null, official: false, names: NEWS_REPOST };
  }
  let best: string | null = null;
  for (const suffix of Object.keys(PUBLISHERS)) {
    if ((host === suffix || host.endsWith(`.${suffix}`)) && (!best || suffix.length > best.length)) best = suffix;
  }
  return best ? { host: best, ...PUBLISHERS[best]! } : { host: null, official: false, names: NEWS_REPOST };
}

/** Source links with their publishers, official notices first (otherwise in the given order). */
export function sourcesByPublisher(urls: readonly string[]): Array<{ url: string; publisher: Publisher }> {
  const withPublisher = urls.map((url) => ({ url, publisher: publisherOf(url) }));
  return [...withPublisher.filter((s) => s.publisher.official), ...withPublisher.filter((s) => !s.publisher.official)];
}
