import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileList } from '../../../src/core/compiled-list';
import type { BlocklistEntry } from '../../../src/core/list-schema';
import { PageScanner, splitLongText } from '../../../src/content/page-scanner';

const entry = (id: string, zh: string, exact = false): BlocklistEntry => ({
  id,
  names: { zh },
  aliases: [],
  listings: [{ list: 'x', kind: 'banned', published: null, sources: [] }],
  warn: true,
  exact,
});

const compiled = compileList(
  [entry('robot', '中国机器人教育联盟'), entry('art', '中国艺术院', true), entry('disc', '中国正面管教协会'), entry('tail', '教育联盟')],
  'k',
);

/** Access to the scanner's text paths, which need no DOM. */
type TextPaths = { scanText(raw: string): Array<{ entryId: string; start: number; end: number }>; scanLongText(raw: string): Promise<Array<{ entryId: string; start: number; end: number }>> };

describe('splitLongText', () => {
  it('covers the text, cutting after line breaks or sentence ends where it can', () => {
    const text = ('一句话。'.repeat(300) + '\n').repeat(40);
    const pieces = splitLongText(text, 4096, 200);
    expect(pieces[0]!.start).toBe(0);
    expect(pieces.at(-1)!.end).toBe(text.length);
    for (let i = 1; i < pieces.length; i++) {
      expect(pieces[i]!.start).toBe(pieces[i - 1]!.end); // natural cuts: no overlap
      expect('\n。'.includes(text[pieces[i]!.start - 1]!)).toBe(true);
    }
  });

  it('overlaps hard cuts by the given margin', () => {
    const text = '字'.repeat(20_000);
    const pieces = splitLongText(text, 4096, 100);
    for (let i = 1; i < pieces.length; i++) {
      expect(pieces[i]!.start).toBe(pieces[i - 1]!.end - 100);
      expect(pieces[i - 1]!.nextStart).toBe(pieces[i]!.start);
    }
  });
});

describe('PageScanner on a huge block', () => {
  it('finds in pieces exactly what a whole scan finds', async () => {
    const scanner = new PageScanner(compiled, false) as unknown as TextPaths;
    // 教育联盟 is a name and the tail of another: at a hard cut, only the longer one may count.
    const names = ['中国机器人教育联盟', '“中国艺术院”', '中国正面管教协会', '中国艺术院校', '教育联盟'];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.constantFrom(...names), fc.constantFrom('字', '。', '\n', 'a', ' ')), { minLength: 1, maxLength: 400 }),
        fc.integer({ min: 1, max: 40 }),
        async (parts, repeat) => {
          const text = parts.join('').repeat(repeat * 50);
          const whole = scanner.scanText(text).map(({ entryId, start, end }) => ({ entryId, start, end }));
          const pieces = (await scanner.scanLongText(text)).map(({ entryId, start, end }) => ({ entryId, start, end }));
          expect(pieces).toEqual(whole);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('finds the same across hard cuts (no line break or sentence end to cut at)', async () => {
    const scanner = new PageScanner(compiled, false) as unknown as TextPaths;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.constantFrom('中国机器人教育联盟', '教育联盟', '中国正面管教协会'), fc.constantFrom('字', 'a', ' ')), { minLength: 1, maxLength: 200 }),
        async (parts) => {
          const text = parts.join('').repeat(Math.ceil(100_000 / Math.max(1, parts.join('').length)));
          const whole = scanner.scanText(text).map(({ entryId, start, end }) => ({ entryId, start, end }));
          const pieces = (await scanner.scanLongText(text)).map(({ entryId, start, end }) => ({ entryId, start, end }));
          expect(pieces).toEqual(whole);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('PageScanner hits', () => {
  it('start and end around a character outside the BMP that folds into a name (🈐 → 手)', () => {
    const withHand = compileList([entry('hand', '中国手工艺联盟')], 'k');
    const scanner = new PageScanner(withHand, false) as unknown as { scanText(raw: string): Array<{ form: string }> };
    expect(scanner.scanText('主办：中国🈐工艺联盟。').map((h) => h.form)).toEqual(['中国🈐工艺联盟']);
    const head = compileList([entry('hand', '手工艺联盟')], 'k');
    const headScanner = new PageScanner(head, false) as unknown as { scanText(raw: string): Array<{ form: string }> };
    expect(headScanner.scanText('主办：🈐工艺联盟').map((h) => h.form)).toEqual(['🈐工艺联盟']);
    const tail = compileList([entry('hand', '中国工艺手')], 'k');
    const tailScanner = new PageScanner(tail, false) as unknown as { scanText(raw: string): Array<{ form: string }> };
    expect(tailScanner.scanText('中国工艺🈐，').map((h) => h.form)).toEqual(['中国工艺🈐']);
  });
});
