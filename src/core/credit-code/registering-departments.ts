/**
 * The first two characters of a unified social credit code: who registered the organization and as
 * what (GB 32100-2015, table 1: 登记管理部门码 and 机构类别码). Only the pairs the standard defines
 * exist; any other pair is no real code.
 */

export type DepartmentId =
  | 'establishment' // 1 机构编制
  | 'foreign-affairs' // 2 外交
  | 'justice' // 3 司法行政
  | 'culture' // 4 文化
  | 'civil-affairs' // 5 民政
  | 'tourism' // 6 旅游
  | 'religion' // 7 宗教
  | 'trade-union' // 8 工会
  | 'market-regulation' // 9 工商 (today 市场监管)
  | 'military' // A 中央军委改革和编制办公室
  | 'agriculture' // N 农业
  | 'other'; // Y 其他

export type KindId =
  | 'government-body' // 11 机关
  | 'public-institution' // 12 事业单位
  | 'mass-organization' // 13 群众团体 whose staffing the establishment office manages
  | 'foreign-news-agency' // 21 外国常驻新闻机构
  | 'law-firm' // 31 律师执业机构
  | 'notary-office' // 32 公证处
  | 'legal-service-office' // 33 基层法律服务所
  | 'forensic-institution' // 34 司法鉴定机构
  | 'arbitration-commission' // 35 仲裁委员会
  | 'foreign-cultural-centre' // 41 外国在华文化中心
  | 'social-organization' // 51 社会团体
  | 'social-service-organization' // 52 民办非企业单位 (社会服务机构)
  | 'foundation' // 53 基金会
  | 'foreign-tourism-office' // 61 外国旅游部门常驻代表机构
  | 'hk-macao-taiwan-tourism-office' // 62 港澳台地区旅游部门常驻内地（大陆）代表机构
  | 'religious-venue' // 71 宗教活动场所
  | 'religious-school' // 72 宗教院校
  | 'grassroots-union' // 81 基层工会
  | 'enterprise' // 91 企业
  | 'individual-business' // 92 个体工商户
  | 'farmers-cooperative' // 93 农民专业合作社
  | 'military-public-institution' // A1 军队事业单位
  | 'group-collective' // N1 组级集体经济组织
  | 'village-collective' // N2 村级集体经济组织
  | 'township-collective' // N3 乡镇级集体经济组织
  | 'other'; // x9 其他 (and Y1)

interface Department {
  id: DepartmentId;
  kinds: Readonly<Record<string, KindId>>;
}

export const REGISTERING_DEPARTMENTS: Readonly<Record<string, Department>> = {
  '1': { id: 'establishment', kinds: { '1': 'government-body', '2': 'public-institution', '3': 'mass-organization', '9': 'other' } },
  '2': { id: 'foreign-affairs', kinds: { '1': 'foreign-news-agency', '9': 'other' } },
  '3': {
    id: 'justice',
    kinds: {
      '1': 'law-firm',
      '2': 'notary-office',
      '3': 'legal-service-office',
      '4': 'forensic-institution',
      '5': 'arbitration-commission',
      '9': 'other',
    },
  },
  '4': { id: 'culture', kinds: { '1': 'foreign-cultural-centre', '9': 'other' } },
  '5': { id: 'civil-affairs', kinds: { '1': 'social-organization', '2': 'social-service-organization', '3': 'foundation', '9': 'other' } },
  '6': { id: 'tourism', kinds: { '1': 'foreign-tourism-office', '2': 'hk-macao-taiwan-tourism-office', '9': 'other' } },
  '7': { id: 'religion', kinds: { '1': 'religious-venue', '2': 'religious-school', '9': 'other' } },
  '8': { id: 'trade-union', kinds: { '1': 'grassroots-union', '9': 'other' } },
  '9': { id: 'market-regulation', kinds: { '1': 'enterprise', '2': 'individual-business', '3': 'farmers-cooperative' } },
  A: { id: 'military', kinds: { '1': 'military-public-institution', '9': 'other' } },
  N: { id: 'agriculture', kinds: { '1': 'group-collective', '2': 'village-collective', '3': 'township-collective', '9': 'other' } },
  Y: { id: 'other', kinds: { '1': 'other' } },
};
