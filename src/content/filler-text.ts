/**
 * A block's text without some of its text nodes (hidden filler, page-scanner.ts), and where each
 * remaining character was: what a reader sees when those nodes render nothing.
 * Pure string work, so it runs (and is tested) under Node.
 */

export interface TextRange {
  start: number;
  end: number;
}

export interface CutText {
  text: string;
  /** offsets[i] = index in the original text of character i of `text`. */
  offsets: Uint32Array;
}

/** `raw` without the given ranges (which may nest or overlap, in any order). */
export function withoutRanges(raw: string, ranges: readonly TextRange[]): CutText {
  const sorted = [...ranges].filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  const offsets = new Uint32Array(raw.length);
  let text = '';
  let len = 0;
  let from = 0;
  const keep = (to: number) => {
    if (to <= from) return;
    text += raw.slice(from, to);
    for (let i = from; i < to; i++) offsets[len++] = i;
  };
  for (const r of sorted) {
    keep(r.start);
    from = Math.max(from, r.end);
  }
  keep(raw.length);
  return { text, offsets: offsets.subarray(0, len) };
}

/** The ranges that lie within [start, end) and are not empty. */
export function rangesWithin<R extends TextRange>(ranges: readonly R[], start: number, end: number): R[] {
  return ranges.filter((r) => r.end > r.start && r.start >= start && r.end <= end);
}
