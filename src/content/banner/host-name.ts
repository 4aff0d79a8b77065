/**
 * The banner host's element name: random, lowercase and custom-element shaped, new for each page
 * view (issue 18 item 8), so a page has no stable name to find or style it by.
 */
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export function randomHostName(): string {
  const letters = [...crypto.getRandomValues(new Uint8Array(12))].map((b) => LETTERS[b % LETTERS.length]).join('');
  return `${letters.slice(0, 5)}-${letters.slice(5)}`;
}
