/**
 * A partial, dated copy of the national registry of social organizations (data/lawful-national-partial.json,
 * written by `npm run data`): the popup's lookup says when a query names one of these bodies. The copy
 * can show that a name was lawfully registered, never that a name is not (it holds about a fifth of
 * the registry, six to seven years old), so it only ever adds a note and a link to the official search.
 */
import { normalize } from './normalize';

export interface LawfulBody {
  name: string;
  /** medium: renamed since, or from a weaker source. */
  confidence: 'high' | 'medium';
}

export interface LawfulRegistryCopy {
  /** When the copy was made, as shown to users (e.g. "2017–2018"). */
  period: string;
  bodies: LawfulBody[];
}

const byNormalizedName = new WeakMap<LawfulRegistryCopy, Map<string, LawfulBody>>();

/**
 * The body whose whole name the query is (after the page-text normalization: script, width,
 * spacing), or undefined. Part of a name is not enough: 美术家协会 is not 中国美术家协会.
 */
export function findLawfulBody(copy: LawfulRegistryCopy, query: string): LawfulBody | undefined {
  let index = byNormalizedName.get(copy);
  if (!index) {
    index = new Map(copy.bodies.map((b) => [normalize(b.name), b]));
    byNormalizedName.set(copy, index);
  }
  const q = normalize(query);
  return q ? index.get(q) : undefined;
}
