/**
 * npm run data -- import-notice FILE --list ID --published YYYY-MM-DD --source URL
 *                 [--title-en TEXT] [--yes] [--dry-run]
 *
 * Reads a ministry notice as published (FILE: its text, UTF-8), shows what it would add to the
 * bundled list (scripts/lib/notice-import.ts: new entries with their ids, names already listed,
 * registered lawful bodies), and writes only once the maintainer confirms: the rows go to
 * data/notices/ID.json, the list's record to data/lists.json (when it has none: --title-en gives
 * its English title), then the list is built again (`npm run data`). --yes confirms without
 * asking (scripted use); with no terminal to ask on and no --yes, it refuses: it never waits on a
 * prompt nobody can answer. --dry-run shows the plan and writes nothing.
 * Exit codes: 0 written (or nothing to write, or --dry-run), 1 bad input, 2 not confirmed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as OpenCC from 'opencc-js';
import { validateEntries } from '../src/core/list-schema';
import type { LawfulRegistryCopy } from '../src/core/lawful-registry';
import { checkOptions, describePlan, listRecordOf, planImport, rowsOf, writeImport } from './lib/notice-import';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA = path.join(ROOT, 'data');

const USAGE = `usage: npm run data -- import-notice FILE --list ID --published YYYY-MM-DD --source URL [--title-en TEXT] [--yes] [--dry-run]`;

/** Asks on the terminal; false for anything but yes. */
async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await rl.question(`${question} [y/N] `);
    return /^(y|yes|是)$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        list: { type: 'string' },
        published: { type: 'string' },
        source: { type: 'string' },
        'title-en': { type: 'string' },
        yes: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    console.error(`import-notice: ${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  const { values, positionals } = parsed;
  const file = positionals[0];
  if (!file || positionals.length > 1 || !values.list || !values.published || !values.source) {
    console.error(`import-notice: give the notice's file, --list, --published and --source\n${USAGE}`);
    return 1;
  }
  const options = { list: values.list, published: values.published, source: values.source };
  const problems = checkOptions(options);
  if (!existsSync(file)) problems.push(`no file ${file}`);
  if (problems.length) {
    for (const p of problems) console.error(`import-notice: ${p}`);
    return 1;
  }

  const validation = validateEntries(JSON.parse(readFileSync(path.join(DATA, 'organizations.json'), 'utf8')));
  if (!validation.ok) {
    console.error(`import-notice: data/organizations.json is not a valid list:\n${validation.errors.join('\n')}`);
    return 1;
  }
  const lawful = JSON.parse(readFileSync(path.join(DATA, 'lawful-national-partial.json'), 'utf8')) as LawfulRegistryCopy;
  const records = JSON.parse(readFileSync(path.join(DATA, 'lists.json'), 'utf8'));
  const plan = planImport(readFileSync(file, 'utf8'), options, { entries: validation.value, lawful, records });
  console.log(describePlan(plan));

  if (plan.proposals.length === 0) {
    console.error('import-notice: no names read: is this the notice as published, with its numbered list?');
    return 1;
  }
  const rows = rowsOf(plan, new Date().toISOString().slice(0, 10));
  if (rows.length === 0) {
    console.log('Every name is already on this list: nothing to write.');
    return 0;
  }
  if (plan.needsListRecord && !values['title-en']) {
    console.error(`import-notice: data/lists.json has no record of "${plan.list}": give its English title with --title-en (the Chinese ones come from the notice)`);
    return 1;
  }
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const record = plan.needsListRecord ? listRecordOf(plan, { en: values['title-en']!, zhTW: toTraditional }) : undefined;
  const summary = `${rows.length} rows for data/notices/${plan.list}.json${record ? ' and a record in data/lists.json' : ''}`;
  if (values['dry-run']) {
    console.log(`Dry run: would write ${summary}.`);
    return 0;
  }
  if (!values.yes) {
    if (!process.stdin.isTTY) {
      console.error(`import-notice: not written: no terminal to confirm on. Read the plan above and run again with --yes to write ${summary}.`);
      return 2;
    }
    if (!(await confirm(`Write ${summary}, then build the list?`))) {
      console.error('import-notice: not written.');
      return 2;
    }
  }
  for (const written of writeImport(plan, rows, DATA, record)) console.log(`Wrote ${path.relative(ROOT, written)}`);
  // The entries themselves: the build reads data/notices/ and writes data/organizations.json.
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-organizations.mjs')], { cwd: ROOT, stdio: 'inherit' });
  // The list the extension will read: the schema and its limits (refused domains, name lengths …), as a feed is checked.
  const built = validateEntries(JSON.parse(readFileSync(path.join(DATA, 'organizations.json'), 'utf8')));
  if (!built.ok) {
    console.error(`import-notice: the rebuilt list breaks the list's rules; fix the rows or the review:\n${built.errors.join('\n')}`);
    return 1;
  }
  console.log('Next: review the new entries (data/organizations-review.json for guards, look-alikes, never-warn), then `npm run feed -- --stamp-bundle`.');
  return 0;
}
