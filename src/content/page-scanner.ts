/**
 * scanPage: keeps, for one document, the hits of every text block and turns them into the
 * frame's findings. Rescans only what changed: callers pass the roots that mutated, and a block
 * whose text is unchanged is never normalized or matched twice for the same list (a cache by
 * text). Work runs in slices of a few milliseconds, yielding to the page between them.
 */
import type { CompiledList } from '../core/compiled-list';
import { NameMatcher } from '../core/matcher';
import { normalizeWithOffsets } from '../core/normalize';
import type { FrameFinding } from '../shared/findings';
import { blockOwner, composedContains, isInlineElement, walkBlocks, type TextBlock } from './text-blocks';

export interface BlockHit {
  entryId: string;
  /** The text as it stood on the page. */
  form: string;
  /** Up to CONTEXT_CHARS characters of the block's text before and after the hit (for reports). */
  before: string;
  after: string;
}

const CONTEXT_CHARS = 100;

const SLICE_MS = 8;
const TEXT_CACHE_LIMIT = 20_000;

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
  private readonly byOwner = new Map<Node, BlockHit[]>();
  /** Raw block text → hits, for the current list. */
  private readonly byText = new Map<string, BlockHit[]>();
  private title: BlockHit[] = [];

  constructor(compiled: CompiledList, private readonly includeTitle: boolean) {
    this.matcher = NameMatcher.deserialize(compiled.matcher);
    this.entryIds = compiled.entryIds;
  }

  /** A new list: forget every cached result. */
  setList(compiled: CompiledList): void {
    this.matcher = NameMatcher.deserialize(compiled.matcher);
    this.entryIds = compiled.entryIds;
    this.byText.clear();
    this.byOwner.clear();
  }

  /** Rescans the given roots (or the whole document when none), slice by slice. */
  async rescan(doc: Document, roots: readonly Node[] | 'all'): Promise<void> {
    if (roots === 'all') {
      this.byOwner.clear();
      roots = [doc.documentElement ?? doc];
    } else {
      roots = outermost(roots.map((r) => wholeBlocksRoot(r)));
    }
    for (const owner of [...this.byOwner.keys()]) {
      if (!owner.isConnected || roots.some((r) => composedContains(r, owner))) this.byOwner.delete(owner);
    }
    let sliceStart = performance.now();
    for (const root of roots) {
      if (!root.isConnected) continue;
      for (const block of walkBlocks(root)) {
        const hits = this.scanBlock(block);
        if (hits.length) {
          const list = this.byOwner.get(block.owner);
          if (list) list.push(...hits);
          else this.byOwner.set(block.owner, hits);
        }
        if (performance.now() - sliceStart > SLICE_MS) {
          await yieldToPage();
          sliceStart = performance.now();
        }
      }
    }
    if (this.includeTitle) this.title = this.scanText(doc.title);
  }

  private scanBlock(block: TextBlock): BlockHit[] {
    return this.scanText(block.text);
  }

  private scanText(raw: string): BlockHit[] {
    if (!raw.trim()) return [];
    const cached = this.byText.get(raw);
    if (cached) return cached.slice();
    const { text, offsets } = normalizeWithOffsets(raw);
    const hits: BlockHit[] = this.matcher.scan(text).map((h) => {
      const start = offsets[h.start]!;
      const end = offsets[h.end - 1]! + 1;
      return {
        entryId: this.entryIds[h.entry]!,
        form: raw.slice(start, end),
        before: raw.slice(Math.max(0, start - CONTEXT_CHARS), start),
        after: raw.slice(end, end + CONTEXT_CHARS),
      };
    });
    if (this.byText.size >= TEXT_CACHE_LIMIT) this.byText.clear();
    this.byText.set(raw, hits);
    return hits.slice();
  }

  /** Every hit in the frame, in document order (the title's last), with its context. */
  hits(): BlockHit[] {
    return [...[...this.byOwner.values()].flat(), ...this.title];
  }

  /** The frame's findings: occurrences and page forms of each organization. */
  findings(): FrameFinding[] {
    const byId = new Map<string, FrameFinding>();
    const add = (hit: BlockHit) => {
      const f = byId.get(hit.entryId);
      if (!f) byId.set(hit.entryId, { id: hit.entryId, count: 1, forms: [hit.form] });
      else {
        f.count++;
        if (f.forms.length < 5 && !f.forms.includes(hit.form)) f.forms.push(hit.form);
      }
    };
    for (const hits of this.byOwner.values()) hits.forEach(add);
    this.title.forEach(add);
    return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  }
}

/**
 * A mutated node can sit inside a block that starts above it (an inline <span>): rescan from the
 * block's owner, so that every block under the root is whole.
 */
function wholeBlocksRoot(node: Node): Node {
  if (node.nodeType === Node.ELEMENT_NODE && !isInlineElement(node as Element)) return node;
  return blockOwner(node);
}

/** Drops roots inside other roots, so that no block is scanned twice in one pass. */
export function outermost(roots: readonly Node[]): Node[] {
  const unique = [...new Set(roots)];
  return unique.filter((r) => !unique.some((other) => other !== r && composedContains(other, r)));
}
