/**
 * Where a guarded (`exact`) name stops being a name of its own in Chinese prose: the words and
 * characters that, touching a hit, make it part of a longer name or word. Checked by the matcher
 * at candidate hits only (see the decision in matcher.ts's header); all text is normalized
 * (simplified script, see normalize.ts), so the tables are in simplified characters.
 *
 * - Before the hit, a name head: a scope word (国际摄影协会 in 中国国际摄影协会), a place
 *   (浙江省青年徽商协会, 香港中国书画家协会) or an institution (某大学数字全息研究院). An
 *   ordinary word before a name (由, 加入, 对, 了 …) never is one, so 由中国美术协会主办 warns.
 * - After the hit, a character that continues the name's last character into a longer word:
 *   院 + 校/士/团/线/系/所 (报考中国艺术院校, 中国艺术院团), 会 + 议/谈/晤 (世界华人联合会议).
 *   The other common followers are ordinary words and must warn: 会员, 会长, 颁发, 主办, 计划
 *   (…协会计划 is "the association plans"), 战略, 展览, 院长, 院内.
 * - A guarded "name" that ends in no organization word (中国设计力量) is an everyday phrase:
 *   in running text it is the phrase, so it warns only set apart, with no Han character on
 *   either side (「中国设计力量」, a list item, a heading).
 */
import { isHan } from './normalize';

/** Scope words, provinces and regions, and institutions that head a longer name. */
const NAME_HEADS = [
  '中国', '中华', '全国', '国际', '世界', '亚洲', '全球', '环球', '华夏', '国家', '两岸', '海峡',
  '香港', '澳门', '台湾', '北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江',
  '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南', '湖北', '湖南', '广东', '海南', '四川',
  '贵州', '云南', '陕西', '甘肃', '青海', '内蒙古', '广西', '西藏', '宁夏', '新疆',
  '大学', '学院',
];
/** Administrative suffixes: a place name ends in one (潍坊市, 德州, 海淀区) right before the name. */
const PLACE_SUFFIXES = '省市县区州';

/** The name's last character → characters that continue it into a longer word. */
const CONTINUATIONS: Record<string, string> = {
  院: '校士团线系所',
  会: '议谈晤',
};

/** Last characters of organization names; a guarded name ending otherwise is a phrase. */
const ORGANIZATION_ENDINGS = '会院心盟团社所站队处部馆校地堂位室组金局厅';

const headsByLength = new Map<number, Set<string>>();
for (const head of NAME_HEADS) {
  const set = headsByLength.get(head.length) ?? new Set<string>();
  set.add(head);
  headsByLength.set(head.length, set);
}
const placeSuffixCodes = new Set(Array.from(PLACE_SUFFIXES, (c) => c.charCodeAt(0)));
const continuationCodes = new Map<number, Set<number>>(
  Object.entries(CONTINUATIONS).map(([last, next]) => [last.charCodeAt(0), new Set(Array.from(next, (c) => c.charCodeAt(0)))]),
);
const organizationEndingCodes = new Set(Array.from(ORGANIZATION_ENDINGS, (c) => c.charCodeAt(0)));

/** A normalized guarded name that is an everyday phrase rather than an organization's name. */
export function isPhraseName(name: string): boolean {
  return name.length > 0 && !organizationEndingCodes.has(name.charCodeAt(name.length - 1));
}

/** The text right before `start` ends with a name head: the hit is the tail of a longer name. */
export function headsLongerName(text: string, start: number): boolean {
  if (start === 0) return false;
  if (placeSuffixCodes.has(text.charCodeAt(start - 1))) return true;
  for (const [length, heads] of headsByLength) {
    if (start >= length && heads.has(text.slice(start - length, start))) return true;
  }
  return false;
}

/** The character at `end` continues the hit's last character into a longer word. */
export function continuesIntoLongerWord(text: string, end: number): boolean {
  if (end === 0 || end >= text.length) return false;
  return continuationCodes.get(text.charCodeAt(end - 1))?.has(text.charCodeAt(end)) ?? false;
}

/** The phrase rule: no Han character on either side of [start, end). */
export function standsApart(text: string, start: number, end: number): boolean {
  return !(start > 0 && isHan(text.charCodeAt(start - 1))) && !(end < text.length && isHan(text.charCodeAt(end)));
}
