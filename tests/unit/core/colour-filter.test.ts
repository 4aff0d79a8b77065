import { describe, expect, it } from 'vitest';
import { isColourOnlyFilter } from '../../../src/core/colour-filter';

describe('isColourOnlyFilter', () => {
  it('accepts the mourning-day grey and other colour changes that leave text legible', () => {
    for (const f of ['none', 'grayscale(1)', 'grayscale(100%)', 'sepia(0.5) saturate(2)', 'brightness(0.8) contrast(1.5)', 'grayscale(1) brightness(0.5)']) {
      expect(isColourOnlyFilter(f), f).toBe(true);
    }
  });
  it('refuses what hides or blurs text, and brightness or contrast out of 0.5–2', () => {
    for (const f of ['blur(4px)', 'opacity(0)', 'brightness(0.1)', 'contrast(3)', 'contrast(0)', 'invert(1)', 'hue-rotate(90deg)',
      'drop-shadow(rgb(0, 0, 0) 0px 0px 0px)', 'url("#x")', 'grayscale(1) blur(1px)', 'brightness(nan)']) {
      expect(isColourOnlyFilter(f), f).toBe(false);
    }
  });
});
