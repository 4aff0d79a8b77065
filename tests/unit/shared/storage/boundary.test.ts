/**
 * The storage layer's boundary: only shared/storage/wrapper.ts touches browser.storage, only
 * shared/storage/indexed-db.ts opens IndexedDB, and the old single module is gone.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { code, SRC, sources } from '../../source-files';

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
