// `npm run package` (after `npm run build` and `npm run build:firefox`): the three files a release
// needs, in packages/ (ignored by git), named from package.json's version:
//   orgcheck-chrome-VERSION.zip   dist/, for the Chrome Web Store
//   orgcheck-firefox-VERSION.zip  dist-firefox/, for addons.mozilla.org (AMO)
//   orgcheck-source-VERSION.zip   the committed source (git archive HEAD), which AMO reviewers ask
//                                 for because the add-on's code is bundled; SOURCE-BUILD.md in it
//                                 says how to rebuild dist-firefox/ from it.
// The add-on zips are made by web-ext's build command (its maintained zip writer); the source zip by
// git. The source zip is of the last commit, so uncommitted changes (untracked files included) make
// it differ from the builds: the script refuses then, unless given --allow-dirty (for trying it out,
// not for a release). It always refuses builds that carry the test feed key.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import webExt from 'web-ext';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const OUT = join(ROOT, 'packages');
const allowDirty = process.argv.includes('--allow-dirty');

const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** @param {string} dir */
function builtVersion(dir) {
  const file = join(ROOT, dir, 'manifest.json');
  if (!existsSync(file)) throw new Error(`${dir}/ is not built: run npm run build and npm run build:firefox first`);
  return JSON.parse(readFileSync(file, 'utf8')).version;
}

for (const dir of ['dist', 'dist-firefox']) {
  const v = builtVersion(dir);
  if (v !== version) throw new Error(`${dir}/manifest.json is version ${v}, package.json ${version}: set both (manifest.json and package.json) to the release version`);
}

// Never a release that trusts the test feed key (tests/fixtures/feed: its private key is committed).
// vite.config.ts refuses to build with it unless told it is a test; this checks what was built.
const testKey = readFileSync(join(ROOT, 'tests/fixtures/feed/public.key'), 'utf8').trim();
for (const dir of ['dist', 'dist-firefox']) {
  const found = filesUnder(join(ROOT, dir)).filter((file) => readFileSync(file, 'latin1').includes(testKey));
  if (found.length) throw new Error(`${dir}/ was built with the test feed key (tests/fixtures/feed/public.key), in ${found.map((f) => f.slice(ROOT.length + 1)).join(', ')}: rebuild without it`);
}

/** @param {string} dir @returns {string[]} */
function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesUnder(join(dir, d.name)) : [join(dir, d.name)]));
}

const git = (/** @type {string[]} */ ...args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' });
// Untracked files count: one that committed code imports is in the builds but not in the source zip.
const dirty = git('status', '--porcelain', '--untracked-files=normal').trim();
if (dirty) {
  const message = `uncommitted changes: the source zip (of HEAD) would not match the builds\n${dirty}`;
  if (!allowDirty) throw new Error(`${message}\ncommit first, or pass --allow-dirty to package anyway`);
  console.warn(`warning: ${message}`);
}

mkdirSync(OUT, { recursive: true });

/** @param {string} dir @param {string} filename */
async function zipExtension(dir, filename) {
  await webExt.cmd.build(
    { sourceDir: join(ROOT, dir), artifactsDir: OUT, filename, overwriteDest: true },
    { showReadyMessage: false },
  );
  return join(OUT, filename);
}

const files = [
  await zipExtension('dist', `orgcheck-chrome-${version}.zip`),
  await zipExtension('dist-firefox', `orgcheck-firefox-${version}.zip`),
];
const source = join(OUT, `orgcheck-source-${version}.zip`);
git('archive', '--format=zip', `--prefix=orgcheck-${version}/`, '-o', source, 'HEAD');
files.push(source);

for (const file of files) console.log(`${file.slice(ROOT.length + 1)}  ${(statSync(file).size / 1024).toFixed(0)} KiB`);
