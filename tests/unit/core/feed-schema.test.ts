import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { FeedSchema, upgradeFeed, validateFeed, type FeedMigration } from '../../../src/core/feed/schema';
import { feedDoc } from './feed-helpers';

describe('feed format and migrations by schemaVersion', () => {
  it('passes a current feed through unchanged', () => {
    const doc = feedDoc();
    expect(upgradeFeed(doc)).toEqual({ ok: true, value: doc });
    expect(validateFeed(doc).ok).toBe(true);
  });

  it('upgrades an older format step by step', () => {
    // A hypothetical format 1 → 2 (entries renamed to items) → 3: the same mechanism a real change would use.
    const steps: FeedMigration[] = [
      (f) => ({ ...f, items: f.entries, entries: undefined }),
      (f) => ({ ...f, entries: f.items, items: undefined, upgraded: true }),
    ];
    const result = upgradeFeed(feedDoc({ schemaVersion: 1 }), steps, 3);
    expect(result.ok && result.value).toMatchObject({ schemaVersion: 3, upgraded: true, entries: feedDoc().entries });
  });

  it('refuses a format newer than it reads, or one it has no step for', () => {
    expect(upgradeFeed(feedDoc({ schemaVersion: 2 }))).toMatchObject({ ok: false, code: 'schema-version' });
    expect(upgradeFeed(feedDoc({ schemaVersion: 1 }), [], 2)).toMatchObject({ ok: false, code: 'schema-version' });
  });

  it('refuses what is not a feed object', () => {
    for (const bad of [null, 42, 'feed', [], {}, { schemaVersion: 0 }, { schemaVersion: 1.5 }]) {
      expect(upgradeFeed(bad)).toMatchObject({ ok: false, code: 'schema' });
    }
  });

  it('strips unknown fields and trims names', () => {
    const doc = feedDoc({ extra: 'x' });
    const entries = doc.entries as Array<Record<string, unknown>>;
    doc.entries = [{ ...entries[0]!, names: { zh: ' 甲协会 ' } }, ...entries.slice(1)];
    const result = validateFeed(doc);
    expect(result.ok && result.value).not.toHaveProperty('extra');
    expect(result.ok && result.value.entries[0]!.names.zh).toBe('甲协会');
  });

  it('reads the optional list records, and refuses bad ones', () => {
    const record = { issuer: { zh_CN: '民政部', zh_TW: '民政部', en: 'Ministry of Civil Affairs' }, title: { zh_CN: '甲', zh_TW: '甲', en: 'A' }, published: '2021-05-31', newsOnly: false };
    const withLists = validateFeed(feedDoc({ lists: { 'list-a': record } }));
    expect(withLists.ok && withLists.value.lists).toEqual({ 'list-a': record });
    expect(validateFeed(feedDoc()).ok).toBe(true);
    expect(validateFeed(feedDoc({ lists: { 'list-a': { ...record, title: { zh_CN: '甲', en: 'A' } } } })).ok).toBe(false);
    expect(validateFeed(feedDoc({ lists: { 'list-a': { ...record, published: '31 May' } } })).ok).toBe(false);
  });

  it('lets a build older than the lists field accept a feed that has it (unknown fields are dropped, not refused)', () => {
    // The feed schema as it was before `lists`: the same object, without the field.
    const { lists: _lists, ...olderEntries } = FeedSchema.entries;
    const older = v.object(olderEntries);
    const doc = feedDoc({ lists: { 'list-a': { anything: 'new' } } });
    const parsed = v.safeParse(older, doc);
    expect(parsed.success).toBe(true);
    expect(parsed.output).not.toHaveProperty('lists');
  });
});
