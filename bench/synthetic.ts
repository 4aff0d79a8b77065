/** Deterministic synthetic names for the benchmarks (no Node API: also bundled into the Chromium matcher bench). */
import type { MatcherPattern } from '../src/core/matcher';

/** mulberry32: a small seeded PRNG, so every run benchmarks the same names. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const HAN = '中国华全世界亚洲国际人民文化艺术教育科技发展研究促进联合协会委员联盟书画美术摄影音乐体育健康医学经济企业品牌产业质量标准信息网络数字城市乡村农业环境能源交通航空海洋军事国防历史传统青年少儿老年妇女慈善公益志愿服务管理咨询评价认证培训考试专家学者诗词戏剧舞蹈电影收藏茶酒中医养生风水易经国学道德礼仪';
const PREFIX = ['中国', '中华', '全国', '国际', '世界', '亚洲', '华夏', '东方'];
const SUFFIX = ['协会', '联盟', '研究会', '促进会', '委员会', '联合会', '研究院', '学会', '组委会', '基金会'];
export const WORDS = ['china', 'national', 'world', 'asia', 'international', 'art', 'culture', 'science', 'education', 'robot', 'health', 'brand', 'talent', 'youth', 'music', 'photography', 'calligraphy', 'heritage', 'industry', 'development'];
const KINDS = ['Association', 'Alliance', 'Federation', 'Society', 'Committee', 'Council', 'Institute', 'Academy'];

/** n names, half CJK (prefix + 2–6 Han characters + suffix), half English ("China Art … Association"). */
export function syntheticNames(n: number, seed = 1): MatcherPattern[] {
  const r = rng(seed);
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;
  const out: MatcherPattern[] = [];
  const seen = new Set<string>();
  while (out.length < n) {
    let name: string;
    if (out.length % 2 === 0) {
      let middle = '';
      const len = 2 + Math.floor(r() * 5);
      for (let i = 0; i < len; i++) middle += HAN[Math.floor(r() * HAN.length)];
      name = pick(PREFIX) + middle + pick(SUFFIX);
    } else {
      const len = 2 + Math.floor(r() * 3);
      const words = Array.from({ length: len }, () => pick(WORDS));
      name = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ') + ' ' + pick(KINDS);
    }
    if (seen.has(name)) continue;
    seen.add(name);
    out.push({ name, entry: out.length, exact: r() < 0.1 });
  }
  return out;
}
