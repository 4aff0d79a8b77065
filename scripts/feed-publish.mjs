#!/usr/bin/env node
/**
 * The maintainer's feed tool (docs/publishing-the-list.md). Signing happens here, on the
 * maintainer's own machine: no CI ever holds a key.
 *
 * npm run feed -- --key DIR --in data/organizations.json --out SITE [--version N] [--force]
 *                 [--expires-days 45] [--check-hours H] [--hosts "https://a/x/,https://b/;https://c/"]
 *   Writes, into SITE/v1/ (a folder ready for any static host):
 *     blocklist-<version>.json  the list (immutable: never rewritten under the same name);
 *     latest.json               the pointer: version, sha256 and size of that file, expiry (45 days),
 *                               check hint, signing key id, hosts a client may add;
 *     latest.json.sig           "<key id> <base64 Ed25519 signature>" over latest.json.
 *   DIR holds the signing key (private.key) and its id (key-id), as npm run feed:keygen writes them.
 *   Upload the list file first and latest.json + .sig last: until then clients see the old pointer.
 *   Then the client's own checks run on the written folder (the whole sync of core/feed/host-sync.ts).
 *
 * npm run feed -- refresh --key DIR --out SITE [--expires-days 45]
 *   Signs the same pointer again with a new expiry (no new list): do it before the old one expires.
 *
 * npm run feed -- keys --root DIR --signing DIR [--signing DIR …] [--revoke ID …] [--new-root DIR]
 *                 --out SITE [--expires-days 365] [--key-days 400]
 *   Signs SITE/v1/keys.json with the root key (offline): its version is the previous one + 1, it
 *   lists the signing keys (public halves, read from each DIR) and every id revoked so far plus
 *   --revoke. --new-root: rotates the root; the statement names the new root and is signed by both.
 *
 * npm run feed -- --legacy --key DIR/private.key --in … --out OUT
 *   The one-file format of earlier releases (OUT/blocklist.json + .sig), for builds whose FEED_URL ends in .json.
 *
 * npm run feed -- --stamp-bundle
 *   After data/organizations.json changed: gives the bundled list a new version in
 *   data/list-version.json (its sha256 ties the version to the content; a unit test checks it).
 *
 * The schema, version rules and every check the extension makes come from src/core/feed, loaded
 * through vite's module runner: what this tool writes passed the client's own pipeline.
 */
import { createHash, createPrivateKey, createPublicKey, sign } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runnerImport } from 'vite';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLE = join(ROOT, 'data/organizations.json');
const BUNDLE_VERSION = join(ROOT, 'data/list-version.json');
/** The records of the lists (who issued each, its titles): published with every feed, in its optional `lists`. */
const LIST_RECORDS = join(ROOT, 'data/lists.json');
const DAY = 86_400_000;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    key: { type: 'string' },
    in: { type: 'string' },
    out: { type: 'string' },
    version: { type: 'string' },
    force: { type: 'boolean', default: false },
    legacy: { type: 'boolean', default: false },
    'expires-days': { type: 'string' },
    'check-hours': { type: 'string' },
    hosts: { type: 'string' },
    root: { type: 'string' },
    'new-root': { type: 'string' },
    signing: { type: 'string', multiple: true },
    revoke: { type: 'string', multiple: true },
    'key-days': { type: 'string' },
    'stamp-bundle': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
});
const USAGE = `usage: npm run feed -- --key DIR --in data/organizations.json --out SITE [--version YYYYMMDDHHmmss] [--force]
                        [--expires-days 45] [--check-hours H] [--hosts "https://a/x/,https://b/;https://c/"]
       npm run feed -- refresh --key DIR --out SITE [--expires-days 45]
       npm run feed -- keys --root DIR --signing DIR [--signing DIR …] [--revoke ID …] [--new-root DIR] --out SITE
       npm run feed -- --legacy --key DIR/private.key --in data/organizations.json --out OUT
       npm run feed -- --stamp-bundle`;

function die(message) {
  console.error(message);
  process.exit(1);
}

const { module: core } = await runnerImport(join(ROOT, 'src/core/feed/index.ts'), {
  configFile: false,
  logLevel: 'silent',
  root: ROOT,
});
// validateEntries lives in the list's schema, which the feed module does not re-export.
const { module: listSchema } = await runnerImport(join(ROOT, 'src/core/list-schema.ts'), {
  configFile: false,
  logLevel: 'silent',
  root: ROOT,
});

const command = positionals[0];
if (values.help) {
  console.log(USAGE);
} else if (values['stamp-bundle']) {
  stampBundle();
} else if (command === 'keys') {
  if (!values.root || !values.out || !values.signing?.length) die(USAGE);
  await signKeys();
} else if (command === 'refresh') {
  if (!values.key || !values.out) die(USAGE);
  await refreshPointer();
} else if (command !== undefined) {
  die(`unknown command ${command}\n${USAGE}`);
} else if (values.legacy) {
  if (!values.key || !values.in || !values.out) die(USAGE);
  await publish();
} else {
  if (!values.key || !values.in || !values.out) die(USAGE);
  await publishV1();
}

function writeAtomically(path, data) {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    die(`cannot read ${path}: ${error.message}`);
  }
}

function bundledVersion() {
  return existsSync(BUNDLE_VERSION) ? readJson(BUNDLE_VERSION).version : 0;
}

function stampBundle() {
  const bytes = readFileSync(BUNDLE);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const previous = existsSync(BUNDLE_VERSION) ? readJson(BUNDLE_VERSION) : null;
  if (previous?.sha256 === sha256) {
    console.log(`data/list-version.json already matches data/organizations.json (version ${previous.version})`);
    return;
  }
  const valid = listSchema.validateEntries(JSON.parse(bytes.toString('utf8')));
  if (!valid.ok) die(`data/organizations.json is not a valid list:\n  ${valid.errors.join('\n  ')}`);
  const version = core.nextVersion(new Date(), previous?.version);
  const stamp = {
    about:
      'Version of the bundled list (data/organizations.json): the floor a feed must beat. Refresh after changing that file: npm run feed -- --stamp-bundle',
    version,
    generatedAt: core.versionToDate(version).toISOString(),
    sha256,
  };
  writeAtomically(BUNDLE_VERSION, `${JSON.stringify(stamp, null, 2)}\n`);
  console.log(`data/list-version.json: version ${version} (${valid.value.length} entries)`);
}

async function publish() {
  const keyPem = readFileSync(resolve(values.key), 'utf8');
  let privateKey;
  try {
    privateKey = createPrivateKey(keyPem);
  } catch (error) {
    die(`${values.key} is not a private key: ${error.message}`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') die(`${values.key} is a ${privateKey.asymmetricKeyType} key; feed keys are Ed25519 (npm run feed:keygen)`);
  const publicLine = Buffer.from(createPublicKey(privateKey).export({ format: 'jwk' }).x, 'base64url').toString('base64');

  const outDir = resolve(values.out);
  const feedPath = join(outDir, 'blocklist.json');
  const previous = existsSync(feedPath) ? readJson(feedPath).version : undefined;
  const floor = bundledVersion();

  let version;
  if (values.version !== undefined) {
    version = Number(values.version);
    if (!core.isFeedVersion(version)) die(`--version ${values.version} is not a UTC time YYYYMMDDHHmmss`);
    if (previous !== undefined && version <= previous && !values.force) {
      die(`--version ${version} is not above ${previous}, the version already in ${feedPath}: clients that have it would refuse it (--force to write it anyway)`);
    }
  } else {
    version = core.nextVersion(new Date(), Math.max(previous ?? 0, floor) || undefined);
  }
  if (version <= floor && !values.force) {
    die(`version ${version} is not above the bundled list's ${floor} (data/list-version.json): clients would ignore it (--force to write it anyway)`);
  }

  const built = core.buildFeed(readJson(resolve(values.in)), { version, generatedAt: new Date().toISOString(), lists: readJson(LIST_RECORDS) });
  if (!built.ok) die(`${values.in} cannot be published: clients would refuse it:\n  ${built.errors.join('\n  ')}`);
  const bytes = new TextEncoder().encode(built.json);
  const signature = sign(null, bytes, privateKey).toString('base64');

  // The client's own checks on exactly what is about to be written.
  const outcome = await core.checkPublished(bytes, signature, publicLine, 0);
  if (outcome.kind !== 'new') die(`self-check failed: ${JSON.stringify(outcome)}`);

  mkdirSync(outDir, { recursive: true });
  writeAtomically(feedPath, bytes);
  writeAtomically(`${feedPath}.sig`, `${signature}\n`);
  console.log(`wrote ${feedPath}: version ${version}, ${built.feed.entries.length} entries, ${bytes.length} bytes`);
  console.log(`wrote ${feedPath}.sig (Ed25519, public key ${publicLine})`);
  console.log('publish both files together; the extension fetches FEED_URL and FEED_URL + ".sig"');
}

// ---- v1: a folder with a signed pointer -------------------------------------------------------

/** A key folder as npm run feed:keygen writes it: private.key, public.key and key-id. */
function readKeyDir(dir) {
  const path = resolve(dir);
  const keyFile = existsSync(join(path, 'private.key')) ? join(path, 'private.key') : path;
  let privateKey;
  try {
    privateKey = createPrivateKey(readFileSync(keyFile, 'utf8'));
  } catch (error) {
    die(`${keyFile} is not a private key: ${error.message}`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') die(`${keyFile} is a ${privateKey.asymmetricKeyType} key; feed keys are Ed25519 (npm run feed:keygen)`);
  const idFile = join(dirname(keyFile), 'key-id');
  if (!existsSync(idFile)) die(`${idFile} is missing: every v1 key has an id (npm run feed:keygen -- --out DIR --id ID)`);
  const id = readFileSync(idFile, 'utf8').trim();
  const publicLine = Buffer.from(createPublicKey(privateKey).export({ format: 'jwk' }).x, 'base64url').toString('base64');
  return { id, privateKey, publicLine, ref: { id, key: publicLine } };
}

/** Only the public half of a key folder (a signing key listed by the root need not be on this machine). */
function readPublicKeyDir(dir) {
  const path = resolve(dir);
  const id = readFileSync(join(path, 'key-id'), 'utf8').trim();
  const key = readFileSync(join(path, 'public.key'), 'utf8').trim();
  if (!core.parseKeyRef(`${id}:${key}`)) die(`${path}: key-id and public.key do not make a key`);
  return { id, key };
}

function sigLine(key, bytes) {
  return core.signatureLine(key.id, sign(null, bytes, key.privateKey).toString('base64'));
}

function days(option, fallback) {
  if (option === undefined) return fallback;
  const n = Number(option);
  if (!Number.isFinite(n) || n <= 0) die(`not a number of days: ${option}`);
  return n;
}

/** A `get` over a folder on disk with `pending` (path below SITE → bytes) laid over it: the client's checks on what is about to be written. */
function folderGet(site, pending) {
  return async (url, { cap }) => {
    const rel = decodeURIComponent(new URL(url).pathname).replace(/^\//, '');
    const path = join(site, rel);
    const body = pending.get(rel) ?? (existsSync(path) ? new Uint8Array(readFileSync(path)) : null);
    if (!body) return { kind: 'file', file: { status: 404, contentType: 'text/plain', body: new Uint8Array(0) }, etag: null };
    if (body.length > cap) return { kind: 'error', error: { code: 'too-large', detail: `${body.length} bytes` } };
    return { kind: 'file', file: { status: 200, contentType: 'application/json', body }, etag: null };
  };
}

/** The published key statement in SITE, read as it is (it was checked when written), or null. */
function publishedStatement(site) {
  const path = join(site, core.KEYS_PATH);
  return existsSync(path) ? readJson(path) : null;
}

/**
 * Runs a client's whole sync on SITE with `pending` laid over it, as a fresh install of a build
 * with `signing` would (trusting the published statement's root); then writes `pending`, the
 * pointer last. Nothing is written when a client would refuse it.
 */
async function checkAndWrite(site, signing, pending) {
  const statement = publishedStatement(site);
  const trust = statement ? { root: statement.root, statement: null, revoked: [] } : core.initialTrust({ id: 'no-root-yet', key: signing.key });
  const result = await core.syncFromHosts({
    tiers: [['file:///']],
    trust,
    buildSigning: signing,
    inUse: { source: 'bundled', version: bundledVersion() },
    etags: {},
    now: Date.now(),
    get: folderGet(site, pending),
  });
  if (result.outcome.kind === 'error') die(`self-check failed: a client would refuse this, so nothing was written: ${JSON.stringify(result.hosts)}`);
  mkdirSync(join(site, core.FEED_PATH_PREFIX), { recursive: true });
  // The list file before the pointer that names it, the pointer's signature before the pointer.
  const order = [...pending.keys()].sort((a, b) => rank(a) - rank(b));
  for (const rel of order) writeAtomically(join(site, rel), pending.get(rel));
  return result;
}

function rank(rel) {
  return rel === core.POINTER_PATH ? 2 : rel === `${core.POINTER_PATH}.sig` ? 1 : 0;
}

/** The signed pointer's files, added to `pending`. */
function signPointer(pending, key, fields) {
  const built = core.buildPointer({ ...fields, keyId: key.id });
  if (!built.ok) die(`the pointer cannot be published: clients would refuse it:\n  ${built.errors.join('\n  ')}`);
  const bytes = new TextEncoder().encode(built.json);
  pending.set(`${core.POINTER_PATH}.sig`, new TextEncoder().encode(`${sigLine(key, bytes)}\n`));
  pending.set(core.POINTER_PATH, bytes);
  return built.pointer;
}

function parseHosts(text) {
  if (!text) return undefined;
  try {
    return core.parseFeedUrls(text);
  } catch (error) {
    die(`--hosts: ${error.message}`);
  }
}

async function publishV1() {
  const key = readKeyDir(values.key);
  const site = resolve(values.out);
  const v1 = join(site, core.FEED_PATH_PREFIX);
  const pointerPath = join(v1, 'latest.json');
  const previous = existsSync(pointerPath) ? readJson(pointerPath) : null;
  const floor = bundledVersion();
  let version;
  if (values.version !== undefined) {
    version = Number(values.version);
    if (!core.isFeedVersion(version)) die(`--version ${values.version} is not a UTC time YYYYMMDDHHmmss`);
    if (previous && version <= previous.version && !values.force) {
      die(`--version ${version} is not above ${previous.version}, the version in ${pointerPath}: clients that have it would refuse it (--force to write it anyway)`);
    }
  } else {
    version = core.nextVersion(new Date(), Math.max(previous?.version ?? 0, floor) || undefined);
  }
  if (version <= floor && !values.force) {
    die(`version ${version} is not above the bundled list's ${floor} (data/list-version.json): clients would ignore it (--force to write it anyway)`);
  }
  const generatedAt = new Date().toISOString();
  const built = core.buildFeed(readJson(resolve(values.in)), { version, generatedAt, lists: readJson(LIST_RECORDS) });
  if (!built.ok) die(`${values.in} cannot be published: clients would refuse it:\n  ${built.errors.join('\n  ')}`);
  const bytes = new TextEncoder().encode(built.json);
  const listPath = join(site, core.listFilePath(version));
  // Immutable: a host or a client cache may hold it already under this name.
  if (existsSync(listPath) && !readFileSync(listPath).equals(Buffer.from(bytes))) die(`${listPath} exists with other content: list files are never rewritten`);
  const pending = new Map([[core.listFilePath(version), bytes]]);
  const checkHours = values['check-hours'] === undefined ? undefined : Number(values['check-hours']);
  const pointer = signPointer(pending, key, {
    version,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    size: bytes.length,
    generatedAt,
    expires: new Date(Date.now() + days(values['expires-days'], core.DEFAULT_POINTER_EXPIRY_DAYS) * DAY).toISOString(),
    checkHours,
    hosts: parseHosts(values.hosts) ?? previous?.hosts,
  });
  await checkAndWrite(site, key.ref, pending);
  console.log(`wrote ${listPath}: version ${version}, ${built.feed.entries.length} entries, ${bytes.length} bytes`);
  console.log(`wrote ${pointerPath} (+ .sig, key ${key.id}): expires ${pointer.expires}`);
  console.log('upload the list file first, then latest.json and latest.json.sig, to every host (npm run feed:verify checks them)');
}

async function refreshPointer() {
  const key = readKeyDir(values.key);
  const site = resolve(values.out);
  const pointerPath = join(site, core.POINTER_PATH);
  if (!existsSync(pointerPath)) die(`${pointerPath} does not exist: publish a list first`);
  const previous = readJson(pointerPath);
  const pending = new Map();
  const pointer = signPointer(pending, key, {
    ...previous,
    generatedAt: new Date().toISOString(),
    expires: new Date(Date.now() + days(values['expires-days'], core.DEFAULT_POINTER_EXPIRY_DAYS) * DAY).toISOString(),
  });
  await checkAndWrite(site, key.ref, pending);
  console.log(`wrote ${pointerPath} (+ .sig, key ${key.id}): version ${pointer.version}, expires ${pointer.expires}`);
}

async function signKeys() {
  const root = readKeyDir(values.root);
  const newRoot = values['new-root'] ? readKeyDir(values['new-root']) : null;
  const site = resolve(values.out);
  const previous = publishedStatement(site);
  const now = Date.now();
  const keyDays = days(values['key-days'], 400);
  const signing = values.signing.map((dir) => {
    const ref = readPublicKeyDir(dir);
    // A key listed before keeps its dates (re-signing must not extend a key's life by accident).
    const before = previous?.signing?.find((k) => k.id === ref.id && k.key === ref.key);
    return before ?? { ...ref, notBefore: new Date(now - DAY).toISOString(), expires: new Date(now + keyDays * DAY).toISOString() };
  });
  const revoked = [...new Set([...(previous?.revoked ?? []), ...(values.revoke ?? [])])];
  const signer = newRoot ?? root;
  const built = core.buildKeyStatement({
    version: (previous?.version ?? 0) + 1,
    expires: new Date(now + days(values['expires-days'], 365) * DAY).toISOString(),
    root: signer.ref,
    signing: signing.filter((k) => !revoked.includes(k.id)),
    revoked,
  });
  if (!built.ok) die(`the key statement cannot be published: clients would refuse it:\n  ${built.errors.join('\n  ')}`);
  const bytes = new TextEncoder().encode(built.json);
  const sig = [sigLine(root, bytes), ...(newRoot ? [sigLine(newRoot, bytes)] : [])].join('\n');
  // The client's own check, from the statement before (or the root alone).
  const trust = previous ? { root: previous.root, statement: previous, revoked: previous.revoked } : core.initialTrust(root.ref);
  const checked = await core.checkKeyStatement(trust, bytes, new TextEncoder().encode(sig), now);
  if (checked.kind !== 'newer') die(`self-check failed: a client would not take this statement: ${JSON.stringify(checked)}`);
  mkdirSync(join(site, core.FEED_PATH_PREFIX), { recursive: true });
  writeAtomically(join(site, `${core.KEYS_PATH}.sig`), `${sig}\n`);
  writeAtomically(join(site, core.KEYS_PATH), bytes);
  console.log(`wrote ${join(site, core.KEYS_PATH)} (+ .sig): version ${built.statement.version}, signing keys ${built.statement.signing.map((k) => k.id).join(', ') || 'none'}, revoked ${revoked.join(', ') || 'none'}${newRoot ? `, new root ${newRoot.id}` : ''}`);
}
