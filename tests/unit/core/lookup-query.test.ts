import { describe, expect, it } from 'vitest';
import { MAX_LOOKUP_NAMES, splitLookupQuery } from '../../../src/core/lookup-query';

const names = (text: string) => splitLookupQuery(text).names;

describe('splitLookupQuery', () => {
  it('splits a pasted list on 、，； and line breaks', () => {
    expect(names('中国美术协会、中国国家书法家协会、中国民间摄影协会')).toEqual(['中国美术协会', '中国国家书法家协会', '中国民间摄影协会']);
    expect(names('甲协会，乙协会；丙协会\n丁协会\r\n戊协会')).toEqual(['甲协会', '乙协会', '丙协会', '丁协会', '戊协会']);
  });

  it('splits on ASCII, small and half-width commas and semicolons', () => {
    expect(names('甲协会,乙协会;丙协会')).toEqual(['甲协会', '乙协会', '丙协会']);
    expect(names('甲协会﹐乙协会﹑丙协会﹔丁协会､戊协会')).toEqual(['甲协会', '乙协会', '丙协会', '丁协会', '戊协会']);
  });

  it('keeps a name with spaces whole, trims, drops empty parts and repeats', () => {
    expect(names('  China Robot Education Alliance ')).toEqual(['China Robot Education Alliance']);
    expect(names('中国 机器人教育联盟')).toEqual(['中国 机器人教育联盟']);
    expect(names('、、甲协会、 、\n\n甲协会，甲協會')).toEqual(['甲协会']);
    expect(names('  ')).toEqual([]);
  });

  it('answers at most MAX_LOOKUP_NAMES names and says how many were left out', () => {
    const many = Array.from({ length: MAX_LOOKUP_NAMES + 3 }, (_, i) => `协会${i}`).join('、');
    const split = splitLookupQuery(many);
    expect(split.names.length).toBe(MAX_LOOKUP_NAMES);
    expect(split.omitted).toBe(3);
  });
});
