import { describe, expect, it } from 'vitest';
import { rangesWithin, withoutRanges } from '../../../src/content/filler-text';
import { mayHideFiller } from '../../../src/content/text-blocks';

describe('withoutRanges', () => {
  it('drops the ranges and maps each remaining character back', () => {
    const raw = '中国（广告）机器人x教育y联盟';
    const cut = withoutRanges(raw, [{ start: 2, end: 6 }, { start: 9, end: 10 }, { start: 12, end: 13 }]);
    expect(cut.text).toBe('中国机器人教育联盟');
    for (let i = 0; i < cut.text.length; i++) expect(raw[cut.offsets[i]!]).toBe(cut.text[i]);
  });

  it('takes nested, overlapping, unordered and empty ranges', () => {
    const cut = withoutRanges('abcdefgh', [{ start: 5, end: 7 }, { start: 1, end: 4 }, { start: 2, end: 3 }, { start: 3, end: 5 }, { start: 0, end: 0 }]);
    expect(cut.text).toBe('ah');
    expect([...cut.offsets]).toEqual([0, 7]);
  });

  it('leaves text without ranges as it is', () => {
    expect(withoutRanges('中国', []).text).toBe('中国');
  });
});

describe('rangesWithin', () => {
  it('keeps the non-empty ranges inside [start, end)', () => {
    const ranges = [{ start: 2, end: 4 }, { start: 0, end: 3 }, { start: 5, end: 5 }, { start: 6, end: 9 }];
    expect(rangesWithin(ranges, 1, 8)).toEqual([{ start: 2, end: 4 }]);
  });
});

/** Just what mayHideFiller reads of an element. */
function fakeElement(attributes: Record<string, string>): Element {
  return {
    hasAttributes: () => Object.keys(attributes).length > 0,
    hasAttribute: (name: string) => name in attributes,
    getAttribute: (name: string) => attributes[name] ?? null,
  } as unknown as Element;
}

describe('mayHideFiller', () => {
  it('flags the hidden attribute and inline styles that hide text', () => {
    for (const attributes of [
      { hidden: '' } as Record<string, string>,
      { style: 'display:none' },
      { style: 'color: red; DISPLAY : none !important' },
      { style: 'visibility: hidden; position: absolute' },
      { style: 'font-size:0' },
      { style: 'font-size: 0px' },
      { style: 'font-size:0.0em' },
    ]) {
      expect(mayHideFiller(fakeElement(attributes)), JSON.stringify(attributes)).toBe(true);
    }
  });

  it('leaves visible elements alone', () => {
    for (const attributes of [{} as Record<string, string>, { class: 'x' }, { style: 'display:block' }, { style: 'font-size:0.8em' }, { style: 'font-size: 10px' }, { style: 'visibility:visible' }]) {
      expect(mayHideFiller(fakeElement(attributes)), JSON.stringify(attributes)).toBe(false);
    }
  });
});
