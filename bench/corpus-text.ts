/** Corpus text for the benchmarks, read in place from ../shared/corpus (never copied into the project). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HAN, WORDS, rng } from './synthetic';

export const SHARED_CORPUS = join(import.meta.dirname, '..', '..', 'shared', 'corpus');

/** The two corpora every bench reports side by side: mostly English pages, and Chinese news. */
export const CORPORA = [
  { id: 'readability', label: 'readability (mostly English)', dir: join(SHARED_CORPUS, 'readability') },
  { id: 'zh-news', label: 'zh-news (Chinese)', dir: join(SHARED_CORPUS, 'zh-news') },
] as const;

/** Visible-ish text of an HTML page: scripts, styles and tags removed, entities left as they are. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]+>/g, ' ');
}

/** At least `minChars` characters of text: the shared corpus when present, else synthetic. */
export function benchText(corpusDir: string | undefined, minChars: number): { text: string; source: string } {
  const parts: string[] = [];
  let total = 0;
  if (corpusDir) {
    const files = readdirSync(corpusDir).filter((f) => f.endsWith('.html')).sort();
    while (total < minChars) {
      for (const f of files) {
        const t = htmlToText(readFileSync(join(corpusDir, f), 'utf8'));
        parts.push(t);
        total += t.length;
      }
    }
    return { text: parts.join('\n'), source: `${files.length} corpus pages (text only, repeated to ≥ ${minChars} chars)` };
  }
  const r = rng(7);
  while (total < minChars) {
    const t = Array.from({ length: 200 }, () => (r() < 0.5 ? HAN[Math.floor(r() * HAN.length)] : WORDS[Math.floor(r() * WORDS.length)] + ' ')).join('');
    parts.push(t);
    total += t.length;
  }
  return { text: parts.join('\n'), source: 'synthetic text (no corpus found)' };
}
