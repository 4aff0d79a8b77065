/**
 * A lookup query may hold several names: a journalist pastes a list ("中国美术协会、中国国家书法家协会、
 * 中国民间摄影协会"), or selects one on a page. Each is answered on its own; looked up whole, the
 * list matches no name and would read as an all-clear.
 *
 * Names are split on list punctuation only: 、，；, commas and semicolons (ASCII, full-width, small
 * and half-width forms) and line breaks. Not on spaces: "China Robot Education Alliance" and a
 * Chinese name broken by a space are one name each.
 */
import { normalize } from './normalize';

/** At most this many names are answered per query (each costs a lookup per keystroke). */
export const MAX_LOOKUP_NAMES = 20;

// 、(U+3001) ，(U+FF0C) ；(U+FF1B) ､(U+FF64) ﹐﹑﹔(U+FE50, U+FE51, U+FE54) , ; and line breaks.
const SEPARATORS = /[、，；､﹐﹑﹔,;\r\n\u2028\u2029\u0085]+/u;

export interface SplitQuery {
  /** The names, trimmed, in order, each once (same name after normalization), at most MAX_LOOKUP_NAMES. */
  names: string[];
  /** Names beyond MAX_LOOKUP_NAMES that were left out. */
  omitted: number;
}

export function splitLookupQuery(text: string): SplitQuery {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const part of text.split(SEPARATORS)) {
    const name = part.trim();
    const key = normalize(name);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    names.push(name);
  }
  return { names: names.slice(0, MAX_LOOKUP_NAMES), omitted: Math.max(0, names.length - MAX_LOOKUP_NAMES) };
}
