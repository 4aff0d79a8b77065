#!/usr/bin/env node
/**
 * npm run feed:keygen -- --out DIR [--force]
 *
 * Makes an Ed25519 key pair for signing the list feed (see src/core/feed/signature.ts for why
 * Ed25519):
 *   DIR/private.key  PKCS#8 PEM, mode 0600. Keep it secret and out of git (.gitignore has *.key).
 *   DIR/public.key   one line, base64 of the raw 32-byte key: give it verbatim to the build as
 *                    FEED_PUBLIC_KEY.
 * Refuses to overwrite an existing private.key unless --force: every installed copy built with
 * the old public key would then reject the feed.
 */
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { out: { type: 'string' }, force: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
});
if (values.help || !values.out) {
  console.error('usage: npm run feed:keygen -- --out DIR [--force]');
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

mkdirSync(dir, { recursive: true });
writeFileSync(privatePath, pem, { mode: 0o600 });
writeFileSync(publicPath, `${publicLine}\n`);
console.log(`wrote ${privatePath} (secret: never commit or publish it)`);
console.log(`wrote ${publicPath}`);
console.log(`FEED_PUBLIC_KEY=${publicLine}`);

/** base64 of the raw 32-byte public key of a private KeyObject (JWK "x" is its base64url). */
function publicKeyLine(key) {
  const jwk = createPublicKey(key).export({ format: 'jwk' });
  return Buffer.from(jwk.x, 'base64url').toString('base64');
}
