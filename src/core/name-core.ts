/**
 * The distinctive part of an organization's name: the name without the generic words counterfeit
 * and lawful bodies alike are built from (中国 / 全国 / 国际 … 协会 / 学会 / 联盟 …; China … Association).
 * 中国冷菜协会 looks like 中国美术协会 letter by letter (four characters of six), but shares none of
 * its distinctive part (冷菜 / 美术): the lookup (lookup.ts) drops such weak look-alikes.
 *
 * Works on normalized names (normalize.ts: simplified script, lower case).
 */

/** Longest first, so 中国国际 goes before 中国. Stripped repeatedly: 中国国家书法家协会 → 书法家. */
const GENERIC_PREFIXES = [
  '中华人民共和国', '中华全国', '中国', '中华', '全国', '国际', '国家', '亚洲', '世界', '全球',
  'all-china ', 'people\'s republic of china ', 'china ', 'chinese ', 'national ', 'international ', 'asian ', 'world ', 'global ',
];
const GENERIC_SUFFIXES = [
  '联合总会', '联合会', '委员会', '研究会', '促进会', '基金会', '研究院', '研究所', '研究中心', '俱乐部', '联谊会',
  '协会', '学会', '总会', '联盟', '商会', '中心', '同盟', '组织',
  ' association', ' society', ' alliance', ' federation', ' union', ' committee', ' council', ' foundation', ' institute',
  ' league', ' club', ' center', ' centre', ' organization', ' of china', ' of', ' for',
];

function stripOnce(name: string): string {
  for (const p of GENERIC_PREFIXES) if (name.startsWith(p) && name.length > p.length) return name.slice(p.length).trimStart();
  for (const s of GENERIC_SUFFIXES) if (name.endsWith(s) && name.length > s.length) return name.slice(0, -s.length).trimEnd();
  return name;
}

/** The name without its generic prefixes and suffixes; '' when it is nothing but generic words. */
export function nameCore(normalizedName: string): string {
  let name = normalizedName.trim();
  for (;;) {
    const next = stripOnce(name);
    if (next === name) break;
    name = next;
  }
  const generic = [...GENERIC_PREFIXES, ...GENERIC_SUFFIXES].map((w) => w.trim());
  return generic.includes(name) ? '' : name;
}
