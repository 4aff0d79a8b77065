/**
 * The storage layer's boundary: only shared/storage/wrapper.ts touches browser.storage, only
 * shared/storage/indexed-db.ts opens IndexedDB, and the old single module is gone.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../../../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const sources = files(SRC).map((path) => ({ path: relative(SRC, path), text: readFileSync(path, 'utf8') }));
// Code only: comments may name the APIs.
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

describe('the storage boundary', () => {
  it('browser.storage is called in shared/storage/wrapper.ts only', () => {
    const callers = sources.filter(({ text }) => /\b(browser|chrome)\.storage\b/.test(code(text))).map(({ path }) => path);
    expect(callers).toEqual(['shared/storage/wrapper.ts']);
  });
  it('IndexedDB is opened in shared/storage/indexed-db.ts only', () => {
    const callers = sources.filter(({ text }) => /\bindexedDB\b/.test(code(text))).map(({ path }) => path);
    expect(callers).toEqual(['shared/storage/indexed-db.ts']);
  });
  it('no shared/storage.ts: one file per kind of data', () => {
    expect(existsSync(join(SRC, 'shared/storage.ts'))).toBe(false);
  });
});
