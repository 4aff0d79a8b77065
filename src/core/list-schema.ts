/**
 * The shape of the bundled list (data/organizations.json) and of every entry a feed carries.
 *
 * valibot rather than zod: the same declarative schemas and inferred types, but tree-shakable
 * functions, so the background bundle carries only the validators used here (a few kB, where
 * zod's class-based API brings all of zod). Pure: no browser globals, runs under Node.
 */
import * as v from 'valibot';
import { issueMessages } from './valibot-issues';

export const LISTING_KINDS = [
  'banned',
  'website-shutdown',
  'suspected-illegal',
  'counterfeit',
  'dispersed',
] as const;
export type ListingKind = (typeof LISTING_KINDS)[number];

const nonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1));
const isoDate = v.pipe(v.string(), v.isoDate());
const httpUrl = v.pipe(v.string(), v.url(), v.regex(/^https?:\/\//, 'sources must be http(s) URLs'));

export const ListingSchema = v.object({
  /** Which published list or batch, as the research names it, e.g. `website-shutdown-2021-batch3`. */
  list: nonEmpty,
  kind: v.picklist(LISTING_KINDS),
  /** Dateline of the list (YYYY-MM-DD), or null where no source gives one. */
  published: v.nullable(isoDate),
  sources: v.array(httpUrl),
});
export type Listing = v.InferOutput<typeof ListingSchema>;

export const EntrySchema = v.object({
  /** Stable slug; never changes once published (suppressions and sync diffs key on it). */
  id: v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must be a lower-case slug')),
  names: v.object({
    zh: nonEmpty,
    /** Only an English name published as such by the ministry; it is matched on pages. */
    en: v.optional(nonEmpty),
  }),
  /** A translation for display only; never matched (one is the usual name of a lawful body). */
  enDisplay: v.optional(nonEmpty),
  /** Other spellings that are matched as this organization. */
  aliases: v.array(nonEmpty),
  listings: v.pipe(v.array(ListingSchema), v.minLength(1, 'an entry needs at least one listing')),
  /** false: never warns on pages; still found by the manual lookup, with its note. */
  warn: v.boolean(),
  /** Guarded name: silent on pages when part of a longer name or word (core/prose-boundary.ts). */
  exact: v.boolean(),
  /** The lawfully registered body this name imitates, where a source names it. */
  registeredLookalike: v.optional(nonEmpty),
  domains: v.optional(v.array(nonEmpty)),
  note: v.optional(nonEmpty),
});
export type BlocklistEntry = v.InferOutput<typeof EntrySchema>;

export const EntriesSchema = v.pipe(
  v.array(EntrySchema),
  v.check((entries) => new Set(entries.map((e) => e.id)).size === entries.length, 'entry ids must be unique'),
);

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** Validates a parsed JSON value as a list of entries; errors name the path of each problem. */
export function validateEntries(input: unknown): ValidationResult<BlocklistEntry[]> {
  const result = v.safeParse(EntriesSchema, input);
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, errors: issueMessages(result.issues) };
}

/** Every string of an entry that is matched on pages: both names and the aliases. */
export function matchableNames(entry: BlocklistEntry): string[] {
  const names = [entry.names.zh, ...(entry.names.en ? [entry.names.en] : []), ...entry.aliases];
  return [...new Set(names)];
}
