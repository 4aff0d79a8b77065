import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BlocklistEntry } from '../../../src/core/list-schema';

const entry = (id: string, zh: string, en?: string): BlocklistEntry => ({
  id,
  names: en ? { zh, en } : { zh },
  aliases: [],
  listings: [{ list: 'x', kind: 'banned', published: null, sources: [] }],
  warn: true,
  exact: false,
});

const SAMPLE = '主辦：中國機器人教育聯盟\u200b（ＣＨＩＮＡ Robot） 為 衞生 薴';

afterEach(() => {
  vi.doUnmock('../../../src/core/script-fold');
  vi.resetModules();
});

describe('compiled list', () => {
  it('carries the fold table its names were normalized with, and the key of the code that built it', async () => {
    const { compileList, compilerKey } = await import('../../../src/core/compiled-list');
    const compiled = JSON.parse(JSON.stringify(compileList([entry('robot', '中国机器人教育联盟')], 'k')));
    expect(compiled.compiler).toBe(compilerKey());
    // Matcher format, fold table, and the list limits' revision (a tighter limit recompiles and rechecks stored lists).
    expect(compiled.compiler).toMatch(/^3-[0-9a-z]+-L2$/);
    // ~3,500 changed code units, two 16-bit values each, in base64.
    expect(compiled.fold.length).toBeGreaterThan(3_000 * 4 * 4 / 3);
  });

  it('lets a fresh script normalize from the stored fold, without building it from OpenCC', async () => {
    const { compileList } = await import('../../../src/core/compiled-list');
    const { normalize } = await import('../../../src/core/normalize');
    const compiled = JSON.parse(JSON.stringify(compileList([entry('robot', '中国机器人教育联盟')], 'k')));
    const expected = normalize(SAMPLE);
    expect(expected).toBe('主办:中国机器人教育联盟(china robot) 为卫生苎');

    // A new content script: fresh modules, and OpenCC's tables made unusable.
    vi.resetModules();
    vi.doMock('../../../src/core/script-fold', () => ({
      writeTraditionalToSimplified: () => {
        throw new Error('built from OpenCC');
      },
    }));
    const fresh = await import('../../../src/core/compiled-list');
    const freshNormalize = await import('../../../src/core/normalize');
    expect(() => freshNormalize.normalize('x')).toThrow('built from OpenCC');
    fresh.useCompiledFold(compiled);
    expect(freshNormalize.normalize(SAMPLE)).toBe(expected);
  });

  it('leaves a list stored without a fold table (an older version) to the built table', async () => {
    const { compileList, useCompiledFold } = await import('../../../src/core/compiled-list');
    const { normalize } = await import('../../../src/core/normalize');
    const { fold: _fold, ...older } = compileList([entry('robot', '中国机器人教育联盟')], 'k');
    useCompiledFold(older as never);
    expect(normalize(SAMPLE)).toBe('主办:中国机器人教育联盟(china robot) 为卫生苎');
  });
});

describe('fold table pairs', () => {
  it('round-trip to the same normalization for every code unit', async () => {
    const { foldTablePairs, useFoldTablePairs, normalize } = await import('../../../src/core/normalize');
    const all = Array.from({ length: 0xd800 }, (_, c) => String.fromCharCode(c)).join('');
    const before = normalize(all);
    useFoldTablePairs(foldTablePairs());
    expect(normalize(all)).toBe(before);
    expect(() => useFoldTablePairs(new Uint16Array(3))).toThrow('odd length');
  });
});
