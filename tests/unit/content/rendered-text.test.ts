import { describe, expect, it } from 'vitest';
import { isTransparent } from '../../../src/content/rendered-text';

describe('isTransparent (computed colours)', () => {
  it('is true for alpha 0 in every computed form, false for opaque and half-transparent colours', () => {
    for (const c of ['transparent', 'rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0%)', 'rgb(0 0 0 / 0)', 'color(srgb 1 0 0 / 0)']) expect(isTransparent(c), c).toBe(true);
    // rgb(0, 0, 0): black, whose last number is a channel, not an alpha.
    for (const c of ['rgb(0, 0, 0)', 'rgb(255, 255, 0)', 'rgba(10, 0, 0, 0.5)', 'rgb(0 0 0 / 0.2)', 'currentcolor']) expect(isTransparent(c), c).toBe(false);
  });
});
