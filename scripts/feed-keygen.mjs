#!/usr/bin/env node
/**
 * npm run feed:keygen -- --out DIR [--id ID] [--force]
 *
 * Makes an Ed25519 key pair for signing the list feed (see src/core/feed/signature.ts for why
 * Ed25519):
 *   DIR/private.key  PKCS#8 PEM, mode 0600. Keep it secret and out of git (.gitignore has *.key).
 *   DIR/public.key   one line, base64 of the raw 32-byte key: give it verbatim to the build as
 *                    FEED_PUBLIC_KEY.
 *   DIR/key-id       with --id: the key's id in the v1 feed (a root key, or a signing key): the
 *                    build takes FEED_ROOT_KEY / FEED_SIGNING_KEY as "<id>:<public key>".
 * Refuses to overwrite an existing private.key unless --force: every installed copy built with
 * the old public key would then reject the feed.
 */
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { out: { type: 'string' }, id: { type: 'string' }, force: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
});
if (values.help || !values.out) {
  console.error('usage: npm run feed:keygen -- --out DIR [--id ID] [--force]');
  process.exit(values.help ? 0 : 2);
}

const dir = resolve(values.out);
const privatePath = join(dir, 'private.key');
const publicPath = join(dir, 'public.key');
if (existsSync(privatePath) && !values.force) {
  console.error(`${privatePath} exists; not overwriting it (--force to replace the key pair).`);
  process.exit(1);
}

const { privateKey } = generateKeyPairSync('ed25519');
const pem = privateKey.export({ format: 'pem', type: 'pkcs8' });
const publicLine = publicKeyLine(privateKey);

if (values.id !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(values.id)) {
  console.error(`--id ${values.id}: a key id is 1–64 letters, digits, ".", "_" or "-" (e.g. root-2026, sign-2026a)`);
  process.exit(2);
}

mkdirSync(dir, { recursive: true });
writeFileSync(privatePath, pem, { mode: 0o600 });
writeFileSync(publicPath, `${publicLine}\n`);
if (values.id !== undefined) writeFileSync(join(dir, 'key-id'), `${values.id}\n`);
console.log(`wrote ${privatePath} (secret: never commit or publish it)`);
console.log(`wrote ${publicPath}`);
console.log(values.id !== undefined ? `as a root key: FEED_ROOT_KEY=${values.id}:${publicLine}\nas a signing key: FEED_SIGNING_KEY=${values.id}:${publicLine}` : `FEED_PUBLIC_KEY=${publicLine}`);

/** base64 of the raw 32-byte public key of a private KeyObject (JWK "x" is its base64url). */
function publicKeyLine(key) {
  const jwk = createPublicKey(key).export({ format: 'jwk' });
  return Buffer.from(jwk.x, 'base64url').toString('base64');
}
