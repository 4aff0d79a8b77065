/**
 * The feed document: `{schemaVersion, version, generatedAt, entries}`, entries in the shape of
 * data/organizations.json (see ../list-schema.ts). Validated with valibot, like the entries, for
 * the reasons given there (tree-shakable, maintained, typed inference), and upgraded by
 * `schemaVersion` before validation, so a feed in an older format still loads.
 */
import * as v from 'valibot';
import { EntriesSchema, ListRecordsSchema, onlyLimitIssues, type BlocklistEntry, type ListRecords } from '../list-schema';
import { issueMessages } from '../valibot-issues';
import { isFeedVersion } from './version';

/** The feed format this build writes and reads. */
export const FEED_SCHEMA_VERSION = 1;

export const FeedSchema = v.object({
  schemaVersion: v.literal(FEED_SCHEMA_VERSION),
  version: v.pipe(v.number(), v.check((n: number) => isFeedVersion(n), 'version must be a UTC time as an integer YYYYMMDDHHmmss')),
  generatedAt: v.pipe(v.string(), v.isoTimestamp('generatedAt must be an ISO 8601 timestamp')),
  entries: EntriesSchema,
  /**
   * Optional records of the lists the entries name (core/list-records.ts). Optional, and
   * v.object drops keys it does not know, so a build older than this field reads such a feed
   * as before and a feed without it still loads here (tests/unit/core/feed-schema-lists.test.ts).
   */
  lists: v.optional(ListRecordsSchema),
});

export interface Feed {
  schemaVersion: number;
  version: number;
  generatedAt: string;
  entries: BlocklistEntry[];
  lists?: ListRecords;
}

/**
 * Steps that upgrade a feed document: FEED_MIGRATIONS[n - 1] takes format n to n + 1. Format 1
 * is the first, so there are none yet; a format change appends its step here (and the storage
 * migration in shared/storage/migrations.ts upgrades a stored list the same way).
 */
export type FeedMigration = (feed: Record<string, unknown>) => Record<string, unknown>;
export const FEED_MIGRATIONS: readonly FeedMigration[] = [];

export type UpgradeResult =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; code: 'schema' | 'schema-version'; detail: string };

/** Brings a parsed feed document to the current format, or says why it cannot. */
export function upgradeFeed(
  raw: unknown,
  migrations: readonly FeedMigration[] = FEED_MIGRATIONS,
  current = FEED_SCHEMA_VERSION,
): UpgradeResult {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, code: 'schema', detail: 'the feed is not a JSON object' };
  }
  let doc = raw as Record<string, unknown>;
  const from = doc.schemaVersion;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) {
    return { ok: false, code: 'schema', detail: 'schemaVersion: must be a positive integer' };
  }
  if (from > current) {
    return { ok: false, code: 'schema-version', detail: `format ${from}; this version of OrgCheck reads formats up to ${current}` };
  }
  for (let n = from; n < current; n++) {
    const step = migrations[n - 1];
    if (!step) return { ok: false, code: 'schema-version', detail: `no upgrade from format ${n}` };
    doc = { ...step(doc), schemaVersion: n + 1 };
  }
  return { ok: true, value: doc };
}

/**
 * Validates an upgraded feed document; errors name the path of each problem (at most 20).
 * `limits`: the document is a well-formed list, but breaks the limits of core/list-limits.ts.
 */
export function validateFeed(doc: unknown): { ok: true; value: Feed } | { ok: false; errors: string[]; limits: boolean } {
  const result = v.safeParse(FeedSchema, doc);
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, errors: issueMessages(result.issues), limits: onlyLimitIssues(result.issues) };
}
