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
  const b = entry('b');
  const c = entry('c');

  it('alerts on a domain of the entry', () => {
    expect(severityOf({ pageUrl: 'https://www.a-society.org/join', entries: [a], titleIds: [] })).toBe('alert');
  });
  it('alerts when the title names one listed organization alone', () => {
    expect(severityOf({ pageUrl: 'https://example.com/', entries: [b], titleIds: ['b'] })).toBe('alert');
  });
  it('only notes a mention, or a title naming two', () => {
    expect(severityOf({ pageUrl: 'https://example.com/', entries: [b], titleIds: [] })).toBe('status');
    expect(severityOf({ pageUrl: 'https://example.com/', entries: [b, c], titleIds: ['b', 'c'] })).toBe('status');
  });
  it('only notes on government and news sites', () => {
    expect(severityOf({ pageUrl: 'https://www.mca.gov.cn/n/1', entries: [b], titleIds: ['b'] })).toBe('status');
    expect(severityOf({ pageUrl: 'https://www.news.cn/2021/x', entries: [b], titleIds: ['b'] })).toBe('status');
    expect(severityOf({ pageUrl: 'https://news.qq.com/rain/a/1', entries: [b], titleIds: ['b'] })).toBe('status');
    // A portal's self-media host is not its newsroom.
    expect(severityOf({ pageUrl: 'https://mp.weixin.qq.com/s/x', entries: [b], titleIds: ['b'] })).toBe('alert');
  });
  it('only notes a title naming an organization the user suppressed on the site', () => {
    // `entries` comes after the user's suppressions: b is not among them.
    expect(severityOf({ pageUrl: 'https://example.com/', entries: [c], titleIds: ['b'] })).toBe('status');
  });
  // Issue 11 item 5: naming more listed organizations (in a hidden element, say) must not turn a
  // listed site's own alert into the compact notice.
  it('alerts on an own domain whatever else the page names', () => {
    expect(severityOf({ pageUrl: 'https://a-society.org/', entries: [a, b, c], titleIds: [] })).toBe('alert');
    expect(severityOf({ pageUrl: 'https://www.a-society.org/', entries: [b, c, a, entry('d')], titleIds: ['a'] })).toBe('alert');
  });
  it('alerts when the title names one organization alone, whatever else the page names', () => {
    expect(severityOf({ pageUrl: 'https://example.com/', entries: [b, c], titleIds: ['b'] })).toBe('alert');
    expect(severityOf({ pageUrl: 'https://example.com/', entries: [b, c, entry('d')], titleIds: ['b'] })).toBe('alert');
  });
  it('still only notes a government or news page naming many, its title one', () => {
    expect(severityOf({ pageUrl: 'https://www.mca.gov.cn/n/1', entries: [a, b, c], titleIds: ['b'] })).toBe('status');
    expect(severityOf({ pageUrl: 'https://www.news.cn/x', entries: [a, b, c], titleIds: ['a'] })).toBe('status');
  });
  it('only notes a page naming three or more with none its own', () => {
    expect(severityOf({ pageUrl: 'https://example.com/', entries: [a, b, c], titleIds: [] })).toBe('status');
  });
});
