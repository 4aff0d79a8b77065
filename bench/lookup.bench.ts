/**
 * Node benchmark of the popup's manual lookup (src/core/lookup.ts) with a 50,000-entry synthetic
 * list (each entry a Chinese and an English name, so 100,000 names) plus the real bundled list.
 * Queries are "typed": every prefix of each query is one keystroke, timed through the whole
 * search (normalization, candidates, fuse.js, ranking). Target: p95 ≤ 16 ms per keystroke.
 * Run: npm run bench (or npx tsx bench/lookup.bench.ts).
 */
import bundled from '../data/organizations.json' with { type: 'json' };
import type { BlocklistEntry } from '../src/core/list-schema';
import { OrganizationLookup } from '../src/core/lookup';
import { rng, syntheticNames } from './synthetic';

const N = 50_000;

function syntheticEntries(n: number): BlocklistEntry[] {
  const names = syntheticNames(2 * n, 11);
  const out: BlocklistEntry[] = [];
  for (let i = 0; i < n; i++) {
    out.push({
      id: `synthetic-${i}`,
      names: { zh: names[2 * i]!.name, en: names[2 * i + 1]!.name },
      aliases: [],
      listings: [{ list: 'synthetic', kind: 'suspected-illegal', published: '2024-01-01', sources: [] }],
      warn: true,
      exact: false,
    });
  }
  return out;
}

const entries = [...syntheticEntries(N), ...(bundled as BlocklistEntry[])];

function heapUsed(): number {
  global.gc?.();
  return process.memoryUsage().heapUsed;
}

const heapBefore = heapUsed();
let start = performance.now();
const lookup = new OrganizationLookup(entries);
const buildMs = performance.now() - start;
const heapMB = (heapUsed() - heapBefore) / 1e6;

const r = rng(5);
const pickName = (lang: 'zh' | 'en') => entries[Math.floor(r() * N)]!.names[lang]!;
const withTypo = (s: string) => {
  const at = 1 + Math.floor(r() * (s.length - 2));
  return s.slice(0, at) + (/[a-z]/i.test(s[at]!) ? 'x' : '肓') + s.slice(at + 1);
};

const queries = [
  '中国机器人教肓联盟', // one wrong character, real entry
  '中國正面管教協會', // traditional script
  '全国音乐家协会',
  'China Robot Educaton Alliance', // English with a typo
  'national reading club',
  '机器人教育',
  pickName('zh'),
  pickName('zh').slice(2, 7),
  withTypo(pickName('zh')),
  pickName('en'),
  withTypo(pickName('en')),
  pickName('en').split(' ').slice(1, 3).join(' '),
  '某某不存在的社会组织名称',
  'zzz nothing like this',
];

/** Every prefix of every query, as typed. */
const keystrokes = queries.flatMap((q) => Array.from({ length: [...q].length }, (_, i) => [...q].slice(0, i + 1).join('')));

// Warm-up: JIT and the normalization table.
for (const k of keystrokes) lookup.search(k);

const times: number[] = [];
const perQuery = new Map<string, number[]>();
for (let round = 0; round < 5; round++) {
  for (const k of keystrokes) {
    start = performance.now();
    lookup.search(k);
    const ms = performance.now() - start;
    times.push(ms);
  }
}
for (const q of queries) {
  const ms: number[] = [];
  const chars = [...q];
  for (let i = 1; i <= chars.length; i++) {
    const k = chars.slice(0, i).join('');
    start = performance.now();
    lookup.search(k);
    ms.push(performance.now() - start);
  }
  perQuery.set(q, ms);
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const f = (x: number) => x.toFixed(2);

console.log(`Lookup: ${entries.length} entries, ${lookup.nameCount} names (50k synthetic + ${bundled.length} real). Node ${process.version}.`);
console.log(`Index build: ${buildMs.toFixed(0)} ms${global.gc ? `, heap +${heapMB.toFixed(1)} MB` : ''} (once per list version).`);
console.log('');
console.log('| query (typed one character at a time) | keystrokes | p50 ms | max ms | top result of the full query |');
console.log('| --- | ---: | ---: | ---: | --- |');
for (const [q, ms] of perQuery) {
  const top = lookup.search(q)[0];
  console.log(`| ${q} | ${ms.length} | ${f(pct(ms, 50))} | ${f(Math.max(...ms))} | ${top ? `${top.matchedName} (rank ${top.rank})` : '—'} |`);
}
console.log('');
const p95 = pct(times, 95);
console.log(
  `Per keystroke over ${times.length} timed keystrokes: p50 ${f(pct(times, 50))} ms, p95 ${f(p95)} ms, max ${f(Math.max(...times))} ms. ` +
    `Target p95 ≤ 16 ms: ${p95 <= 16 ? 'met' : 'MISSED'}.`,
);
