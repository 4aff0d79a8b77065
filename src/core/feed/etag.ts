/**
 * The conditional request of a sync. A 304 says "you have what I have": true only when the list
 * in use is the very feed list the ETag came with. So the ETag is stored with that list's version
 * and sent only while a feed list of that version is in use, from the same URL. When the stored
 * feed list was set aside (its IndexedDB body lost, an integrity fallback, a build with another
 * key) the bundled list is in use, and the feed is fetched in full. Pure.
 */

export interface StoredEtag {
  url: string;
  value: string;
  /** Version of the feed list that answer carried. (Absent in ETags stored by older versions: not sent.) */
  version?: number;
}

export interface ListInUse {
  source: 'bundled' | 'feed';
  version: number;
}

/** The If-None-Match value to send to `url`, or null for an unconditional request. */
export function ifNoneMatch(etag: StoredEtag | null | undefined, url: string, inUse: ListInUse): string | null {
  if (!etag || etag.url !== url) return null;
  if (inUse.source !== 'feed' || etag.version !== inUse.version) return null;
  return etag.value;
}
