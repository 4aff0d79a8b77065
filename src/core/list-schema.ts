/**
 * The shape of the bundled list (data/organizations.json) and of every entry a feed carries.
 *
 * valibot rather than zod: the same declarative schemas and inferred types, but tree-shakable
 * functions, so the background bundle carries only the validators used here (a few kB, where
 * zod's class-based API brings all of zod). Pure: no browser globals, runs under Node.
 */
import * as v from 'valibot';
import { issueMessages } from './valibot-issues';
import {
  EN_DISPLAY_MAX_CHARS, ENTRY_OTHER_TEXT_MAX_BYTES, LIST_ID_MAX_CHARS, LIST_RECORD_TEXT_MAX_CHARS, LOOKALIKE_MAX_CHARS, MAX_ENTRIES,
  MAX_LISTINGS_PER_ENTRY, MAX_LIST_RECORDS, MAX_SOURCES_PER_LISTING, MAX_TOTAL_NAME_CHARS, NOTE_MAX_CHARS, SCAN_OVERLAP_CHARS, SOURCE_URL_MAX_CHARS,
} from './list-limits';
import { cleanDisplayText } from './display-text';
import { domainProblem, nameProblem, normalizedLength } from './list-rules';
import { matchableNames } from './entry-names';

export const LISTING_KINDS = [
  'banned',
  'website-shutdown',
  'suspected-illegal',
  'counterfeit',
  'dispersed',
] as const;
export type ListingKind = (typeof LISTING_KINDS)[number];

const nonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1));
/**
 * Displayed text loses control and format characters and unpaired surrogates (core/display-text.ts);
 * every field is capped before, so a megabyte of zero-width characters is refused, not shrunk.
 */
const clean = v.transform((text: string) => cleanDisplayText(text));
const isoDate = v.pipe(v.string(), v.isoDate());
/**
 * Issues from the limits (core/list-limits.ts) carry this as `expected`, so that the feed's
 * checks can tell "outside the limits" (a hostile or careless list) from "not a list" apart.
 */
export const LIMIT_ISSUE = 'within the list limits';

/** A rule of list-limits.ts as a schema step: `problem` says why a value breaks it, or null. */
function limit<T>(problem: (value: T) => string | null) {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const message = problem(dataset.value);
    if (message) addIssue({ message, expected: LIMIT_ISSUE });
  });
}

/** Text of at most `max` characters (counted before cleaning); `what` names it in the message. */
function capped(max: number, what: string) {
  return limit((text: string) => (text.length > max ? `${what} may have at most ${max} characters; this one has ${text.length}` : null));
}

/** At most `max` items, counted before any item is validated (as for entries, below). */
function count(max: number, what: string) {
  return limit((items: unknown[]) => (items.length > max ? `${what} at most ${max}; this one has ${items.length}` : null));
}

/** A name that is matched on pages: not too short to be specific, not too long to scan. */
const matchedName = v.pipe(
  nonEmpty,
  limit(nameProblem),
  // As written too: normalization drops zero-width characters, so nameProblem alone passes a megabyte of them.
  capped(SCAN_OVERLAP_CHARS, 'a matched name, as written,'),
  clean,
  v.trim(),
  // Again once cleaned: removed control characters may have left too short a name.
  limit(nameProblem),
);
const httpUrl = v.pipe(
  v.string(),
  capped(SOURCE_URL_MAX_CHARS, 'a source link'),
  v.url(),
  v.regex(/^https?:\/\//, 'sources must be http(s) URLs'),
  // A URL that parses has no control characters left; format characters may remain in it.
  clean,
);

export const ListingSchema = v.object({
  /** Which published list or batch, as the research names it, e.g. `website-shutdown-2021-batch3`. */
  list: v.pipe(nonEmpty, capped(LIST_ID_MAX_CHARS, 'a list id'), clean, v.trim(), v.minLength(1)),
  kind: v.picklist(LISTING_KINDS),
  /** Dateline of the list (YYYY-MM-DD), or null where no source gives one. */
  published: v.nullable(isoDate),
  sources: v.pipe(v.array(v.unknown()), count(MAX_SOURCES_PER_LISTING, 'a listing may have sources'), v.array(httpUrl)),
});
export type Listing = v.InferOutput<typeof ListingSchema>;

const domainName = v.pipe(nonEmpty, limit(domainProblem));

/** A site of an organization, with the day it was seen in use (the notice or page that showed it). */
export const DomainListingSchema = v.object({
  domain: domainName,
  /** YYYY-MM-DD: the date of the notice that published the address, or of the page that showed it in use. */
  seen: isoDate,
  /** Where the address was found. */
  sources: v.optional(v.pipe(v.array(v.unknown()), count(MAX_SOURCES_PER_LISTING, 'a domain may have sources'), v.array(httpUrl))),
});
export type DomainListing = v.InferOutput<typeof DomainListingSchema>;

const EntryObjectSchema = v.object({
  /** Stable slug; never changes once published (suppressions and sync diffs key on it). */
  id: v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must be a lower-case slug')),
  names: v.object({
    zh: matchedName,
    /** Only an English name published as such by the ministry; it is matched on pages. */
    en: v.optional(matchedName),
  }),
  /** A translation for display only; never matched (one is the usual name of a lawful body). */
  enDisplay: v.optional(v.pipe(nonEmpty, capped(EN_DISPLAY_MAX_CHARS, 'an English display name'), clean, v.trim(), v.minLength(1))),
  /** Other spellings that are matched as this organization. */
  aliases: v.array(matchedName),
  listings: v.pipe(
    v.array(v.unknown()),
    count(MAX_LISTINGS_PER_ENTRY, 'an entry may have listings'),
    v.array(ListingSchema),
    v.minLength(1, 'an entry needs at least one listing'),
  ),
  /** false: never warns on pages; still found by the manual lookup, with its note. */
  warn: v.boolean(),
  /** Guarded name: silent on pages when part of a longer name or word (core/prose-boundary.ts). */
  exact: v.boolean(),
  /** The lawfully registered body this name imitates, where a source names it. */
  registeredLookalike: v.optional(v.pipe(nonEmpty, capped(LOOKALIKE_MAX_CHARS, 'a look-alike name'), clean, v.trim(), v.minLength(1))),
  /**
   * The organization's own sites: registrable domains (or host names under one), see domainProblem.
   * A listing says when the site was seen in use (core/own-site.ts words the alert by it); a bare
   * domain (the format before dates) has no date and reads as current.
   */
  domains: v.optional(v.array(v.union([domainName, DomainListingSchema]))),
  note: v.optional(v.pipe(nonEmpty, capped(NOTE_MAX_CHARS, 'a note'), clean, v.trim(), v.minLength(1))),
});
export type BlocklistEntry = v.InferOutput<typeof EntryObjectSchema>;

const utf8 = new TextEncoder();
/** UTF-8 bytes of an entry's text besides its names (the total ENTRY_OTHER_TEXT_MAX_BYTES caps). */
export function otherTextBytes(entry: BlocklistEntry): number {
  const texts = [
    entry.enDisplay ?? '', entry.note ?? '', entry.registeredLookalike ?? '',
    ...(entry.domains ?? []).flatMap((d) => (typeof d === 'string' ? [d] : [d.domain, d.seen, ...(d.sources ?? [])])),
    ...entry.listings.flatMap((l) => [l.list, ...l.sources]),
  ];
  return texts.reduce((sum, text) => sum + utf8.encode(text).length, 0);
}

export const EntrySchema = v.pipe(
  EntryObjectSchema,
  limit((entry: BlocklistEntry) => {
    const bytes = otherTextBytes(entry);
    return bytes > ENTRY_OTHER_TEXT_MAX_BYTES
      ? `an entry's text besides its names may have at most ${ENTRY_OTHER_TEXT_MAX_BYTES} bytes; this one's has ${bytes}`
      : null;
  }),
);

export const EntriesSchema = v.pipe(
  // The count first: a list with too many entries is refused before any entry is validated (a
  // schema later in a pipe does not run once an earlier step found an issue).
  v.array(v.unknown()),
  limit((entries: unknown[]) =>
    entries.length > MAX_ENTRIES ? `a list may have at most ${MAX_ENTRIES} organizations; this one has ${entries.length}` : null,
  ),
  v.array(EntrySchema),
  v.check((entries) => new Set(entries.map((e) => e.id)).size === entries.length, 'entry ids must be unique'),
  limit((entries: BlocklistEntry[]) => {
    let total = 0;
    for (const entry of entries) for (const name of matchableNames(entry)) total += normalizedLength(name);
    return total > MAX_TOTAL_NAME_CHARS
      ? `the matched names of a list may have at most ${MAX_TOTAL_NAME_CHARS} characters in all; this one's have ${total}`
      : null;
  }),
);

/** A record's text: a feed's records are hostile input too, so each is capped (core/list-limits.ts). */
const recordText = v.pipe(
  nonEmpty,
  limit((text: string) =>
    text.length > LIST_RECORD_TEXT_MAX_CHARS ? `a list's issuer and title may have at most ${LIST_RECORD_TEXT_MAX_CHARS} characters; this one has ${text.length}` : null,
  ),
);
/** A text in each UI language (zh_HK reads zh_TW). */
const LocalizedTextSchema = v.object({ zh_CN: recordText, zh_TW: recordText, en: recordText });

/** What a list is, for people: who issued it, its title, its date, and how we know of it. */
export const ListRecordSchema = v.object({
  issuer: LocalizedTextSchema,
  title: LocalizedTextSchema,
  /** The list's date (YYYY-MM-DD), or null where no source gives one. */
  published: v.nullable(isoDate),
  /** true: only news reports back the list; no official notice of it was found. */
  newsOnly: v.boolean(),
});
export type ListRecord = v.InferOutput<typeof ListRecordSchema>;

const listId = v.pipe(
  nonEmpty,
  limit((id: string) => (id.length > LIST_ID_MAX_CHARS ? `a list id may have at most ${LIST_ID_MAX_CHARS} characters; this one has ${id.length}` : null)),
);

/** list id (a listing's `list`) → its record. The count first, as for entries: too many are refused unread. */
export const ListRecordsSchema = v.pipe(
  v.record(v.string(), v.unknown()),
  limit((records: Record<string, unknown>) => {
    const count = Object.keys(records).length;
    return count > MAX_LIST_RECORDS ? `a feed may describe at most ${MAX_LIST_RECORDS} lists; this one describes ${count}` : null;
  }),
  v.record(listId, ListRecordSchema),
);
export type ListRecords = v.InferOutput<typeof ListRecordsSchema>;

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** True when every issue is a broken limit (the list is well formed, but not within the limits). */
export function onlyLimitIssues(issues: ReadonlyArray<v.BaseIssue<unknown>>): boolean {
  return issues.length > 0 && issues.every((issue) => issue.expected === LIMIT_ISSUE);
}

/** Validates a parsed JSON value as a list of entries; errors name the path of each problem. */
export function validateEntries(input: unknown): ValidationResult<BlocklistEntry[]> {
  const result = v.safeParse(EntriesSchema, input);
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, errors: issueMessages(result.issues) };
}

export { matchableNames } from './entry-names';
