/**
 * Traditional → simplified Chinese, character by character, from OpenCC's maintained tables
 * (opencc-js ships them as ES modules; only the three character tables are imported, about
 * 30 kB of text, never the 1 MB phrase dictionary).
 *
 * Character level is enough for matching: names and page text go through the same fold, so a
 * character that OpenCC maps one way in every context (乾→干 included) still meets itself.
 */
import tsCharacters from 'opencc-js/dict/TSCharacters';
import twVariantsRev from 'opencc-js/dict/TWVariantsRev';
import hkVariantsRev from 'opencc-js/dict/HKVariantsRev';

function parseTable(table: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const item of table.split('|')) {
    const [from, to] = item.split(' ');
    if (from && to && from !== to) pairs.push([from, to]);
  }
  return pairs;
}

let foldMap: Map<number, string> | undefined;

/** Code point → its simplified form (a string, since a few targets are astral). Built once. */
export function traditionalToSimplifiedMap(): Map<number, string> {
  if (foldMap) return foldMap;
  const map = new Map<number, string>();
  for (const [from, to] of parseTable(tsCharacters)) map.set(from.codePointAt(0)!, to);
  // Regional variants (Taiwan 為, Hong Kong 衞 …) go first to OpenCC's standard traditional
  // form, then through the same traditional → simplified table.
  for (const [variant, standard] of [...parseTable(twVariantsRev), ...parseTable(hkVariantsRev)]) {
    const cp = variant.codePointAt(0)!;
    if (map.has(cp)) continue;
    const simplified = map.get(standard.codePointAt(0)!) ?? standard;
    if (simplified !== variant) map.set(cp, simplified);
  }
  foldMap = map;
  return map;
}
