/**
 * Issue 18, item 6: a validly signed feed (a leaked key) may not carry megabytes per entry, text
 * that reorders or hides what is shown beside it, or a domain claim on a ministry, a publisher or
 * a platform. Each cap is checked against the bundled list (at least twice its largest), and
 * through the client's whole pipeline (checkFeed, with a feed signed by the test key).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  EN_DISPLAY_MAX_CHARS, ENTRY_OTHER_TEXT_MAX_BYTES, LOOKALIKE_MAX_CHARS, MAX_LISTINGS_PER_ENTRY, MAX_SOURCES_PER_LISTING,
  NOTE_MAX_CHARS, SOURCE_URL_MAX_CHARS,
} from '../../../src/core/list-limits';
import { otherTextBytes, validateEntries, type BlocklistEntry, type Listing } from '../../../src/core/list-schema';
import { cleanDisplayText } from '../../../src/core/display-text';
import { checkFeed, type FeedOutcome } from '../../../src/core/feed/validate';
import { buildFeed } from '../../../src/core/feed/publish';
import { severityOf } from '../../../src/core/severity';
import { PLATFORM_DOMAINS, refusedDomainReason } from '../../../src/core/refused-domains';
import { PUBLISHER_HOSTS } from '../../../src/core/publishers';
import { ENTRIES, entry, feedDoc, keys, signed } from './feed-helpers';

const CURRENT = 20250101000000;
const NOW = Date.parse('2026-01-02T00:00:00Z');

async function check(entries: unknown): Promise<FeedOutcome> {
  const { feed, signature } = await signed(JSON.stringify(feedDoc({ entries })));
  return checkFeed({ feed, signature, publicKey: await keys.public(), currentVersion: CURRENT, now: NOW });
}
const result = (o: FeedOutcome) => (o.kind === 'error' ? `${o.error.code}: ${o.error.detail ?? ''}` : o.kind);
const newFeed = (o: FeedOutcome) => {
  if (o.kind !== 'new') throw new Error(`not taken: ${result(o)}`);
  return o;
};

const bundled = JSON.parse(readFileSync(path.resolve(__dirname, '../../../data/organizations.json'), 'utf8')) as BlocklistEntry[];
const max = (values: number[]) => Math.max(0, ...values);

const listing = (sources: string[], list = 'banned-2020'): Listing => ({ list, kind: 'banned', published: '2020-01-01', sources });
const withFirst = (extra: Partial<BlocklistEntry>): BlocklistEntry[] => [{ ...ENTRIES[0]!, ...extra }, ENTRIES[1]!];

describe('the caps are at least twice the bundled list’s largest', () => {
  it('for each capped field, over data/organizations.json', () => {
    const listings = bundled.flatMap((e) => e.listings);
    const sources = listings.flatMap((l) => l.sources);
    const largest = {
      enDisplay: max(bundled.map((e) => e.enDisplay?.length ?? 0)),
      note: max(bundled.map((e) => e.note?.length ?? 0)),
      lookalike: max(bundled.map((e) => e.registeredLookalike?.length ?? 0)),
      sourcesPerListing: max(listings.map((l) => l.sources.length)),
      sourceChars: max(sources.map((s) => s.length)),
      listingsPerEntry: max(bundled.map((e) => e.listings.length)),
      otherTextBytes: max(bundled.map(otherTextBytes)),
    };
    // The largest today (issue 18): a cap that fell under twice these would need a look at the data.
    expect(largest).toMatchObject({ note: 506, enDisplay: 81, lookalike: 13, sourcesPerListing: 4, listingsPerEntry: 2 });
    expect(EN_DISPLAY_MAX_CHARS).toBeGreaterThanOrEqual(2 * largest.enDisplay);
    expect(NOTE_MAX_CHARS).toBeGreaterThanOrEqual(2 * largest.note);
    expect(LOOKALIKE_MAX_CHARS).toBeGreaterThanOrEqual(2 * largest.lookalike);
    expect(MAX_SOURCES_PER_LISTING).toBeGreaterThanOrEqual(2 * largest.sourcesPerListing);
    expect(SOURCE_URL_MAX_CHARS).toBeGreaterThanOrEqual(2 * largest.sourceChars);
    expect(MAX_LISTINGS_PER_ENTRY).toBeGreaterThanOrEqual(2 * largest.listingsPerEntry);
    expect(ENTRY_OTHER_TEXT_MAX_BYTES).toBeGreaterThanOrEqual(2 * largest.otherTextBytes);
  });

  it('and the bundled list passes them unchanged (no control or format character to remove)', () => {
    const valid = validateEntries(bundled);
    expect(valid.ok ? [] : valid.errors).toEqual([]);
    expect(valid.ok && valid.value).toEqual(bundled);
  });
});

describe('a signed feed with megabytes in one entry is refused', () => {
  const big = 5_000_000;
  it.each([
    ['enDisplay', { enDisplay: 'E'.repeat(big) }, /^limits: entries\.0\.enDisplay: an English display name may have at most 200 characters; this one has 5000000/],
    ['note', { note: '注'.repeat(big) }, /^limits: entries\.0\.note: a note may have at most 1200 characters/],
    ['registeredLookalike', { registeredLookalike: '仿'.repeat(big) }, /^limits: entries\.0\.registeredLookalike: a look-alike name may have at most 100 characters/],
  ] as const)('%s of 5,000,000 characters', async (_field, extra, why) => {
    expect(result(await check(withFirst(extra)))).toMatch(why);
  });

  it('takes each text up to its cap', async () => {
    const atCap = withFirst({ enDisplay: 'E'.repeat(EN_DISPLAY_MAX_CHARS), note: '注'.repeat(NOTE_MAX_CHARS), registeredLookalike: '仿'.repeat(LOOKALIKE_MAX_CHARS) });
    expect(result(await check(atCap))).toBe('new');
    expect(result(await check(withFirst({ note: '注'.repeat(NOTE_MAX_CHARS + 1) })))).toMatch(/^limits: .*this one has 1201/);
  });

  it('200,000 sources in one listing, or more than 20', async () => {
    const url = (i: number) => `https://example.org/${i}`;
    const many = Array.from({ length: 200_000 }, (_, i) => url(i));
    expect(result(await check(withFirst({ listings: [listing(many)] })))).toMatch(
      /^limits: entries\.0\.listings\.0\.sources: a listing may have sources at most 20; this one has 200000/,
    );
    expect(result(await check(withFirst({ listings: [listing(many.slice(0, MAX_SOURCES_PER_LISTING + 1))] })))).toMatch(/this one has 21/);
    expect(result(await check(withFirst({ listings: [listing(many.slice(0, MAX_SOURCES_PER_LISTING))] })))).toBe('new');
  });

  it('a source link of 100,000 characters', async () => {
    const long = `https://example.org/${'a'.repeat(100_000)}`;
    expect(result(await check(withFirst({ listings: [listing([long])] })))).toMatch(
      /^limits: entries\.0\.listings\.0\.sources\.0: a source link may have at most 2048 characters; this one has 100020/,
    );
    const atCap = `https://example.org/${'a'.repeat(SOURCE_URL_MAX_CHARS - 20)}`;
    expect(result(await check(withFirst({ listings: [listing([atCap])] })))).toBe('new');
  });

  it('100,000 listings on one entry, or more than 50', async () => {
    const many = Array.from({ length: 100_000 }, () => listing([]));
    expect(result(await check(withFirst({ listings: many })))).toMatch(/^limits: entries\.0\.listings: an entry may have listings at most 50; this one has 100000/);
    expect(result(await check(withFirst({ listings: many.slice(0, MAX_LISTINGS_PER_ENTRY) })))).toBe('new');
  });

  it('more than 20 kB of text besides the names, each field within its own cap', async () => {
    // 12 listings of 20 sources of ~100 characters: every one within its cap, ~24 kB in all.
    const listings = Array.from({ length: 12 }, (_, l) =>
      listing(Array.from({ length: 20 }, (_, s) => `https://example.org/${l}/${s}/${'x'.repeat(80)}`)),
    );
    expect(result(await check(withFirst({ listings })))).toMatch(/^limits: entries\.0: an entry's text besides its names may have at most 20480 bytes; this one's has 2\d{4}/);
    expect(result(await check(withFirst({ listings: listings.slice(0, 9) })))).toBe('new');
  });

  it('a matched name of a megabyte of zero-width characters (normalization would drop them)', async () => {
    expect(result(await check(withFirst({ aliases: [`甲乙丙${'\u200b'.repeat(1_000_000)}`] })))).toMatch(
      /^limits: entries\.0\.aliases\.0: a matched name, as written, may have at most 464 characters/,
    );
  });
});

describe('control and format characters are removed from every displayed field', () => {
  const hidden = '\u202e\u2066\u200b\u00ad\u0007\ud800';

  it('cleanDisplayText drops Cc, Cf and unpaired surrogates, keeps pairs, and turns line breaks into spaces', () => {
    expect(cleanDisplayText(`甲${hidden}协会`)).toBe('甲协会');
    expect(cleanDisplayText('a\nb\tc')).toBe('a b c');
    expect(cleanDisplayText('𠀀\udc00')).toBe('𠀀');
  });

  it('in a signed feed: names, aliases, the English names, note, look-alike, list ids and source links', async () => {
    const dirty = withFirst({
      names: { zh: `甲${hidden}协会`, en: `Alpha ${hidden}Society` },
      aliases: [`甲${hidden}会社`],
      enDisplay: `Alpha${hidden} Society`,
      note: `举报人声明：此举报为误报\u202e请勿处理`,
      registeredLookalike: `甲${hidden}会`,
      listings: [listing([`https://example.org/a${'\u200b'}b`], `banned-${'\u2066'}2020`)],
    });
    const { feed } = newFeed(await check(dirty));
    expect(feed.entries[0]).toMatchObject({
      names: { zh: '甲协会', en: 'Alpha Society' },
      aliases: ['甲会社'],
      enDisplay: 'Alpha Society',
      note: '举报人声明：此举报为误报请勿处理',
      registeredLookalike: '甲会',
      listings: [{ list: 'banned-2020', sources: ['https://example.org/ab'] }],
    });
    expect(JSON.stringify(feed.entries).match(/[\p{Cc}\p{Cf}\p{Cs}]/u)).toBeNull();
  });

  it('a field of format characters only is not a field (refused as empty)', async () => {
    expect(result(await check(withFirst({ note: '\u200b\u202e' })))).toMatch(/^schema: entries\.0\.note/);
  });
});

describe('domains no entry may claim', () => {
  const refused = [
    // State bodies
    'gov.cn', 'www.gov.cn', 'beijing.gov.cn', 'mzj.beijing.gov.cn', 'mca.gov.cn', 'pku.edu.cn', 'mod.mil.cn', 'ioz.ac.cn', 'www.gov.hk', 'whitehouse.gov',
    // Publishers of the sources (core/publishers.ts)
    'people.com.cn', 'gongyi.people.com.cn', 'thepaper.cn', 'wikipedia.org', 'zh.wikipedia.org',
    // Platforms
    'baidu.com', 'qq.com', 'weixin.qq.com', 'mp.weixin.qq.com', 'weibo.com', 'sohu.com', '163.com', 'sina.com.cn', 'toutiao.com', 'douyin.com',
    'zhihu.com', 'bilibili.com', 'taobao.com', 'shop123.taobao.com', 'jd.com', 'tmall.com', 'alipay.com', 'xiaohongshu.com', 'kuaishou.com',
    'ifeng.com', 'xinhuanet.com', 'cctv.com', 'github.com', 'google.com',
  ];
  const allowed = ['example.org', 'example.org.cn', 'china-robot-edu.org.cn', 'bj-society.com.cn', 'someone.github.io', 'notqq.com', 'qq.com.example.org'];

  // gov.cn itself is a public suffix: the schema refuses it (and the whole feed) before this rule.
  const registrable = refused.filter((d) => d !== 'gov.cn');

  it('are state, publisher and platform domains and everything under them; not org.cn nor a look-alike host', () => {
    for (const domain of refused) expect(refusedDomainReason(domain), domain).not.toBeNull();
    for (const domain of allowed) expect(refusedDomainReason(domain), domain).toBeNull();
    for (const host of PUBLISHER_HOSTS) expect(refusedDomainReason(host), host).toMatch(/publisher|state bodies/);
    for (const host of PLATFORM_DOMAINS) expect(refusedDomainReason(`www.${host}`), host).not.toBeNull();
  });

  it('a signed feed naming them is taken without those domains: the entry and its other domains stay', async () => {
    const outcome = newFeed(
      await check([
        { ...ENTRIES[0]!, domains: ['example.org', ...registrable] },
        { ...ENTRIES[1]!, domains: ['mp.weixin.qq.com'] },
        entry('gamma-club', '丙俱乐部', undefined, { domains: allowed }),
      ]),
    );
    expect(outcome.feed.entries.map((e) => [e.id, e.domains])).toEqual([
      ['alpha-society', ['example.org']],
      ['beta-union', undefined],
      ['gamma-club', allowed],
    ]);
    expect(outcome.feed.entries[1]!.names.zh).toBe('乙联合会');
    expect(outcome.dropped).toContain('beta-union: "mp.weixin.qq.com" is under qq.com, a platform that hosts everyone\'s pages: not taken as the organization\'s own site');
    expect(outcome.dropped.some((line) => line.startsWith('alpha-society: "mzj.beijing.gov.cn" is under gov.cn'))).toBe(true);
    expect(outcome.dropped).toHaveLength(registrable.length + 1);
  });

  it('a list stored before this rule gets no alert on them (severity ignores a refused domain)', () => {
    const claims = { ...ENTRIES[0]!, domains: ['qq.com', 'example.org'] };
    const on = (pageUrl: string) => severityOf({ pageUrl, title: '', entries: [{ entry: claims, forms: ['甲协会'] }], titleIds: [] });
    expect(on('https://mp.weixin.qq.com/s/abc')).toBe('status');
    expect(on('https://example.org/')).toBe('alert');
  });

  it('the feed tool refuses to publish them', () => {
    const built = buildFeed([{ ...ENTRIES[0]!, domains: ['zhihu.com'] }], { version: 20260101000000, generatedAt: '2026-01-01T00:00:00Z', now: NOW });
    expect(built.ok ? [] : built.errors).toEqual([
      "clients refuse these domains as organizations' own sites:",
      'alpha-society: "zhihu.com" is under zhihu.com, a platform that hosts everyone\'s pages: not taken as the organization\'s own site',
    ]);
  });
});
