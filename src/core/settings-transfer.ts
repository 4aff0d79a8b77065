/**
 * Export and import of the user's settings as one JSON file. Pure: no browser globals, runs
 * under Node.
 *
 *   { "format": "orgcheck-settings", "version": 1, "exportedAt": "2026-…Z",
 *     "settings": { "enabled", "allowlist", "suppressed", "snoozeUntil",
 *                   "feedSettings": { "url", "intervalHours" }, "reportEndpoint" } }
 *
 * Only what the user set: not the list, its caches, the sync status or the report history.
 * An import is checked whole before anything is applied (`parseSettingsFile`): the schema, every
 * value's range, every site name, the feed URL and the report endpoint with the validators the
 * options page's own forms use. One problem anywhere and nothing changes. A file may hold only
 * some of the settings (written by hand): those are applied, the others stay as they are.
 */
import * as v from 'valibot';
import { SNOOZE_DURATIONS_MS } from './controls';
import { isValidInterval } from './feed/schedule';
import { isAllowedFeedUrl } from './feed/url';
import { isAllowedEndpoint } from './report';
import { siteOf } from './site';

export const SETTINGS_FORMAT = 'orgcheck-settings';
export const SETTINGS_VERSION = 1;
/** Larger than any real settings file by far; a bigger file is not read. */
export const MAX_FILE_CHARS = 1_000_000;
export const MAX_SITES = 10_000;
export const MAX_IDS_PER_SITE = 1_000;
/** A snooze lasts at most a day; this much more allows for a clock that differs a little. */
export const SNOOZE_SLACK_MS = 5 * 60_000;

export interface UserSettings {
  /** The global switch. */
  enabled: boolean;
  /** Sites (core/site.ts) where warnings are off. */
  allowlist: string[];
  /** Site → organization ids marked "not this organization" there. */
  suppressed: Record<string, string[]>;
  /** "Snooze all warnings" until (epoch ms), or null. */
  snoozeUntil: number | null;
  /** The list feed: a URL set on the options page (null: the built-in one) and the sync interval. */
  feedSettings: { url: string | null; intervalHours: number };
  /** Where reports are sent, or null: nowhere. */
  reportEndpoint: string | null;
}

export interface SettingsFile {
  format: typeof SETTINGS_FORMAT;
  version: typeof SETTINGS_VERSION;
  exportedAt: string;
  settings: UserSettings;
}

/** Why a value is refused. */
export type ProblemReason = 'type' | 'missing' | 'unknown' | 'site' | 'entry' | 'feed-url' | 'interval' | 'endpoint' | 'snooze' | 'too-many';

export type ImportProblem =
  | { kind: 'too-large' }
  | { kind: 'json' }
  /** Not an OrgCheck settings file (no or another "format"). */
  | { kind: 'format' }
  /** A settings file of a version this copy does not read. */
  | { kind: 'version'; version: string }
  /** The file holds no setting at all. */
  | { kind: 'empty' }
  /** Values that are wrong: where (a path such as settings.allowlist[2]) and why; the first few. */
  | { kind: 'fields'; fields: Array<{ path: string; reason: ProblemReason }> };

export type ParseResult = { ok: true; settings: Partial<UserSettings> } | { ok: false; problem: ImportProblem };

/** The file for these settings. */
export function buildSettingsFile(settings: UserSettings, exportedAt: Date): SettingsFile {
  return {
    format: SETTINGS_FORMAT,
    version: SETTINGS_VERSION,
    exportedAt: exportedAt.toISOString(),
    settings: {
      enabled: settings.enabled,
      allowlist: [...settings.allowlist],
      suppressed: structuredClone(settings.suppressed),
      snoozeUntil: settings.snoozeUntil,
      feedSettings: { url: settings.feedSettings.url, intervalHours: settings.feedSettings.intervalHours },
      reportEndpoint: settings.reportEndpoint,
    },
  };
}

export function settingsFileJson(file: SettingsFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function settingsFileName(exportedAt: Date): string {
  return `orgcheck-settings-${exportedAt.toISOString().slice(0, 10)}.json`;
}

/**
 * A site as OrgCheck stores one: what core/site.ts makes of a page's URL (a registrable domain,
 * or an IP address or localhost with its port), lower case, nothing else.
 */
export function isSiteName(value: string): boolean {
  if (!value || value.length > 260 || /[/?#@\s\\]/.test(value)) return false;
  return siteOf(`http://${value}/`) === value || siteOf(`https://${value}/`) === value;
}

const ENTRY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function settingsSchema(now: number) {
  const site = v.pipe(v.string('type'), v.check(isSiteName, 'site'));
  const entryId = v.pipe(v.string('type'), v.maxLength(200, 'entry'), v.regex(ENTRY_ID, 'entry'));
  const optionalUrl = (valid: (url: string) => boolean, reason: ProblemReason) =>
    v.nullable(v.pipe(v.string('type'), v.trim(), v.check(valid, reason)));
  return v.strictObject({
    enabled: v.optional(v.boolean('type')),
    allowlist: v.optional(v.pipe(v.array(site, 'type'), v.maxLength(MAX_SITES, 'too-many'))),
    suppressed: v.optional(
      v.pipe(
        v.record(site, v.pipe(v.array(entryId, 'type'), v.maxLength(MAX_IDS_PER_SITE, 'too-many')), 'type'),
        v.check((r) => Object.keys(r).length <= MAX_SITES, 'too-many'),
      ),
    ),
    snoozeUntil: v.optional(
      v.nullable(
        v.pipe(
          v.number('type'),
          v.integer('snooze'),
          v.minValue(0, 'snooze'),
          v.maxValue(now + SNOOZE_DURATIONS_MS.day + SNOOZE_SLACK_MS, 'snooze'),
        ),
      ),
    ),
    feedSettings: v.optional(
      v.strictObject({
        url: optionalUrl(isAllowedFeedUrl, 'feed-url'),
        intervalHours: v.pipe(v.number('type'), v.check((h: number) => isValidInterval(h), 'interval')),
      }),
    ),
    reportEndpoint: v.optional(optionalUrl(isAllowedEndpoint, 'endpoint')),
  });
}

const REASONS = new Set<string>(['type', 'missing', 'unknown', 'site', 'entry', 'feed-url', 'interval', 'endpoint', 'snooze', 'too-many']);
/** How many problems an error names (the first ones, in file order). */
const MAX_FIELDS = 3;

function pathText(prefix: string, path: ReadonlyArray<{ key?: unknown }> | undefined): string {
  let out = prefix;
  for (const item of path ?? []) {
    const key = item.key;
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

function problemsOf(issues: ReadonlyArray<v.BaseIssue<unknown>>, prefix: string): ImportProblem {
  const fields = issues.slice(0, MAX_FIELDS).map((issue) => {
    let reason: ProblemReason = REASONS.has(issue.message) ? (issue.message as ProblemReason) : 'type';
    if (issue.type === 'strict_object' || issue.type === 'object') {
      if (issue.expected === 'never') reason = 'unknown';
      else if (issue.received === 'undefined' && issue.expected?.startsWith('"')) reason = 'missing';
    }
    // (A wrong key of a record, a site name, has a path that ends at that key.)
    return { path: pathText(prefix, issue.path) || '(file)', reason };
  });
  return { kind: 'fields', fields };
}

/** Checks a settings object (the "settings" of a file, or what the options page sends on). */
export function validateSettings(value: unknown, now: number): ParseResult {
  // (valibot's object schemas take an array for an object with no keys.)
  if (Array.isArray(value)) return { ok: false, problem: { kind: 'fields', fields: [{ path: 'settings', reason: 'type' }] } };
  const result = v.safeParse(settingsSchema(now), value);
  if (!result.success) return { ok: false, problem: problemsOf(result.issues, 'settings') };
  const settings = Object.fromEntries(Object.entries(result.output).filter(([, x]) => x !== undefined)) as Partial<UserSettings>;
  if (!Object.keys(settings).length) return { ok: false, problem: { kind: 'empty' } };
  return { ok: true, settings };
}

/** Reads a settings file: everything in it is checked; any problem and nothing is taken. */
export function parseSettingsFile(text: string, now: number): ParseResult {
  if (text.length > MAX_FILE_CHARS) return { ok: false, problem: { kind: 'too-large' } };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, problem: { kind: 'json' } };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data) || (data as { format?: unknown }).format !== SETTINGS_FORMAT) {
    return { ok: false, problem: { kind: 'format' } };
  }
  const file = data as Record<string, unknown>;
  if (file.version !== SETTINGS_VERSION) {
    return { ok: false, problem: { kind: 'version', version: String(JSON.stringify(file.version) ?? 'none').slice(0, 20) } };
  }
  const envelope = v.safeParse(
    v.strictObject({
      format: v.literal(SETTINGS_FORMAT),
      version: v.literal(SETTINGS_VERSION),
      exportedAt: v.optional(v.pipe(v.string('type'), v.isoTimestamp('type'))),
      settings: v.looseObject({}, 'type'),
    }),
    data,
  );
  if (!envelope.success) return { ok: false, problem: problemsOf(envelope.issues, '') };
  return validateSettings(file.settings, now);
}

/**
 * What an import writes, normalized as the options page would have stored it: sites and ids
 * sorted without duplicates, no empty suppression lists, a snooze already over → none.
 */
export function importedValues(settings: Partial<UserSettings>, now: number): Partial<UserSettings> {
  const out: Partial<UserSettings> = {};
  if (settings.enabled !== undefined) out.enabled = settings.enabled;
  if (settings.allowlist) out.allowlist = [...new Set(settings.allowlist)].sort();
  if (settings.suppressed) {
    out.suppressed = {};
    for (const [site, ids] of Object.entries(settings.suppressed)) if (ids.length) out.suppressed[site] = [...new Set(ids)].sort();
  }
  if (settings.snoozeUntil !== undefined) out.snoozeUntil = settings.snoozeUntil !== null && settings.snoozeUntil > now ? settings.snoozeUntil : null;
  if (settings.feedSettings) out.feedSettings = { url: settings.feedSettings.url, intervalHours: settings.feedSettings.intervalHours };
  if (settings.reportEndpoint !== undefined) out.reportEndpoint = settings.reportEndpoint;
  return out;
}
