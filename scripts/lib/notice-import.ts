/**
 * A ministry notice, as published, into entries of the bundled list (`npm run data -- import-notice`,
 * scripts/import-notice.ts). Three steps, each testable on its own:
 *
 * - parseNotice: the names of the notice's numbered list, in the forms the ministry and its
 *   reposts use: "1." / "1．" / "1、" / "（一）" / "(1)" before each item, several names in one item
 *   separated by 、, and an item's annotation "（合法登记的为…）" (the lawful body a counterfeit
 *   imitates). A line "一、…" is a section heading, not an item. Reposts that inject pinyin after
 *   characters ("协会(hui)") are cleaned. With no numbered list, the names of a sentence
 *   "…涉及A、B、C等N家…" are read instead. It also reads the count the notice states ("12家") and
 *   says when the list has fewer or more items, or when a number is skipped.
 * - planImport: each name against the list in use, folded as pages are (src/core/normalize.ts:
 *   script, width, spacing), so a name the notice writes in traditional script is found under its
 *   simplified entry; and against the partial copy of the national registry: a registered lawful
 *   body is flagged and, if kept, never warns. A new name gets an id the way the build makes them
 *   (scripts/lib/org-ids.mjs).
 * - rowsOf / writeImport: the rows the build reads (data/notices/<list>.json, the research format)
 *   and the list's record (data/lists.json) when the list has none yet.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findLawfulBody, type LawfulRegistryCopy } from '../../src/core/lawful-registry';
import type { BlocklistEntry, ListRecord, ListRecords } from '../../src/core/list-schema';
import { nameProblem } from '../../src/core/list-rules';
import { normalize } from '../../src/core/normalize';
import { slugifyChinese, uniqueId } from './org-ids.mjs';

export interface NoticeItem {
  /** The item's number as the notice writes it ("3", "三"), or null for names read from a sentence. */
  number: string | null;
  name: string;
  /** The lawful body an annotation "（合法登记的为…）" names for this item, if any. */
  registeredLookalike?: string;
}

export interface ParsedNotice {
  /** The notice's first line. */
  heading: string;
  /** The line that introduces the list ("附：2021年第三批被关停网站的12家非法社会组织名单"), if any. */
  listTitle: string | null;
  items: NoticeItem[];
  /** How many organizations the notice says its list has ("12家"), if it says. */
  statedCount: number | null;
  /** What the maintainer should look at: a count that differs, a skipped number, a line that is no name. */
  warnings: string[];
}

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 一 … 九十九 as a number (the "（一）" form), or NaN. */
function chineseNumber(text: string): number {
  if (/^[一二三四五六七八九]$/.test(text)) return CHINESE_DIGITS[text]!;
  const m = /^([一二三四五六七八九]?)十([一二三四五六七八九]?)$/.exec(text);
  if (!m) return Number.NaN;
  return (m[1] ? CHINESE_DIGITS[m[1]]! : 1) * 10 + (m[2] ? CHINESE_DIGITS[m[2]]! : 0);
}

/** An item line: its number and text. Arabic "1." "1．" "1、" "1)" "(1)"; Chinese "（一）" "(一)". */
const ITEM_LINE = /^\s*(?:(\d{1,3})\s*[.．、)）]|[（(]\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*[）)])\s*(.+)$/;
/** A section heading "一、…" (not an item). */
const SECTION_LINE = /^\s*[一二三四五六七八九十]{1,3}\s*、/;
/** Pinyin a repost injected after a character to defeat copying: 协会(hui), 聯(lián). */
const INJECTED_PINYIN = /(?<=\p{Script=Han})[（(][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[）)]/gu;
/** "（合法登记的为中国硬笔书法协会）" after a name. */
const LAWFUL_ANNOTATION = /[（(]\s*合法登记的?(?:社会组织)?(?:为|是)\s*([^）)]+?)\s*[）)]/;
/** "…涉及A、B、C等12家…": the names of the sentence. */
const SENTENCE_NAMES = /涉及(.+?)等\s*(\d+)\s*家/;

function cleanName(text: string): string {
  return text
    .replace(INJECTED_PINYIN, '')
    .replace(/^[“"「『]|[”"」』]$/g, '')
    .replace(/[。；;，,：:\s]+$/u, '')
    .trim();
}

/** The names of one item: split at 、, each cleaned, with the item's lawful annotation taken off. */
function itemNames(text: string, number: string | null): NoticeItem[] {
  let rest = text.replace(INJECTED_PINYIN, '');
  const lawful = LAWFUL_ANNOTATION.exec(rest);
  if (lawful) rest = rest.replace(lawful[0], '');
  return rest
    .split('、')
    .map(cleanName)
    .filter((name) => name.length > 0)
    .map((name) => (lawful ? { number, name, registeredLookalike: cleanName(lawful[1]!) } : { number, name }));
}

export function parseNotice(text: string): ParsedNotice {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  const heading = lines[0] ?? '';
  const warnings: string[] = [];
  const items: NoticeItem[] = [];
  let listTitle: string | null = null;
  let previous = 0;
  let previousText = '0';
  for (const [index, line] of lines.entries()) {
    if (index === 0) continue;
    if (SECTION_LINE.test(line)) continue;
    const m = ITEM_LINE.exec(line);
    if (!m) {
      // The line right before the first item names the list ("附：…名单").
      if (items.length === 0 && /名单|名錄|名單/.test(line)) listTitle = line.replace(/^附(?:件)?\s*\d*\s*[:：]\s*/, '');
      continue;
    }
    const numberText = (m[1] ?? m[2])!;
    const number = /^\d+$/.test(numberText) ? Number(numberText) : chineseNumber(numberText);
    if (number !== previous + 1) {
      warnings.push(
        number <= previous
          ? `item ${numberText} comes after item ${previousText}: two lists in one notice? Check that every name belongs to this list`
          : `the list skips from item ${previousText} to item ${numberText}: a name may be missing`,
      );
    }
    previous = number;
    previousText = numberText;
    items.push(...itemNames(m[3]!, numberText));
  }
  if (items.length === 0) {
    // No numbered list: the names a sentence gives ("此次的关停涉及A、B…等13家").
    const sentence = SENTENCE_NAMES.exec(lines.join(''));
    if (sentence) {
      items.push(...itemNames(sentence[1]!, null));
      warnings.push('no numbered list: the names come from the sentence "涉及…等" (a notice often names only some of its list there)');
    }
  }
  const stated = /(\d+)\s*家[^。\n]{0,20}?名[单單錄录]/.exec(listTitle ?? '') ?? /(\d+)\s*家/.exec(heading) ?? /(\d+)\s*家/.exec(lines.join(''));
  const statedCount = stated ? Number(stated[1]) : null;
  if (statedCount !== null && statedCount !== items.length) {
    warnings.push(`the notice says ${statedCount} organizations; ${items.length} names were read`);
  }
  for (const item of items) {
    const problem = nameProblem(item.name);
    if (problem) warnings.push(`"${item.name}" does not look like a name: ${problem}`);
  }
  return { heading, listTitle, items, statedCount, warnings };
}

/** What the import does with one name of the notice. */
export type ProposalStatus =
  /** Not listed: a new entry, with this id. */
  | 'new'
  /** Listed, but not on this list: the entry gets this list as a listing. */
  | 'new-listing'
  /** Already on this list: nothing to do. */
  | 'listed';

export interface Proposal {
  item: NoticeItem;
  status: ProposalStatus;
  /** The entry's id: the existing one, or the one a new entry gets. */
  id: string;
  /** The name the row carries: the existing entry's names.zh (so the build merges it), or the name as published. */
  nameZh: string;
  /** The name is a registered lawful body (the partial registry copy): flagged; if kept, it never warns. */
  lawful?: string;
  /** A lawful body whose name holds this name: it would warn inside that body's name (the build refuses it). */
  insideLawful?: string;
}

export interface ImportOptions {
  list: string;
  published: string;
  source: string;
}

export interface ImportPlan extends ImportOptions {
  notice: ParsedNotice;
  proposals: Proposal[];
  /** The list has no record in data/lists.json yet. */
  needsListRecord: boolean;
}

export interface ListData {
  entries: readonly BlocklistEntry[];
  lawful: LawfulRegistryCopy;
  records: ListRecords;
}

/** The Han characters of a name: what tells its script (punctuation folds too). */
const han = (name: string) => [...name].filter((c) => /\p{Script=Han}/u.test(c)).join('');

const matchable = (e: BlocklistEntry) => [e.names.zh, ...(e.names.en ? [e.names.en] : []), ...e.aliases];

export function checkOptions({ list, published, source }: ImportOptions): string[] {
  const problems: string[] = [];
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(list)) problems.push(`--list "${list}": a list id is lower-case words joined by hyphens, like website-shutdown-2022-batch1`);
  const day = new Date(`${published}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(published) || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== published) {
    problems.push(`--published "${published}": give the notice's date as YYYY-MM-DD`);
  }
  try {
    if (!/^https?:$/.test(new URL(source).protocol)) throw new Error('scheme');
  } catch {
    problems.push(`--source "${source}": give the address of the notice (http or https)`);
  }
  return problems;
}

export function planImport(text: string, options: ImportOptions, data: ListData): ImportPlan {
  const notice = parseNotice(text);
  const byName = new Map<string, BlocklistEntry>();
  for (const entry of data.entries) for (const name of matchable(entry)) byName.set(normalize(name), entry);
  const lawfulByName = data.lawful.bodies.map((b) => ({ name: b.name, folded: normalize(b.name) }));
  const usedIds = new Set(data.entries.map((e) => e.id));
  const proposals: Proposal[] = [];
  const seen = new Set<string>();
  for (const item of notice.items) {
    const folded = normalize(item.name);
    if (seen.has(folded)) {
      notice.warnings.push(`"${item.name}" is named twice in the notice: read once`);
      continue;
    }
    seen.add(folded);
    const entry = byName.get(folded);
    const lawful = findLawfulBody(data.lawful, item.name)?.name;
    const insideLawful = lawful ? undefined : lawfulByName.find((b) => b.folded.includes(folded))?.name;
    const flags = { ...(lawful ? { lawful } : {}), ...(insideLawful ? { insideLawful } : {}) };
    if (entry) {
      const status: ProposalStatus = entry.listings.some((l) => l.list === options.list) ? 'listed' : 'new-listing';
      proposals.push({ item, status, id: entry.id, nameZh: entry.names.zh, ...flags });
    } else {
      const proposal = { item, status: 'new' as const, id: uniqueId(slugifyChinese(item.name), usedIds), nameZh: item.name, ...flags };
      proposals.push(proposal);
    }
  }
  return { ...options, notice, proposals, needsListRecord: !Object.hasOwn(data.records, options.list) };
}

/** The research rows the build reads for the names to write (every proposal but those already on the list). */
export function rowsOf(plan: ImportPlan, today: string): Array<Record<string, unknown>> {
  return plan.proposals
    .filter((p) => p.status !== 'listed')
    .map((p) => {
      const notes = [`Imported from the notice "${plan.notice.heading}"${p.item.number ? `, item ${p.item.number}` : ''}, on ${today} (npm run data -- import-notice).`];
      if (p.nameZh !== p.item.name) notes.push(`The notice writes it ${p.item.name}.`);
      if (p.item.registeredLookalike) notes.push(`The notice says the lawfully registered body is ${p.item.registeredLookalike}.`);
      if (p.lawful) notes.push(`${p.lawful} is a registered lawful body (partial registry copy): kept as never warning.`);
      return {
        name_zh: p.nameZh,
        name_en: null,
        list: plan.list,
        published: plan.published,
        source: plan.source,
        verified: true,
        script: han(normalize(p.nameZh)) === han(p.nameZh) ? 'zh-Hans' : 'zh-Hant',
        note: notes.join(' '),
        // A registered lawful body's own name must never warn (an offshore body with the same name).
        blocklist_safe: !p.lawful,
      };
    });
}

/** A list's record from the notice: who issued it (the ministry, unless told), its titles, its date. */
export function listRecordOf(plan: ImportPlan, titles: { en: string; zhTW: (zhCN: string) => string }, issuer?: ListRecord['issuer']): ListRecord {
  const zhCN = (plan.notice.listTitle ?? plan.notice.heading).replace(/[。：:]$/, '');
  return {
    issuer: issuer ?? { zh_CN: '民政部', zh_TW: '民政部', en: 'Ministry of Civil Affairs' },
    title: { zh_CN: zhCN, zh_TW: titles.zhTW(zhCN), en: titles.en },
    published: plan.published,
    newsOnly: false,
  };
}

/**
 * Writes the rows to `dataDir`/notices/<list>.json (adding to what an earlier import of the same
 * list wrote, never twice the same name) and the list's record to `dataDir`/lists.json when given.
 * Returns the files written.
 */
export function writeImport(plan: ImportPlan, rows: Array<Record<string, unknown>>, dataDir: string, record?: ListRecord): string[] {
  const written: string[] = [];
  const noticesDir = path.join(dataDir, 'notices');
  const file = path.join(noticesDir, `${plan.list}.json`);
  const before = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Array<Record<string, unknown>>) : [];
  const have = new Set(before.map((r) => `${String(r.name_zh)}\n${String(r.list)}`));
  const added = rows.filter((r) => !have.has(`${String(r.name_zh)}\n${String(r.list)}`));
  if (added.length > 0) {
    mkdirSync(noticesDir, { recursive: true });
    writeFileSync(file, `${JSON.stringify([...before, ...added], null, 1)}\n`, 'utf8');
    written.push(file);
  }
  if (record) {
    const listsPath = path.join(dataDir, 'lists.json');
    const records = JSON.parse(readFileSync(listsPath, 'utf8')) as Record<string, ListRecord>;
    if (!Object.hasOwn(records, plan.list)) {
      records[plan.list] = record;
      writeFileSync(listsPath, `${JSON.stringify(records, null, 2)}\n`, 'utf8');
      written.push(listsPath);
    }
  }
  return written;
}

/** The plan as the maintainer reads it before confirming. */
export function describePlan(plan: ImportPlan): string {
  const lines = [`Notice: ${plan.notice.heading}`, `List ${plan.list}, published ${plan.published}, source ${plan.source}`];
  if (plan.notice.listTitle) lines.push(`Its list: ${plan.notice.listTitle}`);
  lines.push(`${plan.proposals.length} names read${plan.notice.statedCount !== null ? ` (the notice says ${plan.notice.statedCount})` : ''}:`);
  for (const p of plan.proposals) {
    const what =
      p.status === 'new' ? `NEW entry ${p.id}` : p.status === 'new-listing' ? `listed as ${p.id}: adds this list to it` : `already on this list (${p.id})`;
    const flags = [
      p.nameZh !== p.item.name ? `listed as ${p.nameZh}` : '',
      p.lawful ? `LAWFUL: ${p.lawful} is a registered body; it will be kept as never warning, check the notice` : '',
      p.insideLawful ? `INSIDE LAWFUL: it would warn inside the registered ${p.insideLawful}; the build will refuse it until reviewed` : '',
      p.item.registeredLookalike ? `the notice names the lawful body ${p.item.registeredLookalike}` : '',
    ].filter(Boolean);
    lines.push(`  ${p.item.number ?? '-'}. ${p.item.name}  →  ${what}${flags.length ? `  [${flags.join('; ')}]` : ''}`);
  }
  for (const w of plan.notice.warnings) lines.push(`Warning: ${w}`);
  return lines.join('\n');
}
