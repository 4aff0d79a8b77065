/**
 * One normalization for list names and page text, so that both meet in the same form:
 * - full-width Latin, digits and punctuation fold to half-width (（）→ ()), Latin case folds;
 * - traditional Chinese folds to simplified, character by character (script-fold.ts);
 * - zero-width characters and soft hyphens vanish;
 * - whitespace between two CJK characters vanishes (an HTML line break inside a name), other
 *   runs of whitespace collapse to one space; leading and trailing whitespace go.
 *
 * Hot path: runs over every character of every page. One lookup in a 64 K-entry Uint16Array per
 * UTF-16 code unit, no regular expressions, no per-character allocation. The table is built
 * once per realm (~1 ms) and is 128 kB.
 *
 * `offsets[i]` is the index in the input of output code unit i, so a match found in normalized
 * text maps back to the page's text nodes (highlights, report context).
 */
import { traditionalToSimplifiedMap } from './script-fold';

const DELETE = 0;
const SPACE = 0x20;

let foldTable: Uint16Array | undefined;

function buildFoldTable(): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) table[c] = c;
  for (let c = 0x41; c <= 0x5a; c++) table[c] = c + 0x20;
  // Latin-1 supplement through Latin Extended-B, Greek and Cyrillic: the single-unit lower case.
  for (const [from, to] of [[0xc0, 0x24f], [0x370, 0x4ff]] as const) {
    for (let c = from; c <= to; c++) {
      const lower = String.fromCharCode(c).toLowerCase();
      if (lower.length === 1) table[c] = lower.charCodeAt(0);
    }
  }
  // Full-width ASCII variants → ASCII (then lower-cased).
  for (let c = 0xff01; c <= 0xff5e; c++) table[c] = table[c - 0xfee0]!;
  for (const [cp, simplified] of traditionalToSimplifiedMap()) {
    // Astral sources or targets are left as they are: both sides of a match stay consistent.
    if (cp < 0x10000 && simplified.length === 1) table[cp] = simplified.charCodeAt(0);
  }
  for (const ws of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]) {
    table[ws] = SPACE;
  }
  for (let c = 0x2000; c <= 0x200a; c++) table[c] = SPACE;
  for (const zw of [0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]) table[zw] = DELETE;
  table[0] = DELETE;
  return table;
}

function getFoldTable(): Uint16Array {
  return (foldTable ??= buildFoldTable());
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
    const c = table[input.charCodeAt(i)]!;
    if (c === DELETE) continue;
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
