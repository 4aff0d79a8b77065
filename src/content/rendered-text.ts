/**
 * Whether a text node shows a reader nothing readable, judged by what the browser renders, not
 * by how the page asked for it: a page hides filler inside a name with an attribute, a class, an
 * attribute selector, an inherited style, a font of 0.1 px, opacity 0 or transparent text, and
 * each of those ends in the same computed style or rendered size. Style and layout reads, so the
 * scanner asks only at a candidate name (page-scanner.ts, hitsBehindHiddenRuns).
 */

/**
 * Text whose rendered glyph box is lower than this (CSS px) is no readable text: a font of 1 px
 * or less draws a dot or nothing. Text that is merely small (8 px, fine print) is readable, and
 * keeps the parts of a name apart.
 */
const LEGIBLE_HEIGHT_PX = 4;

export function rendersNoText(node: Text): boolean {
  const el = node.parentElement;
  if (!el) return false;
  // Not rendered (display: none, hidden, content-visibility), invisible, or with opacity 0 on
  // it or an ancestor.
  if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true, contentVisibilityAuto: true })) return true;
  const range = node.ownerDocument.createRange();
  range.selectNodeContents(node);
  const rects = range.getClientRects();
  let legible = false;
  for (const rect of rects) if (rect.height >= LEGIBLE_HEIGHT_PX && rect.width > 0) legible = true;
  if (!legible) return true;
  return isTransparentText(getComputedStyle(el));
}

/** Glyphs drawn in a colour with alpha 0, with no outline or shadow to show their shape. */
function isTransparentText(style: CSSStyleDeclaration): boolean {
  // -webkit-text-fill-color (computed: the colour glyphs are filled with, `color` unless set).
  const fill = style.getPropertyValue('-webkit-text-fill-color') || style.color;
  if (!isTransparent(fill)) return false;
  if (style.textShadow && style.textShadow !== 'none') return false;
  const stroke = parseFloat(style.getPropertyValue('-webkit-text-stroke-width') || '0');
  return !(stroke > 0 && !isTransparent(style.getPropertyValue('-webkit-text-stroke-color')));
}

/**
 * A computed colour with alpha 0: `transparent`, `rgba(r, g, b, 0)`, or a form with `/ 0` before
 * its closing parenthesis (`rgb(r g b / 0)`, `color(srgb r g b / 0)`); `rgb(r, g, b)` is opaque.
 */
export function isTransparent(color: string): boolean {
  const c = color.trim();
  if (c === 'transparent') return true;
  const args = /\(([^()]*)\)$/.exec(c)?.[1];
  if (args === undefined) return false;
  const slash = args.split('/');
  const alpha = slash.length === 2 ? slash[1] : args.split(',').length === 4 ? args.split(',')[3] : undefined;
  return alpha !== undefined && parseFloat(alpha) === 0;
}
