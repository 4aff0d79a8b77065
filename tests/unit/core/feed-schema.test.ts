import { describe, expect, it } from 'vitest';
import { upgradeFeed, validateFeed, type FeedMigration } from '../../../src/core/feed/schema';
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
});
