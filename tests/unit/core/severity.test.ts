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
  it('alerts when the title names the only organization on the page', () => {
    expect(severityOf({ pageUrl: 'https://example.com/', entries: [b], titleIds: ['b'] })).toBe('alert');
  });
  it('only notes a mention', () => {
    expect(severityOf({ pageUrl: 'https://example.com/', entries: [b], titleIds: [] })).toBe('status');
    expect(severityOf({ pageUrl: 'https://example.com/', entries: [b, c], titleIds: ['b'] })).toBe('status');
  });
  it('only notes on government and news sites', () => {
    expect(severityOf({ pageUrl: 'https://www.mca.gov.cn/n/1', entries: [b], titleIds: ['b'] })).toBe('status');
    expect(severityOf({ pageUrl: 'https://www.news.cn/2021/x', entries: [b], titleIds: ['b'] })).toBe('status');
    expect(severityOf({ pageUrl: 'https://news.qq.com/rain/a/1', entries: [b], titleIds: ['b'] })).toBe('status');
    // A portal's self-media host is not its newsroom.
    expect(severityOf({ pageUrl: 'https://mp.weixin.qq.com/s/x', entries: [b], titleIds: ['b'] })).toBe('alert');
  });
  it('only notes pages naming three or more, even on an own domain', () => {
    expect(severityOf({ pageUrl: 'https://a-society.org/', entries: [a, b, c], titleIds: ['a'] })).toBe('status');
  });
});
