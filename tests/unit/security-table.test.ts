/**
 * SECURITY.md's table "What a page controls": each row names the tests that hold it, as
 * `tests/e2e/file.test.ts` "exact test name" (several separated by "; "). Each named file must
 * exist and hold a test (it( or test() with that name as a string literal.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const HEADER = '| What the page controls | What OrgCheck trusts it for | Why that holds | Test |';

interface Row {
  controls: string;
  tests: string;
}

/** The table's rows (after its header and separator), cut into cells. */
function tableRows(markdown: string): Row[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(HEADER);
  if (start < 0) throw new Error(`SECURITY.md: no table with the header ${HEADER}`);
  const rows: Row[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line.slice(1, line.endsWith('|') ? -1 : undefined).split('|').map((c) => c.trim());
    if (cells.length !== 4) throw new Error(`SECURITY.md: a row without 4 cells: ${line}`);
    rows.push({ controls: cells[0]!, tests: cells[3]! });
  }
  return rows;
}

const CITATION = /^`([^`]+)` "(.+)"$/;

/** Whether `source` holds the string literal `name` in any quote form (escaped as the source would write it). */
function holdsLiteral(source: string, name: string): boolean {
  return ["'", '"', '`'].some((quote) => {
    const escaped = name.replace(/\\/g, '\\\\').split(quote).join(`\\${quote}`);
    return source.includes(quote + escaped + quote) || source.includes(quote + name + quote);
  });
}

describe('SECURITY.md: what a page controls', () => {
  const rows = tableRows(readFileSync(join(ROOT, 'SECURITY.md'), 'utf8'));

  it('has rows', () => {
    expect(rows.length).toBeGreaterThan(0);
  });

  it('names a test in every row', () => {
    expect(rows.filter((r) => !r.tests).map((r) => r.controls)).toEqual([]);
  });

  it('names only tests that exist, by file and exact name', () => {
    const missing: string[] = [];
    for (const row of rows) {
      // Split at "; " before a backquote: a test's name may hold "; " itself.
      for (const citation of row.tests.split(/; (?=`)/).filter(Boolean)) {
        const match = CITATION.exec(citation);
        if (!match) {
          missing.push(`not \`file\` "name": ${citation}`);
          continue;
        }
        const [, file, name] = match as unknown as [string, string, string];
        const path = join(ROOT, file);
        if (!existsSync(path)) {
          missing.push(`no file ${file}`);
          continue;
        }
        const source = readFileSync(path, 'utf8');
        if (!/\b(it|test)\(/.test(source) || !holdsLiteral(source, name)) missing.push(`no test "${name}" in ${file}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
