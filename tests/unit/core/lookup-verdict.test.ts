import { describe, expect, it } from 'vitest';
import bundled from '../../../data/organizations.json' with { type: 'json' };
import type { BlocklistEntry } from '../../../src/core/list-schema';
import { OrganizationLookup } from '../../../src/core/lookup';
import { answerName, answerQuery } from '../../../src/core/lookup-verdict';
import { nameCore } from '../../../src/core/name-core';

const lookup = OrganizationLookup.for(bundled as BlocklistEntry[]);
const similarNames = (q: string) => answerName(lookup, q, 20).similar.map((r) => r.entry.names.zh);

describe('answerQuery', () => {
  it('answers a pasted list name by name: all three listed', () => {
    const { answers, omitted } = answerQuery(lookup, '中国美术协会、中国国家书法家协会、中国民间摄影协会', 20);
    expect(omitted).toBe(0);
    expect(answers.map((a) => [a.name, a.verdict])).toEqual([
      ['中国美术协会', 'listed'],
      ['中国国家书法家协会', 'listed'],
      ['中国民间摄影协会', 'listed'],
    ]);
    expect(answers[0]!.exact.map((r) => r.entry.id)).toEqual(['zhongguo-meishu-xiehui']);
  });

  it('says first that a lawful name is not listed, then its similar names', () => {
    const a = answerName(lookup, '中国书法家协会', 20);
    expect(a.verdict).toBe('not-listed');
    expect(a.exact).toEqual([]);
    expect(a.similar.length).toBeGreaterThan(0);
    expect(a.similar.map((r) => r.entry.names.zh)).toContain('中国国家书法家协会');
    expect(a.similarTotal).toBe(a.similar.length);
  });

  it('tells an entry that never warns from a listing', () => {
    const a = answerName(lookup, '中国城市轨道交通协会', 20);
    expect(a.verdict).toBe('never-warns');
    expect(a.exact[0]!.entry.warn).toBe(false);
  });

  it('counts part-of-name hits as similar, not as the verdict', () => {
    const a = answerName(lookup, '机器人教育', 20);
    expect(a.verdict).toBe('not-listed');
    expect(a.similar.map((r) => r.entry.id)).toContain('china-robot-education-alliance');
  });
});

describe('weak look-alikes (CORE_THRESHOLD)', () => {
  it('drops names that share only generic words with the query', () => {
    // 冷菜 / 美术: four characters of six alike, nothing distinctive.
    expect(similarNames('中國美術協會')).not.toContain('中国冷菜协会');
    expect(similarNames('中国美术协会')).not.toContain('中国冷菜协会');
    expect(similarNames('中国书法家协会')).not.toContain('中国艺术家协会河北省秘书处');
    // A query of generic words only has no similar names at all.
    expect(answerName(lookup, '中国国家协会', 20).similar.filter((r) => r.rank === 3)).toEqual([]);
  });

  it('keeps names near the distinctive part', () => {
    expect(similarNames('中国美术协会')).toContain('中国国际工艺美术协会');
    expect(similarNames('中国书法家协会')).toEqual(expect.arrayContaining(['中国书画家协会', '中国国家书法家协会', '中国硬笔书法家协会']));
  });
});

describe('nameCore', () => {
  it('strips generic prefixes and suffixes, repeatedly', () => {
    expect(nameCore('中国国家书法家协会')).toBe('书法家');
    expect(nameCore('中华全国艺术家联合会')).toBe('艺术家');
    expect(nameCore('china robot education alliance')).toBe('robot education');
    expect(nameCore('中国协会')).toBe('');
    expect(nameCore('协会')).toBe('');
  });
});
