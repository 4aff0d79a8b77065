/**
 * Limits on what a list may contain. A feed is signed, but the key can leak, so a validly signed
 * list is still hostile input: without these, one 9,000-character alias made the scan's overlap
 * larger than a piece (a long block never finished scanning), 20,000 names of 300 characters
 * compiled to a 112 MB matcher that every frame reads, a name like 的 warned on every Chinese
 * page, and `domains: ["com"]` turned every .com site into a listed organization's own site.
 *
 * The numbers come from the real list (data/organizations.json, 274 organizations, 296 names):
 * its longest name is 60 characters (an English one) and 22 in Chinese; its shortest are 5
 * characters in Chinese and 30 without Chinese characters; no entry has a domain yet.
 * Numbers only, with no imports: content scripts read SCAN_OVERLAP_CHARS from here, and the
 * rules that apply them (list-rules.ts) bring the Public Suffix List, which frames don't need.
 */

/**
 * Bumped when a limit tightens: it is part of the compiler's key (compiled-list.ts), so a list
 * compiled before is compiled again, and checked again (background/compiled.ts), after an update.
 */
export const LIMITS_REVISION = 2;

/** Longest matched name, in UTF-16 code units after normalization (the real list's longest: 60). */
export const NAME_MAX_CHARS = 100;
/** Shortest matched name with a Chinese character, in characters (not spaces) after normalization. */
export const NAME_MIN_CHARS_CHINESE = 3;
/** Shortest matched name without one (Latin names): short acronyms and words occur in any text. */
export const NAME_MIN_CHARS_OTHER = 8;
/** Most organizations in a list (the real one has 274). */
export const MAX_ENTRIES = 20_000;
/**
 * Most characters over all matched names of a list, after normalization. The matcher stores about
 * 19 bytes (base64) per character at worst (names that share no prefix), so this keeps the
 * compiled list under MAX_COMPILED_MATCHER_BYTES by construction, and keeps the background from
 * ever building a huge one. 20,000 organizations with two 10-character names each fit.
 */
export const MAX_TOTAL_NAME_CHARS = 400_000;
/**
 * Most bytes of the serialized matcher (the base64 tables every frame reads and decodes): ~50 ms
 * of set-up per frame at this size (BENCHMARKS.md: 10 MB, 60–70 ms). The real list's is 51 kB.
 */
export const MAX_COMPILED_MATCHER_BYTES = 8 * 1024 * 1024;

/**
 * Overlap between two hard-cut pieces of a long block of page text (content/page-scanner.ts):
 * room for the longest name the schema allows, four times over for characters that
 * normalization drops (zero-width, whitespace), plus slack. Derived from the limit, not from the
 * list, so no list can make it reach the piece size (32,768 characters).
 */
export const SCAN_OVERLAP_CHARS = NAME_MAX_CHARS * 4 + 64;

/**
 * Most list records a feed's `lists` may carry (the real data has 70). Records are only labels,
 * but every tab model and report draft carries some of them, and the background keeps them all.
 */
export const MAX_LIST_RECORDS = 2_000;
/** Longest list id a record is keyed by, in characters (the real data's longest: 62). */
export const LIST_ID_MAX_CHARS = 200;
/** Longest issuer or title of a list record, in characters (the real data's longest: 108). */
export const LIST_RECORD_TEXT_MAX_CHARS = 400;

/*
 * An entry's text besides its names (issue 18, item 6). Signed feeds carried 5,000,000-character
 * notes, 200,000 sources in one listing and 100,000 listings on one entry: each travels in every
 * tab model, in storage.session and in report drafts. Each cap is at least twice the bundled
 * list's largest (tests/unit/core/entry-caps.test.ts checks that over data/organizations.json).
 */
/** Longest display-only English name (the real list's longest: 81). */
export const EN_DISPLAY_MAX_CHARS = 200;
/** Longest note (the real list's longest: 506; issue 18 proposed 1,000, under twice that). */
export const NOTE_MAX_CHARS = 1_200;
/** Longest name of the lawful body a listed name imitates (the real list's longest: 13). */
export const LOOKALIKE_MAX_CHARS = 100;
/** Most source links of one listing (the real list's most: 4). */
export const MAX_SOURCES_PER_LISTING = 20;
/** Longest source link, in characters (the real list's longest: 172). */
export const SOURCE_URL_MAX_CHARS = 2_048;
/** Most listings of one entry (the real list's most: 2). */
export const MAX_LISTINGS_PER_ENTRY = 50;
/**
 * Most UTF-8 bytes of an entry's text besides its names: English display name, note, look-alike,
 * listings (list ids and sources) and domains (the real list's largest entry: under 1 kB).
 */
export const ENTRY_OTHER_TEXT_MAX_BYTES = 20 * 1024;
