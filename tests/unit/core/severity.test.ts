import { describe, expect, it } from 'vitest';
import type { BlocklistEntry } from '../../../src/core/list-schema';
import { severityOf } from '../../../src/core/severity';
import { siteOf } from '../../../src/core/site';

const entry = (id: string, domains: string[] = []): BlocklistEntry => ({
  id,
  names: { zh: id },
  aliases: [],
  listings: [{ list: 'x', kind: 'banned', published: null, sources: [] }],
  warn: true,
  exact: false,
  domains,
});

describe('siteOf', () => {
  it('is the registrable domain', () => {
    expect(siteOf('https://www.example.com.cn/a')).toBe('example.com.cn');
    expect(siteOf('https://m.news.bbc.co.uk/')).toBe('bbc.co.uk');
    expect(siteOf('https://a.b.github.io/')).toBe('b.github.io');
  });
  it('keeps the port for IP addresses and localhost', () => {
    expect(siteOf('http://127.0.0.1:8080/x')).toBe('127.0.0.1:8080');
    expect(siteOf('http://localhost:3000/')).toBe('localhost:3000');
    expect(siteOf('http://[::1]:9000/')).toBe('[::1]:9000');
  });
  it('is null for pages that are not web sites', () => {
    expect(siteOf('chrome://extensions')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
  });
});

describe('severityOf', () => {
  const a = entry('a', ['a-society.org']);
  const b = { ...entry('b'), names: { zh: '某某学会' }, aliases: ['某学会'] };
  const c = entry('c');
  const d = entry('d');
  const found = (...entries: BlocklistEntry[]) => entries.map((e) => ({ entry: e, forms: [e.names.zh] }));
  const page = { pageUrl: 'https://example.com/', title: '' };

  it('alerts on a domain of the entry', () => {
    expect(severityOf({ pageUrl: 'https://www.a-society.org/join', title: '', entries: found(a), titleIds: [] })).toBe('alert');
  });
  it('alerts when the title names the only organization on the page', () => {
    expect(severityOf({ ...page, title: '某某学会2024年会员招募', entries: found(b), titleIds: ['b'] })).toBe('alert');
  });
  it('only notes a mention', () => {
    expect(severityOf({ ...page, entries: found(b), titleIds: [] })).toBe('status');
    expect(severityOf({ ...page, title: '某某学会2024年会员招募', entries: found(b, c), titleIds: ['b'] })).toBe('status');
    expect(severityOf({ ...page, title: '某某学会与c', entries: found(b, c), titleIds: ['b', 'c'] })).toBe('status');
  });
  it('only notes on government and news sites', () => {
    const own = { title: '某某学会', entries: found(b), titleIds: ['b'] };
    expect(severityOf({ ...own, pageUrl: 'https://www.mca.gov.cn/n/1' })).toBe('status');
    expect(severityOf({ ...own, pageUrl: 'https://www.news.cn/2021/x' })).toBe('status');
    expect(severityOf({ ...own, pageUrl: 'https://news.qq.com/rain/a/1' })).toBe('status');
    // A portal's self-media host is not its newsroom.
    expect(severityOf({ ...own, pageUrl: 'https://mp.weixin.qq.com/s/x' })).toBe('alert');
  });
  it('only notes a title naming an organization the user suppressed on the site', () => {
    // `entries` comes after the user's suppressions: b is not among them.
    expect(severityOf({ ...page, title: '某某学会', entries: found(c), titleIds: ['b'] })).toBe('status');
  });
  // Issue 11 item 5: naming more listed organizations (in a hidden element, say) must not turn a
  // listed site's own alert into the compact notice.
  it('alerts on an own domain whatever else the page names', () => {
    expect(severityOf({ pageUrl: 'https://a-society.org/', title: '', entries: found(a, b, c), titleIds: [] })).toBe('alert');
    expect(severityOf({ pageUrl: 'https://www.a-society.org/', title: 'x', entries: found(b, c, a, d), titleIds: ['b'] })).toBe('alert');
  });
  it("alerts when the title is the organization's name alone, whatever else the page names", () => {
    for (const title of ['某某学会', '某某学会 - 官方网站', '欢迎访问某某学会官网！', '某学会 | 首页', '某某學會', 'C | Home']) {
      const titled = title === '某某學會' ? [{ entry: b, forms: ['某某學會'] }] : title === 'C | Home' ? found(c) : found(b);
      const id = title === 'C | Home' ? 'c' : 'b';
      const others = id === 'c' ? found(a, d) : found(c, d);
      expect(severityOf({ ...page, title, entries: [...others, ...titled], titleIds: [id] }), title).toBe('alert');
    }
  });
  it('only notes a page naming many whose title says more than a name', () => {
    expect(severityOf({ ...page, title: '民政部公布某某学会等12个非法社会组织', entries: found(b, c, d), titleIds: ['b'] })).toBe('status');
    expect(severityOf({ ...page, title: '某某学会被取缔', entries: found(b, c), titleIds: ['b'] })).toBe('status');
    expect(severityOf({ ...page, title: '', entries: found(b, c, d), titleIds: [] })).toBe('status');
  });
  it('still only notes a government or news page naming many, its title a name', () => {
    expect(severityOf({ pageUrl: 'https://www.mca.gov.cn/n/1', title: '某某学会', entries: found(a, b, c), titleIds: ['b'] })).toBe('status');
  });
});
