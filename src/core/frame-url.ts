/**
 * The URL a frame is recorded under, from what the browser says about the message's sender
 * (`sender.url`, `sender.origin`), never from what the frame's script claims: a hostile page
 * chooses its own script's messages, not the browser's word on where they came from. Pure.
 *
 * The fragment is dropped (it names a place in the page, and a page can make it megabytes long)
 * and the rest is capped. A frame without a URL of its own (about:blank, about:srcdoc, blob:,
 * data:) is recorded as the origin it runs in plus what kind of frame it is, e.g.
 * "https://a.example [about:blank frame]": its text is that origin's, and a report must not
 * present "about:blank" as a place a reader can visit.
 */

/** Longest frame URL kept (characters); longer ones are cut and end with "…". */
export const MAX_FRAME_URL_CHARS = 2048;

/** Kinds of frame that have no URL of their own, by how their URL starts. */
const URL_LESS_KINDS = ['about:blank', 'about:srcdoc', 'blob:', 'data:'] as const;

export function frameUrlOf(sender: { url?: string; origin?: string }): string {
  const raw = sender.url ?? '';
  const kind = URL_LESS_KINDS.find((k) => (k.endsWith(':') ? raw.startsWith(k) : raw === k || (raw.startsWith(k) && /^[?#]/.test(raw.slice(k.length)))));
  if (kind) return `${originLabel(sender.origin, raw, kind)}[${kind} frame]`;
  // Cut before parsing: a page can send a frame's URL of megabytes many times a second.
  const hash = raw.indexOf('#');
  const head = (hash < 0 ? raw : raw.slice(0, hash)).slice(0, 4 * MAX_FRAME_URL_CHARS);
  let url: URL;
  try {
    url = new URL(head);
  } catch {
    return '';
  }
  url.hash = '';
  return cap(url.href);
}

/** "https://a.example " for a real origin; nothing for an opaque one ("null") or none given. */
function originLabel(origin: string | undefined, raw: string, kind: string): string {
  // A blob: URL carries the origin that made it; the browser's sender.origin is preferred.
  const candidate = origin ?? (kind === 'blob:' ? safeOrigin(raw.slice('blob:'.length)) : undefined);
  if (!candidate || candidate === 'null' || !/^https?:\/\/[^\s/]+$/.test(candidate)) return '';
  return `${cap(candidate)} `;
}

function safeOrigin(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

function cap(s: string): string {
  return s.length <= MAX_FRAME_URL_CHARS ? s : `${s.slice(0, MAX_FRAME_URL_CHARS - 1)}…`;
}
