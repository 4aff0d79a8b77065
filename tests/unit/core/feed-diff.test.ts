import { describe, expect, it } from 'vitest';
import { diffLists, hasChanges, summarizeChanges } from '../../../src/core/feed/diff';
import { entry } from './feed-helpers';

describe('diffLists (keyed by id)', () => {
  const before = [
    entry('alpha-society', '甲协会', ['banned-2020']),
    entry('beta-union', '乙联合会', ['banned-2020'], { names: { zh: '乙联合会', en: 'Beta Union' } }),
    entry('gamma-league', '丙联盟', ['banned-2020']),
    entry('delta-club', '丁俱乐部', ['banned-2020']),
  ];

  it('finds nothing between equal lists', () => {
    const changes = diffLists(before, structuredClone(before));
    expect(changes).toEqual({ added: [], removed: [], renamed: [], listingsAdded: [] });
    expect(hasChanges(changes)).toBe(false);
  });

  it('finds added, removed, renamed and listings added', () => {
    const after = [
      entry('alpha-society', '甲学会', ['banned-2020']), // renamed (zh)
      entry('beta-union', '乙联合会', ['banned-2020'], { names: { zh: '乙联合会', en: 'Beta Federation' } }), // renamed (en)
      entry('gamma-league', '丙联盟', ['banned-2020', 'suspected-2026', 'suspected-2026']), // a new listing
      entry('epsilon-academy', '戊研究院', ['suspected-2026']), // added: its listing is not a "listing added"
    ];
    const changes = diffLists(before, after);
    expect(changes.added).toEqual([{ id: 'epsilon-academy', zh: '戊研究院' }]);
    expect(changes.removed).toEqual([{ id: 'delta-club', zh: '丁俱乐部' }]);
    expect(changes.renamed).toEqual([
      { id: 'alpha-society', from: { id: 'alpha-society', zh: '甲协会' }, to: { id: 'alpha-society', zh: '甲学会' } },
      {
        id: 'beta-union',
        from: { id: 'beta-union', zh: '乙联合会', en: 'Beta Union' },
        to: { id: 'beta-union', zh: '乙联合会', en: 'Beta Federation' },
      },
    ]);
    expect(changes.listingsAdded).toEqual([{ id: 'gamma-league', zh: '丙联盟', lists: ['suspected-2026'] }]);
    expect(hasChanges(changes)).toBe(true);
  });

  it('does not count an alias, a note or a reordered listing as a change of name or listing', () => {
    const after = structuredClone(before);
    after[0]!.aliases = ['甲会'];
    after[0]!.note = 'new note';
    after[1]!.listings = [...after[1]!.listings].reverse();
    expect(hasChanges(diffLists(before, after))).toBe(false);
  });

  it('summarizes with counts and the first items only', () => {
    const many = Array.from({ length: 50 }, (_, i) => entry(`org-${i}`, `组织${i}`));
    const summary = summarizeChanges(diffLists([], many), 20);
    expect(summary.added.count).toBe(50);
    expect(summary.added.items).toHaveLength(20);
    expect(summary.removed).toEqual({ count: 0, items: [] });
    expect(hasChanges(summary)).toBe(true);
  });
});
