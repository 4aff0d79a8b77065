/**
 * The bundled list (data/organizations.json, built by scripts/build-organizations.mjs) against its
 * schema and against the research it was built from (../shared/data, beside the repository;
 * the tests that need it are skipped when it is absent).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchableNames, validateEntries, type BlocklistEntry } from '../../../src/core/list-schema';
import { notFound, skipWithout } from '../../skips';

interface ResearchRow {
  name_zh: string;
  list: string;
  blocklist_safe?: boolean;
  seed_index?: number;
}

const DATA_PATH = path.resolve(__dirname, '../../../data/organizations.json');
const RESEARCH_DIR = path.resolve(__dirname, '../../../../shared/data');
const RESEARCH_FILES = ['orgs-research.json', 'orgs-research-more.json', 'orgs-research-3.json', 'orgs-research-4.json'];
const REVIEW_PATH = path.resolve(__dirname, '../../../data/organizations-review.json');
/** The list corrections of a later research pass (data/organizations-review.json), as the build applies them. */
const listCorrections = (JSON.parse(readFileSync(REVIEW_PATH, 'utf8')) as { listCorrections: { lists: Record<string, { list: string }> } })
  .listCorrections.lists;
const correctedList = (list: string) => listCorrections[list]?.list ?? list;
const hasResearch = RESEARCH_FILES.every((f) => existsSync(path.join(RESEARCH_DIR, f)));
const SKIP_NOTE = hasResearch ? '' : ` (skipped: research folder ${RESEARCH_DIR} absent)`;
/** The five tests against the research files. */
const skipResearch = skipWithout(import.meta.url, hasResearch, 'research-data tests', notFound(...RESEARCH_FILES.map((f) => path.join(RESEARCH_DIR, f))), 5);

const raw: unknown = JSON.parse(readFileSync(DATA_PATH, 'utf8'));
const validation = validateEntries(raw);
const entries: BlocklistEntry[] = validation.ok ? validation.value : [];

const research: ResearchRow[] = hasResearch
  ? RESEARCH_FILES.flatMap((f) => JSON.parse(readFileSync(path.join(RESEARCH_DIR, f), 'utf8')) as ResearchRow[])
  : [];

const byZh = new Map(entries.map((e) => [e.names.zh, e]));

describe('data/organizations.json', () => {
  it('passes the list schema', () => {
    expect(validation.ok ? [] : validation.errors).toEqual([]);
  });

  it('has 317 entries with unique ids, one per Chinese name', () => {
    expect(entries).toHaveLength(317);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    expect(new Set(entries.map((e) => e.names.zh)).size).toBe(entries.length);
  });

  it('is written sorted by id, 2-space JSON with a trailing newline (as the build writes it)', () => {
    const ids = entries.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(readFileSync(DATA_PATH, 'utf8')).toBe(`${JSON.stringify(raw, null, 2)}\n`);
  });

  it('gives names.en only to the 12 names of the 2021-05-31 notice', () => {
    const withEn = entries.filter((e) => e.names.en !== undefined);
    expect(withEn).toHaveLength(12);
    expect(byZh.get('中国机器人教育联盟')?.names.en).toBe('China Robot Education Alliance');
  });

  it('never puts a lawful name in reach of a warning: no registered look-alike or warn:false name contains a warning name', () => {
    const warningNames = entries.filter((e) => e.warn).flatMap(matchableNames);
    const lawful = [
      ...entries.flatMap((e) => (e.registeredLookalike ? [e.registeredLookalike] : [])),
      ...entries.filter((e) => !e.warn).map((e) => e.names.zh),
    ];
    expect(lawful.length).toBeGreaterThan(0);
    const clashes = lawful.flatMap((l) => warningNames.filter((w) => l.includes(w)).map((w) => `${l} ⊃ ${w}`));
    expect(clashes).toEqual([]);
  });

  it('has no alias equal to its own names', () => {
    for (const e of entries) {
      expect(e.aliases).not.toContain(e.names.zh);
      if (e.names.en) expect(e.aliases).not.toContain(e.names.en);
    }
  });

  it('gives an organization on two lists two listings (中国雷锋基金会)', () => {
    const leifeng = byZh.get('中国雷锋基金会');
    expect(leifeng?.listings.map((l) => l.list)).toEqual([
      'website-shutdown-2021-batch2',
      'suspected-illegal-2018-batches1-3',
    ]);
    expect(leifeng?.listings.map((l) => l.kind)).toEqual(['website-shutdown', 'suspected-illegal']);
  });

  it('gives every listing of every entry the addresses it was found at', () => {
    const unsourced = entries.flatMap((e) => e.listings.filter((l) => l.sources.length === 0).map((l) => `${e.id} ${l.list}`));
    expect(entries.length).toBeGreaterThan(0);
    expect(unsourced).toEqual([]);
  });

  it('lists the fourth pass: the 2022 first batch of shut-down websites complete (13), and 中國質量認證監督管理中心 guarded', () => {
    const batch = entries.filter((e) => e.listings.some((l) => l.list === 'website-shutdown-2022-batch1'));
    expect(batch).toHaveLength(13);
    for (const e of batch) {
      expect(e.listings.find((l) => l.list === 'website-shutdown-2022-batch1')?.published, e.names.zh).toBe('2022-02-21');
      // The note written once for the batch when 5 were known is replaced (data/organizations-review.json).
      expect(e.note, e.names.zh).toContain('All 13 are listed');
      expect(e.note, e.names.zh).not.toContain('5 visible');
    }
    // Generic names: whole-name matches only (the guard of core/prose-boundary.ts).
    expect(byZh.get('应用安全联盟')?.exact).toBe(true);
    expect(byZh.get('智慧安防产业联盟')?.exact).toBe(true);
    // Kept as published (沐阳, probably a typo), with the county's real name as a derived variant.
    expect(byZh.get('东望集团江苏沐阳十字课堂')?.aliases).toEqual(['东望集团江苏沭阳十字课堂']);
    const quality = byZh.get('中國質量認證監督管理中心');
    expect(quality).toMatchObject({ exact: true, warn: true, aliases: ['中国质量认证监督管理中心'] });
    expect(quality?.listings).toEqual([
      {
        list: 'mca-typical-cases-2025-09',
        kind: 'banned',
        published: '2025-09-25',
        sources: ['https://hk.crntt.com/doc/1071/2/4/4/107124469.html?coluid=7&kindid=0&docid=107124469&mdate=0925172312'],
      },
    ]);
  });

  it('lists kongjingxie.cn as 中国室内空气净化协会’s site, with the day the notice published it and where', () => {
    const withDomains = entries.filter((e) => (e.domains ?? []).length > 0);
    expect(withDomains.map((e) => e.names.zh)).toEqual(['中国室内空气净化协会']);
    expect(withDomains[0]!.domains).toEqual([{ domain: 'kongjingxie.cn', seen: '2025-09-25', sources: ['http://www.hcygmm.com/news/1164055.html'] }]);
    // Its note was written once for the list, when the 4th case was a lead; the review replaced it.
    expect(withDomains[0]!.note).toContain('kongjingxie.cn');
    expect(withDomains[0]!.note).not.toContain('leads.json');
  });

  it.skipIf(skipResearch)(`holds every name_zh of the four research files as a name or alias${SKIP_NOTE}`, () => {
    expect(research.length).toBe(322);
    const known = new Set(entries.flatMap((e) => [e.names.zh, ...e.aliases]));
    expect(research.map((r) => r.name_zh).filter((n) => !known.has(n))).toEqual([]);
  });

  it.skipIf(skipResearch)(`sets warn:false exactly for the blocklist_safe:false names${SKIP_NOTE}`, () => {
    const unsafe = [...new Set(research.filter((r) => r.blocklist_safe === false).map((r) => r.name_zh))].sort();
    expect(unsafe).toHaveLength(7);
    expect(entries.filter((e) => !e.warn).map((e) => e.names.zh).sort()).toEqual(unsafe);
  });

  it.skipIf(skipResearch)(`gives names.en to the seed rows and to no others${SKIP_NOTE}`, () => {
    const seeds = research.filter((r) => r.seed_index !== undefined).map((r) => r.name_zh).sort();
    expect(seeds).toHaveLength(12);
    expect(entries.filter((e) => e.names.en !== undefined).map((e) => e.names.zh).sort()).toEqual(seeds);
  });

  it.skipIf(skipResearch)(`has one listing per research row of the name${SKIP_NOTE}`, () => {
    const rowsPerName = new Map<string, string[]>();
    for (const r of research) rowsPerName.set(r.name_zh, [...(rowsPerName.get(r.name_zh) ?? []), correctedList(r.list)]);
    const repeated = [...rowsPerName].filter(([, lists]) => lists.length > 1);
    expect(repeated.length).toBeGreaterThan(0);
    for (const [zh, lists] of rowsPerName) {
      expect(byZh.get(zh)?.listings.map((l) => l.list), zh).toEqual(lists);
    }
  });

  it.skipIf(skipResearch)(`applies the third pass's corrections to the earlier rows (../shared/data/README.md)${SKIP_NOTE}`, () => {
    const reported = research.filter((r) => r.list === 'offshore-shanzhai-2016 (reported 2016-04-06)').map((r) => r.name_zh);
    expect(reported).toHaveLength(15);
    for (const zh of reported) {
      expect(byZh.get(zh)?.listings.map((l) => l.list), zh).toEqual(['offshore-shanzhai-2016-batch3']);
      expect(byZh.get(zh)?.note, zh).toContain('third batch');
      expect(byZh.get(zh)?.note, zh).not.toContain('batch number uncertain');
    }
    expect(byZh.get('中国喝不醉研究学院德州分院')?.aliases).toContain('中国喝不醉研究院德州分院');
    expect(byZh.get('数字全息研究院')?.aliases).toContain('中国国学院数字全息研究院');
    expect(byZh.get('中國紅色文化學會')?.listings[0]?.sources).toContain('http://news.shi-fen.com/sociology/202107/52-1067655.html');
  });
});
