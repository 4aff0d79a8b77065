/**
 * Traditional → simplified Chinese, character by character, from OpenCC's maintained tables
 * (opencc-js ships them as ES modules; only the three character tables are imported: 29 kB of
 * TSCharacters plus under 1 kB of Taiwan and Hong Kong variants, never the 1 MB phrase
 * dictionary).
 *
 * Character level is enough for matching: names and page text go through the same fold, so a
 * character that OpenCC maps one way in every context (乾→干 included) still meets itself.
 *
 * The tables are read with indexOf and codePointAt rather than split() and destructuring: this
 * runs once in every new content script, before the JIT has warmed up, where the idiomatic
 * version cost 10–20 ms per frame.
 */
import tsCharacters from 'opencc-js/dict/TSCharacters';
import twVariantsRev from 'opencc-js/dict/TWVariantsRev';
import hkVariantsRev from 'opencc-js/dict/HKVariantsRev';

/** Calls `fn(from, to)` for each "from to[ more…]" item of an OpenCC table ("|"-separated). */
function eachPair(table: string, fn: (from: number, to: number) => void): void {
  const n = table.length;
  let i = 0;
  while (i < n) {
    const from = table.codePointAt(i)!;
    const space = i + (from > 0xffff ? 2 : 1);
    const to = table.codePointAt(space + 1)!;
    if (table.charCodeAt(space) === 0x20 && from !== to) fn(from, to);
    const bar = table.indexOf('|', space);
    i = bar < 0 ? n : bar + 1;
  }
}

/**
 * Writes the fold into a code-unit table (0 = unchanged). Characters whose traditional or
 * simplified form is astral (outside the BMP) are left as they are: both sides of a match stay
 * consistent, and none occurs in a listed name.
 */
export function writeTraditionalToSimplified(table: Uint16Array): void {
  eachPair(tsCharacters, (from, to) => {
    if (from < 0x10000 && to < 0x10000) table[from] = to;
  });
  // Regional variants (Taiwan 為, Hong Kong 衞 …) go first to OpenCC's standard traditional
  // form, then through the same traditional → simplified table.
  const variant = (from: number, standard: number) => {
    if (from >= 0x10000 || standard >= 0x10000 || table[from] !== 0) return;
    const simplified = table[standard] || standard;
    if (simplified !== from) table[from] = simplified;
  };
  eachPair(twVariantsRev, variant);
  eachPair(hkVariantsRev, variant);
  // Idempotence: a few targets are themselves in the table (薴→苧→苎). Follow each chain to its
  // end, so that folding text twice gives what folding it once gave.
  const settle = (from: number) => {
    if (from >= 0x10000) return;
    let to = table[from]!;
    for (let steps = 0; to !== 0 && table[to] !== 0 && table[to] !== to && steps < 4; steps++) to = table[to]!;
    if (to !== 0) table[from] = to;
  };
  for (const t of [tsCharacters, twVariantsRev, hkVariantsRev]) eachPair(t, (from) => settle(from));
}

/**
 * Variants a reader reads as the standard character that neither OpenCC table maps (they are not
 * traditional forms), folded the same way: 囯 (U+56EF, a variant of 国 with 王 inside) is written
 * for 国 to get a name past a filter while any reader still reads 国. Kept to variants seen used
 * so: a wider table of Unihan variants would join characters a reader tells apart.
 */
const READING_VARIANTS: ReadonlyArray<readonly [string, string]> = [['囯', '国']];

export function writeReadingVariants(table: Uint16Array): void {
  for (const [variant, standard] of READING_VARIANTS) {
    const from = variant.charCodeAt(0);
    const to = standard.charCodeAt(0);
    if (table[from] === 0) table[from] = table[to] || to;
  }
}
