/**
 * Reads where the banner is drawn and what its title says, through CDP: the banner is in a
 * closed shadow root that neither the page nor Playwright's locators can enter (see readBanner
 * in harness.ts).
 */
import type { Page } from 'playwright-core';

interface Node {
  backendNodeId: number;
  nodeType: number;
  nodeValue?: string;
  localName?: string;
  attributes?: string[];
  children?: Node[];
  shadowRoots?: Node[];
}

function find(n: Node, pred: (n: Node) => boolean): Node | undefined {
  if (pred(n)) return n;
  for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) {
    const found = find(c, pred);
    if (found) return found;
  }
  return undefined;
}

/** The banner's host: the marker on the container inside its shadow root (harness.ts isBannerHost). */
const isBannerHost = (n: Node): boolean =>
  n.nodeType === 1 && !!n.shadowRoots?.[0]?.children?.some((c) => (c.attributes ?? []).includes('data-orgcheck-root'));

const textOf = (n: Node): string => (n.nodeType === 3 ? (n.nodeValue ?? '') : (n.children ?? []).map(textOf).join(''));

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The border box of the banner's first element (the <section>, or the minimised pill), in CSS px of the viewport. */
export async function bannerBox(page: Page, localName = 'section'): Promise<Box | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
    const host = find(root, isBannerHost);
    const target = host?.shadowRoots?.[0] && find(host.shadowRoots[0], (n) => n.localName === localName);
    if (!target) return null;
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: target.backendNodeId })) as { model: { border: number[] } };
    const xs = model.border.filter((_, i) => i % 2 === 0);
    const ys = model.border.filter((_, i) => i % 2 === 1);
    return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
  } finally {
    await cdp.detach();
  }
}

/** The text of the banner's title (its <h2>), or null. */
export async function bannerTitle(page: Page): Promise<string | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
    const host = find(root, isBannerHost);
    const h2 = host?.shadowRoots?.[0] && find(host.shadowRoots[0], (n) => n.localName === 'h2');
    return h2 ? textOf(h2) : null;
  } finally {
    await cdp.detach();
  }
}
