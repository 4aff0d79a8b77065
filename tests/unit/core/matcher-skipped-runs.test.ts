/**
 * NameMatcher.namesBehindSkippedRuns: names that appear only once some runs of a text (a block's
 * text nodes) are left out, the candidates for hidden filler (content/page-scanner.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NameMatcher } from '../../../src/core/matcher';

const matcher = NameMatcher.build([
  { name: '中国机器人教育联盟', entry: 0, exact: false },
  { name: '中国正面管教协会', entry: 1, exact: false },
]);

/** The text of `runs` joined, and where each run starts. */
function joined(runs: string[]): [string, number[]] {
  const starts: number[] = [];
  let text = '';
  for (const run of runs) {
    starts.push(text.length);
    text += run;
  }
  return [text, starts];
}

function candidates(runs: string[]) {
  const [text, starts] = joined(runs);
  return matcher.namesBehindSkippedRuns(text, starts).map((c) => ({ name: text.slice(c.start, c.end), runs: c.runs }));
}

describe('NameMatcher.namesBehindSkippedRuns', () => {
  it('finds a name behind one left-out run of one or several characters', () => {
    expect(candidates(['主办：中国', 'x', '机器人教育联盟。'])).toEqual([{ name: '中国x机器人教育联盟', runs: [1] }]);
    expect(candidates(['主办：中国机器', '广告位招租', '人教育联盟。'])).toEqual([{ name: '中国机器广告位招租人教育联盟', runs: [1] }]);
  });

  it('finds a name behind several left-out runs, apart or one after another', () => {
    expect(candidates(['中', 'x', '国机', 'y', '器人教育', 'z', '联盟'])).toEqual([{ name: '中x国机y器人教育z联盟', runs: [1, 3, 5] }]);
    expect(candidates(['中国正面', 'a', 'b', '管教协会'])).toEqual([{ name: '中国正面ab管教协会', runs: [1, 2] }]);
  });

  it('finds nothing in ordinary text, in a name that is whole, or where a left-out run would be the name’s own part', () => {
    expect(candidates(['社区', '图书馆', '周末开放'])).toEqual([]);
    expect(candidates(['主办：', '中国机器人教育联盟', '。'])).toEqual([]);
    expect(candidates(['中国', '机器人', '教育联盟'])).toEqual([]);
    // Leaving out a part of the name can't make it appear.
    expect(candidates(['中国', '正面', '机器人教育联盟'])).toEqual([{ name: '中国正面机器人教育联盟', runs: [1] }]);
  });

  it('leaves out a gap made of many runs, but joins no parts that stand far apart', () => {
    const pieces = Array.from({ length: 30 }, () => 'x');
    expect(candidates(['中国', ...pieces, '机器人教育联盟'])).toEqual([{ name: `中国${'x'.repeat(30)}机器人教育联盟`, runs: pieces.map((_, i) => i + 1) }]);
    // After a prefix of two characters a gap may be 64 characters long; after a longer one, 1,000.
    expect(candidates(['中国', 'x'.repeat(65), '机器人教育联盟'])).toEqual([]);
    expect(candidates(['中国机器', 'x'.repeat(900), '人教育联盟'])).toHaveLength(1);
  });

  it('leaves out the whitespace the page put around a left-out run, which a reader does not see between Han characters', () => {
    // Normalized text keeps a space next to a Latin letter: 中国 x 机器人… (the spaces are the runs' own).
    expect(candidates(['中国 ', 'x', ' 机器人教育联盟'])).toEqual([{ name: '中国 x 机器人教育联盟', runs: [1] }]);
    // Spaces alone make no candidate.
    expect(candidates(['中国 机器', '人教育联盟'])).toEqual([]);
  });

  it('takes runs of length 0 and a first run that does not start the text', () => {
    expect(candidates(['中国', '', 'x', '', '机器人教育联盟'])).toEqual([{ name: '中国x机器人教育联盟', runs: [2] }]);
    const text = '前言中国x机器人教育联盟';
    expect(matcher.namesBehindSkippedRuns(text, [4, 5])).toEqual([{ start: 2, end: 12, runs: [0] }]);
  });

  it('finds every name that one left-out run makes whole (random texts)', () => {
    const name = '中国机器人教育联盟';
    fc.assert(
      fc.property(fc.integer({ min: 1, max: name.length - 1 }), fc.string({ minLength: 1, maxLength: 4, unit: fc.constantFrom('x', '国', '人', '。') }), fc.string({ maxLength: 6, unit: fc.constantFrom('中', '国', 'a') }), (cut, filler, prefix) => {
        const runs = [prefix + name.slice(0, cut), filler, name.slice(cut)];
        const found = candidates(runs);
        if ((runs[0]! + runs[1]! + runs[2]!).includes(name)) return; // whole already: the plain scan's
        expect(found).toContainEqual({ name: name.slice(0, cut) + filler + name.slice(cut), runs: [1] });
      }),
    );
  });
});
