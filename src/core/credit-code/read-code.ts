/**
 * A unified social credit code as people paste or type it: full-width characters, lower case,
 * spaces or hyphens inside, a label before it ("统一社会信用代码：…"). Something is read as a code
 * when, once cleaned, it is 15–20 letters and digits with at least 8 digits: an organization's
 * name never is, and a code with one character too many or too few still gets an answer saying so.
 */

const LABEL =
  /^(?:统一社会信用代码|統一社會信用代碼|社会信用代码|社會信用代碼|信用代码|信用代碼|登记证号|登記證號|unified\s+social\s+credit\s+code|uscc)\s*(?:[:：]\s*)?/iu;

/** The code in `text`, upper case and without spaces, hyphens or label; undefined when it isn't one. */
export function readCreditCode(text: string): string | undefined {
  const cleaned = text
    .normalize('NFKC')
    .trim()
    .replace(LABEL, '')
    .replace(/[\s\-‐‑–—]+/gu, '')
    .toUpperCase();
  if (!/^[0-9A-Z]{15,20}$/.test(cleaned)) return undefined;
  const digits = cleaned.replace(/\D/g, '').length;
  return digits >= 8 ? cleaned : undefined;
}
