/**
 * The Chinese prose rule's pieces (src/core/prose-boundary.ts), each on the matcher's public path
 * (build, normalize, scan), with a case on each side of it. The labelled set
 * (matcher-prose.test.ts) measures the rule as a whole.
 */
import { describe, expect, it } from 'vitest';
import { NameMatcher } from '../../../src/core/matcher';
import { normalize } from '../../../src/core/normalize';

const guarded = ['中国艺术院', '中国国学院', '数字全息研究院', '中国新能源协会', '东方文化研究会', '易经风水学会',
  '中国书画家协会', '中华周易协会', '青年徽商协会', '中国移动联盟', '中国设计力量', '国际摄影协会'];
const matcher = NameMatcher.build(guarded.map((name, entry) => ({ name, entry, exact: true })));
const warns = (text: string) => matcher.scan(normalize(text)).length > 0;

describe('the prose rule for guarded names', () => {
  it('ends a name before a common word that starts with a continuing character (所属, 团队, 系统, 线上, 校友)', () => {
    expect(warns('此次研修班由中国国学院所属的书院承办')).toBe(true);
    expect(warns('该技术由数字全息研究院团队自主研发')).toBe(true);
    expect(warns('学员在中国国学院系统学习国学经典')).toBe(true);
    expect(warns('中国艺术院线上书画课开课啦')).toBe(true);
    expect(warns('网传中国国学院校友会近日成立')).toBe(true);
    // The continuation itself still holds: 院校, 院团, 院士 are longer words.
    expect(warns('报考中国艺术院校的考生')).toBe(false);
    expect(warns('中国艺术院团赴欧洲巡演')).toBe(false);
  });

  it('reads 会 + 谈 as "talks about", 会 + 议 still as a meeting', () => {
    expect(warns('中国新能源协会谈行业前景')).toBe(true);
    expect(warns('东方文化研究会谈传统养生')).toBe(true);
    expect(warns('第三届东方文化研究会议在京召开')).toBe(false);
  });

  it('continues 盟 into 盟链 (a blockchain), not into ordinary words', () => {
    expect(warns('中国移动联盟链平台正式上线')).toBe(false);
    expect(warns('欢迎加入中国移动联盟，成为会员')).toBe(true);
  });

  it('takes no national scope word or mainland place as the head of a 中国/中华 name', () => {
    expect(warns('面向全国中国书画家协会会员征集作品')).toBe(true);
    expect(warns('他在北京中国艺术院进修过两年')).toBe(true);
    expect(warns('他在宁波中国艺术院进修过两年')).toBe(true);
    expect(warns('内蒙古中国书画家协会会员')).toBe(true);
    // Hong Kong, Macao, Taiwan and foreign heads still make a body of its own.
    expect(warns('香港中国书画家协会会员')).toBe(false);
    expect(warns('美国中国书画家协会在纽约举办会员作品展')).toBe(false);
    expect(warns('新加坡中华周易协会举办易学公开讲座')).toBe(false);
    // A name that is not national keeps them as heads.
    expect(warns('第十届中国国际摄影协会年度展')).toBe(false);
    expect(warns('北京东方文化研究会成立')).toBe(false);
  });

  it('takes countries, prefecture-level cities and institutions as heads, not 我国/本国', () => {
    expect(warns('韩国东方文化研究会代表团访问曲阜')).toBe(false);
    expect(warns('宁波青年徽商协会举办年度联谊会')).toBe(false);
    expect(warns('深圳某科技集团数字全息研究院今日揭牌')).toBe(false);
    expect(warns('该校数字全息研究院负责人介绍了成果')).toBe(false);
    expect(warns('某公司数字全息研究院成立')).toBe(false);
    expect(warns('我国东方文化研究会')).toBe(true);
    expect(warns('本国东方文化研究会')).toBe(true);
    expect(warns('报名请联系青年徽商协会秘书处')).toBe(true);
  });

  it('reads 学会/研究会 before 了, 更 or 越 as a verb phrase, but not before 了解 or 更名', () => {
    expect(warns('他跟着师父学易经风水学会了看罗盘')).toBe(false);
    expect(warns('今后学校对东方文化研究会更加重视')).toBe(false);
    expect(warns('大家对东方文化研究会越来越感兴趣')).toBe(false);
    expect(warns('易经风水学会了解到学员的需求')).toBe(true);
    expect(warns('东方文化研究会更名为东方文化促进会')).toBe(true);
    // Only names ending in 学会/研究会: 协会了 is no verb.
    expect(warns('他退出了中国新能源协会了')).toBe(true);
  });

  it('lets the everyday phrase 中国设计力量 warn before a word only an organization takes', () => {
    expect(warns('作品请发至中国设计力量官方邮箱')).toBe(true);
    expect(warns('中国设计力量网站已于2019年被依法关停')).toBe(true);
    expect(warns('由中国设计力量主办的评选')).toBe(true);
    expect(warns('一批年轻设计师展现中国设计力量。')).toBe(false);
    expect(warns('中国设计力量正在走向世界舞台')).toBe(false);
  });
});
