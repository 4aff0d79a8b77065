/**
 * The feed tool's side (scripts/feed-publish.mjs loads this through vite's module runner, so the
 * tool and the extension share one schema and one set of checks). Pure.
 */
import { FEED_SCHEMA_VERSION, validateFeed, type Feed } from './schema';
import { importFeedPublicKey } from './signature';
import { compiledListProblem } from '../compiled-list';
import { checkFeed, type FeedOutcome } from './validate';
import { aheadOfClockProblem } from './version';
import * as v from 'valibot';
import { issueMessages } from '../valibot-issues';
import { PointerSchema, POINTER_TYPE, type Pointer } from './pointer';
import { KEY_STATEMENT_TYPE, KeyStatementSchema, type KeyStatement } from './key-statement';
import { withoutRefusedDomains } from '../refused-domains';

/**
 * The feed document for a list (an entries array, or a feed whose entries are taken), as the bytes
 * to publish; or every reason a client would refuse it (format, limits, a date ahead of the clock).
 */
export function buildFeed(
  input: unknown,
  /** lists: the records of the lists (data/lists.json), carried in the feed's optional `lists`. */
  options: { version: number; generatedAt: string; now?: number; lists?: unknown },
): { ok: true; feed: Feed; json: string } | { ok: false; errors: string[] } {
  const entries = Array.isArray(input)
    ? input
    : input && typeof input === 'object' && 'entries' in input
      ? (input as { entries: unknown }).entries
      : undefined;
  if (entries === undefined) return { ok: false, errors: ['the input is neither a list of entries nor a feed'] };
  const valid = validateFeed({
    schemaVersion: FEED_SCHEMA_VERSION,
    version: options.version,
    generatedAt: options.generatedAt,
    entries,
    ...(options.lists === undefined ? {} : { lists: options.lists }),
  });
  if (!valid.ok) {
    const why = valid.limits ? ['the list is outside the limits every client enforces (src/core/list-limits.ts):'] : [];
    return { ok: false, errors: [...why, ...valid.errors] };
  }
  if (valid.value.entries.length === 0) return { ok: false, errors: ['the list has no entries: clients refuse an empty list'] };
  // Clients drop such a domain (core/feed/validate.ts); publishing one is a mistake to fix first.
  const { dropped } = withoutRefusedDomains(valid.value.entries);
  if (dropped.length > 0) return { ok: false, errors: ['clients refuse these domains as organizations\' own sites:', ...dropped] };
  const ahead = aheadOfClockProblem(valid.value, options.now ?? Date.now());
  if (ahead) return { ok: false, errors: [`${ahead}: clients refuse it until then`] };
  const tooBig = compiledListProblem(valid.value.entries);
  if (tooBig) return { ok: false, errors: [`the list is outside the limits every client enforces: ${tooBig}`] };
  // Compact: the signature covers these exact bytes, and whitespace only costs transfer.
  return { ok: true, feed: valid.value, json: JSON.stringify(valid.value) };
}

/** Runs the extension's own checks on what was written, as a client with the bundled list would. */
export async function checkPublished(json: Uint8Array<ArrayBuffer>, signature: string, publicKey: string, currentVersion: number): Promise<FeedOutcome> {
  return checkFeed({
    feed: { status: 200, contentType: 'application/json', body: json },
    signature: { status: 200, contentType: 'text/plain', body: new TextEncoder().encode(signature) },
    publicKey: await importFeedPublicKey(publicKey),
    currentVersion,
  });
}

/** The pointer for a list file, as the bytes to sign; or every reason a client would refuse it. */
export function buildPointer(input: {
  version: number;
  sha256: string;
  size: number;
  generatedAt: string;
  expires: string;
  keyId: string;
  checkHours?: number;
  hosts?: string[][];
}): { ok: true; pointer: Pointer; json: string } | { ok: false; errors: string[] } {
  const doc = {
    type: POINTER_TYPE,
    version: input.version,
    sha256: input.sha256,
    size: input.size,
    generatedAt: input.generatedAt,
    expires: input.expires,
    ...(input.checkHours === undefined ? {} : { checkHours: input.checkHours }),
    keyId: input.keyId,
    ...(input.hosts?.length ? { hosts: input.hosts } : {}),
  };
  const result = v.safeParse(PointerSchema, doc);
  if (!result.success) return { ok: false, errors: issueMessages(result.issues) };
  return { ok: true, pointer: result.output, json: JSON.stringify(result.output) };
}

/** A key statement, as the bytes to sign; or why a client would refuse it. */
export function buildKeyStatement(input: Omit<KeyStatement, 'type'>): { ok: true; statement: KeyStatement; json: string } | { ok: false; errors: string[] } {
  const result = v.safeParse(KeyStatementSchema, { type: KEY_STATEMENT_TYPE, ...input });
  if (!result.success) return { ok: false, errors: issueMessages(result.issues) };
  return { ok: true, statement: result.output, json: JSON.stringify(result.output) };
}
