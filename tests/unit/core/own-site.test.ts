/**
 * A listed domain carries the day it was seen in use; 12 months on, the own-site alert says the
 * site *was used by* the organization (core/own-site.ts), and the list schema takes both forms.
 */
import { describe, expect, it } from 'vitest';
import { isFormerDomain } from '../../../src/core/domain-listing';
import { validateEntries, type BlocklistEntry } from '../../../src/core/list-schema';
import { formerSiteOf } from '../../../src/core/own-site';
import { severityOf } from '../../../src/core/severity';

const at = (day: string) => Date.parse(`${day}T00:00:00Z`);

const entry = (id: string, domains: BlocklistEntry['domains'] = []): BlocklistEntry => ({
  id,
  names: { zh: `${id}净化协会` },
  aliases: [],
  listings: [{ list: 'x', kind: 'banned', published: '2025-09-25', sources: ['https://example.org/notice'] }],
  warn: true,
  exact: false,
  domains,
});
const found = (...entries: BlocklistEntry[]) => entries.map((e) => ({ entry: e, forms: [e.names.zh] }));
const listing = (domain: string, seen: string) => ({ domain, seen, sources: ['http://www.hcygmm.com/news/1164055.html'] });

describe('isFormerDomain', () => {
  it('is former from the same day 12 months after it was seen (UTC), not a day before', () => {
    const d = listing('kongjingxie.cn', '2025-09-25');
    expect(isFormerDomain(d, at('2026-09-24') + 86_399_999)).toBe(false);
    expect(isFormerDomain(d, at('2026-09-25'))).toBe(true);
    expect(isFormerDomain(listing('a.example', '2024-02-29'), at('2025-02-28'))).toBe(false);
    expect(isFormerDomain(listing('a.example', '2024-02-29'), at('2025-03-01'))).toBe(true);
  });

  it('never calls a bare domain (no date seen) former', () => {
    expect(isFormerDomain('kongjingxie.cn', at('2099-01-01'))).toBe(false);
  });
});

describe('formerSiteOf', () => {
  const org = entry('org', [listing('kongjingxie.cn', '2025-09-25')]);
  const page = { pageUrl: 'http://www.kongjingxie.cn/news/1.html', title: '会员通知', titleIds: [] as string[] };

  it('gives the organization and the day its domain was seen once that is 12 months old', () => {
    const input = { ...page, entries: found(org, entry('other')) };
    expect(severityOf(input)).toBe('alert');
    expect(formerSiteOf(input, at('2026-03-01'))).toBeNull();
    expect(formerSiteOf(input, at('2026-12-03'))).toEqual({ id: 'org', zh: 'org净化协会', seen: '2025-09-25' });
  });

  it('keeps the present tense while any matching domain is current, or for a bare domain', () => {
    const twice = entry('org', [listing('kongjingxie.cn', '2025-09-25'), listing('www.kongjingxie.cn', '2026-06-01')]);
    expect(formerSiteOf({ ...page, entries: found(twice) }, at('2026-12-03'))).toBeNull();
    expect(formerSiteOf({ ...page, entries: found(entry('org', ['kongjingxie.cn'])) }, at('2026-12-03'))).toBeNull();
  });

  it('keeps the present tense when the page’s title names the organization alone (it says so today)', () => {
    const input = { ...page, title: 'org净化协会 官方网站', titleIds: ['org'], entries: found(org, entry('other')) };
    expect(formerSiteOf(input, at('2026-12-03'))).toBeNull();
  });

  it('is null where there is no own-site alert: another host, or a news site', () => {
    expect(formerSiteOf({ ...page, pageUrl: 'https://example.com/', entries: found(org, entry('other')) }, at('2026-12-03'))).toBeNull();
    expect(formerSiteOf({ ...page, entries: [] }, at('2026-12-03'))).toBeNull();
  });
});

describe('domain listings in the list schema', () => {
  it('takes a dated listing and a bare domain, and refuses a listing without its date or with a public suffix', () => {
    expect(validateEntries([entry('a', [listing('kongjingxie.cn', '2025-09-25'), 'other.example'])]).ok).toBe(true);
    const undated = validateEntries([entry('a', [{ domain: 'kongjingxie.cn' } as never])]);
    expect(undated.ok ? [] : undated.errors.join('\n')).toMatch(/domains\.0/);
    const suffix = validateEntries([entry('a', [listing('com.cn', '2025-09-25')])]);
    expect(suffix.ok ? [] : suffix.errors.join('\n')).toMatch(/domains\.0\.domain: "com\.cn" is a public suffix/);
  });
});
