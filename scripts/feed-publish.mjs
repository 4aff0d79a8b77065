#!/usr/bin/env node
/**
 * npm run feed -- --key DIR/private.key --in data/organizations.json --out OUT [--version N] [--force]
 *   Writes OUT/blocklist.json (the feed: {schemaVersion, version, generatedAt, entries}) and
 *   OUT/blocklist.json.sig (base64 Ed25519 signature over the exact bytes of blocklist.json).
 *   Publish both files side by side on any static host; the extension fetches FEED_URL and
 *   FEED_URL + ".sig". Re-runnable: the version is the UTC time (YYYYMMDDHHmmss), kept strictly
 *   above the one already in OUT and above the bundled list's.
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

const { values } = parseArgs({
  options: {
    key: { type: 'string' },
    in: { type: 'string' },
    out: { type: 'string' },
    version: { type: 'string' },
    force: { type: 'boolean', default: false },
    'stamp-bundle': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
});
const USAGE = `usage: npm run feed -- --key DIR/private.key --in data/organizations.json --out OUT [--version YYYYMMDDHHmmss] [--force]
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

if (values.help) {
  console.log(USAGE);
} else if (values['stamp-bundle']) {
  stampBundle();
} else {
  if (!values.key || !values.in || !values.out) die(USAGE);
  await publish();
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
