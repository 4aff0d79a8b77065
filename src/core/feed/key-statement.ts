/**
 * Keys that can rotate and be revoked (v1/keys.json). Each build carries an offline root key and
 * the current signing key. Only the root signs a key statement: a strictly increasing version,
 * the signing keys in force (id, not-before, expiry), the revoked ids, and the statement's own
 * expiry. A client keeps the newest statement it accepted (its "trust") and from then on takes a
 * pointer only from a key that statement lists. So a leaked signing key is cut off by the next
 * statement, and a host replaying an older keys.json changes nothing: it is refused as older, and
 * revocations once seen are kept for good.
 *
 * A statement that names a new root must carry the old root's signature and the new one's: the
 * old root vouches for the change, the new one shows it is held. A signing key can never sign a
 * statement (only the line of the root in force counts), so a leaked signing key can neither
 * revoke the others nor add itself. Pure.
 */
import * as v from 'valibot';
import { issueMessages } from '../valibot-issues';
import { KEY_ID, parseSignatureLines, signedBy, type KeyRef } from './keyed-signature';
import { parsePublicKey, type Bytes } from './signature';

export const KEY_STATEMENT_TYPE = 'orgcheck-keys';
/** Limits that keep a statement small whatever a key holder writes. */
export const MAX_SIGNING_KEYS = 16;
export const MAX_REVOKED = 256;
export const MAX_KEY_STATEMENT_BYTES = 64 * 1024;

const Id = v.pipe(v.string(), v.regex(KEY_ID, 'a key id is 1–64 letters, digits, ".", "_" or "-"'));
const PublicKey = v.pipe(v.string(), v.check((s: string) => parsePublicKey(s) !== null, 'a public key is base64 of 32 bytes'));
const Time = v.pipe(v.string(), v.isoTimestamp('must be an ISO 8601 timestamp'));

export const KeyStatementSchema = v.pipe(
  v.object({
    type: v.literal(KEY_STATEMENT_TYPE),
    version: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(Number.MAX_SAFE_INTEGER)),
    expires: Time,
    root: v.object({ id: Id, key: PublicKey }),
    signing: v.pipe(
      v.array(v.object({ id: Id, key: PublicKey, notBefore: Time, expires: Time })),
      v.maxLength(MAX_SIGNING_KEYS, `at most ${MAX_SIGNING_KEYS} signing keys`),
    ),
    revoked: v.pipe(v.array(Id), v.maxLength(MAX_REVOKED, `at most ${MAX_REVOKED} revoked ids`)),
  }),
  v.check(
    (s) => s.signing.every((k) => k.id !== s.root.id && k.key !== s.root.key),
    'the root key can not also be a signing key',
  ),
  v.check((s) => new Set(s.signing.map((k) => k.id)).size === s.signing.length, 'signing key ids must be unique'),
);

export type KeyStatement = v.InferOutput<typeof KeyStatementSchema>;

/** What a client trusts: the root in force and the newest statement it accepted (none yet: the build's signing key). */
export interface FeedTrust {
  root: KeyRef;
  statement: KeyStatement | null;
  /** Every id ever revoked by an accepted statement: a later one can't bring a key back. */
  revoked: string[];
}

export function initialTrust(root: KeyRef): FeedTrust {
  return { root, statement: null, revoked: [] };
}

export type StatementCheck =
  | { kind: 'newer'; trust: FeedTrust }
  | { kind: 'same' }
  /** Validly signed, but older than the one the client holds: refused, nothing changes. */
  | { kind: 'older'; version: number }
  | { kind: 'refused'; detail: string };

/** Checks a fetched keys.json and its .sig against what the client trusts. Throws FeedKeyError when the root key can't be imported. */
export async function checkKeyStatement(trust: FeedTrust, body: Bytes, sigBody: Bytes, now: number): Promise<StatementCheck> {
  if (body.length > MAX_KEY_STATEMENT_BYTES) return { kind: 'refused', detail: `keys.json has ${body.length} bytes` };
  const lines = parseSignatureLines(sigBody);
  if (!lines) return { kind: 'refused', detail: 'keys.json.sig is not a signature file' };
  // Only the root in force counts: a signing key's line, however valid, signs nothing here.
  if (!(await signedBy(trust.root, body, lines))) {
    return { kind: 'refused', detail: `keys.json is not signed by the root key ${trust.root.id}` };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch (error) {
    return { kind: 'refused', detail: `keys.json: ${error instanceof Error ? error.message : String(error)}` };
  }
  const result = v.safeParse(KeyStatementSchema, parsed);
  if (!result.success) return { kind: 'refused', detail: `keys.json: ${issueMessages(result.issues, 3).join('; ')}` };
  const statement = result.output;
  const held = trust.statement?.version ?? 0;
  if (statement.version < held) return { kind: 'older', version: statement.version };
  if (statement.version === held) return { kind: 'same' };
  if (Date.parse(statement.expires) < now) return { kind: 'refused', detail: `keys.json version ${statement.version} expired on ${statement.expires}` };
  const newRoot = statement.root.id !== trust.root.id || statement.root.key !== trust.root.key;
  if (newRoot) {
    if (statement.root.id === trust.root.id) return { kind: 'refused', detail: 'a new root key needs a new id' };
    if (!(await signedBy(statement.root, body, lines))) {
      return { kind: 'refused', detail: `keys.json names the new root ${statement.root.id} without its signature` };
    }
  }
  const revoked = [...new Set([...trust.revoked, ...statement.revoked])];
  return { kind: 'newer', trust: { root: statement.root, statement, revoked } };
}

export type SigningKeyCheck = { ok: true; key: KeyRef } | { ok: false; code: 'key-unknown' | 'key-revoked' | 'key-expired'; detail: string };

/**
 * The key a pointer signed under `keyId` is checked with: one the newest statement lists, within
 * its dates and never revoked; before any statement, the build's own signing key.
 */
export function signingKeyFor(trust: FeedTrust, buildSigning: KeyRef, keyId: string, now: number): SigningKeyCheck {
  if (trust.revoked.includes(keyId)) return { ok: false, code: 'key-revoked', detail: `key ${keyId} was revoked` };
  if (!trust.statement) {
    return keyId === buildSigning.id
      ? { ok: true, key: buildSigning }
      : { ok: false, code: 'key-unknown', detail: `key ${keyId} is not this build's signing key ${buildSigning.id}` };
  }
  const listed = trust.statement.signing.find((k) => k.id === keyId);
  if (!listed) return { ok: false, code: 'key-unknown', detail: `key ${keyId} is not in key statement ${trust.statement.version}` };
  if (Date.parse(listed.notBefore) > now || Date.parse(listed.expires) < now) {
    return { ok: false, code: 'key-expired', detail: `key ${keyId} is valid from ${listed.notBefore} to ${listed.expires}` };
  }
  return { ok: true, key: { id: listed.id, key: listed.key } };
}
