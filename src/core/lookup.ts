/**
 * Manual lookup: finds entries by any of their names, tolerant of script (traditional or
 * simplified), width, spacing, case and a wrong character. fuse.js does the fuzzy part; exact,
 * prefix and substring hits are found first with plain string tests and rank above fuzzy ones,
 * since a person who types a whole name expects that name on top.
 */
import Fuse from 'fuse.js';
import type { BlocklistEntry } from './list-schema';
import { normalize } from './normalize';

export interface LookupResult {
  entry: BlocklistEntry;
  /** The name that matched, as listed. */
  matchedName: string;
  /** 0 exact, 1 prefix, 2 contains, 3 fuzzy. */
  rank: 0 | 1 | 2 | 3;
}

interface IndexedName {
  entryIndex: number;
  name: string;
  normalized: string;
}

export class OrganizationLookup {
  private readonly names: IndexedName[];
  private readonly fuse: Fuse<IndexedName>;

  constructor(private readonly entries: readonly BlocklistEntry[]) {
    this.names = [];
    entries.forEach((entry, entryIndex) => {
      const all = [entry.names.zh, entry.names.en, entry.enDisplay, ...entry.aliases].filter((n): n is string => !!n);
      for (const name of new Set(all)) this.names.push({ entryIndex, name, normalized: normalize(name) });
    });
    this.fuse = new Fuse(this.names, {
      keys: ['normalized'],
      includeScore: true,
      ignoreLocation: true,
      threshold: 0.34,
      minMatchCharLength: 1,
    });
  }

  search(query: string, limit = 20): LookupResult[] {
    const q = normalize(query);
    if (!q) return [];
    const best = new Map<number, { rank: LookupResult['rank']; score: number; name: string }>();
    const offer = (n: IndexedName, rank: LookupResult['rank'], score: number) => {
      const seen = best.get(n.entryIndex);
      if (!seen || rank < seen.rank || (rank === seen.rank && score < seen.score)) {
        best.set(n.entryIndex, { rank, score, name: n.name });
      }
    };
    for (const n of this.names) {
      if (n.normalized === q) offer(n, 0, 0);
      else if (n.normalized.startsWith(q)) offer(n, 1, n.normalized.length);
      else if (n.normalized.includes(q)) offer(n, 2, n.normalized.length);
    }
    if (best.size < limit) {
      for (const r of this.fuse.search(q, { limit: limit * 2 })) offer(r.item, 3, r.score ?? 1);
    }
    return [...best.entries()]
      .sort(([, a], [, b]) => a.rank - b.rank || a.score - b.score)
      .slice(0, limit)
      .map(([index, b]) => ({ entry: this.entries[index]!, matchedName: b.name, rank: b.rank }));
  }
}
