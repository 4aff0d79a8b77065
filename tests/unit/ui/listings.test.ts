/**
 * The one listings markup (src/ui/Listings.tsx) the banner and the popup share: what it says,
 * how many source links, and that the stylesheets of both places style the classes it renders
 * (the banner's sits in a closed shadow root, so the component brings none of its own).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Fragment, type VNode } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { BUNDLED_LIST_RECORDS } from '../../../src/core/bundled-list-records';
import { listingLabels } from '../../../src/core/list-records';
import type { Listing } from '../../../src/core/list-schema';

// The i18n API, as the extension's pages see it: a message is its key and its substitutions.
vi.mock('webextension-polyfill', () => ({
  default: {
    i18n: {
      getMessage: (key: string, substitutions: string[] = []) => [key, ...substitutions].join(' '),
      getUILanguage: () => 'en',
    },
  },
}));

const { Listings, LISTINGS_CLASSES } = await import('../../../src/ui/Listings');
const { BANNER_CSS } = await import('../../../src/content/banner/styles');

const SRC = join(import.meta.dirname, '../../../src');

const listing = (over: Partial<Listing> = {}): Listing => ({
  list: 'website-shutdown-2021-batch3',
  kind: 'website-shutdown',
  published: '2021-05-31',
  sources: ['https://a.example/1', 'https://b.example/2', 'https://c.example/3', 'https://d.example/4'],
  ...over,
});

type Node = VNode<Record<string, unknown>> | string | number | null | undefined | boolean | Node[];

/** The elements of a rendered tree (Fragments see-through), depth first. */
function elements(node: Node): Array<VNode<Record<string, unknown>>> {
  if (Array.isArray(node)) return node.flatMap(elements);
  if (node === null || typeof node !== 'object') return [];
  const children = elements(node.props.children as Node);
  return node.type === Fragment ? children : [node, ...children];
}

function textOf(node: Node): string {
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node !== 'object') return String(node);
  return textOf(node.props.children as Node);
}

// Labelled as the background labels them for the banner, and the popup for its cards.
const render = (props: Omit<Parameters<typeof Listings>[0], 'labels'>) =>
  Listings({ ...props, labels: listingLabels(props.listings, 'en', BUNDLED_LIST_RECORDS) }) as VNode<Record<string, unknown>>;
const links = (tree: Node) => elements(tree).filter((e) => e.type === 'a');

describe('Listings', () => {
  it('says each listing: kind, the list’s title, who published it when, source links named by publisher, opened apart', () => {
    const tree = render({ listings: [listing(), listing({ kind: 'suspected-illegal', list: 'suspected-2026', published: null, sources: ['https://e.example/'] })] });
    expect(tree.type).toBe('ul');
    expect(tree.props.class).toBe(LISTINGS_CLASSES.list);
    const items = elements(tree).filter((e) => e.type === 'li');
    expect(items.map((li) => li.props['data-kind'])).toEqual(['website-shutdown', 'suspected-illegal']);
    expect(textOf(items[0] as Node)).toBe(
      'kind_website_shutdown — Websites of illegal social organizations shut down, 2021 batch 3 — listingPublishedBy Ministry of Civil Affairs May 31, 2021 (listingNewsOnly) · news repost · news repost · news repost · news repost',
    );
    // A list without a record: its kind and date, never its id; no date: said so.
    expect(textOf(items[1] as Node)).toBe('kind_suspected_illegal — dateUnknown · news repost');
    expect(textOf(tree)).not.toMatch(/website-shutdown-2021-batch3|suspected-2026/);
    for (const a of links(tree)) {
      expect(a.props).toMatchObject({ target: '_blank', rel: 'noopener noreferrer', class: LISTINGS_CLASSES.source });
    }
    expect(links(tree).map((a) => a.props.href)).toEqual([...listing().sources, 'https://e.example/']);
    expect(elements(tree).filter((e) => e.props.class === LISTINGS_CLASSES.kind)).toHaveLength(2);
  });

  it('shows at most maxSources links a listing, official notices first', () => {
    const sources = ['https://a.example/1', 'https://news.163.com/2', 'https://www.mca.gov.cn/3', 'https://d.example/4'];
    const tree = render({ listings: [listing({ sources })], maxSources: 3 });
    expect(links(tree).map((a) => textOf(a))).toEqual(['Ministry of Civil Affairs', 'news repost', 'NetEase']);
    expect(links(tree).map((a) => a.props.href)).toEqual(['https://www.mca.gov.cn/3', 'https://a.example/1', 'https://news.163.com/2']);
    expect(links(tree)[0]!.props['data-official']).toBe('true');
  });

  it('is styled where it is shown: the banner inside its shadow root, and the popup', () => {
    const popupCss = readFileSync(join(SRC, 'popup/popup.css'), 'utf8');
    for (const css of [BANNER_CSS, popupCss]) {
      expect(css).toMatch(new RegExp(`\\.${LISTINGS_CLASSES.list}\\b[^{]*\\{`));
      expect(css).toMatch(new RegExp(`\\.${LISTINGS_CLASSES.kind}\\b[^{]*\\{`));
    }
  });

  it('is the only place that writes the listings markup', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : name.endsWith('.tsx') ? [path] : [];
      });
    const writers = files(SRC)
      // A list item a listing, or a list classed "listings": the markup Listings.tsx renders.
      .filter((path) => /listings\.map\(\([^)]*\)\s*=>[\s\S]{0,400}?<li\b|class="listings"/.test(readFileSync(path, 'utf8')))
      .map((path) => relative(SRC, path));
    expect(writers).toEqual(['ui/Listings.tsx']);
  });
});
