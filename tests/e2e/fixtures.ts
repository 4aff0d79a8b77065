/**
 * What the e2e tests rely on, in one place: the entries of the bundled list (data/organizations.json)
 * they name by id, and the fixture pages (tests/fixtures/pages) they open. Both are checked when
 * this module loads: an id gone from the list or a page gone from the folder fails every file at
 * once, with its name, instead of a test timing out on a badge that never comes.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import bundled from '../../data/organizations.json' with { type: 'json' };
import { FIXTURES } from './harness';

/** Entries of the bundled list, by what the tests use them for. */
export const ENTRY = {
  /** 中国机器人教育联盟: named by most fixture pages. */
  robot: 'china-robot-education-alliance',
  /** 中国正面管教协会: the second organization of two-orgs.html. */
  discipline: 'china-positive-discipline-association',
  /** 中国大型吊装企业联盟: the organization of other-org.html. */
  hoisting: 'china-large-hoisting-enterprise-alliance',
  /** 农业项目股权投资促进会: listed, on none of the fixture pages. */
  onNoPage: 'agricultural-project-equity-investment-promotion-association',
  /** 中国艺术院: an exact (generic) name. */
  exactName: 'zhongguo-yishu-yuan',
  /** 全国音乐家协会: has a registered look-alike (中国音乐家协会). */
  withLookalike: 'quanguo-yinyue-jia-xiehui',
  /** 中国城市轨道交通协会: never warns, has a note. */
  neverWarns: 'zhongguo-chengshi-guidao-jiaotong-xiehui',
  /** 中国美术协会: one of zh-prose-names.html's, and a counterfeit of a lawful body. */
  meishu: 'zhongguo-meishu-xiehui',
  /** The other names zh-prose-names.html gives in running prose. */
  shuhua: 'zhongguo-shuhua-jia-xiehui',
  yingbiShufa: 'zhongguo-xiandai-ying-bi-shufa-yanjiu-hui',
  yiyuan: 'zhongguo-yiyuan-xuehui',
  /** 中国室内空气净化协会: its site kongjingxie.cn is listed (seen 2025-09-25). */
  withDomain: 'zhongguo-shinei-kongqi-jinghua-xiehui',
} as const;

export const ROBOT = ENTRY.robot;
export const DISCIPLINE = ENTRY.discipline;

/** Pages of tests/fixtures/pages (paths for ExtensionRun.url). */
export const PAGES = {
  /** Names ROBOT and DISCIPLINE (one split across inline tags). */
  twoOrgs: 'two-orgs.html',
  /** Names none (listed names only in script, style and comments). */
  none: 'none.html',
  /** One organization, in traditional script. */
  traditional: 'traditional.html',
  traditionalFullwidth: 'traditional-fullwidth.html',
  titleOnly: 'title-only.html',
  shadowRoot: 'shadow-root.html',
  zeroWidth: 'zero-width.html',
  lineBreak: 'line-break.html',
  exactStandalone: 'exact-standalone.html',
  pruned: 'pruned.html',
  noWarnEntries: 'no-warn-entries.html',
  zhProseNames: 'zh-prose-names.html',
  frameParent: 'frame-parent.html',
  frameChild: 'frame-child.html',
  hostileParent: 'hostile-parent.html',
  floodParent: 'flood-parent.html',
  otherOrg: 'other-org.html',
  addedLater: 'added-later.html',
  spa: 'spa.html',
  ticker: 'ticker.html',
  longPage: 'long-page.html',
  notice: 'notice.html',
  lure: 'lure.html',
  removesBanner: 'removes-banner.html',
  reportPage: 'report-page.html',
  reportChild: 'report-child.html',
  /** Names ENTRY.withDomain once, in its text only (not in the title): its own-site alert comes from the host. */
  listedSite: 'listed-site.html',
  /** An ad frame (report-ad-frame.html, from ?ad=) that selects a claim by script (issue 18 item 5). */
  reportAdPage: 'report-ad-page.html',
  reportAdFrame: 'report-ad-frame.html',
} as const;

const bundledIds = new Set((bundled as Array<{ id: string }>).map((e) => e.id));
const missingIds = Object.values(ENTRY).filter((id) => !bundledIds.has(id));
if (missingIds.length) throw new Error(`tests/e2e/fixtures.ts: not in data/organizations.json: ${missingIds.join(', ')}`);
const missingPages = Object.values(PAGES).filter((path) => !existsSync(join(FIXTURES, path)));
if (missingPages.length) throw new Error(`tests/e2e/fixtures.ts: not in tests/fixtures/pages: ${missingPages.join(', ')}`);
