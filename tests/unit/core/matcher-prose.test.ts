/**
 * The page matcher on Chinese prose (issue 12): the labelled set in tests/fixtures/zh-prose/sentences.json,
 * run through the same steps as a content script (the background's compiled list, its fold table, the
 * deserialized matcher, normalizeWithOffsets, scan). Prints precision and recall; BENCHMARKS.md quotes them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileList, useCompiledFold } from '../../../src/core/compiled-list';
import { validateEntries, type BlocklistEntry } from '../../../src/core/list-schema';
import { NameMatcher } from '../../../src/core/matcher';
import { normalize, normalizeWithOffsets } from '../../../src/core/normalize';

interface LabelledSentence {
  text: string;
  warn: string[];
  source: string;
  near?: string[];
}

const ROOT = path.resolve(__dirname, '../../..');
const SET_PATH = path.join(ROOT, 'tests/fixtures/zh-prose/sentences.json');
/**
 * The project's copy of the partial national registry (data/; lawful-registry.test.ts checks it
 * holds exactly the names of ../shared/data's file), so this runs in any clone.
 */
const LAWFUL_PATH = path.join(ROOT, 'data/lawful-national-partial.json');

const validation = validateEntries(JSON.parse(readFileSync(path.join(ROOT, 'data/organizations.json'), 'utf8')));
if (!validation.ok) throw new Error(validation.errors.join('\n'));
const entries: BlocklistEntry[] = validation.value;
const sentences = (JSON.parse(readFileSync(SET_PATH, 'utf8')) as { sentences: LabelledSentence[] }).sentences;

/** What a content script does with the compiled list the background stores. */
function pageMatcher(list: readonly BlocklistEntry[]): (raw: string) => string[] {
  const compiled = JSON.parse(JSON.stringify(compileList(list, 'zh-prose'))) as ReturnType<typeof compileList>;
  useCompiledFold(compiled);
  const matcher = NameMatcher.deserialize(compiled.matcher);
  return (raw) => [...new Set(matcher.scan(normalizeWithOffsets(raw).text).map((h) => compiled.entryIds[h.entry]!))].sort();
}

const idsOn = pageMatcher(entries);

const SCOPE_WORDS = ['中国', '全国', '国际', '世界', '中华', '亚洲', '全球'];
/** Every run of 3 Han characters of a listed name (normalized): "part of a listed name". */
const NAME_PARTS = new Set(
  entries.flatMap((e) => [e.names.zh, ...e.aliases].map(normalize)).flatMap((n) => {
    const parts: string[] = [];
    for (let i = 0; i + 3 <= n.length; i++) {
      const part = n.slice(i, i + 3);
      if (/^\p{Script=Han}{3}$/u.test(part)) parts.push(part);
    }
    return parts;
  }),
);
const isReal = (s: LabelledSentence) => s.source.startsWith('zh-news/') || s.source === 'lawful-national-partial';

describe('the labelled Chinese prose set', () => {
  it('has at least 300 sentences, at least half of them real text that tests something', () => {
    expect(sentences.length).toBeGreaterThanOrEqual(300);
    const real = sentences.filter(isReal);
    expect(real.length * 2).toBeGreaterThanOrEqual(sentences.length);
    const untested = real.filter((s) => {
      const text = normalize(s.text);
      if (SCOPE_WORDS.some((w) => text.includes(w))) return false;
      for (let i = 0; i + 3 <= text.length; i++) if (NAME_PARTS.has(text.slice(i, i + 3))) return false;
      return true;
    });
    expect(untested.map((s) => s.text)).toEqual([]);
  });

  it('labels only known ids, and gives each warning exact entry 3 must-warn and 2 must-not sentences', () => {
    const known = new Set(entries.map((e) => e.id));
    expect(sentences.flatMap((s) => [...s.warn, ...(s.near ?? [])]).filter((id) => !known.has(id))).toEqual([]);
    const short = entries
      .filter((e) => e.warn && e.exact)
      .map((e) => ({
        id: e.id,
        warn: sentences.filter((s) => s.warn.includes(e.id)).length,
        not: sentences.filter((s) => s.warn.length === 0 && s.near?.includes(e.id)).length,
      }))
      .filter((c) => c.warn < 3 || c.not < 2);
    expect(short).toEqual([]);
  });
});

/** Precision and recall over (sentence, organization) pairs, and the sentences each way wrong. */
function score(found: (text: string) => string[]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const missed: string[] = [];
  const falseAlarms: string[] = [];
  for (const s of sentences) {
    const ids = found(s.text);
    tp += ids.filter((id) => s.warn.includes(id)).length;
    fp += ids.filter((id) => !s.warn.includes(id)).length;
    fn += s.warn.filter((id) => !ids.includes(id)).length;
    if (s.warn.some((id) => !ids.includes(id))) missed.push(`${s.text} (${s.warn.join(', ')}; found ${ids.join(', ') || 'none'})`);
    if (ids.some((id) => !s.warn.includes(id))) falseAlarms.push(`${s.text} (${ids.join(', ')})`);
  }
  const pct = (a: number, b: number) => `${((b === 0 ? 1 : a / b) * 100).toFixed(1)}% (${a}/${b})`;
  const summary = `precision ${pct(tp, tp + fp)}, recall ${pct(tp, tp + fn)}; must-warn sentences missed ${missed.length}, sentences with a false warning ${falseAlarms.length}`;
  return { tp, fp, fn, missed, falseAlarms, summary };
}

/**
 * The alternative weighed in matcher.ts's header: every name found as a plain substring, then a
 * guarded name's hit kept only when Intl.Segmenter puts word boundaries at both its ends (in a
 * window of 12 characters each side, as a content script would segment at candidate hits only).
 */
function segmenterMatcher(): (raw: string) => string[] {
  const guarded = new Set(entries.filter((e) => e.exact).map((e) => e.id));
  const compiled = compileList(entries.map((e) => ({ ...e, exact: false })), 'zh-prose-plain');
  useCompiledFold(compiled);
  const matcher = NameMatcher.deserialize(compiled.matcher);
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  return (raw) => {
    const text = normalizeWithOffsets(raw).text;
    const ids = matcher.scan(text).flatMap((h) => {
      const id = compiled.entryIds[h.entry]!;
      if (!guarded.has(id)) return [id];
      const from = Math.max(0, h.start - 12);
      const bounds = new Set([...segmenter.segment(text.slice(from, Math.min(text.length, h.end + 12)))].map((s) => s.index + from));
      bounds.add(Math.min(text.length, h.end + 12));
      return bounds.has(h.start) && bounds.has(h.end) ? [id] : [];
    });
    return [...new Set(ids)].sort();
  };
}

describe('the page matcher on the labelled set', () => {
  const chosen = score(idsOn);
  const mustWarn = sentences.filter((s) => s.warn.length > 0).length;
  console.log(`zh-prose set: ${sentences.length} sentences (${mustWarn} must warn, ${sentences.length - mustWarn} must not)`);
  console.log(`  page matcher (name heads before, continuations after): ${chosen.summary}`);
  console.log(`  alternative, Intl.Segmenter boundaries at candidate hits (Node ${process.versions.icu} ICU): ${score(segmenterMatcher()).summary}`);
  console.log(`  no guard at all (every name as a plain substring): ${score(pageMatcher(entries.map((e) => ({ ...e, exact: false })))).summary}`);

  it('warns on every must-warn sentence, with exactly its organizations', () => {
    expect(chosen.missed).toEqual([]);
  });

  it('warns on no must-not sentence', () => {
    expect(chosen.falseAlarms).toEqual([]);
  });
});

describe('lawful national bodies', () => {
  it('never warns inside a lawfully registered national body’s name (lawful-national-partial.json)', () => {
    const lawful = (JSON.parse(readFileSync(LAWFUL_PATH, 'utf8')) as { bodies: Array<{ name: string }> }).bodies.map((b) => b.name);
    expect(lawful.length).toBeGreaterThan(400);
    const warned = lawful.flatMap((name) =>
      [name, `由${name}主办`, `加入${name}`, `${name}会员`, `「${name}」`].flatMap((text) => {
        const ids = idsOn(text);
        return ids.length ? [`${text}: ${ids.join(', ')}`] : [];
      }),
    );
    expect(warned).toEqual([]);
  });
});
