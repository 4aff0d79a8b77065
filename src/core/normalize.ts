/**
 * One normalization for list names and page text, so that both meet in the same form:
 * - full-width Latin, digits and punctuation fold to half-width (（）→ ()), Latin case folds;
 * - traditional Chinese folds to simplified, character by character, and a few variants read as
 *   the standard character (囯 → 国) with it (script-fold.ts);
 * - compatibility forms fold to the character they stand for (Unicode NFKC, one character to one):
 *   Kangxi radicals (⼈ → 人), CJK compatibility ideographs, enclosed and circled forms (㊥ → 中,
 *   ① → 1), half-width katakana and other width variants. Forms that NFKC expands to several
 *   characters (㈱ → (株), ⑩ → 10, ㍻ → 平成) stay as they are: no listed name is written with them,
 *   and keeping one output character per input character keeps the table a flat array;
 * - every Default_Ignorable_Code_Point vanishes (zero-width characters, soft hyphens, bidi marks,
 *   variation selectors, Hangul fillers, tags …: characters a reader never sees, which a page
 *   can put inside a name to hide it), taken from the Unicode property, not a hand-kept list;
 * - whitespace between two CJK characters vanishes (an HTML line break inside a name), other
 *   runs of whitespace collapse to one space; leading and trailing whitespace go.
 *
 * Hot path: runs over every character of every page. One lookup in a 64 K-entry Uint16Array per
 * UTF-16 code unit, no regular expressions, no per-character allocation. The table is 128 kB and
 * sparse: 0 means "unchanged", so filling it touches only the ~6,500 code units that change.
 * Characters outside the BMP (surrogate pairs: ideographic variation selectors, tags, enclosed
 * ideographs 🈐, mathematical letters 𝐀) take a slower path, memoized per distinct character: the
 * table marks every high surrogate, and `foldAstral` decides.
 * Building it from OpenCC's tables still costs 3–7 ms in a fresh content script (measured in
 * Chromium: before any JIT warm-up, the largest part of the script's start); so the background
 * stores the table's pairs beside the compiled list (`foldTablePairs`), and content scripts
 * install them in one pass (`useFoldTablePairs`). That also folds page text with exactly the
 * table the list's names were folded with.
 *
 * `offsets[i]` is the index in the input of output code unit i (for a surrogate pair folded to one
 * unit, its low surrogate's), so a match found in normalized text maps back to the page's text
 * nodes (highlights, report context).
 */
import { writeReadingVariants, writeTraditionalToSimplified } from './script-fold';

/** Table value: the code unit is unchanged. */
const SAME = 0;
/** Table value: the code unit vanishes (U+FFFF is a noncharacter, never a real mapping target). */
const DELETE = 0xffff;
/** Table value on high surrogates: the pair is folded by `foldAstral` (U+FFFE: a noncharacter too). */
const ASTRAL = 0xfffe;
/** Characters a reader never sees (Unicode's Default_Ignorable_Code_Point property). */
const DEFAULT_IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
const SPACE = 0x20;

let foldTable: Uint16Array | undefined;

function buildFoldTable(): Uint16Array {
  const table = new Uint16Array(0x10000); // all SAME
  for (let c = 0x41; c <= 0x5a; c++) table[c] = c + 0x20;
  // Latin-1 supplement through Latin Extended-B, Greek and Cyrillic: the single-unit lower case.
  // One toLowerCase over each range, not one per character (see the header on cold starts).
  for (const [from, to] of [[0xc0, 0x24f], [0x370, 0x4ff]] as const) {
    const chars = String.fromCharCode(...Array.from({ length: to - from + 1 }, (_, k) => from + k));
    const lower = chars.toLowerCase();
    if (lower.length !== chars.length) {
      // A character lowers to two (İ → i̇): fall back to one at a time for this range.
      for (let c = from; c <= to; c++) {
        const l = String.fromCharCode(c).toLowerCase();
        if (l.length === 1 && l.charCodeAt(0) !== c) table[c] = l.charCodeAt(0);
      }
      continue;
    }
    for (let k = 0; k < chars.length; k++) if (lower.charCodeAt(k) !== chars.charCodeAt(k)) table[from + k] = lower.charCodeAt(k);
  }
  // Full-width ASCII variants → ASCII (then lower-cased).
  for (let c = 0xff01; c <= 0xff5e; c++) table[c] = table[c - 0xfee0] || c - 0xfee0;
  writeTraditionalToSimplified(table);
  writeReadingVariants(table);
  for (const ws of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]) {
    table[ws] = SPACE;
  }
  for (let c = 0x2000; c <= 0x200a; c++) table[c] = SPACE;
  table[0] = DELETE;
  writeIgnorablesAndCompatibilityForms(table);
  markHighSurrogates(table);
  settle(table);
  return table;
}

function markHighSurrogates(table: Uint16Array): void {
  table.fill(ASTRAL, 0xd800, 0xdc00);
}

/**
 * Every Default_Ignorable_Code_Point vanishes; then NFKC, one character to one, for characters
 * nothing else folded yet, composed with the rest of the table (⾨ → 門 → 门, Ⓐ → A → a). The BMP
 * is looked at in blocks of 256: a block with no ignorable character and that NFKC leaves as it
 * is (most of them) needs no per-character look, which keeps the build to a few ms.
 */
function writeIgnorablesAndCompatibilityForms(table: Uint16Array): void {
  const BLOCK = 256;
  const units = new Uint16Array(BLOCK);
  for (let from = 0; from < 0x10000; from += BLOCK) {
    if (from >= 0xd800 && from < 0xe000) continue; // surrogates: no characters of their own
    for (let k = 0; k < BLOCK; k++) units[k] = from + k;
    const block = String.fromCharCode.apply(null, units as unknown as number[]);
    if (DEFAULT_IGNORABLE.test(block)) {
      for (let k = 0; k < BLOCK; k++) if (DEFAULT_IGNORABLE.test(block[k]!)) table[from + k] = DELETE;
    }
    if (block.normalize('NFKC') === block) continue;
    for (let k = 0; k < BLOCK; k++) {
      const c = from + k;
      if (table[c] !== SAME) continue;
      const compat = block[k]!.normalize('NFKC');
      if (compat.length !== 1) continue;
      const d = compat.charCodeAt(0);
      if (d !== c) table[c] = table[d] === SAME ? d : table[d]!;
    }
  }
}

/** Follows chains (c → d → e) to their end, so that folding twice gives what folding once gave. */
function settle(table: Uint16Array): void {
  for (let c = 0; c < 0x10000; c++) {
    let to = table[c]!;
    for (let steps = 0; to !== SAME && to !== DELETE && to !== ASTRAL && to !== SPACE && table[to] !== SAME && table[to] !== to && steps < 4; steps++) {
      to = table[to]!;
    }
    if (to !== SAME) table[c] = to;
  }
}

/**
 * True in the content script's bundle (scripts/classic-content-scripts.ts sets it): there the
 * table always comes with the compiled list (useFoldTablePairs), so the OpenCC tables and the
 * code that builds from them are left out of the script every frame compiles (29 kB of its
 * 94; measured 1.1 ms less per frame on a 10 kB page, BENCHMARKS.md).
 */
const FOLD_TABLE_INSTALLED_ONLY = typeof __FOLD_TABLE_INSTALLED_ONLY__ === 'boolean' && __FOLD_TABLE_INSTALLED_ONLY__;

function getFoldTable(): Uint16Array {
  if (FOLD_TABLE_INSTALLED_ONLY) {
    // A branch of its own, so that the bundler sees buildFoldTable unused and drops it.
    if (!foldTable) throw new Error('normalize: no fold table installed (useFoldTablePairs)');
    return foldTable;
  }
  return (foldTable ??= buildFoldTable());
}

/** Folds of characters outside the BMP, by code point, as met (see the module header). */
const astralFolds = new Map<number, number>();

/**
 * The fold of the pair (high, low): DELETE when the character is default-ignorable, a BMP code
 * unit when its NFKC form is one BMP character (then folded by the table: 🈐 → 手, 𝐀 → A → a),
 * else SAME (left as it is; also when `low` is no low surrogate). An NFKC form outside the BMP
 * (a few compatibility ideographs of the supplement, U+2F800…) is left alone: one output unit
 * per pair keeps the hot loop small.
 */
function foldAstral(high: number, low: number): number {
  if (!(low >= 0xdc00 && low <= 0xdfff)) return SAME;
  const codePoint = ((high - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
  const known = astralFolds.get(codePoint);
  if (known !== undefined) return known;
  const ch = String.fromCodePoint(codePoint);
  let folded = SAME;
  if (DEFAULT_IGNORABLE.test(ch)) folded = DELETE;
  else {
    const compat = ch.normalize('NFKC');
    if (compat !== ch && compat.length === 1) {
      const to = getFoldTable()[compat.charCodeAt(0)]!;
      folded = to === SAME ? compat.charCodeAt(0) : to;
    }
  }
  astralFolds.set(codePoint, folded);
  return folded;
}

/** The fold table as the code units it changes, in pairs: [from, to, from, to, …]. */
export function foldTablePairs(): Uint16Array {
  const table = getFoldTable();
  let changed = 0;
  // The high surrogates' ASTRAL marks are the same in every table: useFoldTablePairs sets them,
  // and the stored form stays 1,024 pairs (5 kB of base64) smaller.
  for (let c = 0; c < 0x10000; c++) if (table[c] !== SAME && table[c] !== ASTRAL) changed++;
  const pairs = new Uint16Array(changed * 2);
  let k = 0;
  for (let c = 0; c < 0x10000; c++) {
    const to = table[c]!;
    if (to === SAME || to === ASTRAL) continue;
    pairs[k++] = c;
    pairs[k++] = to;
  }
  return pairs;
}

/** Folds from now on with the table `pairs` describes (made by `foldTablePairs`). */
export function useFoldTablePairs(pairs: Uint16Array): void {
  if (pairs.length % 2 !== 0) throw new Error('fold table pairs: odd length');
  const table = new Uint16Array(0x10000);
  for (let k = 0; k < pairs.length; k += 2) table[pairs[k]!] = pairs[k + 1]!;
  markHighSurrogates(table);
  foldTable = table;
  astralFolds.clear();
}

/** Han ideographs (and surrogates, which on Chinese pages are nearly always Han extensions). */
export function isHan(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xd800 && c <= 0xdfff) ||
    c === 0x3007
  );
}

/** CJK for the whitespace rule: Han, CJK punctuation, kana. */
export function isCjk(c: number): boolean {
  return isHan(c) || (c >= 0x3000 && c <= 0x30ff);
}

/** A character that continues a Latin word (after folding): ASCII and Latin-1/Ext letters, digits. */
export function isLatinWordChar(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)
  );
}

export interface Normalized {
  text: string;
  /** offsets[i] = index in the input of output code unit i. */
  offsets: Uint32Array;
}

/** Normalizes a name or a stretch of page text (see the module header). */
export function normalize(input: string): string {
  return normalizeCore(input, false).text;
}

/** Like `normalize`, also returning where each output code unit came from. */
export function normalizeWithOffsets(input: string): Normalized {
  const { text, offsets } = normalizeCore(input, true);
  return { text, offsets: offsets! };
}

const CHUNK = 4096;

function normalizeCore(input: string, withOffsets: boolean): { text: string; offsets?: Uint32Array } {
  const table = getFoldTable();
  const n = input.length;
  const out = new Uint16Array(n);
  const offsets = withOffsets ? new Uint32Array(n) : undefined;
  let len = 0;
  let pendingSpace = false;
  let pendingAt = 0;
  for (let i = 0; i < n; i++) {
    let c = input.charCodeAt(i);
    const mapped = table[c]!;
    if (mapped !== SAME) {
      if (mapped === DELETE) continue;
      if (mapped === ASTRAL) {
        // A surrogate pair: folded to nothing or to one BMP character (then both units are
        // consumed, and the output's offset is the low surrogate's), or left as it is.
        const folded = foldAstral(c, input.charCodeAt(i + 1));
        if (folded !== SAME) {
          i++;
          if (folded === DELETE) continue;
          c = folded;
        }
      } else c = mapped;
    }
    if (c === SPACE) {
      if (!pendingSpace) pendingAt = i;
      pendingSpace = true;
      continue;
    }
    if (pendingSpace) {
      pendingSpace = false;
      // Drop leading whitespace and whitespace between two CJK characters.
      if (len > 0 && !(isCjk(out[len - 1]!) && isCjk(c))) {
        if (offsets) offsets[len] = pendingAt;
        out[len++] = SPACE;
      }
    }
    if (offsets) offsets[len] = i;
    out[len++] = c;
  }
  let text = '';
  for (let start = 0; start < len; start += CHUNK) {
    text += String.fromCharCode.apply(null, out.subarray(start, Math.min(len, start + CHUNK)) as unknown as number[]);
  }
  return offsets ? { text, offsets: offsets.subarray(0, len) } : { text };
}
