/**
 * `npm run data -- import-notice` (scripts/import-notice.ts, scripts/lib/notice-import.ts) on the
 * text of real notices (tests/fixtures/notices): the names it reads are those the bundled list has
 * for the same list and date; names already listed are found in either script; a registered lawful
 * body is flagged; and without a terminal and without --yes it refuses rather than wait.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LawfulRegistryCopy } from '../../../src/core/lawful-registry';
import { validateEntries, type BlocklistEntry, type ListRecords } from '../../../src/core/list-schema';
import { normalize } from '../../../src/core/normalize';
import { listRecordOf, parseNotice, planImport, rowsOf, writeImport } from '../../../scripts/lib/notice-import';
import { slugifyChinese } from '../../../scripts/lib/org-ids.mjs';
import { TIMEOUT } from '../../../scripts/lib/timeouts.mjs';

const ROOT = path.resolve(__dirname, '../../..');
const NOTICES = path.join(ROOT, 'tests/fixtures/notices');
const readData = <T>(file: string) => JSON.parse(readFileSync(path.join(ROOT, 'data', file), 'utf8')) as T;
const validation = validateEntries(readData('organizations.json'));
const entries: BlocklistEntry[] = validation.ok ? validation.value : [];
const data = { entries, lawful: readData<LawfulRegistryCopy>('lawful-national-partial.json'), records: readData<ListRecords>('lists.json') };

const tmp = mkdtempSync(path.join(tmpdir(), 'orgcheck-notice-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const REAL_NOTICES = [
  { file: 'mca-2021-05-31-website-shutdown-batch3.txt', list: 'website-shutdown-2021-batch3', published: '2021-05-31', source: 'https://chinanpo.org.cn/ds/2304c39d2d.html', count: 12 },
  { file: 'mca-2022-02-21-website-shutdown-batch1.txt', list: 'website-shutdown-2022-batch1', published: '2022-02-21', source: 'https://m.fx361.cc/news/2022/0411/10653641.html', count: 13 },
];
const noticeText = (file: string) => readFileSync(path.join(NOTICES, file), 'utf8');
/** A lawfully registered national body (the partial registry copy), planted in a notice. */
const LAWFUL = '中国科学技术协会';

describe('import-notice on real notices', () => {
  it.each(REAL_NOTICES)('$file: the names of the bundled entries of $list, with the same list and date', ({ file, list, published, source, count }) => {
    const plan = planImport(noticeText(file), { list, published, source }, data);
    const bundled = entries.filter((e) => e.listings.some((l) => l.list === list));
    expect(bundled).toHaveLength(count);
    expect(new Set(plan.proposals.map((p) => normalize(p.item.name)))).toEqual(new Set(bundled.map((e) => normalize(e.names.zh))));
    // Every name is found on this very list, dated as the import was told.
    expect(plan.proposals.map((p) => p.status)).toEqual(Array(count).fill('listed'));
    for (const e of bundled) expect(e.listings.find((l) => l.list === list)?.published, e.id).toBe(published);
    expect(plan.notice.statedCount).toBe(count);
    expect(plan.notice.warnings).toEqual([]);
    expect(plan.proposals.some((p) => p.lawful || p.insideLawful)).toBe(false);
    expect(rowsOf(plan, '2026-12-03')).toEqual([]);
  });

  it('flags a registered lawful body planted in a notice, in traditional script too, and keeps it from warning', () => {
    expect(data.lawful.bodies.map((b) => b.name)).toContain(LAWFUL);
    const { list, published, source } = REAL_NOTICES[0]!;
    const planted = noticeText(REAL_NOTICES[0]!.file).replace('12.上海市品牌服务促进会', '12.上海市品牌服务促进会\n13.中國科學技術協會');
    const plan = planImport(planted, { list, published, source }, data);
    const flagged = plan.proposals.filter((p) => p.lawful);
    expect(flagged.map((p) => [p.item.name, p.lawful, p.status])).toEqual([['中國科學技術協會', LAWFUL, 'new']]);
    expect(plan.notice.warnings).toContain('the notice says 12 organizations; 13 names were read');
    const rows = rowsOf(plan, '2026-12-03');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name_zh: '中國科學技術協會', list, published, source, blocklist_safe: false, script: 'zh-Hant' });
  });
});

describe('parseNotice: the forms notices use', () => {
  it('reads "1、" items, cleans the pinyin a repost injects, and finds listed names in traditional script', () => {
    // The 2021 fourth batch as a traditional-script repost printed it (hbzqbyyxgs.com), pinyin and all.
    const text = [
      '2021年第四批被關停網站的11家非法社會組織名單',
      '以下是2021年第四批被關停網站的11家非法社會組織名單：',
      '1、中國教師繼續教育協會(hui)', '2、中國人民文藝家協會', '3、中國智慧教育聯合(he)會', '4、中國寵物產業聯盟', '5、中國包裝聯盟',
      '6、中國美(mei)術高考教育聯盟', '7、全國房地(di)產CIO聯(lian)盟', '8、全國校園文學聯盟', '9、中國境外學位與學生信息中心',
      '10、中國清潔(jie)服(fu)務行業國家等級資(zi)質評(ping)定中心', '11、絲綢之路國際公益美術館(guan)',
    ].join('\n');
    const plan = planImport(text, { list: 'website-shutdown-2021-batch4', published: '2021-07-01', source: 'https://example.org/n' }, data);
    expect(plan.notice.warnings).toEqual([]);
    expect(plan.proposals.map((p) => p.item.name)).toContain('中國教師繼續教育協會');
    expect(plan.proposals.filter((p) => p.status === 'listed')).toHaveLength(9);
    const fresh = plan.proposals.filter((p) => p.status === 'new');
    expect(fresh.map((p) => [p.item.name, p.id])).toEqual([
      ['中國清潔服務行業國家等級資質評定中心', slugifyChinese('中國清潔服務行業國家等級資質評定中心')],
      ['絲綢之路國際公益美術館', slugifyChinese('絲綢之路國際公益美術館')],
    ]);
  });

  it('reads "（一）" items, several names separated by 、 in one item, and the lawful body an item names', () => {
    const notice = parseNotice(
      ['2021年第三批涉嫌非法社会组织名单', '（一）中华国际风水协会、中华诵读联合会', '（二）中国现代硬笔书法研究会（合法登记的为中国硬笔书法协会）', '（四）中国国宾馆协会。'].join('\n'),
    );
    expect(notice.items).toEqual([
      { number: '一', name: '中华国际风水协会' },
      { number: '一', name: '中华诵读联合会' },
      { number: '二', name: '中国现代硬笔书法研究会', registeredLookalike: '中国硬笔书法协会' },
      { number: '四', name: '中国国宾馆协会' },
    ]);
    expect(notice.warnings).toEqual(['the list skips from item 二 to item 四: a name may be missing']);
  });

  it('takes a section heading "一、" for no item, and a sentence "涉及…等N家" when there is no numbered list', () => {
    expect(parseNotice('标题\n一、全国性社会组织\n1.中国国宾馆协会').items.map((i) => i.name)).toEqual(['中国国宾馆协会']);
    const notice = parseNotice('关停通知\n此次的关停涉及智慧中国联合会、中国红色书画院等2家已被取缔的非法社会组织。');
    expect(notice.items.map((i) => i.name)).toEqual(['智慧中国联合会', '中国红色书画院']);
    expect(notice.warnings[0]).toMatch(/no numbered list/);
  });

  it('gives a listed name on another list a listing under the entry’s own name, and a new name an id no entry has', () => {
    const robot = entries.find((e) => e.id === 'china-robot-education-alliance')!;
    const base = slugifyChinese('全新测试促进会');
    // An entry that already holds the id the new name would get: the new one takes "-2", as the build does.
    const holder: BlocklistEntry = { ...robot, id: base, names: { zh: '另一个测试协会' }, aliases: [] };
    const text = `通知\n1.${robot.names.zh}\n2.全新测试促进会`;
    const plan = planImport(text, { list: 'mca-test-2026', published: '2026-12-01', source: 'https://example.org/n' }, { ...data, entries: [...entries, holder] });
    expect(plan.proposals[0]).toMatchObject({ status: 'new-listing', id: robot.id, nameZh: robot.names.zh });
    expect(plan.proposals[1]).toMatchObject({ status: 'new', id: `${base}-2`, nameZh: '全新测试促进会' });
    expect(plan.needsListRecord).toBe(true);
    expect(rowsOf(plan, '2026-12-03').map((r) => r.name_zh)).toEqual([robot.names.zh, '全新测试促进会']);
  });
});

describe('writing an import', () => {
  it('writes the rows once (a second import of the same list adds nothing) and the list’s record when it has none', () => {
    const dataDir = path.join(tmp, 'data');
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    copyFileSync(path.join(ROOT, 'data/lists.json'), path.join(dataDir, 'lists.json'));
    const plan = planImport('关停通知\n附：2026年第一批测试名单\n1.全新测试促进会', { list: 'mca-test-2026', published: '2026-12-01', source: 'https://example.org/n' }, data);
    const rows = rowsOf(plan, '2026-12-03');
    const record = listRecordOf(plan, { en: 'Test list, 2026 batch 1', zhTW: (s) => s.replace('测试名单', '測試名單') });
    expect(record.title).toEqual({ zh_CN: '2026年第一批测试名单', zh_TW: '2026年第一批測試名單', en: 'Test list, 2026 batch 1' });
    expect(writeImport(plan, rows, dataDir, record).map((f) => path.basename(f))).toEqual(['mca-test-2026.json', 'lists.json']);
    expect(writeImport(plan, rows, dataDir, record)).toEqual([]);
    const written = JSON.parse(readFileSync(path.join(dataDir, 'notices/mca-test-2026.json'), 'utf8'));
    expect(written).toEqual([expect.objectContaining({ name_zh: '全新测试促进会', list: 'mca-test-2026', published: '2026-12-01', blocklist_safe: true, script: 'zh-Hans' })]);
    expect(JSON.parse(readFileSync(path.join(dataDir, 'lists.json'), 'utf8'))['mca-test-2026']).toEqual(record);
  });

  it('the command refuses to write without a terminal to confirm on and without --yes (it does not wait), and in a terminal asks first', () => {
    const notice = path.join(tmp, 'new-name.txt');
    writeFileSync(notice, '关停通知\n附：2022年第一批被关停网站的1家非法社会组织名单\n1.全新测试促进会\n');
    const args = ['scripts/build-organizations.mjs', 'import-notice', notice, '--list', 'website-shutdown-2022-batch1', '--published', '2022-02-21', '--source', 'https://example.org/n'];
    const refused = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', input: '', timeout: TIMEOUT.wait });
    expect(refused.status).toBe(2);
    expect(refused.stdout).toContain('全新测试促进会  →  NEW entry');
    expect(refused.stderr).toMatch(/no terminal to confirm on[\s\S]*--yes/);
    expect(existsSync(path.join(ROOT, 'data/notices/website-shutdown-2022-batch1.json'))).toBe(false);
    const bad = spawnSync(process.execPath, [...args.slice(0, 3), '--list', 'x', '--published', '2022-02-30', '--source', 'nowhere'], { cwd: ROOT, encoding: 'utf8', input: '', timeout: TIMEOUT.wait });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/--published "2022-02-30"[\s\S]*--source "nowhere"/);
    // Three runs of the command (each loads src/core through vite's module runner): room on a busy machine.
    // In a terminal (a pseudo-terminal from util-linux script(1)) it asks; "n" writes nothing.
    const command = [process.execPath, ...args].map((a) => `'${a}'`).join(' ');
    const asked = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: ROOT, encoding: 'utf8', input: 'n\n', timeout: TIMEOUT.wait });
    expect(asked.stdout).toContain('then build the list? [y/N]');
    expect(asked.stdout).toContain('import-notice: not written.');
    expect(asked.status).toBe(2);
    expect(existsSync(path.join(ROOT, 'data/notices/website-shutdown-2022-batch1.json'))).toBe(false);
  });
});
