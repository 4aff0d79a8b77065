#!/usr/bin/env node
/**
 * Builds data/organizations.json (the bundled blocklist) from the research in ../shared/data:
 * orgs-research.json, orgs-research-more.json, orgs-research-3.json and orgs-research-4.json (never
 * orgs-leads-unverified.json: those strings are not verbatim). Run with `npm run data` or `node scripts/build-organizations.mjs`.
 *
 * - One entry per distinct name_zh; one listing per research row (a name on two lists is one
 *   entry with two listings).
 * - Corrections a later research pass made to earlier rows (a batch number, a second spelling, a
 *   cleaner source) are applied from data/organizations-review.json, never by editing the research
 *   files: `listCorrections` renames a list (and replaces the note written once for it) on every
 *   row that carries it; a per-name record may add aliases, `sources` (per list), `domains` and a
 *   `note` (which replaces the research rows' notes when `replaceNote` is true: a note written once
 *   for a list can go stale for one name, e.g. "see leads.json" once that lead was promoted).
 * - Domains (the organization's own sites) come only from the review file, each with the date it
 *   was seen in use (`seen`, the date of the notice or page that published it) and where: the
 *   alert on such a site says "was used by" once that date is 12 months old (core/own-site.ts).
 * - Hand review (exact, registeredLookalike, extra aliases) comes from a per-name table in
 *   data/organizations-review.json, never from patterns over the notes: some notes were written
 *   once per list and repeat on every row of it, so a caution there is about one name only.
 * - ids are stable: when data/organizations.json exists, the id of the entry with the same
 *   names.zh is kept. New ids: slug of the ministry's English name for the 12 entries of the
 *   2021-05-31 notice (seed_index), otherwise tone-less pinyin of the Chinese name, one hyphen
 *   per word (words from Intl.Segmenter, so a new id may depend on the Node/ICU version; once
 *   written it never changes). `-2`, `-3`… on collision.
 * - Fails loudly (exit 1) on anything unexpected: a list name no kind rule covers, a review
 *   record that names no organization, a lawful name that a warning name would match, …
 * - Output is sorted by id, 2-space JSON with a trailing newline: two runs give the same bytes.
 * - Also writes data/lawful-national-partial.json from the research's lawful-national-partial.json
 *   (475 lawfully registered national bodies, a partial and dated copy): the popup's lookup says
 *   when a query is one of them, and no warning name may occur inside any of them.
 *
 * - Checks data/lists.json, the records of the lists (who issued each, its title in zh_CN, zh_TW
 *   and en, its date, whether only news reports back it): the UI shows these instead of the list
 *   ids, so every list an entry names must have one, and no record may name a list no entry has.
 *
 * - Also reads data/notices/*.json: rows in the research format that `npm run data -- import-notice`
 *   wrote from a ministry notice the maintainer confirmed (docs/publishing-the-list.md), after the
 *   research files, in file-name order.
 *
 * `npm run data -- import-notice FILE --list ID --published DATE --source URL [--yes] [--dry-run]`
 * reads a notice instead (scripts/import-notice.ts): it proposes entries and writes them only
 * once the maintainer confirms.
 *
 * Env: ORGS_RESEARCH_DIR overrides the research folder (default ../shared/data).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { slugifyChinese, slugifyEnglish, uniqueId } from './lib/org-ids.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESEARCH_DIR = process.env.ORGS_RESEARCH_DIR
  ? path.resolve(process.env.ORGS_RESEARCH_DIR)
  : path.resolve(ROOT, '../shared/data');
const RESEARCH_FILES = ['orgs-research.json', 'orgs-research-more.json', 'orgs-research-3.json', 'orgs-research-4.json'];
const REFERENCE_NOTICE = path.resolve(RESEARCH_DIR, '../reference/mca-notice-2021-05-31.en.txt');
const OUT_PATH = path.join(ROOT, 'data/organizations.json');
/** Rows imported from ministry notices (scripts/import-notice.ts writes them). */
const NOTICES_DIR = path.join(ROOT, 'data/notices');
const LAWFUL_FILE = 'lawful-national-partial.json';
const LAWFUL_OUT_PATH = path.join(ROOT, 'data', LAWFUL_FILE);
/** When the copies were made: the CAST member societies 2018-01, the foundations 2017-12. */
const LAWFUL_PERIOD = '2017–2018';
const REVIEW_PATH = path.join(ROOT, 'data/organizations-review.json');
/** The records of the lists (issuer, titles, date, news-only), written by hand: see checkListRecords. */
const LISTS_PATH = path.join(ROOT, 'data/lists.json');
const RECORD_LANGUAGES = ['zh_CN', 'zh_TW', 'en'];

if (process.argv[2] === 'import-notice') {
  // The import reads the list's normalization and rules from src/core (TypeScript), as the feed
  // tools do: through vite's module runner.
  const { runnerImport } = await import('vite');
  const { module } = await runnerImport(path.join(ROOT, 'scripts/import-notice.ts'), { configFile: false, logLevel: 'silent', root: ROOT });
  process.exit(await module.main(process.argv.slice(3)));
}

const KINDS = ['banned', 'website-shutdown', 'suspected-illegal', 'counterfeit', 'dispersed'];

/**
 * list name → kind. First matching rule wins; a list name that no rule covers stops the build,
 * so new research data cannot slip in unmapped. Exact names first: the odd ones, decided by
 * reading their notes and sources (the `why` says so).
 */
const KIND_RULES = [
  {
    list: 'suspected-illegal-2018-batches1-3 (noted as already banned/取缔)',
    kind: 'banned',
    why: 'on the 2018 suspected list, but the article says these had already been banned (已被取缔)',
  },
  {
    list: 'zhejiang-2024-batch4',
    kind: 'banned',
    why: '浙江省民政厅 "2024年第四批非法社会组织名单": each name comes with the local bureau that dealt with it (执法主体, 依法处置); the list calls them illegal, it is not a suspected list',
  },
  {
    list: 'mca-2019-examples',
    kind: 'suspected-illegal',
    why: "the source says 'they are all 涉嫌非法社会组织'; no ban is reported",
  },
  {
    list: 'beijing-banned-or-dispersed-2021',
    kind: 'dispersed',
    why: '取缔 and 劝散 are not distinguished per name: dispersed (劝散), the weaker claim, is the one the source supports for each',
  },
  {
    list: 'mca-lists-2021-arts-compilation (中国艺术报)',
    kind: 'suspected-illegal',
    why: 'compiled from 5 suspected batches and 7 local-ban batches of 2021, batch not stated: suspected-illegal is true of either',
  },
  {
    list: 'mca-exposed-or-banned-examples-2018',
    kind: 'banned',
    why: "新民晚报: these illegal organisations were 'exposed and banned' (被曝光和被取缔)",
  },
  {
    list: 'mca-dongwang-network-2022-01',
    kind: 'dispersed',
    why: '新华社 2022-01-10: of 136 bodies of the 东望 network, 88 banned (取缔) and 48 ordered to dissolve (责令解散), not said per name: the weaker claim',
  },
  {
    list: 'shandong-dealt-2023-h1',
    kind: 'dispersed',
    why: '大众日报 2023-07-09: 58 illegal social organisations dealt with (打掉), not said which were banned and which dispersed: the weaker claim',
  },
  {
    list: 'shandong-dealt-2019-h1',
    kind: 'suspected-illegal',
    why: "南方周末 2019-08-29: dealt with as a suspected illegal social organisation ('遭遇涉嫌非法社会组织查处')",
  },
  {
    list: 'beijing-investigation-notice-2015-04-19',
    kind: 'suspected-illegal',
    why: '北京晨报 2015-04-20: an investigation notice (协查通告) on bodies suspected of acting without registration; not banned in this report',
  },
  // Patterns.
  { pattern: /^website-shutdown-/, kind: 'website-shutdown', why: '网站关停 batches' },
  { pattern: /^offshore-shanzhai-/, kind: 'counterfeit', why: '离岸社团/山寨社团 lists' },
  { pattern: /^shanzhai-examples\b/, kind: 'counterfeit', why: '山寨社团 examples' },
  { pattern: /-dispersed-/, kind: 'dispersed', why: '劝散 (dispersed by persuasion), not 取缔' },
  { pattern: /^suspected-illegal-|-suspected-/, kind: 'suspected-illegal', why: '涉嫌非法社会组织 lists' },
  { pattern: /-banned\b/, kind: 'banned', why: '取缔: {city,province,mca,local}-banned-*' },
  { pattern: /^mca-typical-cases-/, kind: 'banned', why: 'MCA typical cases of banned organisations' },
  { pattern: /^mca-enforcement-exposure-/, kind: 'banned', why: 'MCA exposure of organisations already banned' },
];

function fail(message) {
  console.error(`build-organizations: ${message}`);
  process.exit(1);
}

function kindOf(list) {
  for (const rule of KIND_RULES) {
    if (rule.list !== undefined ? rule.list === list : rule.pattern.test(list)) return rule.kind;
  }
  return fail(`no kind rule covers list "${list}": add one to KIND_RULES in scripts/build-organizations.mjs`);
}

function readJson(file, what) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return fail(`cannot read ${what} ${file}: ${error.message}`);
  }
}

const isNonEmpty = (s) => typeof s === 'string' && s.trim().length > 0;

function isIsoDate(s) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** http(s) addresses in a free-text `source`, in order, deduplicated. */
function extractUrls(text) {
  const urls = [];
  for (const raw of text.match(/https?:\/\/[^\s()（），,;；'"<>]+/g) ?? []) {
    const url = raw.replace(/[.,;:!?。]+$/, '');
    try {
      const parsed = new URL(url);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') continue;
    } catch {
      fail(`unparseable address "${url}" in source "${text}"`);
    }
    if (!urls.includes(url)) urls.push(url);
  }
  return urls;
}

// ---------------------------------------------------------------- research rows

const review = readJson(REVIEW_PATH, 'review file');

/** list name as in the research → { list, note?, why }: a later pass corrected it (see the header). */
const listCorrections = review.listCorrections?.lists ?? {};
for (const [list, correction] of Object.entries(listCorrections)) {
  if (!isNonEmpty(correction.list)) fail(`list correction "${list}": the corrected list name is missing`);
  if (!isNonEmpty(correction.why)) fail(`list correction "${list}": say why`);
  if (correction.note !== undefined && !isNonEmpty(correction.note)) fail(`list correction "${list}": note must be a non-empty string`);
}
const correctedLists = new Set();

const noticeFiles = existsSync(NOTICES_DIR)
  ? readdirSync(NOTICES_DIR).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(NOTICES_DIR, f))
  : [];

const rows = [];
for (const file of [...RESEARCH_FILES.map((f) => path.join(RESEARCH_DIR, f)), ...noticeFiles]) {
  const full = file;
  if (!existsSync(full)) fail(`research file missing: ${full}`);
  const data = readJson(full, 'research file');
  if (!Array.isArray(data)) fail(`${file}: expected an array of rows`);
  data.forEach((row, index) => {
    const where = `${path.basename(file)}[${index}]`;
    if (!isNonEmpty(row.name_zh)) fail(`${where}: name_zh missing`);
    if (row.name_zh !== row.name_zh.trim()) fail(`${where}: name_zh has surrounding whitespace`);
    if (!isNonEmpty(row.list)) fail(`${where}: list missing`);
    if (row.published !== null && !isIsoDate(row.published)) fail(`${where}: bad published "${row.published}"`);
    if (typeof row.source !== 'string') fail(`${where}: source missing`);
    if (row.blocklist_safe !== undefined && typeof row.blocklist_safe !== 'boolean') {
      fail(`${where}: blocklist_safe must be a boolean`);
    }
    if (row.seed_index !== undefined && !isNonEmpty(row.name_en)) fail(`${where}: seed row without name_en`);
    if (row.match_variants_derived !== undefined && !Array.isArray(row.match_variants_derived)) {
      fail(`${where}: match_variants_derived must be an array`);
    }
    const correction = listCorrections[row.list];
    if (correction) {
      correctedLists.add(row.list);
      rows.push({ ...row, list: correction.list, note: correction.note ?? row.note, where });
    } else {
      rows.push({ ...row, where });
    }
  });
}

for (const list of Object.keys(listCorrections)) {
  if (!correctedLists.has(list)) fail(`list correction "${list}": no research row carries that list`);
}

/** name_zh → its rows, in first-appearance order (research first, then the later passes). */
const byName = new Map();
for (const row of rows) {
  const list = byName.get(row.name_zh) ?? [];
  list.push(row);
  byName.set(row.name_zh, list);
}

// ---------------------------------------------------------------- hand review

const overrides = review.overrides ?? {};
const otherLawfulNames = review.otherLawfulNames?.names ?? [];
for (const [name, record] of Object.entries(overrides)) {
  if (!byName.has(name)) fail(`review record "${name}" names no organization in the research`);
  for (const key of Object.keys(record)) {
    if (!['exact', 'registeredLookalike', 'aliases', 'sources', 'domains', 'note', 'replaceNote', 'why'].includes(key)) {
      fail(`review record "${name}": unknown field "${key}"`);
    }
  }
  if (!isNonEmpty(record.why)) fail(`review record "${name}": say why`);
  if (record.exact !== undefined && typeof record.exact !== 'boolean') fail(`review "${name}": exact must be boolean`);
  if (record.registeredLookalike !== undefined && !isNonEmpty(record.registeredLookalike)) {
    fail(`review "${name}": registeredLookalike must be a non-empty string`);
  }
  if (record.aliases !== undefined && !(Array.isArray(record.aliases) && record.aliases.every(isNonEmpty))) {
    fail(`review "${name}": aliases must be non-empty strings`);
  }
  if (record.note !== undefined && !isNonEmpty(record.note)) fail(`review "${name}": note must be a non-empty string`);
  if (record.replaceNote !== undefined && (record.replaceNote !== true || !isNonEmpty(record.note))) {
    fail(`review "${name}": replaceNote must be true, and only beside a note`);
  }
  if (record.domains !== undefined) {
    if (!Array.isArray(record.domains) || record.domains.length === 0) fail(`review "${name}": domains must list the sites`);
    for (const d of record.domains) {
      // The schema (core/list-schema.ts, checked by tests/unit/data) refuses public suffixes and IPs.
      if (!isNonEmpty(d?.domain) || d.domain !== d.domain.toLowerCase() || !/^[a-z0-9.-]+\.[a-z0-9-]+$/.test(d.domain)) {
        fail(`review "${name}": domain "${d?.domain}" must be a bare lower-case domain, like example.org`);
      }
      if (!isIsoDate(d.seen)) fail(`review "${name}": domain ${d.domain} needs the date it was seen in use (seen: YYYY-MM-DD)`);
      if (!Array.isArray(d.sources) || d.sources.length === 0 || extractUrls(d.sources.join(' ')).length !== d.sources.length) {
        fail(`review "${name}": domain ${d.domain} needs the addresses where it was found (sources)`);
      }
      for (const key of Object.keys(d)) if (!['domain', 'seen', 'sources'].includes(key)) fail(`review "${name}": domain ${d.domain}: unknown field "${key}"`);
    }
  }
  if (record.sources !== undefined) {
    for (const [list, urls] of Object.entries(record.sources)) {
      if (!byName.get(name).some((r) => r.list === list)) fail(`review "${name}": sources for "${list}", a list it is not on`);
      if (!Array.isArray(urls) || urls.length === 0 || !urls.every(isNonEmpty)) fail(`review "${name}": sources.${list} must list addresses`);
    }
  }
}

// ---------------------------------------------------------------- stable ids

const previousIds = new Map();
if (existsSync(OUT_PATH)) {
  const previous = readJson(OUT_PATH, 'existing output (fix or delete it; ids are kept from it)');
  if (!Array.isArray(previous)) fail(`${OUT_PATH}: expected an array`);
  for (const entry of previous) {
    if (isNonEmpty(entry?.names?.zh) && isNonEmpty(entry?.id)) previousIds.set(entry.names.zh, entry.id);
  }
  for (const zh of previousIds.keys()) {
    if (!byName.has(zh)) console.warn(`build-organizations: dropping "${zh}" (${previousIds.get(zh)}): not in the research`);
  }
}
const usedIds = new Set([...byName.keys()].filter((zh) => previousIds.has(zh)).map((zh) => previousIds.get(zh)));
if (usedIds.size !== [...byName.keys()].filter((zh) => previousIds.has(zh)).length) {
  fail('existing data/organizations.json has duplicate ids');
}

function newId(base) {
  try {
    return uniqueId(base, usedIds);
  } catch (error) {
    return fail(error.message);
  }
}

// ---------------------------------------------------------------- entries

const referenceText = existsSync(REFERENCE_NOTICE) ? readFileSync(REFERENCE_NOTICE, 'utf8') : null;

const entries = [];
for (const [zh, orgRows] of byName) {
  const record = overrides[zh] ?? {};
  const seedRow = orgRows.find((r) => r.seed_index !== undefined);
  const en = seedRow ? seedRow.name_en.trim() : undefined;
  if (en && referenceText && !referenceText.includes(en)) {
    fail(`seed "${zh}": English "${en}" is not in ${REFERENCE_NOTICE}`);
  }
  const enDisplay = en ? undefined : orgRows.map((r) => r.name_en).find(isNonEmpty)?.trim();

  const aliases = [];
  for (const alias of [...orgRows.flatMap((r) => r.match_variants_derived ?? []), ...(record.aliases ?? [])]) {
    const a = alias.trim();
    if (a && a !== zh && a !== en && !aliases.includes(a)) aliases.push(a);
  }

  const listings = orgRows.map((r) => ({
    list: r.list.trim(),
    kind: kindOf(r.list.trim()),
    published: r.published,
    sources: [...new Set([...extractUrls(r.source), ...extractUrls((record.sources?.[r.list.trim()] ?? []).join(' '))])],
  }));

  const notes = [];
  if (!record.replaceNote) for (const r of orgRows) if (isNonEmpty(r.note) && !notes.includes(r.note.trim())) notes.push(r.note.trim());
  if (record.note) notes.push(record.note.trim());

  const id = previousIds.get(zh) ?? newId(en ? slugifyEnglish(en) : slugifyChinese(zh));

  const entry = { id, names: en ? { zh, en } : { zh } };
  if (enDisplay) entry.enDisplay = enDisplay;
  entry.aliases = aliases;
  entry.listings = listings;
  entry.warn = !orgRows.some((r) => r.blocklist_safe === false);
  entry.exact = record.exact ?? false;
  if (record.registeredLookalike) entry.registeredLookalike = record.registeredLookalike.trim();
  entry.domains = (record.domains ?? []).map((d) => ({ domain: d.domain, seen: d.seen, sources: [...d.sources] }));
  if (notes.length > 0) entry.note = notes.join(' / ');
  entries.push(entry);
}

// ---------------------------------------------------------------- consistency checks

for (const e of entries) {
  for (const l of e.listings) if (!KINDS.includes(l.kind)) fail(`${e.id}: unknown kind "${l.kind}"`);
}

/** Every matched string → the entry that owns it: no string may belong to two entries. */
const owner = new Map();
for (const e of entries) {
  for (const name of [e.names.zh, ...(e.names.en ? [e.names.en] : []), ...e.aliases]) {
    const other = owner.get(name);
    if (other && other !== e.id) fail(`"${name}" is matched by both ${other} and ${e.id}`);
    owner.set(name, e.id);
  }
}

// A lawful name must never warn: no warning name or alias may occur inside a registered
// look-alike, another lawful name the notes give, or a name that is itself marked warn:false.
const warningNames = entries.filter((e) => e.warn).flatMap((e) => [e.names.zh, ...(e.names.en ? [e.names.en] : []), ...e.aliases]);
// ---------------------------------------------------------------- lawful national bodies

const lawfulResearch = readJson(path.join(RESEARCH_DIR, LAWFUL_FILE), 'lawful bodies file');
if (!Array.isArray(lawfulResearch)) fail(`${LAWFUL_FILE}: expected an array`);
const lawfulBodies = [];
for (const [index, body] of lawfulResearch.entries()) {
  if (!isNonEmpty(body?.name) || body.name !== body.name.trim()) fail(`${LAWFUL_FILE}[${index}]: bad name`);
  if (!['high', 'medium'].includes(body.confidence)) fail(`${LAWFUL_FILE}[${index}]: confidence must be high or medium`);
  if (lawfulBodies.some((b) => b.name === body.name)) fail(`${LAWFUL_FILE}[${index}]: "${body.name}" twice`);
  lawfulBodies.push({ name: body.name, confidence: body.confidence });
}

const lawfulNames = [
  ...entries.flatMap((e) => (e.registeredLookalike ? [e.registeredLookalike] : [])),
  ...otherLawfulNames,
  ...lawfulBodies.map((b) => b.name),
  ...entries.filter((e) => !e.warn).map((e) => e.names.zh),
];
for (const lawful of lawfulNames) {
  if (owner.has(lawful) && entries.find((e) => e.id === owner.get(lawful))?.warn) {
    fail(`lawful name "${lawful}" is itself a warning name of ${owner.get(lawful)}`);
  }
  for (const name of warningNames) {
    if (lawful.includes(name)) fail(`lawful name "${lawful}" contains the warning name "${name}" (${owner.get(name)})`);
  }
}

// ---------------------------------------------------------------- list records

function checkListRecords() {
  const records = readJson(LISTS_PATH, 'list records');
  if (!records || typeof records !== 'object' || Array.isArray(records)) fail(`${LISTS_PATH}: expected an object of list id → record`);
  const used = new Set(entries.flatMap((e) => e.listings.map((l) => l.list)));
  for (const list of used) if (!Object.hasOwn(records, list)) fail(`list "${list}" has no record in data/lists.json: say who issued it and what it is called`);
  for (const [list, record] of Object.entries(records)) {
    if (!used.has(list)) fail(`data/lists.json: "${list}" is a list no organization is on`);
    for (const field of ['issuer', 'title']) {
      for (const lang of RECORD_LANGUAGES) if (!isNonEmpty(record?.[field]?.[lang])) fail(`data/lists.json "${list}": ${field}.${lang} missing`);
    }
    if (record.published !== null && !isIsoDate(record.published)) fail(`data/lists.json "${list}": bad published "${record.published}"`);
    if (typeof record.newsOnly !== 'boolean') fail(`data/lists.json "${list}": newsOnly must be true or false`);
  }
}
checkListRecords();

// ---------------------------------------------------------------- output

entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const json = `${JSON.stringify(entries, null, 2)}\n`;
const before = existsSync(OUT_PATH) ? readFileSync(OUT_PATH, 'utf8') : null;
if (before !== json) writeFileSync(OUT_PATH, json, 'utf8');

const lawfulJson = `${JSON.stringify(
  {
    about:
      `Lawfully registered national bodies, from a partial and dated copy (${LAWFUL_PERIOD}) of the national registry, written by scripts/build-organizations.mjs from ../shared/data/${LAWFUL_FILE}. ` +
      'It can show that a name was registered, never that a name is not: the registry holds about 2,300 bodies. confidence medium: renamed since, or from a weaker source.',
    period: LAWFUL_PERIOD,
    bodies: [...lawfulBodies].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
  },
  null,
  2,
)}\n`;
if (!existsSync(LAWFUL_OUT_PATH) || readFileSync(LAWFUL_OUT_PATH, 'utf8') !== lawfulJson) writeFileSync(LAWFUL_OUT_PATH, lawfulJson, 'utf8');

const count = (pred) => entries.filter(pred).length;
console.log(
  `build-organizations: ${entries.length} entries from ${rows.length} rows` +
    ` (warn:false ${count((e) => !e.warn)}, exact ${count((e) => e.exact)}, en ${count((e) => e.names.en)},` +
    ` lookalike ${count((e) => e.registeredLookalike)}, 2+ listings ${count((e) => e.listings.length > 1)};` +
    ` ${lawfulBodies.length} lawful national bodies)` +
    `${before === json ? ' — unchanged' : ` — wrote ${path.relative(ROOT, OUT_PATH)}`}`,
);
