/**
 * A report of a page that looks like an illegal social organization's: what it holds and how it
 * is built from what the page's frames found. Pure: no browser globals, runs under Node.
 *
 * A report holds exactly: the page's URL and title, the time, the organizations matched (with
 * the list data on them, which comes from OrgCheck's list, not from the page), up to 100
 * characters of page text on each side of each match with the URL of the frame it was in (so
 * that a frame of another site embedded in the page is not taken for the page's own text), the
 * user's selection if any, the user's
 * optional note, and a screenshot of the visible tab only when the user asked for one. Nothing
 * else from the page. Its id (a UUID) lets an endpoint drop a report it has already received.
 */
import type { BlocklistEntry, ListingKind } from './list-schema';

export const REPORT_FORMAT = 'orgcheck-report/1';
/** Characters of page text kept on each side of a match. */
export const CONTEXT_CHARS = 100;
export const MAX_EXCERPTS = 50;
export const MAX_SELECTION_CHARS = 2000;
export const MAX_NOTE_CHARS = 2000;

export type ReportSource = 'popup' | 'context-menu' | 'banner';

export interface ReportOrganization {
  id: string;
  name: string;
  /** The ministry's English name, else the display translation, else null. */
  nameEn: string | null;
  listings: Array<{ list: string; kind: ListingKind; published: string | null; sources: string[] }>;
  /** The forms in which the page named it (traditional script, an alias …). */
  forms: string[];
}

export interface ReportExcerpt {
  entryId: string;
  /** The name as it stood on the page. */
  form: string;
  /** Up to CONTEXT_CHARS characters of page text before and after it. */
  before: string;
  after: string;
  /**
   * The URL of the frame the text was in, as the browser gave it (core/frame-url.ts): the page's
   * own for its top frame. Absent in reports made before OrgCheck recorded it.
   */
  frameUrl?: string;
}

export interface Report {
  format: typeof REPORT_FORMAT;
  /** UUID: the same report sent twice carries the same id. */
  id: string;
  /** When the report was made (ISO 8601, UTC). */
  createdAt: string;
  url: string;
  title: string;
  organizations: ReportOrganization[];
  excerpts: ReportExcerpt[];
  selection: string | null;
  /**
   * The origin of the frame the selection was made in (the browser's word, not the frame's); with
   * a selection only. Older reports have none.
   */
  selectionFrom?: string;
  note: string | null;
  /** A data: URL (image/jpeg or image/png) of the visible tab, only when the user ticked it. */
  screenshot: string | null;
}

/** What one frame gave (shared/findings.ts FrameReportContext), with its URL as the browser gave it. */
export interface FrameContext {
  url: string;
  title: string;
  matches: Array<{ entryId: string; form: string; before: string; after: string }>;
}

/** Everything of a report except what the user adds on the report page. */
export type ReportDraft = Omit<Report, 'note' | 'screenshot'>;

/**
 * Merges the frames' contexts into a draft. `page` is the top frame's URL and title (the
 * page's). Matches of organizations that are not in the list, or that never warn, are left out,
 * as they are from the badge, and so are those in `exclude`. The selection is the one chosen by
 * background/report.ts (the context menu's, or the focused frame's when shown), with its origin.
 */
export function buildDraft(input: {
  id: string;
  createdAt: Date;
  page: { url: string; title: string };
  frames: FrameContext[];
  entry: (id: string) => BlocklistEntry | undefined;
  /** Organizations the user said are not meant on this site ("not this organization"). */
  exclude?: ReadonlySet<string>;
  selection?: { text: string; from: string } | null;
}): ReportDraft {
  const organizations = new Map<string, ReportOrganization>();
  const excerpts: ReportExcerpt[] = [];
  const seen = new Set<string>();
  for (const frame of input.frames) {
    for (const m of frame.matches) {
      const entry = input.entry(m.entryId);
      if (!entry?.warn || input.exclude?.has(entry.id)) continue;
      const form = clip(m.form, 200);
      let org = organizations.get(entry.id);
      if (!org) {
        org = {
          id: entry.id,
          name: entry.names.zh,
          nameEn: entry.names.en ?? entry.enDisplay ?? null,
          listings: entry.listings.map((l) => ({ list: l.list, kind: l.kind, published: l.published, sources: [...l.sources] })),
          forms: [],
        };
        organizations.set(entry.id, org);
      }
      if (form && !org.forms.includes(form) && org.forms.length < 10) org.forms.push(form);
      const excerpt: ReportExcerpt = {
        entryId: entry.id,
        form,
        before: tail(oneLine(m.before), CONTEXT_CHARS),
        after: head(oneLine(m.after), CONTEXT_CHARS),
        frameUrl: frame.url,
      };
      const key = JSON.stringify(excerpt);
      if (seen.has(key) || excerpts.length >= MAX_EXCERPTS) continue;
      seen.add(key);
      excerpts.push(excerpt);
    }
  }
  const selection = input.selection?.text.trim() ?? '';
  return {
    format: REPORT_FORMAT,
    id: input.id,
    createdAt: input.createdAt.toISOString(),
    url: input.page.url,
    title: clip(input.page.title, 500),
    organizations: [...organizations.values()],
    excerpts,
    selection: selection ? clip(selection, MAX_SELECTION_CHARS) : null,
    ...(selection && input.selection ? { selectionFrom: input.selection.from } : {}),
  };
}

/**
 * The frame whose selection a report may take: from the top frame down, each frame's focused child
 * frame (document.activeElement), into a child only when a person has interacted with it (a frame
 * can take the focus by script, not a user's activation). Null when no frame on that way has
 * been interacted with, or the top frame did not answer. A frame's place is its own word, but only
 * the top frame's answer is taken as the top (background/report.ts).
 */
export function focusedFrame<T extends { framePath: number[]; focusedChild: number | null; userActivated: boolean }>(frames: T[]): T | null {
  const byPath = new Map(frames.map((f) => [f.framePath.join('/'), f]));
  let frame = byPath.get('');
  for (let depth = 0; frame && frame.focusedChild !== null && depth < 32; depth++) {
    const child = byPath.get([...frame.framePath, frame.focusedChild].join('/'));
    if (!child?.userActivated) break;
    frame = child;
  }
  return frame?.userActivated ? frame : null;
}

/** The report as it leaves: the draft, the user's note (trimmed; empty → null) and screenshot. */
export function finishReport(draft: ReportDraft, note: string, screenshot: string | null): Report {
  const trimmed = note.trim();
  return {
    ...draft,
    note: trimmed ? clip(trimmed, MAX_NOTE_CHARS) : null,
    screenshot: screenshot && SCREENSHOT.test(screenshot) ? screenshot : null,
  };
}

/**
 * The report as JSON (2-space indent), exactly what is downloaded and sent: the fields in a fixed
 * order (storage hands objects back with their keys sorted) and nothing but the fields.
 */
export function reportJson(report: Report): string {
  return JSON.stringify(canonical(report), null, 2);
}

function canonical(r: Report): Report {
  return {
    format: r.format,
    id: r.id,
    createdAt: r.createdAt,
    url: r.url,
    title: r.title,
    organizations: r.organizations.map((o) => ({
      id: o.id,
      name: o.name,
      nameEn: o.nameEn,
      listings: o.listings.map((l) => ({ list: l.list, kind: l.kind, published: l.published, sources: l.sources })),
      forms: o.forms,
    })),
    excerpts: r.excerpts.map((e) => ({
      entryId: e.entryId,
      form: e.form,
      before: e.before,
      after: e.after,
      ...(e.frameUrl === undefined ? {} : { frameUrl: e.frameUrl }),
    })),
    selection: r.selection,
    ...(r.selectionFrom === undefined ? {} : { selectionFrom: r.selectionFrom }),
    note: r.note,
    screenshot: r.screenshot,
  };
}

/** Checks that a value (from storage, or a message) has a report's shape. */
export function isReport(value: unknown): value is Report {
  if (!value || typeof value !== 'object') return false;
  const r = value as Record<string, unknown>;
  return (
    r.format === REPORT_FORMAT &&
    typeof r.id === 'string' &&
    UUID.test(r.id) &&
    typeof r.createdAt === 'string' &&
    typeof r.url === 'string' &&
    typeof r.title === 'string' &&
    Array.isArray(r.organizations) &&
    Array.isArray(r.excerpts) &&
    (r.selection === null || typeof r.selection === 'string') &&
    (r.selectionFrom === undefined || typeof r.selectionFrom === 'string') &&
    (r.note === null || typeof r.note === 'string') &&
    (r.screenshot === null || (typeof r.screenshot === 'string' && SCREENSHOT.test(r.screenshot)))
  );
}

/** A screenshot as captureVisibleTab gives it: a base64 data: URL of a JPEG or PNG. */
const SCREENSHOT = /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]*$/;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A file name for the report's downloads, without extension: orgcheck-report-2024-05-31-1a2b3c4d. */
export function reportFileName(report: Pick<Report, 'id' | 'createdAt'>): string {
  return `orgcheck-report-${report.createdAt.slice(0, 10)}-${report.id.slice(0, 8)}`;
}

// ---- helpers ---------------------------------------------------------------------------------

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ');
}

/** At most n code points, from the start. */
function head(s: string, n: number): string {
  const cps = [...s];
  return cps.length <= n ? s : cps.slice(0, n).join('');
}

/** At most n code points, from the end. */
function tail(s: string, n: number): string {
  const cps = [...s];
  return cps.length <= n ? s : cps.slice(cps.length - n).join('');
}

function clip(s: string, n: number): string {
  return head(s, n);
}
