// @ts-check
/**
 * How an organization's id is made from its names (scripts/build-organizations.mjs writes them,
 * `npm run data -- import-notice` proposes them): a slug of the ministry's English name where it
 * published one, otherwise tone-less pinyin of the Chinese name, one hyphen per word (words from
 * Intl.Segmenter, so a new id may depend on the Node/ICU version; once written it never changes).
 */
import { pinyin } from 'pinyin-pro';

/** @param {string} text */
export function slugifyEnglish(text) {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const wordSegmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Leading words the segmenter sometimes splits wrongly (中|国民|营…): taken off first. */
const LEADING_WORDS = ['中国', '中國', '中华', '中華', '全国', '全國', '国际', '國際', '世界'];

/**
 * Tone-less pinyin, one hyphen-joined chunk per word: 中国美术协会 → zhongguo-meishu-xiehui.
 * @param {string} text
 */
export function slugifyChinese(text) {
  const lead = LEADING_WORDS.find((w) => text.startsWith(w) && text.length > w.length);
  const rest = lead ? text.slice(lead.length) : text;
  const words = [
    ...(lead ? [lead] : []),
    ...[...wordSegmenter.segment(rest)].filter((s) => s.isWordLike).map((s) => s.segment),
  ];
  return words
    .map((word) =>
      pinyin(word, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
        .join('')
        .normalize('NFKD')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ''),
    )
    .filter((chunk) => chunk.length > 0)
    .join('-');
}

/**
 * A new id from `base` that is not in `used` (`-2`, `-3`… on collision); adds it to `used`.
 * @param {string} base
 * @param {Set<string>} used
 */
export function uniqueId(base, used) {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(base)) throw new Error(`cannot make an id from "${base}"`);
  let id = base;
  for (let n = 2; used.has(id); n += 1) id = `${base}-${n}`;
  used.add(id);
  return id;
}
