/** Source links named by their publisher, official notices first (core/publishers.ts). */
import { describe, expect, it } from 'vitest';
import bundled from '../../../data/organizations.json' with { type: 'json' };
import type { BlocklistEntry } from '../../../src/core/list-schema';
import { publisherOf, sourcesByPublisher } from '../../../src/core/publishers';

describe('publisherOf', () => {
  it('names official sites and known news sites from the host, the longest suffix winning', () => {
    expect(publisherOf('https://www.mca.gov.cn/n1/x.html')).toMatchObject({ official: true, names: { zh_CN: '民政部网站' } });
    expect(publisherOf('http://chinanpo.gov.cn/800102/a.html')).toMatchObject({ official: true, names: { en: 'Ministry of Civil Affairs (chinanpo)' } });
    expect(publisherOf('http://www.gov.cn/xinwen/a.htm')).toMatchObject({ official: true, names: { zh_CN: '中国政府网' } });
    expect(publisherOf('http://www.lusong.gov.cn/c206/a.html')).toMatchObject({ official: true, names: { zh_TW: '蘆淞區政府網站' } });
    expect(publisherOf('https://mzj.beijing.gov.cn/a')).toMatchObject({ official: true, names: { zh_CN: '政府网站' } });
    expect(publisherOf('http://gongyi.people.com.cn/n1/a.html')).toMatchObject({ official: false, names: { zh_CN: '人民网' } });
    expect(publisherOf('http://www.news.cn/a')).toMatchObject({ names: { zh_CN: '新华网', en: 'Xinhua' } });
  });

  it('calls anything else a news repost, without being fooled by look-alike hosts', () => {
    for (const url of ['http://wxpds.com/n2/a.html', 'https://gov.cn.example.com/a', 'https://fakemca.gov.cn.evil.com/', 'not a url']) {
      expect(publisherOf(url)).toMatchObject({ host: null, official: false, names: { zh_CN: '新闻转载', zh_TW: '新聞轉載', en: 'news repost' } });
    }
    expect(publisherOf('https://notpeople.com.cn/').host).toBeNull();
  });

  it('names a publisher in each language for every source in the bundled list', () => {
    for (const e of bundled as BlocklistEntry[]) {
      for (const l of e.listings) {
        for (const url of l.sources) {
          const { names } = publisherOf(url);
          expect([names.zh_CN, names.zh_TW, names.en].every((s) => s.length > 0)).toBe(true);
        }
      }
    }
  });
});

describe('sourcesByPublisher', () => {
  it('puts official notices first, otherwise keeps the order', () => {
    const urls = ['http://a.example/', 'http://news.sina.com.cn/x', 'http://www.gov.cn/y', 'http://b.example/', 'https://www.mca.gov.cn/z'];
    expect(sourcesByPublisher(urls).map((s) => s.url)).toEqual([
      'http://www.gov.cn/y',
      'https://www.mca.gov.cn/z',
      'http://a.example/',
      'http://news.sina.com.cn/x',
      'http://b.example/',
    ]);
  });
});
