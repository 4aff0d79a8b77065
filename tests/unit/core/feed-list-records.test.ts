/**
 * A feed's list records (its optional `lists`): capped like the rest of a feed (a validly signed
 * feed is still hostile input, core/list-limits.ts), and merged over the bundled records, a
 * feed's record for a list replacing the bundled one (core/list-records.ts).
 */
import { describe, expect, it } from 'vitest';
import { BUNDLED_LIST_RECORDS } from '../../../src/core/bundled-list-records';
import { checkFeed, type FeedOutcome } from '../../../src/core/feed/validate';
import { LIST_ID_MAX_CHARS, LIST_RECORD_TEXT_MAX_CHARS, MAX_LIST_RECORDS } from '../../../src/core/list-limits';
import { listingLabel, mergeListRecords } from '../../../src/core/list-records';
import type { ListRecord, ListRecords } from '../../../src/core/list-schema';
import { ENTRIES, feedDoc, keys, signed } from './feed-helpers';

const CURRENT = 20250101000000;
const NOW = Date.parse('2026-01-02T00:00:00Z');

const record = (title = 'A list'): ListRecord => ({
  issuer: { zh_CN: '民政部', zh_TW: '民政部', en: 'Ministry of Civil Affairs' },
  title: { zh_CN: title, zh_TW: title, en: title },
  published: '2030-01-01',
  newsOnly: false,
});

async function check(lists: unknown): Promise<FeedOutcome> {
  const { feed, signature } = await signed(JSON.stringify(feedDoc({ entries: ENTRIES, lists })));
  return checkFeed({ feed, signature, publicKey: await keys.public(), currentVersion: CURRENT, now: NOW });
}
const result = (o: FeedOutcome) => (o.kind === 'error' ? `${o.error.code}: ${o.error.detail ?? ''}` : o.kind);

describe('a feed’s list records are capped', () => {
  it('takes records within the limits', async () => {
    const outcome = await check({ 'list-a': record('长'.repeat(LIST_RECORD_TEXT_MAX_CHARS)) });
    expect(result(outcome)).toBe('new');
    expect(outcome.kind === 'new' && outcome.feed.lists?.['list-a']?.title.en).toHaveLength(LIST_RECORD_TEXT_MAX_CHARS);
  });

  it(`refuses more than ${MAX_LIST_RECORDS} records`, async () => {
    const many = Object.fromEntries(Array.from({ length: MAX_LIST_RECORDS + 1 }, (_, i) => [`list-${i}`, record()]));
    expect(result(await check(many))).toMatch(/^limits: .*at most 2000 lists; this one describes 2001/);
  });

  it('refuses a title or issuer too long to read', async () => {
    expect(result(await check({ 'list-a': record('长'.repeat(LIST_RECORD_TEXT_MAX_CHARS + 1)) }))).toMatch(
      /^limits: lists\.list-a\.title\.zh_CN: a list's issuer and title may have at most 400 characters/,
    );
  });

  it('refuses a list id too long', async () => {
    expect(result(await check({ ['x'.repeat(LIST_ID_MAX_CHARS + 1)]: record() }))).toMatch(/^limits: .*a list id may have at most 200 characters/);
  });
});

describe('mergeListRecords', () => {
  const bundledId = 'website-shutdown-2021-batch3';

  it('keeps the bundled records, adds the feed’s, and a feed record replaces the bundled one of its list', () => {
    const feed: ListRecords = { 'new-list-2030': record('A new list'), [bundledId]: record('Corrected title') };
    const merged = mergeListRecords(BUNDLED_LIST_RECORDS, feed);
    expect(Object.keys(merged)).toHaveLength(Object.keys(BUNDLED_LIST_RECORDS).length + 1);
    expect(listingLabel({ list: 'new-list-2030', published: null }, 'en', merged).title).toBe('A new list');
    expect(listingLabel({ list: bundledId, published: null }, 'en', merged).title).toBe('Corrected title');
    const other = Object.keys(BUNDLED_LIST_RECORDS).find((id) => id !== bundledId)!;
    expect(merged[other]).toEqual(BUNDLED_LIST_RECORDS[other]);
    // The bundled table itself is left as it was.
    expect(BUNDLED_LIST_RECORDS[bundledId]!.title.en).not.toBe('Corrected title');
  });

  it('is the bundled records without a feed’s, and takes a list id like __proto__ as a plain key', () => {
    expect({ ...mergeListRecords(BUNDLED_LIST_RECORDS, undefined) }).toEqual(BUNDLED_LIST_RECORDS);
    const hostile = JSON.parse(`{"__proto__": ${JSON.stringify(record('Proto'))}}`) as ListRecords;
    const merged = mergeListRecords({}, hostile);
    expect(listingLabel({ list: '__proto__', published: null }, 'en', merged).title).toBe('Proto');
    expect(listingLabel({ list: 'constructor', published: null }, 'en', merged).title).toBeNull();
  });
});
