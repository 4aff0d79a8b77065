import { describe, expect, it } from 'vitest';
import bundled from '../../../data/organizations.json' with { type: 'json' };
import { syntheticNames } from '../../../bench/synthetic';
import type { BlocklistEntry } from '../../../src/core/list-schema';
import { OrganizationLookup } from '../../../src/core/lookup';

const entries = bundled as BlocklistEntry[];
const lookup = OrganizationLookup.for(entries);
const top = (q: string) => lookup.search(q)[0];
const ids = (q: string) => lookup.search(q).map((r) => r.entry.id);

describe('OrganizationLookup', () => {
  it('finds every listed name, exactly and first', () => {
    for (const e of entries) {
      const r = top(e.names.zh);
      expect(r?.rank, e.names.zh).toBe(0);
      expect(lookup.search(e.names.zh).filter((x) => x.rank === 0).map((x) => x.entry.id), e.names.zh).toContain(e.id);
    }
  });

  it('finds an organization from part of its name, prefixes before other substrings', () => {
    expect(ids('机器人教育')).toContain('china-robot-education-alliance');
    const r = lookup.search('中国');
    expect(r.length).toBe(20);
    expect(r.every((x) => x.rank === 1)).toBe(true);
    // Shorter names first within a rank.
    const lengths = r.map((x) => x.matchedName.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    expect(lookup.find('中国').total).toBeGreaterThan(20);
  });

  it('folds traditional script, full-width characters and spaces like page text', () => {
    expect(top('中國機器人教育聯盟')?.entry.id).toBe('china-robot-education-alliance');
    expect(top('中國機器人教育聯盟')?.rank).toBe(0);
    expect(top('中国 机器人\n教育 联盟')?.rank).toBe(0);
    expect(top('ＣＨＩＮＡ ＲＯＢＯＴ Education Alliance')?.entry.id).toBe('china-robot-education-alliance');
  });

  it('tolerates one wrong character', () => {
    const r = top('中国机器人教肓联盟');
    expect(r?.entry.id).toBe('china-robot-education-alliance');
    expect(r?.rank).toBe(3);
    expect(top('中国正面管教协汇')?.entry.id).toBe('china-positive-discipline-association');
    expect(top('China Robot Educaton Alliance')?.entry.id).toBe('china-robot-education-alliance');
  });

  it('finds English names, English display names and aliases', () => {
    expect(top('china robot education')?.entry.id).toBe('china-robot-education-alliance');
    const display = entries.find((e) => e.enDisplay && !e.names.en)!;
    expect(ids(display.enDisplay!)).toContain(display.id);
    expect(top('China Positive Discipline Education Association')?.entry.id).toBe('china-positive-discipline-association');
    expect(top('中华弹腿联合总会')?.rank).toBe(0);
  });

  it('finds entries that never warn', () => {
    const r = top('中国城市轨道交通协会');
    expect(r?.entry.id).toBe('zhongguo-chengshi-guidao-jiaotong-xiehui');
    expect(r?.entry.warn).toBe(false);
    expect(r?.entry.note).toBeTruthy();
  });

  it('returns nothing for a name that is not listed, or an empty query', () => {
    expect(lookup.search('北京市海淀区某某科技有限公司')).toEqual([]);
    expect(lookup.search('   ')).toEqual([]);
    expect(lookup.search('')).toEqual([]);
  });

  it('is built once per entries array', () => {
    expect(OrganizationLookup.for(entries)).toBe(lookup);
    expect(OrganizationLookup.for([...entries])).not.toBe(lookup);
  });

  it('still finds a typo among 20,000 similar synthetic names', () => {
    const names = syntheticNames(20_000, 3);
    const big: BlocklistEntry[] = [
      ...names.map((p, i) => ({
        id: `s-${i}`,
        names: { zh: p.name },
        aliases: [],
        listings: [{ list: 'x', kind: 'banned' as const, published: null, sources: [] }],
        warn: true,
        exact: false,
      })),
      ...entries,
    ];
    const l = new OrganizationLookup(big);
    expect(l.search('中国机器人教肓联盟')[0]?.entry.id).toBe('china-robot-education-alliance');
    const some = names[777]!.name;
    expect(l.search(some)[0]?.matchedName).toBe(some);
    // Repeated queries leave no state behind.
    expect(l.search('中国机器人教肓联盟')[0]?.entry.id).toBe('china-robot-education-alliance');
  });
});
