/**
 * What a listing is, in words people read: the record of its list (who issued it, its title in
 * each UI language, its date, and whether only news reports back it), from data/lists.json or a
 * feed's `lists` field. A listing whose list has no record is described by its kind and date,
 * never by its id (ids are the research's working names, not names anyone published).
 * Pure: no browser globals; the UI language is passed in.
 */
import type { ListRecords, Listing, ListRecord } from './list-schema';

export type RecordLanguage = 'zh_CN' | 'zh_TW' | 'en';

/**
 * The records in use: a synced feed's records over the bundled ones. A feed's record for a list
 * replaces the bundled record of that list (the feed is newer, and may correct a title); lists
 * the feed does not describe keep their bundled record. A feed's records were checked by the
 * feed schema (core/feed/schema.ts) before they were stored.
 */
export function mergeListRecords(bundled: ListRecords, feed: ListRecords | undefined): ListRecords {
  // A prototype-less object: a list id like "constructor" or "__proto__" is only a key here.
  return Object.assign(Object.create(null) as ListRecords, bundled, feed ?? {});
}

/** The record language for a UI/BCP 47 language: Traditional Chinese for Taiwan, Hong Kong, Macao and Hant. */
export function recordLanguage(uiLanguage: string): RecordLanguage {
  const tag = uiLanguage.replace(/_/g, '-').toLowerCase();
  if (!tag.startsWith('zh')) return 'en';
  return /^zh-(tw|hk|mo)\b|^zh-hant\b/.test(tag) ? 'zh_TW' : 'zh_CN';
}

export interface ListingLabel {
  /** Who issued the list, or null when no record says. */
  issuer: string | null;
  /** The list's title, or null when no record says (show the kind instead). */
  title: string | null;
  /** Date of the listing (YYYY-MM-DD), or null where no source gives one. */
  published: string | null;
  /** Only news reports back this list (no official notice among its sources). */
  newsOnly: boolean;
}

/** The words for one listing: its list's record in `lang`, or only its date when there is none. */
export function listingLabel(
  listing: Pick<Listing, 'list' | 'published'>,
  lang: RecordLanguage,
  records: ListRecords,
): ListingLabel {
  const record: ListRecord | undefined = Object.hasOwn(records, listing.list) ? records[listing.list] : undefined;
  if (!record) return { issuer: null, title: null, published: listing.published, newsOnly: false };
  return {
    issuer: record.issuer[lang],
    title: record.title[lang],
    published: listing.published ?? record.published,
    newsOnly: record.newsOnly,
  };
}

/** The words for each of an organization's listings, in order (what the banner is sent, core/tab-model.ts). */
export function listingLabels(
  listings: ReadonlyArray<Pick<Listing, 'list' | 'published'>>,
  lang: RecordLanguage,
  records: ListRecords,
): ListingLabel[] {
  return listings.map((l) => listingLabel(l, lang, records));
}
