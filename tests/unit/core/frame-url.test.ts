import { describe, expect, it } from 'vitest';
import { frameUrlOf, MAX_FRAME_URL_CHARS } from '../../../src/core/frame-url';

describe('frameUrlOf', () => {
  it('is the sender URL without its fragment', () => {
    expect(frameUrlOf({ url: 'https://a.example/p?q=1#section' })).toBe('https://a.example/p?q=1');
  });
  it('drops a megabyte fragment and caps what is left', () => {
    expect(frameUrlOf({ url: `https://a.example/p#${'x'.repeat(1_900_000)}` })).toBe('https://a.example/p');
    const long = frameUrlOf({ url: `https://a.example/${'y'.repeat(50_000)}` });
    expect(long.length).toBe(MAX_FRAME_URL_CHARS);
    expect(long.startsWith('https://a.example/yyy')).toBe(true);
    expect(long.endsWith('…')).toBe(true);
  });
  it('names frames without a URL of their own by their origin and kind', () => {
    expect(frameUrlOf({ url: 'about:blank', origin: 'https://a.example' })).toBe('https://a.example [about:blank frame]');
    expect(frameUrlOf({ url: 'about:srcdoc', origin: 'https://a.example' })).toBe('https://a.example [about:srcdoc frame]');
    expect(frameUrlOf({ url: 'about:blank#x', origin: 'https://a.example' })).toBe('https://a.example [about:blank frame]');
    expect(frameUrlOf({ url: 'blob:https://b.example/5a0c', origin: 'https://b.example' })).toBe('https://b.example [blob: frame]');
    // No sender.origin (Firefox): a blob: URL still says which origin made it.
    expect(frameUrlOf({ url: 'blob:https://b.example/5a0c' })).toBe('https://b.example [blob: frame]');
    expect(frameUrlOf({ url: 'about:blank' })).toBe('[about:blank frame]');
    // A data: frame runs in an opaque origin; its URL (a whole document) is never kept.
    expect(frameUrlOf({ url: `data:text/html,${'<p>z'.repeat(1000)}`, origin: 'null' })).toBe('[data: frame]');
  });
  it('keeps nothing it cannot read', () => {
    expect(frameUrlOf({})).toBe('');
    expect(frameUrlOf({ url: 'not a url' })).toBe('');
    expect(frameUrlOf({ url: 'about:blank', origin: 'https://evil.example/path <b>' })).toBe('[about:blank frame]');
  });
});
