/** The records of the lists (data/lists.json) and the labels made from them (core/list-records.ts). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import bundled from '../../../data/organizations.json' with { type: 'json' };
import { BUNDLED_LIST_RECORDS } from '../../../src/core/bundled-list-records';
import { listingLabel, recordLanguage } from '../../../src/core/list-records';
import { ListRecordsSchema, type BlocklistEntry } from '../../../src/core/list-schema';

const entries = bundled as BlocklistEntry[];
const listIds = [...new Set(entries.flatMap((e) => e.listings.map((l) => l.list)))];

describe('list records', () => {
  it('validate against the schema the feed uses', () => {
    const raw = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../data/lists.json'), 'utf8'));
    expect(v.safeParse(ListRecordsSchema, raw).success).toBe(true);
  });

  it('describe every list an organization is on, with no list id in any title or issuer', () => {
    for (const id of listIds) {
      const record = BUNDLED_LIST_RECORDS[id];
      expect(record, id).toBeDefined();
      for (const text of [...Object.values(record!.issuer), ...Object.values(record!.title)]) {
        for (const other of listIds) expect(text, id).not.toContain(other);
        expect(text).not.toMatch(/[a-z]+-[a-z0-9]+-/); // no slug
      }
    }
  });

  it('label a listing in the UI language, the listing’s own date first', () => {
    const listing = { list: 'website-shutdown-2021-batch3', published: '2021-05-31' };
    expect(listingLabel(listing, 'zh_CN', BUNDLED_LIST_RECORDS)).toEqual({
      issuer: '民政部',
      title: '2021年第三批关停的非法社会组织网站',
      published: '2021-05-31',
      newsOnly: true,
    });
    expect(listingLabel(listing, 'zh_TW', BUNDLED_LIST_RECORDS).title).toBe('2021年第三批關停的非法社會組織網站');
    expect(listingLabel(listing, 'en', BUNDLED_LIST_RECORDS).title).toBe('Websites of illegal social organizations shut down, 2021 batch 3');
    expect(listingLabel({ ...listing, published: null }, 'en', BUNDLED_LIST_RECORDS).published).toBe('2021-05-31');
    expect(listingLabel({ list: 'zhuzhou-lusong-banned-2024-04-07', published: null }, 'en', BUNDLED_LIST_RECORDS).newsOnly).toBe(false);
  });

  it('without a record: no issuer, no title (the UI shows the kind), never the id', () => {
    const label = listingLabel({ list: 'made-up-2030', published: '2030-01-01' }, 'en', BUNDLED_LIST_RECORDS);
    expect(label).toEqual({ issuer: null, title: null, published: '2030-01-01', newsOnly: false });
    // Not fooled by the names of Object's own properties.
    expect(listingLabel({ list: 'constructor', published: null }, 'en', BUNDLED_LIST_RECORDS).title).toBeNull();
  });

  it('pick the record language from the UI language', () => {
    expect(recordLanguage('zh-CN')).toBe('zh_CN');
    expect(recordLanguage('zh')).toBe('zh_CN');
    expect(recordLanguage('zh-TW')).toBe('zh_TW');
    expect(recordLanguage('zh_HK')).toBe('zh_TW');
    expect(recordLanguage('zh-Hant-HK')).toBe('zh_TW');
    expect(recordLanguage('en-US')).toBe('en');
    expect(recordLanguage('fr')).toBe('en');
  });
});
