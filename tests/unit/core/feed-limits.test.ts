/**
 * Issue 11, item 2: a validly signed feed with hostile content. Each limit of core/list-limits.ts
 * is tried through the client's whole pipeline (checkFeed, with a feed signed by the test key):
 * the feed is refused as 'limits', with a detail that says which rule and where.
 */
import { describe, expect, it } from 'vitest';
import { compileList, CompiledListLimitError, serializedMatcherBytes } from '../../../src/core/compiled-list';
import {
  MAX_COMPILED_MATCHER_BYTES, MAX_ENTRIES, MAX_TOTAL_NAME_CHARS, NAME_MAX_CHARS, NAME_MIN_CHARS_CHINESE, NAME_MIN_CHARS_OTHER,
} from '../../../src/core/list-limits';
import { checkFeed, type FeedOutcome } from '../../../src/core/feed/validate';
import type { BlocklistEntry } from '../../../src/core/list-schema';
import { ENTRIES, entry, feedDoc, keys, signed } from './feed-helpers';

const CURRENT = 20250101000000;
const NOW = Date.parse('2026-01-02T00:00:00Z');

async function check(entries: unknown, overrides: Record<string, unknown> = {}): Promise<FeedOutcome> {
  const { feed, signature } = await signed(JSON.stringify(feedDoc({ entries, ...overrides })));
  return checkFeed({ feed, signature, publicKey: await keys.public(), currentVersion: CURRENT, now: NOW });
}

/** The outcome's code, and its detail when refused. */
const result = (o: FeedOutcome) => (o.kind === 'error' ? `${o.error.code}: ${o.error.detail ?? ''}` : o.kind);

/** `n` distinct Han characters from a seed (a name no other shares a prefix with). */
function han(n: number, seed: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(0x4e00 + ((seed * 7919 + i * 104_729) % 20_000));
  return s;
}

const withAlias = (alias: string): BlocklistEntry[] => [ENTRIES[0]!, { ...ENTRIES[1]!, aliases: [alias] }];

describe('a signed feed outside the limits is refused', () => {
  it('refuses a 9,000-character alias (it made the scan overlap longer than a piece: tabs hung)', async () => {
    expect(result(await check(ENTRIES))).toBe('new');
    const outcome = await check(withAlias('长'.repeat(9000)));
    expect(result(outcome)).toMatch(/^limits: entries\.1\.aliases\.0: a matched name may have at most 100 characters; this one has 9000/);
  });

  it('counts the name length after normalization, up to the limit and not past it', async () => {
    expect(result(await check(withAlias(`${'a'.repeat(NAME_MAX_CHARS - 3)} \u200b Ｂ c`)))).toMatch(/^limits: .*this one has 101/);
    expect(result(await check(withAlias('a'.repeat(NAME_MAX_CHARS))))).toBe('new');
    // Zero-width characters and repeated spaces are dropped by normalization: not counted.
    expect(result(await check(withAlias(`${'a'.repeat(NAME_MAX_CHARS)}\u200b\u200b\u200b   `)))).toBe('new');
  });

  it('refuses one-character and other too short names, which would match ordinary text', async () => {
    expect(result(await check([entry('de', '的')]))).toMatch(/^limits: entries\.0\.names\.zh: a matched name in Chinese needs at least 3 characters/);
    expect(result(await check(withAlias('协会')))).toMatch(/^limits: .*"协会" has 2/);
    expect(result(await check(withAlias('CAAC')))).toMatch(/^limits: .*without Chinese characters needs at least 8 characters/);
    expect(result(await check([entry('x', 'ab cd ef', undefined, { names: { zh: '甲协会', en: 'ab cd ef' } })]))).toMatch(/has 6/);
    expect(result(await check(withAlias('乙'.repeat(NAME_MIN_CHARS_CHINESE))))).toBe('new');
    expect(result(await check(withAlias('IP联盟')))).toBe('new');
    expect(result(await check(withAlias('b'.repeat(NAME_MIN_CHARS_OTHER))))).toBe('new');
    // A list that is not well formed as well is reported as such (the format comes first).
    expect(result(await check([{ ...ENTRIES[0]!, id: 'Not A Slug', aliases: ['的'] }]))).toMatch(/^schema: /);
  });

  it('refuses more than 20,000 organizations', async () => {
    const many = Array.from({ length: MAX_ENTRIES + 1 }, (_, i) => entry(`org-${i}`, han(4, i)));
    expect(result(await check(many))).toBe(`limits: entries: a list may have at most ${MAX_ENTRIES} organizations; this one has ${MAX_ENTRIES + 1}`);
    expect(result(await check(many.slice(0, MAX_ENTRIES)))).toBe('new');
    // Counted before any entry is validated: 200,001 empty objects are refused for their number alone.
    expect(result(await check(Array.from({ length: 200_001 }, () => ({}))))).toBe(
      `limits: entries: a list may have at most ${MAX_ENTRIES} organizations; this one has 200001`,
    );
  });

  it('refuses names that add up to more than the total (20,000 names of 300 characters compiled to 112 MB)', async () => {
    const count = Math.floor(MAX_TOTAL_NAME_CHARS / NAME_MAX_CHARS) + 1;
    const big = Array.from({ length: count }, (_, i) => entry(`org-${i}`, han(NAME_MAX_CHARS, i)));
    expect(result(await check(big))).toBe(
      `limits: entries: the matched names of a list may have at most ${MAX_TOTAL_NAME_CHARS} characters in all; this one's have ${count * NAME_MAX_CHARS}`,
    );
  });

  const badDomains: Array<[string, RegExp]> = [
    ['com', /public suffix/],
    ['com.cn', /public suffix/],
    ['blogspot.com', /public suffix/],
    ['localhost', /public suffix/],
    ['127.0.0.1', /IP address/],
    ['[::1]', /not a bare domain/],
    ['https://example.org', /not a bare domain/],
    ['example.org/path', /not a bare domain/],
    ['example.org:8080', /not a bare domain/],
    ['Example.org', /not a bare domain/],
    ['example.org.', /not a bare domain/],
  ];

  it('takes as domains only registrable domains and host names under them: no public suffix, IP, URL or path', async () => {
    for (const [domain, why] of badDomains) {
      const outcome = await check([{ ...ENTRIES[0]!, domains: ['example.net', domain] }]);
      expect(result(outcome), domain).toMatch(/^limits: entries\.0\.domains\.1: /);
      expect(result(outcome), domain).toMatch(why);
    }
    expect(result(await check([{ ...ENTRIES[0]!, domains: ['example.org', 'example.com.cn', 'www.example.com.cn', 'someone.blogspot.com'] }]))).toBe('new');
  });
});

describe('a signed feed dated ahead of the clock is refused', () => {
  it('refuses a version of the year 9999, or more than a day ahead', async () => {
    expect(result(await check(ENTRIES, { version: 99991231235959 }))).toMatch(/^future: version 99991231235959 is more than a day ahead/);
    expect(result(await check(ENTRIES, { version: 20260103000100 }))).toMatch(/^future: /);
    expect(result(await check(ENTRIES, { version: 20260102230000 }))).toBe('new');
  });

  it('refuses a generatedAt more than a day ahead', async () => {
    expect(result(await check(ENTRIES, { generatedAt: '2026-01-03T00:01:00Z' }))).toMatch(/^future: generatedAt 2026-01-03T00:01:00Z is more than a day ahead/);
    expect(result(await check(ENTRIES, { generatedAt: '2026-01-02T23:00:00Z' }))).toBe('new');
  });
});

describe('the compiler’s own limits (whatever list reaches it)', () => {
  it('refuses a name longer than the scan allows for', () => {
    expect(() => compileList([entry('long', '长'.repeat(NAME_MAX_CHARS + 1))], 'k')).toThrow(CompiledListLimitError);
    expect(compileList([entry('long', '长'.repeat(NAME_MAX_CHARS))], 'k').entryIds).toEqual(['long']);
  });

  it('refuses a matcher over the size cap; a list at the schema’s total stays under it', () => {
    // Past the schema's total (which keeps valid lists under the cap by construction).
    const count = Math.ceil(MAX_COMPILED_MATCHER_BYTES / 19 / NAME_MAX_CHARS) + 500;
    const big = Array.from({ length: count }, (_, i) => entry(`org-${i}`, han(NAME_MAX_CHARS, i)));
    expect(() => compileList(big, 'k')).toThrow(/the compiled list would take \d+ bytes; the limit is 8388608/);
    // The worst case within the schema: names that share no prefix, as many as the total allows.
    const atTotal = big.slice(0, Math.floor(MAX_TOTAL_NAME_CHARS / NAME_MAX_CHARS));
    const size = serializedMatcherBytes(compileList(atTotal, 'k').matcher);
    expect(size).toBeGreaterThan(MAX_COMPILED_MATCHER_BYTES * 0.8);
    expect(size).toBeLessThanOrEqual(MAX_COMPILED_MATCHER_BYTES);
  });
});
