#!/usr/bin/env node
// @ts-check
/**
 * `npm test`: every part of the test suite, in order, each run even when an earlier one failed,
 * then one summary: each part passed, failed or skipped (with why), the tests skipped inside a
 * part for want of material from outside the repository (tests/skips.ts: e.g. "corpus tests:
 * ../shared/corpus not found"), and a last line `parts: <N> passed, <N> failed, <N> skipped`
 * (CI reads it). Exits 1 if any part failed.
 *
 *   node scripts/run-tests.mjs            every part
 *   node scripts/run-tests.mjs unit e2e   only these parts (the others are listed as skipped)
 *
 * Parts: typecheck, unit, build-test (npm run build:test), e2e (Chromium), build-firefox,
 * lint-firefox (web-ext lint), e2e-firefox. A part whose build failed, or whose browser is not
 * installed, is skipped with that reason.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(fileURLToPath(import.meta.url), '../..');
const OUTPUT = join(ROOT, 'test-output');
const SKIPS_FILE = join(OUTPUT, 'skips.jsonl');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * @typedef {{ id: string, name: string, run: string[], vitest?: string, after?: string, browser?: string }} Part
 * `run`: the command (npm scripts where there is one, so that they stay the one definition);
 * `vitest`: the project, whose JSON report gives the counts; `after`: a part that must pass
 * first; `browser`: an executable that must exist.
 */
/** @type {Part[]} */
const PARTS = [
  { id: 'typecheck', name: 'type check (tsc)', run: ['npm', 'run', '-s', 'typecheck'] },
  { id: 'unit', name: 'unit tests', run: vitest('unit'), vitest: 'unit' },
  { id: 'build-test', name: 'Chromium test build (npm run build:test)', run: ['npm', 'run', '-s', 'build:test'] },
  { id: 'e2e', name: 'Chromium e2e tests', run: vitest('e2e'), vitest: 'e2e', after: 'build-test', browser: CHROMIUM },
  { id: 'build-firefox', name: 'Firefox build (npm run build:firefox)', run: ['npm', 'run', '-s', 'build:firefox'] },
  { id: 'lint-firefox', name: 'Firefox lint (web-ext lint)', run: ['npm', 'run', '-s', 'lint:firefox'], after: 'build-firefox' },
  { id: 'e2e-firefox', name: 'Firefox e2e tests', run: vitest('e2e-firefox'), vitest: 'e2e-firefox', after: 'build-firefox', browser: FIREFOX },
];

/** @param {string} project */
function vitest(project) {
  return [
    process.execPath, join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--project', project,
    '--reporter=default', '--reporter=json', `--outputFile.json=${reportPath(project)}`,
  ];
}

/** @param {string} project */
function reportPath(project) {
  return join(OUTPUT, `vitest-${project}.json`);
}

/**
 * @typedef {{ part: Part, status: 'passed' | 'failed' | 'skipped', seconds: number, detail: string }} Outcome
 */

/**
 * Runs a command with its output passed through; resolves to its exit code.
 * @param {string[]} commandLine
 * @returns {Promise<number>}
 */
function runCommand([command = '', ...args]) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit' });
    child.on('error', (error) => {
      console.error(`run-tests: could not start ${command}: ${error.message}`);
      resolve(127);
    });
    child.on('exit', (/** @type {number | null} */ code, /** @type {string | null} */ signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/**
 * What a vitest project's JSON report says: counts, and the failed tests by file and name.
 * @param {string} project
 */
function vitestDetail(project) {
  const file = reportPath(project);
  if (!existsSync(file)) return 'no report written';
  /** @type {{ numPassedTests: number, numFailedTests: number, numPendingTests: number, numTodoTests: number, testResults: Array<{ name: string, status: string, message?: string, assertionResults: Array<{ fullName: string, status: string }> }> }} */
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const counts = [`${report.numPassedTests} tests passed`];
  if (report.numFailedTests) counts.push(`${report.numFailedTests} failed`);
  if (report.numPendingTests + report.numTodoTests) counts.push(`${report.numPendingTests + report.numTodoTests} skipped`);
  const failed = report.testResults.flatMap((f) => {
    const name = relative(ROOT, f.name);
    const tests = f.assertionResults.filter((t) => t.status === 'failed').map((t) => `${name} > ${t.fullName}`);
    // A file that failed as a whole (it didn't load, or a hook failed) has no failed test of its own.
    return tests.length ? tests : f.status === 'failed' ? [`${name}: ${(f.message ?? 'failed').split('\n')[0]}`] : [];
  });
  return [counts.join(', '), ...failed.map((f) => `      ✗ ${f}`)].join('\n');
}

/** @param {number} s */
const clock = (s) => `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}`;

async function main() {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((id) => !PARTS.some((p) => p.id === id));
  if (unknown.length) {
    console.error(`run-tests: no part ${unknown.join(', ')}; parts: ${PARTS.map((p) => p.id).join(', ')}`);
    process.exit(2);
  }
  mkdirSync(OUTPUT, { recursive: true });
  rmSync(SKIPS_FILE, { force: true });
  const started = Date.now();
  /** @type {Outcome[]} */
  const outcomes = [];
  for (const part of PARTS) {
    const prior = part.after ? outcomes.find((o) => o.part.id === part.after) : undefined;
    /** @type {string | undefined} */
    let skip;
    if (asked.length && !asked.includes(part.id)) skip = 'not asked for';
    else if (prior && prior.status !== 'passed') skip = `needs the ${prior.part.name.replace(/ \(.*\)$/, '')}, which ${prior.status === 'failed' ? 'failed' : 'was skipped'}`;
    else if (part.browser && !existsSync(part.browser)) skip = `${part.browser} not found`;
    if (skip) {
      outcomes.push({ part, status: 'skipped', seconds: 0, detail: skip });
      continue;
    }
    const shown = part.run.map((a) => (a === process.execPath ? 'node' : a.startsWith(`${ROOT}/`) ? relative(ROOT, a) : a));
    console.log(`\n━━ ${part.name} ━━ ${shown.join(' ')}\n`);
    if (part.vitest) rmSync(reportPath(part.vitest), { force: true });
    const t0 = Date.now();
    const code = await runCommand(part.run);
    const seconds = (Date.now() - t0) / 1000;
    const detail = part.vitest ? vitestDetail(part.vitest) : code ? `exit code ${code}; its output is above` : '';
    outcomes.push({ part, status: code === 0 ? 'passed' : 'failed', seconds, detail });
  }

  // Tests skipped inside the parts for want of material (tests/skips.ts), one line per reason.
  /** @type {Map<string, { what: string, reason: string, tests: number, files: Set<string> }>} */
  const skips = new Map();
  if (existsSync(SKIPS_FILE)) {
    for (const line of readFileSync(SKIPS_FILE, 'utf8').split('\n').filter(Boolean)) {
      /** @type {{ what: string, reason: string, file: string, tests: number }} */
      const note = JSON.parse(line);
      const key = `${note.what}\n${note.reason}`;
      const entry = skips.get(key) ?? { what: note.what, reason: note.reason, tests: 0, files: new Set() };
      // A file is loaded once per run of its project: count each file's tests once.
      if (!entry.files.has(note.file)) entry.tests += note.tests;
      entry.files.add(note.file);
      skips.set(key, entry);
    }
  }

  const passed = outcomes.filter((o) => o.status === 'passed').length;
  const failed = outcomes.filter((o) => o.status === 'failed').length;
  const skipped = outcomes.filter((o) => o.status === 'skipped').length + skips.size;
  console.log(`\n━━ npm test: summary (${clock((Date.now() - started) / 1000)} in all) ━━`);
  for (const o of outcomes) {
    const time = o.status === 'skipped' ? '' : ` (${clock(o.seconds)})`;
    const [first = '', ...rest] = o.detail.split('\n');
    console.log(`${o.status.padEnd(8)} ${o.part.name}${time}${first ? `: ${first}` : ''}`);
    for (const line of rest) console.log(line);
  }
  for (const s of skips.values()) {
    const files = [...s.files].join(', ');
    console.log(`${'skipped'.padEnd(8)} ${s.what}: ${s.reason} (${s.tests} test${s.tests === 1 ? '' : 's'} in ${files})`);
  }
  console.log(`parts: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exitCode = failed ? 1 : 0;
}

await main();
