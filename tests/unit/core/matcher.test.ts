import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NameMatcher, type MatcherPattern } from '../../../src/core/matcher';
import { isLatinWordChar, normalize } from '../../../src/core/normalize';
import { guardedHitStands, isPhraseName, phraseHitStands } from '../../../src/core/prose-boundary';

/** The reference: at each position the longest valid name starting there, then jump past it. */
function naiveSearch(patterns: readonly MatcherPattern[], text: string) {
  const names = patterns.map((p) => ({ ...p, text: normalize(p.name) })).filter((p) => p.text);
  const valid = (start: number, end: number, p: (typeof names)[number]) => {
    const before = start > 0 ? text.charCodeAt(start - 1) : -1;
    const after = end < text.length ? text.charCodeAt(end) : -1;
    if (p.exact && isPhraseName(p.text) && !phraseHitStands(text, start, end)) return false;
    if (p.exact && !isPhraseName(p.text) && !guardedHitStands(text, start, end)) return false;
    if (isLatinWordChar(p.text.charCodeAt(0)) && before >= 0 && isLatinWordChar(before)) return false;
    if (isLatinWordChar(p.text.charCodeAt(p.text.length - 1)) && after >= 0 && isLatinWordChar(after)) return false;
    return true;
  };
  const hits: Array<{ start: number; end: number; entry: number }> = [];
  let i = 0;
  while (i < text.length) {
    let best: { end: number; entry: number } | undefined;
    for (const p of names) {
      const end = i + p.text.length;
      if (text.startsWith(p.text, i) && valid(i, end, p) && (!best || end > best.end)) best = { end, entry: p.entry };
    }
    if (best) {
      hits.push({ start: i, ...best });
      i = best.end;
    } else i++;
  }
  return hits;
}

const strip = (hits: Array<{ start: number; end: number; entry: number }>) =>
  hits.map(({ start, end, entry }) => ({ start, end, entry }));

describe('NameMatcher', () => {
  const patterns: MatcherPattern[] = [
    { name: '中国机器人教育联盟', entry: 0, exact: false },
    { name: 'China Robot Education Alliance', entry: 0, exact: false },
    { name: '中国艺术院', entry: 1, exact: true },
    { name: '中国书法家协会', entry: 2, exact: false },
    { name: '中国国家书法家协会', entry: 3, exact: false },
  ];
  const matcher = NameMatcher.build(patterns);

  it('finds CJK names anywhere, including inside longer text', () => {
    const text = normalize('主办：中国机器人教育联盟秘书处');
    expect(matcher.scan(text).map((h) => h.entry)).toEqual([0]);
  });

  it('matches Latin names on word boundaries only', () => {
    expect(matcher.scan(normalize('Members of the China Robot Education Alliance.'))).toHaveLength(1);
    expect(matcher.scan(normalize('XChina Robot Education Alliance'))).toHaveLength(0);
    expect(matcher.scan(normalize('China Robot Education Alliances'))).toHaveLength(0);
  });

  it('finds exact (guarded) names next to ordinary words, not inside a longer name or word', () => {
    expect(matcher.scan(normalize('报考中国艺术院校'))).toHaveLength(0);
    expect(matcher.scan(normalize('“中国艺术院”颁发的证书'))).toHaveLength(1);
    expect(matcher.scan(normalize('由中国艺术院颁发的证书'))).toHaveLength(1);
    expect(matcher.scan(normalize('中国艺术院院长'))).toHaveLength(1);
    const guarded = NameMatcher.build([
      { name: '国际摄影协会', entry: 0, exact: true },
      { name: '中国设计力量', entry: 1, exact: true },
    ]);
    expect(guarded.scan(normalize('加入国际摄影协会'))).toHaveLength(1);
    expect(guarded.scan(normalize('第十届中国国际摄影协会年度展'))).toHaveLength(0);
    expect(guarded.scan(normalize('第三届国际摄影协会议'))).toHaveLength(0);
    // A guarded phrase (no organization word at the end) warns only set apart.
    expect(guarded.scan(normalize('展现中国设计力量'))).toHaveLength(0);
    expect(guarded.scan(normalize('「中国设计力量」网站'))).toHaveLength(1);
  });

  it('prefers the longest name at the leftmost position', () => {
    const hits = matcher.scan(normalize('中国国家书法家协会'));
    expect(hits.map((h) => h.entry)).toEqual([3]);
  });

  it('survives a JSON round trip of its serialized form', () => {
    const restored = NameMatcher.deserialize(JSON.parse(JSON.stringify(matcher.serialize())));
    const text = normalize('中國機器人教育聯盟 and “中国艺术院” and 中国国家书法家协会');
    expect(restored.scan(text)).toEqual(matcher.scan(text));
    expect(restored.scan(text)).toHaveLength(3);
  });

  it('agrees with a naive search on 10,000 random cases', () => {
    // 中国 and 省 head longer names, 校 and 议 continue 院 and 会, 量 ends a phrase: the guard's cases.
    const alphabet = ['中', '国', '艺', '术', '院', '协', '会', 'a', 'b', 'c', ' ', '.', '校', '议', '省', '量'];
    const word = fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 6 }).map((a) => a.join(''));
    const caseArb = fc
      .record({
        names: fc.array(fc.record({ name: word, exact: fc.boolean() }), { minLength: 1, maxLength: 8 }),
        filler: fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }),
        plants: fc.array(fc.nat(), { maxLength: 4 }),
      })
      .map(({ names, filler, plants }) => {
        const patterns = names.map((n, entry) => ({ ...n, entry }));
        // Plant some of the names at random positions so hits are common, overlapping or touching.
        const parts = [...filler];
        for (const p of plants) parts.splice(p % (parts.length + 1), 0, names[p % names.length]!.name);
        return { patterns, text: normalize(parts.join('')) };
      });
    fc.assert(
      fc.property(caseArb, ({ patterns, text }) => {
        expect(strip(NameMatcher.build(patterns).scan(text))).toEqual(naiveSearch(patterns, text));
      }),
      { numRuns: 10_000 },
    );
  });
});
