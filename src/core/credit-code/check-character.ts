/**
 * The check character of a unified social credit code (统一社会信用代码, GB 32100-2015 §5): the 18th
 * character is computed from the first 17 over the code's 31-character set, so any one mistyped
 * character, and most made-up codes, show up without asking any registry.
 */

/** The characters a code may use, in value order: the digits and 21 letters (no I, O, S, V or Z). */
export const CODE_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const MODULUS = CODE_CHARACTERS.length; // 31
/** wᵢ = 3^(i−1) mod 31, for i = 1 … 17. */
const WEIGHTS = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % MODULUS;
  return w;
});

/** The check character the first 17 characters call for, or undefined if one is not a code character. */
export function checkCharacterFor(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CODE_CHARACTERS.indexOf(first17[i]!);
    if (value < 0) return undefined;
    sum += value * WEIGHTS[i]!;
  }
  return CODE_CHARACTERS[(MODULUS - (sum % MODULUS)) % MODULUS];
}

/** An 18-character code (already upper case) whose 18th character is the one the first 17 call for. */
export function hasValidCheckCharacter(code: string): boolean {
  return code.length === 18 && checkCharacterFor(code.slice(0, 17)) === code[17];
}

/** The characters of `code` that no code uses (I, O, S, V, Z, punctuation …), each once, in order. */
export function foreignCharacters(code: string): string[] {
  return [...new Set([...code].filter((c) => !CODE_CHARACTERS.includes(c)))];
}
