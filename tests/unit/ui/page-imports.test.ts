/**
 * Each page and runtime folder stands alone (issue 13 item 2): what two of them share lives in
 * src/ui/ (or shared/, core/), so an edit to the popup cannot quietly change the options page.
 * Read from the import statements of every source, stylesheet and page in src/.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../../src');
/** One folder per page or runtime; none may import another. */
const PAGE_FOLDERS = ['background', 'confirm', 'content', 'options', 'popup', 'report'];
/** What the pages share; it imports no page either (else a page would reach another through it). */
const SHARED_FOLDERS = ['core', 'shared', 'ui'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx|css|html)$/.test(name) ? [path] : [];
  });
}

// Comments may name other folders; only statements count.
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/<!--[\s\S]*?-->/g, '').replace(/(^|[^:'"])\/\/.*$/gm, '$1');

/** The specifiers a file imports: import/export … from, bare and dynamic import, CSS @import, HTML src/href. */
function specifiers(text: string): string[] {
  const patterns = [
    /\b(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /@import\s+(?:url\()?\s*['"]([^'"]+)['"]/g,
    /\b(?:src|href)\s*=\s*['"]([^'"]+)['"]/g,
  ];
  return patterns.flatMap((pattern) => [...code(text).matchAll(pattern)].map((m) => m[1]!));
}

/** The top folder under src/ that `specifier`, imported from `file`, points into (undefined for packages and outside src/). */
function topFolderOf(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.') && !specifier.startsWith('/src/')) return undefined;
  const target = specifier.startsWith('/src/') ? join(SRC, specifier.slice('/src/'.length)) : resolve(dirname(file), specifier);
  const path = relative(SRC, target);
  if (path.startsWith('..')) return undefined;
  return path.split(sep)[0];
}

const imports = files(SRC).flatMap((file) => {
  const from = relative(SRC, file).split(sep)[0]!;
  return specifiers(readFileSync(file, 'utf8')).map((specifier) => ({
    file: relative(SRC, file),
    from,
    specifier,
    to: topFolderOf(file, specifier),
  }));
});

describe('page folders', () => {
  it('are read: the scan sees the imports that are there', () => {
    // Guards the scan itself: were the patterns wrong, the checks below would pass on nothing.
    const seen = (file: string, specifier: string) => imports.some((i) => i.file === file && i.specifier === specifier);
    expect(seen(join('popup', 'Popup.tsx'), './SyncPanel')).toBe(true);
    expect(seen(join('popup', 'index.html'), './main.tsx')).toBe(true);
    expect(seen(join('popup', 'SyncPanel.tsx'), './sync-panel.css')).toBe(true);
    expect(imports.filter((i) => i.from === 'options' && i.to === 'ui').length).toBeGreaterThan(0);
  });

  it('import nothing from each other', () => {
    const crossing = imports.filter((i) => PAGE_FOLDERS.includes(i.from) && i.to && PAGE_FOLDERS.includes(i.to) && i.to !== i.from);
    expect(crossing.map((i) => `${i.file} imports ${i.specifier}`)).toEqual([]);
  });

  it('are imported by nothing the pages share', () => {
    const upward = imports.filter((i) => SHARED_FOLDERS.includes(i.from) && i.to && PAGE_FOLDERS.includes(i.to));
    expect(upward.map((i) => `${i.file} imports ${i.specifier}`)).toEqual([]);
  });
});
