/**
 * Text from a list (a signed feed is hostile input when its key leaks) cleaned for display:
 * control characters (Cc) and format characters (Cf: bidi overrides and isolates, zero-width
 * characters, the soft hyphen …) would let an entry's text reorder or hide what is shown next to
 * it, in the popup, the report and the text pasted into the ministry's form; an unpaired
 * surrogate is not text at all. Pure.
 */

/** Line breaks and tabs become a space (they separate words); every other Cc or Cf character goes. */
const CONTROL_SPACE = /[\t\n\v\f\r\u0085]+/gu;
const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}]/gu;
/** With the u flag, \p{Cs} matches only a surrogate that is not half of a pair. */
const LONE_SURROGATE = /\p{Cs}/gu;

export function cleanDisplayText(text: string): string {
  return text.replace(CONTROL_SPACE, ' ').replace(CONTROL_OR_FORMAT, '').replace(LONE_SURROGATE, '');
}

/** Whether cleanDisplayText would change `text`. */
export function hasHiddenCharacters(text: string): boolean {
  return cleanDisplayText(text) !== text;
}
