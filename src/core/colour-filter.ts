/**
 * Whether a computed CSS `filter` only changes colours and leaves text legible (issue 18 item 3):
 * Chinese sites set `html { filter: grayscale(1) }` on national mourning days, and
 * IntersectionObserver v2 reports any filter as "not visible". grayscale, sepia and saturate of
 * any amount, brightness and contrast between 0.5 and 2; anything else (blur, opacity,
 * drop-shadow, invert, hue-rotate, url()) is not colour-only.
 */

const ANY_AMOUNT = new Set(['grayscale', 'sepia', 'saturate']);
const LEGIBLE_RANGE = new Set(['brightness', 'contrast']);

function amount(arg: string): number | null {
  const text = arg.trim();
  if (text === '') return 1;
  const value = Number.parseFloat(text);
  if (!Number.isFinite(value)) return null;
  return text.endsWith('%') ? value / 100 : value;
}

/** `filter` as getComputedStyle gives it ("none", "grayscale(1) brightness(0.8)"). */
export function isColourOnlyFilter(filter: string): boolean {
  let rest = filter.trim();
  if (rest === '' || rest === 'none') return true;
  while (rest !== '') {
    const match = /^([a-z-]+)\(([^()]*)\)\s*/.exec(rest);
    if (!match) return false;
    const [whole, name, arg] = match as unknown as [string, string, string];
    const value = amount(arg);
    if (value === null) return false;
    if (LEGIBLE_RANGE.has(name)) {
      if (value < 0.5 || value > 2) return false;
    } else if (!ANY_AMOUNT.has(name)) return false;
    rest = rest.slice(whole.length);
  }
  return true;
}
