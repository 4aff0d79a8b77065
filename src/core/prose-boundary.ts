/**
 * Where a guarded (`exact`) name stops being a name of its own in Chinese prose: the words and
 * characters that, touching a hit, make it part of a longer name or word. Checked by the matcher
 * at candidate hits only (see the decision in matcher.ts's header); all text is normalized
 * (simplified script, see normalize.ts), so the tables are in simplified characters.
 *
 * - Before the hit, a name head: a scope word (国际摄影协会 in 中国国际摄影协会), a place
 *   (浙江省青年徽商协会, 宁波青年徽商协会, 香港中国书画家协会, 美国中国书画家协会) or an
 *   institution (某大学数字全息研究院, 某科技集团数字全息研究院, 该校数字全息研究院). An ordinary
 *   word before a name (由, 加入, 对, 了 …) never is one, so 由中国美术协会主办 warns.
 *   A name that starts with 中国/中华 is national already: a national scope word (全国, 中国, 中华,
 *   国家) or a mainland place before it says where or to whom, not which body (面向全国中国书画家
 *   协会会员, 在北京中国艺术院进修), so only the other scope words, Hong Kong, Macao, Taiwan,
 *   foreign places and institutions head it (香港中国书画家协会 is a body of its own).
 *   我国/本国 are no heads: they are the reader's own country.
 * - After the hit, a character that continues the name's last character into a longer word:
 *   院 + 校/士/团/线/系/所 (报考中国艺术院校, 中国艺术院团), 会 + 议/晤 (世界华人联合会议),
 *   盟 + 链 (中国移动联盟链). Unless the next two characters are a common word of their own,
 *   which ends the name (中国国学院所属的书院, 数字全息研究院团队, 中国艺术院线上书画课,
 *   中国国学院校友会). 会 + 谈 is no continuation: 协会谈行业前景 is "the association talks about".
 *   The other common followers are ordinary words and must warn: 会员, 会长, 颁发, 主办, 计划
 *   (…协会计划 is "the association plans"), 战略, 展览, 院长, 院内.
 * - A name ending in 学会 or 研究会 reads as a verb phrase before 了 (not 了解), 更 or 越:
 *   学易经风水学会了看罗盘 (学会了, "learned"), 对东方文化研究会更加重视 (研究会更加, "will study
 *   more"). 更名/更换/更改/更新 stay ordinary followers (…研究会更名为…).
 * - A guarded "name" that ends in no organization word (中国设计力量) is an everyday phrase:
 *   in running text it is the phrase, so it warns only set apart, with no Han character on
 *   either side (「中国设计力量」, a list item, a heading), or followed by a word that only an
 *   organization takes (中国设计力量网站, 中国设计力量官方邮箱).
 */
import { isHan } from './normalize';

/**
 * Words of one table, space-separated (kept compact), grouped by length, with the code units
 * they end and start with: most candidate hits touch no word of a table, and one lookup of the
 * touching code unit says so without slicing the text.
 */
interface WordTable {
  byLength: Map<number, Set<string>>;
  lastCodes: Set<number>;
  firstCodes: Set<number>;
}

/**
 * The table of `words`, built the first time a hit is checked against it: the module is in the
 * content script that every frame runs, and most pages have no hit to check.
 */
function table(words: string): () => WordTable {
  let built: WordTable | undefined;
  return () => (built ??= buildTable(words));
}

function buildTable(words: string): WordTable {
  const byLength = new Map<number, Set<string>>();
  const lastCodes = new Set<number>();
  const firstCodes = new Set<number>();
  for (const word of words.split(/\s+/).filter(Boolean)) {
    const set = byLength.get(word.length) ?? new Set<string>();
    set.add(word);
    byLength.set(word.length, set);
    lastCodes.add(word.charCodeAt(word.length - 1));
    firstCodes.add(word.charCodeAt(0));
  }
  return { byLength, lastCodes, firstCodes };
}

/** Does text[..start) end with a word of the table? */
function endsWithOneOf(lazyWords: () => WordTable, text: string, start: number): boolean {
  const words = lazyWords();
  if (start === 0 || !words.lastCodes.has(text.charCodeAt(start - 1))) return false;
  for (const [length, set] of words.byLength) {
    if (start >= length && set.has(text.slice(start - length, start))) return true;
  }
  return false;
}

/** Does text[end..) start with a word of the table? */
function startsWithOneOf(lazyWords: () => WordTable, text: string, end: number): boolean {
  const words = lazyWords();
  if (end >= text.length || !words.firstCodes.has(text.charCodeAt(end))) return false;
  for (const [length, set] of words.byLength) {
    if (end + length <= text.length && set.has(text.slice(end, end + length))) return true;
  }
  return false;
}

/** Scope words that make a national name out of what follows; no head of a national name. */
const NATIONAL_SCOPE = table('中国 中华 全国 国家');
/** Other scope words: they head any name (世界中国书画家协会, 国际中国…). */
const OTHER_SCOPE = table('国际 世界 亚洲 全球 环球 华夏 两岸 海峡');
/**
 * Mainland provinces and prefecture-level cities (short forms, without 省/市). Left out: city
 * names that are also common words and could end the word before a name (来宾 guests, 安康
 * well-being, 白银 silver, 日照 sunshine, 大同, 长治 as in 长治久安, 朝阳 morning sun).
 */
const MAINLAND_PLACES = table(`
  北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东
  海南 四川 贵州 云南 陕西 甘肃 青海 内蒙古 广西 西藏 宁夏 新疆
  石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水 太原 阳泉 晋城 朔州 晋中 运城 忻州
  临汾 吕梁 呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布 沈阳 大连 鞍山 抚顺
  本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 葫芦岛 长春 四平 辽源 通化 白山 松原 白城 哈尔滨
  齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化 南京 无锡 徐州 常州 苏州
  南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁 杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州
  丽水 合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城 福州
  厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德 南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州
  上饶 济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 临沂 德州 聊城 滨州 菏泽 郑州 开封
  洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店 武汉 黄石
  十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界
  益阳 郴州 永州 怀化 娄底 广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾
  河源 阳江 清远 东莞 中山 潮州 揭阳 云浮 南宁 柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色
  贺州 河池 崇左 海口 三亚 三沙 儋州 成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充
  眉山 宜宾 广安 达州 雅安 巴中 资阳 贵阳 六盘水 遵义 安顺 毕节 铜仁 昆明 曲靖 玉溪 保山 昭通
  丽江 普洱 临沧 拉萨 日喀则 昌都 林芝 山南 那曲 西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 商洛
  兰州 嘉峪关 金昌 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南 西宁 海东 银川 石嘴山 吴忠 固原 中卫
  乌鲁木齐 克拉玛依 吐鲁番 哈密
`);
/** Hong Kong, Macao, Taiwan, and foreign countries, regions and cities where overseas bodies sit. */
const OTHER_PLACES = table(`
  香港 澳门 台湾 海外
  美国 英国 法国 德国 俄罗斯 日本 韩国 朝鲜 泰国 越南 缅甸 老挝 柬埔寨 新加坡 马来西亚 印尼 印度尼西亚
  菲律宾 文莱 印度 巴基斯坦 蒙古 哈萨克斯坦 加拿大 墨西哥 巴西 阿根廷 智利 秘鲁 巴拿马 澳大利亚 澳洲
  新西兰 意大利 西班牙 葡萄牙 荷兰 比利时 瑞士 瑞典 挪威 丹麦 芬兰 奥地利 爱尔兰 希腊 波兰 匈牙利
  捷克 土耳其 以色列 埃及 南非 尼日利亚 肯尼亚 阿联酋 迪拜 欧洲 美洲 非洲 北美 南美 欧美 东南亚
  旅美 旅日 旅欧 全美 全英 加州 纽约 洛杉矶 旧金山 法拉盛 伦敦 巴黎 柏林 东京 大阪 首尔 悉尼
  墨尔本 多伦多 温哥华 曼谷 吉隆坡 雅加达 马尼拉
`);
/** Institutions a research body or society can belong to (某大学…, 某科技集团…, 该校…). */
const INSTITUTIONS = table('大学 学院 集团 公司 医院 研究所 校');
/** Administrative suffixes: a mainland place name ends in one (潍坊市, 德州, 海淀区) right before the name. */
const PLACE_SUFFIXES = '省市县区州';

/** The name's last character → characters that continue it into a longer word. */
const CONTINUATIONS: Record<string, string> = {
  院: '校士团线系所',
  会: '议晤',
  盟: '链',
};
/** Common two-character words that start with a continuation character: after a name, the name ends. */
const ORDINARY_FOLLOWERS = table('所属 所有 所在 团队 系统 系列 线上 线下 校友 校区');

/** Words after which 学会/研究会 is a verb phrase: 学会了 (not 了解), 研究会更加 (not 更名 …), 越. */
const VERB_TAILS = ['学会', '究会'];
const VERB_MARKERS: Record<string, string> = { 了: '解', 更: '名换改新', 越: '' };
const HUI = '会'.charCodeAt(0);

/** Words only an organization takes: after an everyday phrase, they make it a name. */
const ORGANIZATION_FOLLOWERS = table('网站 官网 官方 平台 公众号 主办 颁发 证书 会员');

/** Last characters of organization names; a guarded name ending otherwise is a phrase. */
const ORGANIZATION_ENDINGS = '会院心盟团社所站队处部馆校地堂位室组金局厅';

const placeSuffixCodes = new Set(Array.from(PLACE_SUFFIXES, (c) => c.charCodeAt(0)));
const continuationCodes = new Map<number, Set<number>>(
  Object.entries(CONTINUATIONS).map(([last, next]) => [last.charCodeAt(0), new Set(Array.from(next, (c) => c.charCodeAt(0)))]),
);
const organizationEndingCodes = new Set(Array.from(ORGANIZATION_ENDINGS, (c) => c.charCodeAt(0)));

/** A normalized guarded name that is an everyday phrase rather than an organization's name. */
export function isPhraseName(name: string): boolean {
  return name.length > 0 && !organizationEndingCodes.has(name.charCodeAt(name.length - 1));
}

/** The hit at `start` names a national body already (中国…, 中华…). */
function isNationalName(text: string, start: number): boolean {
  return text.startsWith('中国', start) || text.startsWith('中华', start);
}

/** The text right before `start` ends with a name head: the hit is the tail of a longer name. */
export function headsLongerName(text: string, start: number): boolean {
  if (start === 0) return false;
  if (isNationalName(text, start)) {
    // A mainland place says where a national body is (在北京中国艺术院); checked first, as 内蒙古 ends in 蒙古.
    if (endsWithOneOf(MAINLAND_PLACES, text, start)) return false;
  } else {
    if (placeSuffixCodes.has(text.charCodeAt(start - 1))) return true;
    if (endsWithOneOf(NATIONAL_SCOPE, text, start) || endsWithOneOf(MAINLAND_PLACES, text, start)) return true;
  }
  return endsWithOneOf(OTHER_SCOPE, text, start) || endsWithOneOf(OTHER_PLACES, text, start) || endsWithOneOf(INSTITUTIONS, text, start);
}

/** The text from `end` continues the hit's last character into a longer word. */
export function continuesIntoLongerWord(text: string, end: number): boolean {
  if (end === 0 || end >= text.length) return false;
  if (!(continuationCodes.get(text.charCodeAt(end - 1))?.has(text.charCodeAt(end)) ?? false)) return false;
  return !startsWithOneOf(ORDINARY_FOLLOWERS, text, end);
}

/** A hit ending in 学会/研究会 that the next characters make a verb phrase (学会了, 研究会更加). */
export function readsAsVerbPhrase(text: string, end: number): boolean {
  if (end < 2 || end >= text.length || text.charCodeAt(end - 1) !== HUI) return false;
  if (!VERB_TAILS.includes(text.slice(end - 2, end))) return false;
  const except = VERB_MARKERS[text.charAt(end)];
  return except !== undefined && !(end + 1 < text.length && except.includes(text.charAt(end + 1)));
}

/** The phrase rule: no Han character on either side of [start, end). */
export function standsApart(text: string, start: number, end: number): boolean {
  return !(start > 0 && isHan(text.charCodeAt(start - 1))) && !(end < text.length && isHan(text.charCodeAt(end)));
}

/** A guarded name's hit stands as a name of its own: no head before, no continuation or verb reading after. */
export function guardedHitStands(text: string, start: number, end: number): boolean {
  return !headsLongerName(text, start) && !continuesIntoLongerWord(text, end) && !readsAsVerbPhrase(text, end);
}

/** A guarded phrase's hit names the organization: set apart, or followed by an organization's word. */
export function phraseHitStands(text: string, start: number, end: number): boolean {
  return standsApart(text, start, end) || (startsWithOneOf(ORGANIZATION_FOLLOWERS, text, end) && !headsLongerName(text, start));
}
