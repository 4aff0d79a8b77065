/**
 * Manual lookup: finds entries by any of their names (Chinese, English, the English display name,
 * aliases), tolerant of script (traditional or simplified), width, spacing, case and a wrong
 * character. Queries and names go through the same `normalize` as page text.
 *
 * Ranking: exact (0), prefix (1) and contains (2) hits come first, shorter names first within a
 * rank; fuzzy hits (3, fuse.js) follow, best score first.
 *
 * Speed (≤ 16 ms per keystroke at 50,000 entries, bench/lookup.bench.ts): everything that does
 * not depend on the query is built once per list (`OrganizationLookup.for` caches by the entries
 * array, which is one object per list version):
 * - the normalized names, and an inverted index from each character bigram to the names that
 *   contain it (typed arrays);
 * - per query, the bigram counts give the exact/prefix/contains candidates (a name holding every
 *   bigram of the query) and a short list of fuzzy candidates (names sharing enough bigrams);
 *   fuse.js then scores only those few hundred names instead of every name in the list.
 * One-character queries skip the index: a plain scan of the names.
 *
 * Weak look-alikes are dropped: a fuzzy hit must also come near the query's distinctive part
 * (name-core.ts: the name without 中国…协会), within CORE_THRESHOLD. 中国冷菜协会 is four characters
 * of six away from 中国美术协会 (within FUZZY_THRESHOLD) but shares nothing of 美术, so it is no
 * "similar name" of it; 中国书画家协会 (书画家 for 书法家) still is.
 */
import Fuse from 'fuse.js';
import type { BlocklistEntry } from './list-schema';
import { nameCore } from './name-core';
import { normalize } from './normalize';

export interface LookupResult {
  entry: BlocklistEntry;
  /** The name that matched, as listed. */
  matchedName: string;
  /** 0 exact, 1 prefix, 2 contains, 3 fuzzy. */
  rank: 0 | 1 | 2 | 3;
  /** For rank 3, fuse.js's score: 0 (perfect) … FUZZY_THRESHOLD; undefined otherwise. */
  score: number | undefined;
}

export interface LookupAnswer {
  results: LookupResult[];
  /** Entries that matched in all (results holds at most `limit` of them). */
  total: number;
}

/** fuse.js scores 0 (perfect) … 1; past this a fuzzy hit is dropped. */
export const FUZZY_THRESHOLD = 0.34;
/**
 * A fuzzy hit is kept only if the query's distinctive part (nameCore) is in it with at most this
 * many edits a character: one in three (书画家 for 书法家), none in two (冷菜 for 美术).
 */
export const CORE_THRESHOLD = 0.34;
/** How many bigram-sharing names fuse.js gets to score per query. */
export const FUZZY_CANDIDATES = 256;

const NONE = 4;
/** Names join with this for one pass of normalization; it survives `normalize` unchanged. */
const SEPARATOR = '\u0001';

/**
 * Open-addressing hash from a bigram key (two UTF-16 code units) to a dense id, in typed arrays:
 * a Map would box every key and cost several times as much to build at 50,000 entries.
 */
class GramTable {
  private keys: Uint32Array;
  private ids: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1 << 14) {
    this.keys = new Uint32Array(capacity);
    this.ids = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  private slot(key: number): number {
    let h = Math.imul(key, 0x9e3779b1) & this.mask;
    while (this.keys[h] !== 0 && this.keys[h] !== key) h = (h + 1) & this.mask;
    return h;
  }

  /** The id of `key`, or -1. */
  get(key: number): number {
    const h = this.slot(key);
    return this.keys[h] === key ? this.ids[h]! : -1;
  }

  /** The id of `key`, adding it if new. */
  add(key: number): number {
    let h = this.slot(key);
    if (this.keys[h] === key) return this.ids[h]!;
    if ((this.size + 1) * 2 > this.keys.length) {
      this.grow();
      h = this.slot(key);
    }
    this.keys[h] = key;
    this.ids[h] = this.size;
    return this.size++;
  }

  private grow(): void {
    const { keys, ids } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.ids = new Int32Array(keys.length * 2);
    this.mask = this.keys.length - 1;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === 0) continue;
      const h = this.slot(keys[i]!);
      this.keys[h] = keys[i]!;
      this.ids[h] = ids[i]!;
    }
  }
}

/** Normalizes many names in one pass (each `normalize` call allocates; 100,000 calls add up). */
function normalizeAll(names: string[]): string[] {
  if (names.some((n) => n.includes(SEPARATOR))) return names.map(normalize);
  // The separator is neither whitespace nor CJK: whitespace around it is kept as one space,
  // which trim() removes, as normalize would at the ends of a single name.
  return normalize(names.join(SEPARATOR))
    .split(SEPARATOR)
    .map((n) => n.trim());
}

/**
 * The fewest edits (wrong, missing or extra characters) that turn `core` into some substring of
 * `name` (Sellers' approximate substring match: a free start and end in `name`). Two rows of the
 * edit-distance table; cores and names are a few dozen characters.
 */
function substringEdits(core: string, name: string, row: Int32Array, prev: Int32Array): number {
  const m = core.length;
  for (let i = 0; i <= m; i++) prev[i] = i;
  let best = m;
  for (let j = 1; j <= name.length; j++) {
    row[0] = 0;
    const c = name.charCodeAt(j - 1);
    for (let i = 1; i <= m; i++) {
      const sub = prev[i - 1]! + (core.charCodeAt(i - 1) === c ? 0 : 1);
      row[i] = Math.min(sub, prev[i]! + 1, row[i - 1]! + 1);
    }
    if (row[m]! < best) best = row[m]!;
    prev.set(row.subarray(0, m + 1));
  }
  return best;
}

/**
 * For each fuzzy hit, whether the query's distinctive part `core` is near something in it: at most
 * CORE_THRESHOLD edits a character. A query of generic words only ('' core: 中国协会) keeps no fuzzy
 * hit; a one- or two-character core must appear as is.
 */
function nearCore(core: string, names: string[]): boolean[] {
  if (!core) return names.map(() => false);
  const allowed = Math.floor(core.length * CORE_THRESHOLD);
  if (allowed === 0) return names.map((n) => n.includes(core));
  const row = new Int32Array(core.length + 1);
  const prev = new Int32Array(core.length + 1);
  return names.map((n) => substringEdits(core, n, row, prev) <= allowed);
}

export class OrganizationLookup {
  private static cache = new WeakMap<readonly BlocklistEntry[], OrganizationLookup>();

  /** The lookup for a list, built once per entries array (one per list version). */
  static for(entries: readonly BlocklistEntry[]): OrganizationLookup {
    let lookup = OrganizationLookup.cache.get(entries);
    if (!lookup) {
      lookup = new OrganizationLookup(entries);
      OrganizationLookup.cache.set(entries, lookup);
    }
    return lookup;
  }

  /** Every name of every entry, as listed. */
  private readonly names: string[] = [];
  /** The same, normalized. */
  private readonly normalized: string[] = [];
  /** names[i] belongs to entries[entryOf[i]]. */
  private readonly entryOf: Int32Array;
  /** Bigram → id; the names holding bigram g are postings[start[g] … start[g + 1]) (ascending). */
  private readonly grams = new GramTable();
  private readonly start: Int32Array;
  private readonly postings: Int32Array;

  // Scratch space reused by every query (a lookup serves one query at a time).
  private readonly shared: Uint16Array;
  private readonly counted: Int32Array;
  private readonly bestRank: Uint8Array;
  private readonly bestScore: Float64Array;
  private readonly bestName: Int32Array;

  constructor(private readonly entries: readonly BlocklistEntry[]) {
    const raw: string[] = [];
    const rawEntry: number[] = [];
    entries.forEach((entry, entryIndex) => {
      for (const name of [entry.names.zh, entry.names.en, entry.enDisplay, ...entry.aliases]) {
        if (!name) continue;
        raw.push(name);
        rawEntry.push(entryIndex);
      }
    });
    const normalized = normalizeAll(raw);
    const entryOf: number[] = [];
    let lastEntry = -1;
    let seen = new Set<string>();
    normalized.forEach((n, i) => {
      if (rawEntry[i] !== lastEntry) {
        lastEntry = rawEntry[i]!;
        seen = new Set();
      }
      if (!n || seen.has(n)) return;
      seen.add(n);
      this.names.push(raw[i]!);
      this.normalized.push(n);
      entryOf.push(lastEntry);
    });
    this.entryOf = Int32Array.from(entryOf);

    // Two passes: bigram ids and counts (each name counted once per distinct bigram), then fill.
    let total = 0;
    for (const n of this.normalized) total += Math.max(0, n.length - 1);
    const nameGrams = new Int32Array(total);
    const nameEnd = new Int32Array(this.normalized.length);
    let counts = new Int32Array(1024);
    let lastName = new Int32Array(1024).fill(-1);
    let at = 0;
    this.normalized.forEach((n, i) => {
      for (let k = 0; k + 1 < n.length; k++) {
        const g = this.grams.add(n.charCodeAt(k) * 0x10000 + n.charCodeAt(k + 1));
        if (g >= counts.length) {
          const c = new Int32Array(counts.length * 2);
          c.set(counts);
          counts = c;
          const l = new Int32Array(lastName.length * 2).fill(-1);
          l.set(lastName);
          lastName = l;
        }
        if (lastName[g] === i) continue;
        lastName[g] = i;
        counts[g]!++;
        nameGrams[at++] = g;
      }
      nameEnd[i] = at;
    });
    const gramCount = this.grams.size;
    this.start = new Int32Array(gramCount + 1);
    for (let g = 0; g < gramCount; g++) this.start[g + 1] = this.start[g]! + counts[g]!;
    this.postings = new Int32Array(at);
    const fill = this.start.slice(0, gramCount);
    let from = 0;
    for (let i = 0; i < nameEnd.length; i++) {
      for (let j = from; j < nameEnd[i]!; j++) this.postings[fill[nameGrams[j]!]!++] = i;
      from = nameEnd[i]!;
    }

    this.shared = new Uint16Array(this.names.length);
    this.counted = new Int32Array(this.names.length);
    this.bestRank = new Uint8Array(entries.length).fill(NONE);
    this.bestScore = new Float64Array(entries.length);
    this.bestName = new Int32Array(entries.length);
  }

  /** Number of names indexed (all entries' names, aliases included). */
  get nameCount(): number {
    return this.names.length;
  }

  search(query: string, limit = 20): LookupResult[] {
    return this.find(query, limit).results;
  }

  find(query: string, limit = 20): LookupAnswer {
    const q = normalize(query);
    if (!q) return { results: [], total: 0 };
    const touched: number[] = [];
    const offer = (nameIndex: number, rank: number, score: number) => {
      const e = this.entryOf[nameIndex]!;
      const seen = this.bestRank[e]!;
      if (seen === NONE) touched.push(e);
      else if (rank > seen || (rank === seen && score >= this.bestScore[e]!)) return;
      this.bestRank[e] = rank;
      this.bestScore[e] = score;
      this.bestName[e] = nameIndex;
    };
    const strong = (i: number) => {
      const n = this.normalized[i]!;
      if (n === q) offer(i, 0, n.length);
      else if (n.startsWith(q)) offer(i, 1, n.length);
      else if (n.includes(q)) offer(i, 2, n.length);
    };

    if (q.length === 1) {
      for (let i = 0; i < this.normalized.length; i++) if (this.normalized[i]!.includes(q)) strong(i);
    } else {
      // The query's distinct bigrams; one the index lacks (-1) can't be shared by any name.
      const ids = new Set<number>();
      for (let k = 0; k + 1 < q.length; k++) ids.add(this.grams.get(q.charCodeAt(k) * 0x10000 + q.charCodeAt(k + 1)));
      const all = ids.size;
      const { shared, counted, start, postings } = this;
      let n = 0;
      for (const g of ids) {
        if (g < 0) continue;
        for (let j = start[g]!, end = start[g + 1]!; j < end; j++) {
          const i = postings[j]!;
          if (shared[i] === 0) counted[n++] = i;
          shared[i]!++;
        }
      }
      // A name that contains the query holds every one of its bigrams.
      for (let j = 0; j < n; j++) if (shared[counted[j]!] === all) strong(counted[j]!);

      // Fuzzy: only when the strong hits leave room, and for queries long enough for a typo to
      // leave something to match on. Each wrong, missing or extra character costs the query at
      // most two of its bigrams (a swap three), so a name within `edits` of the query shares at
      // least all − 2·edits − 1 of them.
      if (touched.length < limit && q.length >= 3) {
        const edits = q.length <= 4 ? 1 : q.length <= 12 ? 2 : 3;
        const minShared = Math.max(1, all - 2 * edits - 1);
        // The best-sharing candidates, by a histogram of counts rather than a sort.
        const histogram = new Int32Array(all + 1);
        for (let j = 0; j < n; j++) {
          const s = shared[counted[j]!]!;
          if (s >= minShared) histogram[s]!++;
        }
        let cut = all;
        for (let taken = histogram[all]!; cut > minShared && taken < FUZZY_CANDIDATES; ) taken += histogram[--cut]!;
        // Every name above the cut, then names at the cut while there is room.
        const candidates: number[] = [];
        const atCut: number[] = [];
        for (let j = 0; j < n; j++) {
          const i = counted[j]!;
          if (shared[i]! < cut || this.bestRank[this.entryOf[i]!] !== NONE) continue;
          if (shared[i]! > cut) candidates.push(i);
          else if (atCut.length < FUZZY_CANDIDATES) atCut.push(i);
        }
        candidates.push(...atCut.slice(0, Math.max(0, FUZZY_CANDIDATES - candidates.length)));
        if (candidates.length) {
          const fuse = new Fuse(
            candidates.map((i) => this.normalized[i]!),
            { includeScore: true, ignoreLocation: true, threshold: FUZZY_THRESHOLD, shouldSort: false },
          );
          const hits = fuse.search(q);
          const kept = nearCore(nameCore(q), hits.map((h) => this.normalized[candidates[h.refIndex]!]!));
          hits.forEach((r, k) => {
            if (kept[k]) offer(candidates[r.refIndex]!, 3, r.score ?? 1);
          });
        }
      }
      for (let j = 0; j < n; j++) shared[counted[j]!] = 0;
    }

    const total = touched.length;
    const results: LookupResult[] = [];
    for (const e of this.top(touched, limit)) {
      results.push({
        entry: this.entries[e]!,
        matchedName: this.names[this.bestName[e]!]!,
        rank: this.bestRank[e] as LookupResult['rank'],
        // Set on every result (undefined below rank 3): one object shape for the engine.
        score: this.bestRank[e] === 3 ? this.bestScore[e]! : undefined,
      });
    }
    for (const e of touched) this.bestRank[e] = NONE;
    return { results, total };
  }

  /**
   * The `limit` best entries: by rank, then score (a name length for ranks 0–2, a fuse.js score
   * for 3), then list order. One numeric sort of packed keys: a comparator sort of 50,000 entries
   * (a one-letter query) would take longer than a keystroke may.
   */
  private top(touched: number[], limit: number): number[] {
    const keys = new Float64Array(touched.length);
    for (let j = 0; j < touched.length; j++) {
      const e = touched[j]!;
      const rank = this.bestRank[e]!;
      const score = rank === 3 ? Math.round(this.bestScore[e]! * 999) : Math.min(999, this.bestScore[e]!);
      keys[j] = (rank * 1000 + score) * 0x400000 + e;
    }
    keys.sort();
    const out: number[] = [];
    for (let j = 0; j < Math.min(limit, keys.length); j++) out.push(keys[j]! % 0x400000);
    return out;
  }
}
