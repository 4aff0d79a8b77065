/**
 * What a content script may send, checked and capped (valibot) before the background keeps any
 * of it. A content script speaks for a web page's renderer, which may be hostile or compromised:
 * a payload of the wrong shape is refused whole; one that is only too big is cut to size, since
 * a listed site must not be able to hide what it names by naming too much. Nothing here is a
 * URL: where a frame is, is the browser's word (core/frame-url.ts), not the frame's.
 */
import * as v from 'valibot';
import { EntryIdSchema, WarningControlSchema } from '../core/warning-controls';
import type { FrameScan } from './findings';

export const CONTENT_SCRIPT_LIMITS = {
  titleChars: 500,
  listKeyChars: 200,
  formChars: 200,
  formsPerFinding: 5,
  /** Distinct organizations one frame reports; more are dropped (the badge says "99+" long before). */
  findingsPerFrame: 1000,
  titleIds: 20,
  /** Occurrences of one organization counted in one frame. */
  count: 1_000_000,
  /** Longer arrays than this are refused, not cut: no honest script sends them, and checking them costs. */
  hardArrayLength: 100_000,
} as const;
const L = CONTENT_SCRIPT_LIMITS;

/** A string cut to `max` code units (a cut surrogate pair is dropped whole). */
function cutString(max: number) {
  return v.pipe(
    v.string(),
    v.transform((s: string) => (s.length <= max ? s : s.slice(0, /[\uD800-\uDBFF]/.test(s[max - 1]!) ? max - 1 : max))),
  );
}

/** A string cut to its last `max` code units (text before a name: the end is what counts). */
function cutStringEnd(max: number) {
  return v.pipe(v.string(), v.transform((s: string) => (s.length <= max ? s : s.slice(s.length - max))));
}

/** An array of `item`s, the first `keep` of them; refused past the hard length. */
function cutArray<T extends v.GenericSchema>(item: T, keep: number) {
  return v.pipe(
    v.array(v.unknown()),
    v.maxLength(L.hardArrayLength, 'array too long'),
    v.transform((a: unknown[]) => a.slice(0, keep)),
    v.array(item),
  );
}

const Count = v.pipe(v.number(), v.integer(), v.minValue(0), v.transform((n: number) => Math.min(n, L.count)));
const Milliseconds = v.pipe(v.number(), v.finite(), v.minValue(0), v.transform((n: number) => Math.min(n, 3_600_000)));
const Empty = v.object({});

const FrameFindingSchema = v.object({
  id: EntryIdSchema,
  count: Count,
  inText: Count,
  forms: cutArray(cutString(L.formChars), L.formsPerFinding),
});

/** A frame's complete findings (shared/findings.ts FrameReport, without a URL). */
export const FrameFindingsPayload = v.object({
  /** The document's title (the top frame's only is used). */
  title: cutString(L.titleChars),
  listKey: v.pipe(v.string(), v.maxLength(L.listKeyChars)),
  findings: cutArray(FrameFindingSchema, L.findingsPerFrame),
  titleIds: cutArray(EntryIdSchema, L.titleIds),
  stats: v.object({ longestTaskMs: Milliseconds, setupMs: Milliseconds }),
}) satisfies v.GenericSchema<unknown, FrameScan>;

/**
 * A frame's answer to collectReportContext (shared/findings.ts FrameReportContext): its matches
 * in context and the selection. Its `url` is not kept: the background knows where the frame is.
 */
export const FrameReportContextAnswer = v.object({
  title: cutString(L.titleChars),
  selection: cutString(2000),
  // Missing in an answer from a content script of an older version still running: the top frame's place.
  framePath: v.optional(cutArray(Count, 32), []),
  focusedChild: v.optional(v.nullable(Count), null),
  userActivated: v.optional(v.boolean(), false),
  matches: cutArray(
    v.object({ entryId: EntryIdSchema, form: cutString(L.formChars), before: cutStringEnd(400), after: cutString(400) }),
    L.findingsPerFrame,
  ),
});

/** Every content-script message's payload schema (shared/messages.ts ContentScriptMessages). */
export const contentScriptPayloads = {
  frameFindings: FrameFindingsPayload,
  frameGone: Empty,
  getOwnTabFindings: Empty,
  getCompiledList: Empty,
  bannerControl: v.object({ control: WarningControlSchema }),
  bannerReport: Empty,
  openHelp: Empty,
  // Checked again, and narrowed to the choices the banner may ask for, by core/banner-permissions.ts.
  requestChoice: v.object({ control: WarningControlSchema }),
  bannerHidden: v.object({ by: v.picklist(['removed', 'covered']) }),
  showInFrame: v.object({
    frameId: v.pipe(v.number(), v.integer(), v.minValue(0)),
    entryId: EntryIdSchema,
    index: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(L.count)),
  }),
};
