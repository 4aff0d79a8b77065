/**
 * One normalization for list names and page text, so that both meet in the same form:
 * - full-width Latin, digits and punctuation fold to half-width (（）→ ()), Latin case folds;
 * - traditional Chinese folds to simplified, character by character (script-fold.ts);
 * - zero-width characters and soft hyphens vanish;
 * - whitespace between two CJK characters vanishes (an HTML line break inside a name), other
 *   runs of whitespace collapse to one space; leading and trailing whitespace go.
 *
 * Hot path: runs over every character of every page. One lookup in a 64 K-entry Uint16Array per
 * UTF-16 code unit, no regular expressions, no per-character allocation. The table is 128 kB and
 * sparse: 0 means "unchanged", so filling it touches only the ~3,500 code units that change.
 * Building it from OpenCC's tables still costs 3–7 ms in a fresh content script (measured in
 * Chromium: before any JIT warm-up, the largest part of the script's start); so the background
 * stores the table's pairs beside the compiled list (`foldTablePairs`), and content scripts
 * install them in one pass (`useFoldTablePairs`). That also folds page text with exactly the
 * table the list's names were folded with.
 *
 * `offsets[i]` is the index in the input of output code unit i, so a match found in normalized
 * text maps back to the page's text nodes (highlights, report context).
 */
import { writeTraditionalToSimplified } from './script-fold';

/** Table value: the code unit is unchanged. */
const SAME = 0;
/** Table value: the code unit vanishes (U+FFFF is a noncharacter, never a real mapping target). */
const DELETE = 0xffff;
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
  for (const ws of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]) {
    table[ws] = SPACE;
  }
  for (let c = 0x2000; c <= 0x200a; c++) table[c] = SPACE;
  for (const zw of [0x0000, 0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]) table[zw] = DELETE;
  return table;
}

function getFoldTable(): Uint16Array {
  return (foldTable ??= buildFoldTable());
}

/** The fold table as the code units it changes, in pairs: [from, to, from, to, …]. */
export function foldTablePairs(): Uint16Array {
  const table = getFoldTable();
  let changed = 0;
  for (let c = 0; c < 0x10000; c++) if (table[c] !== SAME) changed++;
  const pairs = new Uint16Array(changed * 2);
  let k = 0;
  for (let c = 0; c < 0x10000; c++) {
    const to = table[c]!;
    if (to === SAME) continue;
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
  foldTable = table;
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
      c = mapped;
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
