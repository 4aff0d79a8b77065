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
import { SNOOZE_DURATIONS_MS } from './warning-controls';
import { isValidInterval } from './feed/schedule';
import { isAllowedEndpoint, isAllowedFeedUrl } from './url-policy';
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

// ---- what an import changes (the options page shows it before anything is applied) ------------

/**
 * One change an import makes, against the settings in use. Lists are what is added and what is
 * removed (an import replaces a list whole). `from`/`to` null: the built-in feed address, or no
 * report endpoint.
 */
export type SettingsChange =
  | { kind: 'warnings-off' }
  | { kind: 'warnings-on' }
  | { kind: 'allowlist-added'; sites: string[] }
  | { kind: 'allowlist-removed'; sites: string[] }
  | { kind: 'suppressed-added'; items: Array<{ site: string; id: string }> }
  | { kind: 'suppressed-removed'; items: Array<{ site: string; id: string }> }
  | { kind: 'snooze-set'; until: number }
  | { kind: 'snooze-ended' }
  | { kind: 'feed-url'; from: string | null; to: string | null }
  | { kind: 'feed-interval'; from: number; to: number }
  | { kind: 'report-endpoint'; from: string | null; to: string | null }
  /** Reports queued for the endpoint the import replaces: kept unsent (background/settings.ts). */
  | { kind: 'queued-reports-kept'; count: number; endpoint: string };

/**
 * The changes that can silence OrgCheck or send what it knows elsewhere: warnings off (for good,
 * for a while, on sites, for organizations on sites), another list feed, a report endpoint. The
 * options page highlights them and lists them first, so that many harmless lines in a file can't
 * push them out of sight.
 */
export function isRiskyChange(change: SettingsChange): boolean {
  switch (change.kind) {
    case 'warnings-off':
    case 'allowlist-added':
    case 'suppressed-added':
    case 'snooze-set':
      return true;
    case 'feed-url':
    case 'report-endpoint':
      return change.to !== null;
    default:
      return false;
  }
}

export interface ChangeContext {
  /** The feed address this copy is built with ('' or null: none); a file naming it means "the built-in one". */
  builtInFeedUrl: string | null;
  /** Reports now queued for the current endpoint. */
  queuedReports: number;
}

/**
 * What importing `imported` (checked: validateSettings) would change in `current`, risky changes
 * first, each kind at most once; empty when it changes nothing. Values are compared as the
 * background stores them (importedValues).
 */
export function settingsChanges(current: UserSettings, imported: Partial<UserSettings>, now: number, context: ChangeContext): SettingsChange[] {
  const s = importedValues(imported, now);
  const changes: SettingsChange[] = [];
  if (s.enabled !== undefined && s.enabled !== current.enabled) changes.push({ kind: s.enabled ? 'warnings-on' : 'warnings-off' });
  if (s.allowlist) {
    const had = new Set(current.allowlist);
    const will = new Set(s.allowlist);
    const added = s.allowlist.filter((x) => !had.has(x));
    const removed = [...had].filter((x) => !will.has(x)).sort();
    if (added.length) changes.push({ kind: 'allowlist-added', sites: added });
    if (removed.length) changes.push({ kind: 'allowlist-removed', sites: removed });
  }
  if (s.suppressed) {
    const pairs = (r: Record<string, string[]>) => Object.entries(r).flatMap(([site, ids]) => ids.map((id) => ({ site, id })));
    const key = (p: { site: string; id: string }) => `${p.site}\n${p.id}`;
    const had = new Set(pairs(current.suppressed).map(key));
    const willPairs = pairs(s.suppressed);
    const will = new Set(willPairs.map(key));
    const added = willPairs.filter((p) => !had.has(key(p)));
    const removed = pairs(current.suppressed).filter((p) => !will.has(key(p)));
    if (added.length) changes.push({ kind: 'suppressed-added', items: added });
    if (removed.length) changes.push({ kind: 'suppressed-removed', items: removed });
  }
  if (s.snoozeUntil !== undefined) {
    const snoozed = current.snoozeUntil !== null && current.snoozeUntil > now ? current.snoozeUntil : null;
    if (s.snoozeUntil !== null && s.snoozeUntil !== snoozed) changes.push({ kind: 'snooze-set', until: s.snoozeUntil });
    else if (s.snoozeUntil === null && snoozed !== null) changes.push({ kind: 'snooze-ended' });
  }
  if (s.feedSettings) {
    const builtIn = context.builtInFeedUrl || null;
    const asStored = (url: string | null) => (url === builtIn ? null : url);
    const [from, to] = [asStored(current.feedSettings.url), asStored(s.feedSettings.url)];
    if (from !== to) changes.push({ kind: 'feed-url', from, to });
    if (s.feedSettings.intervalHours !== current.feedSettings.intervalHours) {
      changes.push({ kind: 'feed-interval', from: current.feedSettings.intervalHours, to: s.feedSettings.intervalHours });
    }
  }
  if (s.reportEndpoint !== undefined && s.reportEndpoint !== current.reportEndpoint) {
    changes.push({ kind: 'report-endpoint', from: current.reportEndpoint, to: s.reportEndpoint });
    if (context.queuedReports > 0 && current.reportEndpoint !== null) {
      changes.push({ kind: 'queued-reports-kept', count: context.queuedReports, endpoint: current.reportEndpoint });
    }
  }
  // Risky first; otherwise in the order above (Array.prototype.sort is stable).
  return changes.sort((a, b) => Number(isRiskyChange(b)) - Number(isRiskyChange(a)));
}
