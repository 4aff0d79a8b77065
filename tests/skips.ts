/**
 * Tests that need material from outside the repository (../shared, the project's shared
 * research folder beside the clone) skip when it is absent, and say so where `npm test`'s
 * summary finds it (scripts/run-tests.mjs): one JSON line per skip in test-output/skips.jsonl,
 * with what was skipped and why. A log line alone got lost in the output.
 *
 *   it.skipIf(skipWithout(import.meta.url, HAS_CORPUS, 'corpus tests', '../shared/corpus not found'))('…', …)
 */
import { appendFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Where the skips are written (the runner empties it before a run). */
export const SKIPS_FILE = join(ROOT, 'test-output', 'skips.jsonl');

export interface SkipNote {
  /** What is skipped, e.g. "corpus tests". */
  what: string;
  /** Why, e.g. "../shared/corpus not found". */
  reason: string;
  /** The test file that skipped, relative to the repository. */
  file: string;
  /** How many tests it skipped there. */
  tests: number;
}

/**
 * Whether to skip: true when `present` is false, and then the skip is written down.
 * @param from the calling test file's import.meta.url
 * @param tests how many tests this skip covers in that file
 */
export function skipWithout(from: string, present: boolean, what: string, reason: string, tests = 1): boolean {
  if (present) return false;
  const file = relative(ROOT, fileURLToPath(from));
  const note: SkipNote = { what, reason, file, tests };
  mkdirSync(dirname(SKIPS_FILE), { recursive: true });
  appendFileSync(SKIPS_FILE, `${JSON.stringify(note)}\n`);
  console.warn(`skipped ${what} (${file}): ${reason}`);
  return true;
}

/** "<path> not found", naming the outermost folder missing (e.g. "../shared/corpus not found"). */
export function notFound(...paths: string[]): string {
  const missing = paths.find((p) => !existsSync(p));
  if (!missing) return 'found';
  let outermost = missing;
  for (let up = dirname(missing); up !== dirname(up) && !existsSync(up); up = dirname(up)) outermost = up;
  return `${relative(ROOT, outermost)} not found`;
}
