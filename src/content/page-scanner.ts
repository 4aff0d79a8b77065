/**
 * PageScanner: keeps, for one document, the hits of every text block and turns them into the
 * frame's findings. Rescans only what changed: callers pass the roots that mutated, and a block
 * whose text is unchanged is never normalized or matched twice for the same list (a cache by
 * text). Work runs in slices of a few milliseconds or a bounded amount of work (slice-budget.ts),
 * yielding to the page between them; a single huge block (a 5 MB <pre>) is cut into pieces so that
 * no slice runs long.
 */
import { useCompiledFold, type CompiledList } from '../core/compiled-list';
import { SCAN_OVERLAP_CHARS } from '../core/list-limits';
import { NameMatcher } from '../core/matcher';
import { normalizeWithOffsets } from '../core/normalize';
import type { FrameFinding } from '../shared/findings';
import { rangesWithin, withoutRanges } from './filler-text';
import { inSetAsideSubtree, isSetAsideBlock, isSetAsideText } from './set-aside';
import { rendersNoText } from './rendered-text';
import { SliceBudget, type SliceStats } from './slice-budget';
import { blockOwner, composedContains, isInlineElement, walkBlocks, type TextBlock, type WalkCounter } from './text-blocks';

export interface BlockHit {
  entryId: string;
  /** The text as a reader sees it on the page (without hidden filler). */
  form: string;
  /** The text the hit spans in the block, hidden filler included (checked before highlighting). */
  span: string;
  /** Up to CONTEXT_CHARS characters of the block's text before and after the hit (for reports). */
  before: string;
  after: string;
  /** Where the hit is in the scanned text, in code units. */
  start: number;
  end: number;
}

/** A hit in a block of the page, with what it takes to find it again in the DOM. */
export interface LocatedHit extends BlockHit {
  /** The block's owner (for a field's value, the field: then `nodes` is empty). */
  owner: Node;
  nodes: Text[];
  starts: number[];
}

const CONTEXT_CHARS = 100;
const TEXT_CACHE_LIMIT = 20_000;
/** Blocks longer than this are scanned piece by piece, yielding between pieces. */
const PIECE_CHARS = 32_768;

/** Gives the main thread back: scheduler.yield where the browser has it, else a macrotask. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export class PageScanner {
  private matcher: NameMatcher;
  private entryIds: string[];
  /** Hits of the blocks of each owner node. */
  private readonly byOwner = new Map<Node, LocatedHit[]>();
  /** Raw text → hits, for the current list. */
  private readonly byText = new Map<string, BlockHit[]>();
  private title: BlockHit[] = [];
  /** The slice under way and the largest so far (see maybeYield, longestTaskMs). */
  private readonly budget = new SliceBudget();
  /** Nodes the walks have visited, and how many of them the budget has been told of. */
  private readonly walked: WalkCounter = { nodes: 0 };
  private walkedCounted = 0;

  /**
   * @param onShadowRoot told of each open shadow root the walk enters (to observe its changes,
   *   which don't reach the document's MutationObserver)
   */
  constructor(
    compiled: CompiledList,
    private readonly includeTitle: boolean,
    private readonly onShadowRoot?: (root: ShadowRoot) => void,
  ) {
    useCompiledFold(compiled);
    // Every list in the matcher format this code reads brings its fold table (the table came
    // before format 3); in the content script's bundle normalize() can't build one, so a list
    // without it fails here, in set-up, with a clear error rather than in the first slice.
    normalizeWithOffsets('');
    this.matcher = NameMatcher.deserialize(compiled.matcher);
    this.entryIds = compiled.entryIds;
  }

  /** A new list: forget every cached result. */
  setList(compiled: CompiledList): void {
    useCompiledFold(compiled);
    this.matcher = NameMatcher.deserialize(compiled.matcher);
    this.entryIds = compiled.entryIds;
    this.byText.clear();
    // What was found where the user typed since can't be found again: kept, if still listed.
    const listed = new Set(compiled.entryIds);
    for (const [owner, hits] of this.byOwner) {
      const kept = stillFoundWhereSetAside(hits.filter((h) => listed.has(h.entryId)));
      if (kept.length) this.byOwner.set(owner, kept);
      else this.byOwner.delete(owner);
    }
  }

  /** Rescans the given roots (or the whole document with 'all'), slice by slice. */
  async rescan(doc: Document, roots: readonly Node[] | 'all'): Promise<void> {
    roots = roots === 'all' ? [doc.documentElement ?? doc] : outermost(roots.map((r) => wholeBlocksRoot(r)));
    for (const [owner, hits] of [...this.byOwner]) {
      if (owner.isConnected && !roots.some((r) => composedContains(r, owner))) continue;
      // A name found before the user typed around it keeps counting until its text leaves the
      // page (the walk no longer reads there: it would be lost, and a page could have it set
      // aside on purpose).
      const kept = stillFoundWhereSetAside(hits);
      if (kept.length) this.byOwner.set(owner, kept);
      else this.byOwner.delete(owner);
    }
    this.walkedCounted = this.walked.nodes;
    this.budget.begin();
    for (const root of roots) {
      if (!root.isConnected) continue;
      for (const block of walkBlocks(root, this.onShadowRoot, this.walked)) {
        if (!block) {
          await this.maybeYield();
          continue;
        }
        let hits = block.text.length > PIECE_CHARS ? await this.scanLongText(block.text) : this.scanText(block.text);
        if (block.nodes.length > 1) hits = [...hits, ...(await this.hitsBehindHiddenRuns(block, hits))];
        if (hits.length) {
          const located = hits.map((h) => ({ ...h, owner: block.owner, nodes: block.nodes, starts: block.starts }));
          const list = this.byOwner.get(block.owner);
          if (list) list.push(...located);
          else this.byOwner.set(block.owner, located);
        }
        await this.maybeYield();
      }
    }
    if (this.includeTitle) this.title = this.scanText(doc.title);
  }

  private async maybeYield(): Promise<void> {
    this.budget.addNodes(this.walked.nodes - this.walkedCounted);
    this.walkedCounted = this.walked.nodes;
    if (this.budget.spent()) {
      await yieldToPage();
      this.budget.begin();
    }
  }

  /**
   * Names a reader sees whole because filler between their parts renders nothing: the matcher
   * looks for names that appear once some of the block's text nodes are left out (one more pass
   * over the block's text, which forks only inside name prefixes: namesBehindSkippedRuns); only
   * where that finds a candidate is the text around it matched again without those nodes, and
   * only where that finds a name the plain text did not are the nodes inside it checked for
   * what is rendered (rendered-text.ts): the one place the scan asks for style or layout, so a
   * page without such a candidate pays no style or layout read. Whatever hides the filler (an
   * attribute, a class, a selector, a tiny font, opacity, transparent text) is judged the same
   * way, by what the browser renders. A huge block is searched piece by piece, as the first
   * time, yielding between pieces.
   */
  private async hitsBehindHiddenRuns(block: TextBlock, plain: readonly BlockHit[]): Promise<BlockHit[]> {
    const raw = block.text;
    const pieces = raw.length > PIECE_CHARS ? splitLongText(raw, PIECE_CHARS, SCAN_OVERLAP_CHARS) : [{ start: 0, end: raw.length, nextStart: raw.length }];
    const candidates = new Map<string, { start: number; end: number; nodes: number[] }>();
    let first = 0; // the first node that ends inside the piece
    for (const piece of pieces) {
      while (first < block.nodes.length && block.starts[first]! + block.nodes[first]!.data.length <= piece.start) first++;
      let last = first;
      while (last + 1 < block.nodes.length && block.starts[last + 1]! < piece.end) last++;
      // A piece inside one text node has nothing to leave out.
      if (last > first) {
        const { text, offsets } = normalizeWithOffsets(raw.slice(piece.start, piece.end));
        // Each text node of the piece as a run of the normalized text: where its first character went.
        const runStarts: number[] = [];
        const runNodes: number[] = [];
        let at = 0;
        for (let k = first; k <= last; k++) {
          const from = block.starts[k]! - piece.start;
          while (at < offsets.length && offsets[at]! < from) at++;
          runStarts.push(at);
          runNodes.push(k);
        }
        for (const c of this.matcher.namesBehindSkippedRuns(text, runStarts)) {
          const nodes = c.runs.map((r) => runNodes[r]!);
          const key = nodes.join(',');
          if (!candidates.has(key)) {
            candidates.set(key, { start: piece.start + offsets[c.start]!, end: piece.start + offsets[c.end - 1]! + 1, nodes });
          }
        }
      }
      if (pieces.length > 1) await this.maybeYield();
    }
    const out: BlockHit[] = [];
    for (const candidate of candidates.values()) {
      if (plain.some((p) => p.start < candidate.end && candidate.start < p.end)) continue;
      const left = candidate.nodes.map((k) => ({ node: block.nodes[k]!, start: block.starts[k]!, end: block.starts[k]! + block.nodes[k]!.data.length }));
      // The text around the candidate without the nodes left out, with room for the boundary
      // rules to look around the name.
      const from = Math.max(0, candidate.start - CONTEXT_CHARS);
      const to = Math.min(raw.length, candidate.end + CONTEXT_CHARS);
      const cut = withoutRanges(raw.slice(from, to), left.map((r) => ({ start: r.start - from, end: r.end - from })));
      for (const h of this.scanText(cut.text)) {
        const start = from + cut.offsets[h.start]!;
        const end = from + cut.offsets[h.end - 1]! + 1;
        if (end <= candidate.start || start >= candidate.end) continue;
        if (plain.some((p) => p.start < end && start < p.end) || out.some((o) => o.start < end && start < o.end)) continue;
        const inside = rangesWithin(left, start, end);
        if (!inside.length || !inside.every((r) => rendersNoText(r.node))) continue;
        out.push({ ...h, span: raw.slice(start, end), start, end });
      }
      // A page can make many candidates with visible junk (each a style read): yield between them.
      await this.maybeYield();
    }
    return out;
  }

  private scanText(raw: string): BlockHit[] {
    if (!raw.trim()) return [];
    // Counted whether cached or not: a lookup of a long text compares it whole.
    this.budget.addChars(raw.length);
    const cached = this.byText.get(raw);
    if (cached) return cached;
    const { text, offsets } = normalizeWithOffsets(raw);
    const hits: BlockHit[] = this.matcher.scan(text).map((h) => {
      let start = offsets[h.start]!;
      let end = offsets[h.end - 1]! + 1;
      // A character outside the BMP folded into a name (🈐 → 手) maps to its low surrogate: a
      // name starting with it starts at its high surrogate; one ending in it, after the low.
      if (isLowSurrogate(raw.charCodeAt(start)) && isHighSurrogate(raw.charCodeAt(start - 1))) start--;
      if (isLowSurrogate(raw.charCodeAt(end)) && isHighSurrogate(raw.charCodeAt(end - 1))) end++;
      return {
        entryId: this.entryIds[h.entry]!,
        form: raw.slice(start, end),
        span: raw.slice(start, end),
        before: raw.slice(Math.max(0, start - CONTEXT_CHARS), start),
        after: raw.slice(end, end + CONTEXT_CHARS),
        start,
        end,
      };
    });
    if (this.byText.size >= TEXT_CACHE_LIMIT) this.byText.clear();
    this.byText.set(raw, hits);
    return hits;
  }

  /** A huge block, piece by piece (see splitLongText), yielding between pieces. */
  private async scanLongText(raw: string): Promise<BlockHit[]> {
    const out: BlockHit[] = [];
    let lastEnd = 0;
    for (const piece of splitLongText(raw, PIECE_CHARS, SCAN_OVERLAP_CHARS)) {
      for (const h of this.scanText(raw.slice(piece.start, piece.end))) {
        const start = h.start + piece.start;
        const end = h.end + piece.start;
        // A hit starting in the overlap is whole in the next piece: take it there. One that
        // overlaps a hit already taken is the tail of that name: leftmost-longest drops it.
        if (start >= piece.nextStart || start < lastEnd) continue;
        lastEnd = end;
        out.push({
          ...h,
          span: raw.slice(start, end),
          start,
          end,
          before: raw.slice(Math.max(0, start - CONTEXT_CHARS), start),
          after: raw.slice(end, end + CONTEXT_CHARS),
        });
      }
      await this.maybeYield();
    }
    return out;
  }

  /**
   * The longest stretch this scanner ran without giving the page its thread back, in ms. The
   * stretch running now (the last slice of a pass, and whatever its caller did since) counts up
   * to this call: call it where that stretch ends, e.g. before the findings go out.
   */
  longestTaskMs(): number {
    return this.budget.longestStretchMs();
  }

  /** How many slices this scanner ran, and the most characters matched and nodes walked in one. */
  sliceStats(): SliceStats {
    return this.budget.counts();
  }

  /** Every hit in the frame, in document order (the title's last), with its context. */
  hits(): BlockHit[] {
    return [...this.located(), ...this.title];
  }

  /** The hits in the page's text, in document order. */
  located(): LocatedHit[] {
    const all = [...this.byOwner.values()].flat();
    return all.sort((a, b) => {
      const nodeA = a.nodes[0] ?? a.owner;
      const nodeB = b.nodes[0] ?? b.owner;
      if (nodeA === nodeB) return a.start - b.start;
      const position = nodeA.compareDocumentPosition(nodeB);
      return position & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : position & Node.DOCUMENT_POSITION_PRECEDING ? 1 : 0;
    });
  }

  /** Ids of the organizations named in the title. */
  titleIds(): string[] {
    return [...new Set(this.title.map((h) => h.entryId))].sort();
  }

  /** The frame's findings: occurrences and page forms of each organization. */
  findings(): FrameFinding[] {
    const byId = new Map<string, FrameFinding>();
    const add = (hit: BlockHit, inText: number) => {
      const f = byId.get(hit.entryId);
      if (!f) byId.set(hit.entryId, { id: hit.entryId, count: 1, inText, forms: [hit.form] });
      else {
        f.count++;
        f.inText += inText;
        if (f.forms.length < 5 && !f.forms.includes(hit.form)) f.forms.push(hit.form);
      }
    };
    for (const hits of this.byOwner.values()) for (const hit of hits) add(hit, 1);
    for (const hit of this.title) add(hit, 0);
    return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  }
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

export interface Piece {
  start: number;
  end: number;
  /** Where the next piece starts (this one's end for the last): hits starting there or later belong to it. */
  nextStart: number;
}

/**
 * Cuts a long text into pieces of about `size` characters. A cut goes after a line break or
 * sentence punctuation near the end of the piece, which no name spans; where there is none, the
 * next piece starts `overlap` characters early, so a name across the cut is still whole in it.
 */
export function splitLongText(raw: string, size: number, overlap: number): Piece[] {
  const pieces: Piece[] = [];
  let start = 0;
  while (start < raw.length) {
    const end = Math.min(raw.length, start + size);
    if (end === raw.length) {
      pieces.push({ start, end, nextStart: end });
      break;
    }
    let cut = -1;
    for (let i = end - 1; i > end - 2048 && i > start; i--) {
      if ('\n。！？；.!?'.includes(raw[i]!)) {
        cut = i + 1;
        break;
      }
    }
    if (cut > start) {
      pieces.push({ start, end: cut, nextStart: cut });
      start = cut;
    } else {
      pieces.push({ start, end, nextStart: end - overlap });
      start = end - overlap;
    }
  }
  return pieces;
}

/**
 * A mutated node can sit inside a block that starts above it (an inline <span>): rescan from the
 * block's owner, so that every block under the root is whole.
 */
function wholeBlocksRoot(node: Node): Node {
  if (node.nodeType === Node.ELEMENT_NODE && !isInlineElement(node as Element)) return node;
  return blockOwner(node);
}

/**
 * Drops roots inside other roots, so that no block is scanned twice in one pass.
 * O(roots × depth): each root looks for another root among its ancestors.
 */
export function outermost(roots: readonly Node[]): Node[] {
  const set = new Set(roots);
  return [...set].filter((r) => {
    for (let n = parentAcrossShadow(r); n; n = parentAcrossShadow(n)) if (set.has(n)) return false;
    return true;
  });
}

function parentAcrossShadow(n: Node): Node | null {
  return n.parentNode ?? (n instanceof ShadowRoot ? n.host : null);
}

/**
 * The hits (of one owner) in text set aside since they were found (set-aside.ts) and still on
 * the page: the walk won't find them again, so they are kept. A field's value: while the field
 * is there. A name in a block: while its text is in that block. The browser's own edits re-make
 * text nodes (Enter splits a node and keeps the part after the caret in the old one), so a hit
 * whose nodes no longer hold it is looked for again in its block's text, for that name only.
 */
function stillFoundWhereSetAside(hits: readonly LocatedHit[]): LocatedHit[] {
  const kept: LocatedHit[] = [];
  /** Per name form, where in the block to look for its next occurrence. */
  const searchFrom = new Map<string, number>();
  for (const hit of hits) {
    const owner = hit.owner;
    if (!hit.nodes.length) {
      if (owner.isConnected && inSetAsideSubtree(owner)) kept.push(hit);
      continue;
    }
    const setAside =
      isSetAsideBlock(owner) || inSetAsideSubtree(owner) || hit.nodes.some((n) => inSetAsideSubtree(n) || isSetAsideText(n, blockOwner(n)));
    if (!setAside) continue;
    if (rangeOf(hit)) kept.push(hit);
    else if (owner.isConnected) {
      const found = findAgainIn(owner, hit, searchFrom);
      if (found) kept.push(found);
    }
  }
  return kept;
}

/** `hit` found again in the text under `owner` (its span, from where the last one ended), or null. */
function findAgainIn(owner: Node, hit: LocatedHit, searchFrom: Map<string, number>): LocatedHit | null {
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  const walker = (owner.ownerDocument ?? (owner as Document)).createTreeWalker(owner, 0x4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push(n as Text);
    starts.push(text.length);
    text += (n as Text).data;
  }
  const at = text.indexOf(hit.span, searchFrom.get(hit.span) ?? 0);
  if (at < 0) return null;
  searchFrom.set(hit.span, at + hit.span.length);
  return { ...hit, nodes, starts, start: at, end: at + hit.span.length };
}

/** The DOM range of a located hit, or null when the page changed under it. */
export function rangeOf(hit: LocatedHit): Range | null {
  if (!hit.nodes.length) {
    // A field's value: the field itself.
    if (!hit.owner.isConnected) return null;
    const range = document.createRange();
    range.selectNode(hit.owner);
    return range;
  }
  const at = (offset: number, isEnd: boolean): [Text, number] | null => {
    for (let i = hit.nodes.length - 1; i >= 0; i--) {
      const nodeStart = hit.starts[i]!;
      if (offset > nodeStart || (offset === nodeStart && !isEnd)) {
        const node = hit.nodes[i]!;
        if (!node.isConnected || offset - nodeStart > node.data.length) return null;
        return [node, offset - nodeStart];
      }
    }
    return null;
  };
  const start = at(hit.start, false);
  const end = at(hit.end, true);
  if (!start || !end) return null;
  // The range's toString() would also hold skipped text (a ruby annotation): compare the
  // block's own text nodes over the hit with what was matched.
  let text = '';
  for (let i = 0; i < hit.nodes.length; i++) {
    const from = hit.starts[i]!;
    const data = hit.nodes[i]!.data;
    if (from >= hit.end || from + data.length <= hit.start) continue;
    text += data.slice(Math.max(0, hit.start - from), hit.end - from);
  }
  if (text !== hit.span) return null;
  const range = document.createRange();
  range.setStart(start[0], start[1]);
  range.setEnd(end[0], end[1]);
  return range;
}
