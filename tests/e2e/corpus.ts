/** The shared corpus of real saved pages (../shared/corpus/readability), used in place. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/lib/extension-browser.mjs';

export const CORPUS_DIR = join(ROOT, '..', 'shared', 'corpus', 'readability');
export const HAS_CORPUS = existsSync(CORPUS_DIR);
export const CORPUS_PAGES = HAS_CORPUS ? readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.html')).sort() : [];

/** The page with its scripts removed: we test what the saved HTML shows, not what its scripts do. */
export function stripScripts(html: string): string {
  return html.replace(/<script\b[\s\S]*?<\/script\s*>/gi, '');
}
