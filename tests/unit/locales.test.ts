/**
 * public/_locales: every locale has every message, none empty; every $PLACEHOLDER$ a message uses
 * is defined; zh_HK is zh_TW's text (Chrome falls back from zh_HK to the default locale, English,
 * not to zh_TW, so zh_HK is a real copy); and every key the code and the manifest use exists.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LISTING_KINDS } from '../../src/core/list-schema';
import { FEED_ERROR_CODES } from '../../src/core/feed/validate';
import { REGISTERING_DEPARTMENTS } from '../../src/core/credit-code';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const LOCALES_DIR = join(ROOT, 'public/_locales');
const LOCALES = ['en', 'zh_CN', 'zh_TW', 'zh_HK'] as const;

interface Message {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
type Messages = Record<string, Message>;

const read = (locale: string): Messages =>
  JSON.parse(readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Messages;
const messages = Object.fromEntries(LOCALES.map((l) => [l, read(l)])) as Record<(typeof LOCALES)[number], Messages>;
const allKeys = [...new Set(LOCALES.flatMap((l) => Object.keys(messages[l])))].sort();

/** The $NAME$ placeholders a message uses, lowercased ("$$" is a literal dollar sign). */
function placeholdersUsed(text: string): string[] {
  return [...new Set([...text.replace(/\$\$/g, '').matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()))].sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(join(dir, d.name)) : /\.(tsx?|html|css)$/.test(d.name) ? [join(dir, d.name)] : [],
  );
}

describe('public/_locales', () => {
  it('has exactly the supported locales', () => {
    const dirs = readdirSync(LOCALES_DIR).sort();
    expect(dirs).toEqual([...LOCALES].sort());
  });

  it.each(LOCALES)('%s has every key, each with a non-empty message', (locale) => {
    const missing = allKeys.filter((k) => !(k in messages[locale]));
    const empty = Object.entries(messages[locale]).filter(([, m]) => typeof m?.message !== 'string' || !m.message.trim());
    expect(missing, `missing in ${locale}`).toEqual([]);
    expect(empty.map(([k]) => k), `empty in ${locale}`).toEqual([]);
  });

  it.each(LOCALES)('%s defines every placeholder its messages use', (locale) => {
    const problems: string[] = [];
    for (const [key, m] of Object.entries(messages[locale])) {
      if (!/^[A-Za-z0-9_]+$/.test(key)) problems.push(`${key}: not a valid message name`);
      const defined = Object.fromEntries(Object.entries(m.placeholders ?? {}).map(([n, p]) => [n.toLowerCase(), p]));
      for (const name of placeholdersUsed(m.message)) {
        if (!defined[name]) problems.push(`${key}: $${name.toUpperCase()}$ has no placeholder definition`);
        else if (!defined[name].content?.trim()) problems.push(`${key}: placeholder ${name} has no content`);
      }
      // A translation that drops or invents a placeholder shows the wrong thing.
      const en = messages.en[key];
      if (en && locale !== 'en' && placeholdersUsed(m.message).join() !== placeholdersUsed(en.message).join()) {
        problems.push(`${key}: uses ${placeholdersUsed(m.message).join() || 'no placeholder'}, en uses ${placeholdersUsed(en.message).join() || 'none'}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('zh_HK is the same as zh_TW (copy zh_TW/messages.json over zh_HK/messages.json)', () => {
    expect(messages.zh_HK).toEqual(messages.zh_TW);
  });
});

describe('message keys used by the code and the manifest', () => {
  const files = [join(ROOT, 'manifest.json'), ...sourceFiles(join(ROOT, 'src'))];
  /** Key → the first file that uses it. */
  const used = new Map<string, string>();
  const use = (key: string, where: string) => void (used.has(key) || used.set(key, where));
  const templated: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const where = relative(ROOT, file);
    for (const m of text.matchAll(/__MSG_([A-Za-z0-9_@]+)__/g)) use(m[1]!, where);
    for (const m of text.matchAll(/\b(?:t|getMessage)\(\s*(['"])([^'"]+)\1/g)) use(m[2]!, where);
    // A key built at run time can't be checked here: each kind needs its own case below.
    for (const m of text.matchAll(/\b(?:t|getMessage)\(\s*`([^`]*)`/g)) templated.push(`${where}: ${m[1]}`);
  }

  it('finds the keys (the pattern still matches the code)', () => {
    expect(used.size).toBeGreaterThan(20);
    expect(used.get('extName')).toBe('manifest.json');
  });

  it('every key used exists in the default locale (en)', () => {
    const missing = [...used].filter(([k]) => !messages.en[k]).map(([k, where]) => `${k} (${where})`);
    expect(missing).toEqual([]);
  });

  it('every listing kind, sync error and credit-code kind has its message', () => {
    const keys = [
      ...Object.entries(REGISTERING_DEPARTMENTS).flatMap(([d, { kinds }]) => Object.keys(kinds).map((k) => `codeKind_${d}${k}`)),
      ...LISTING_KINDS.map((k) => `kind_${k.replace(/-/g, '_')}`),
      ...FEED_ERROR_CODES.map((c) => `syncError_${c.replace(/-/g, '_')}`),
    ];
    expect(keys.filter((k) => !messages.en[k])).toEqual([]);
  });

  it('builds no other key at run time', () => {
    expect(templated.filter((t) => !/(?:kind|codeKind)_\$\{/.test(t))).toEqual([]);
  });
});
