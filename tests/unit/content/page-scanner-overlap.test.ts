/**
 * Issue 11, item 2: the overlap between hard-cut pieces of a long block comes from the schema's
 * name limit (core/list-limits.ts), not from the list. A list once carried a 9,000-character
 * alias: the overlap (4 × the longest name + 64) passed the piece size, the cut went backwards
 * and the scan of a long block never ended.
 */
import { describe, expect, it } from 'vitest';
import { compileList } from '../../../src/core/compiled-list';
import type { BlocklistEntry } from '../../../src/core/list-schema';
import { NameMatcher } from '../../../src/core/matcher';
import { PageScanner } from '../../../src/content/page-scanner';

const entry = (id: string, zh: string): BlocklistEntry => ({
  id,
  names: { zh },
  aliases: [],
  listings: [{ list: 'x', kind: 'banned', published: null, sources: [] }],
  warn: true,
  exact: false,
});

type LongText = { scanLongText(raw: string): Promise<Array<{ entryId: string; start: number }>> };

describe('PageScanner: the overlap of hard cuts', () => {
  it('ends on a long block even with a compiled list whose name is longer than a piece', async () => {
    // As a list compiled before the limits (or by other code) could be: built past compileList's checks.
    const base = compileList([entry('robot', '中国机器人教育联盟')], 'k');
    const hostile = {
      ...base,
      matcher: NameMatcher.build([
        { name: '中国机器人教育联盟', entry: 0, exact: false },
        { name: '长'.repeat(9000), entry: 0, exact: false },
      ]).serialize(),
    };
    const scanner = new PageScanner(hostile, false) as unknown as LongText;
    const text = `${'字'.repeat(50_000)}中国机器人教育联盟${'字'.repeat(50_000)}`;
    const hits = await scanner.scanLongText(text);
    expect(hits.map((h) => [h.entryId, h.start])).toEqual([['robot', 50_000]]);
  });
});
