import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODE_CHARACTERS, checkCharacterFor, hasValidCheckCharacter } from '../../../../src/core/credit-code';

/** Real codes, as published by their holders or the registries. */
const PUBLISHED = [
  '51100000500009247D', // 中国复合材料工业协会
  '51100000500012681T', // 中国医疗保健国际交流促进会
  '52610500MJU60350X1',
  '91110228397176695A',
];

const validCode = fc
  .array(fc.constantFrom(...CODE_CHARACTERS), { minLength: 17, maxLength: 17 })
  .map((chars) => chars.join(''))
  .map((first17) => first17 + checkCharacterFor(first17)!);

describe('the check character (GB 32100-2015)', () => {
  it.each(PUBLISHED)('accepts the published code %s', (code) => {
    expect(hasValidCheckCharacter(code)).toBe(true);
  });

  it("computes 3 for the standard's counter-example, not Z", () => {
    expect(checkCharacterFor('91350100M000100Y4')).toBe('3');
    expect(hasValidCheckCharacter('91350100M000100Y4Z')).toBe(false);
  });

  it('refuses made-up codes', () => {
    for (const code of ['51100000500009247A', '911100000000000000', '51100000500012681X', '52610500MJU60350X2']) {
      expect(hasValidCheckCharacter(code), code).toBe(false);
    }
  });

  it('has the 31-character set without I, O, S, V and Z', () => {
    expect(CODE_CHARACTERS).toHaveLength(31);
    expect(CODE_CHARACTERS).not.toMatch(/[IOSVZ]/);
  });

  it('always computes a character of the set', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CODE_CHARACTERS), { minLength: 17, maxLength: 17 }), (chars) => {
        expect(CODE_CHARACTERS).toContain(checkCharacterFor(chars.join('')));
      }),
    );
  });

  it('catches every single substitution in a valid code', () => {
    fc.assert(
      fc.property(validCode, fc.nat(17), fc.constantFrom(...CODE_CHARACTERS), (code, at, replacement) => {
        fc.pre(code[at] !== replacement);
        const changed = code.slice(0, at) + replacement + code.slice(at + 1);
        expect(hasValidCheckCharacter(changed)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('catches every single substitution in the published codes, exhaustively', () => {
    for (const code of PUBLISHED) {
      for (let at = 0; at < 18; at++) {
        for (const c of CODE_CHARACTERS) {
          if (c === code[at]) continue;
          expect(hasValidCheckCharacter(code.slice(0, at) + c + code.slice(at + 1))).toBe(false);
        }
      }
    }
  });

  it('is undefined for text that is not 17 code characters', () => {
    expect(checkCharacterFor('91350100M000100Y')).toBeUndefined();
    expect(checkCharacterFor('91350100M000100YO')).toBeUndefined();
  });
});
