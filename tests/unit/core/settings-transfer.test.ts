import { describe, expect, it } from 'vitest';
import {
  buildSettingsFile, importedValues, isRiskyChange, isSiteName, MAX_FILE_CHARS, parseSettingsFile, settingsChanges, settingsFileJson, settingsFileName,
  validateSettings, type UserSettings,
} from '../../../src/core/settings-transfer';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const HOUR = 3_600_000;

const SETTINGS: UserSettings = {
  enabled: false,
  allowlist: ['example.com', '127.0.0.1:8080', 'example.com.cn'],
  suppressed: { 'example.net': [], 'example.org': ['china-robot-education-alliance', 'china-positive-discipline-association'] },
  snoozeUntil: NOW + HOUR,
  feedSettings: { url: 'https://feed.example.org/blocklist.json', intervalHours: 12 },
  reportEndpoint: 'https://reports.example.org/collect',
};

const fileText = (settings: unknown, envelope: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'orgcheck-settings', version: 1, exportedAt: new Date(NOW).toISOString(), settings, ...envelope });

function problem(text: string) {
  const r = parseSettingsFile(text, NOW);
  if (r.ok) throw new Error('expected a problem');
  return r.problem;
}

describe('settings export', () => {
  it('writes every setting and reads back the same', () => {
    const settings = { ...SETTINGS, suppressed: { 'example.org': ['china-robot-education-alliance'] } };
    const file = buildSettingsFile(settings, new Date(NOW));
    expect(file).toEqual({ format: 'orgcheck-settings', version: 1, exportedAt: '2026-03-01T12:00:00.000Z', settings });
    expect(parseSettingsFile(settingsFileJson(file), NOW)).toEqual({ ok: true, settings });
    expect(settingsFileName(new Date(NOW))).toBe('orgcheck-settings-2026-03-01.json');
  });

  it('copies, so that changing the settings later changes no file', () => {
    const settings = structuredClone(SETTINGS);
    const file = buildSettingsFile(settings, new Date(NOW));
    settings.allowlist.push('other.example');
    settings.suppressed['example.org']!.push('x');
    expect(file.settings.allowlist).toEqual(SETTINGS.allowlist);
    expect(file.settings.suppressed).toEqual(SETTINGS.suppressed);
  });

  it('reads defaults: nothing set, no feed URL, no endpoint', () => {
    const defaults: UserSettings = { enabled: true, allowlist: [], suppressed: {}, snoozeUntil: null, feedSettings: { url: null, intervalHours: 24 }, reportEndpoint: null };
    expect(parseSettingsFile(fileText(defaults), NOW)).toEqual({ ok: true, settings: defaults });
  });
});

describe('settings import: whole file checked first', () => {
  it('takes a partial file: only what it holds', () => {
    expect(parseSettingsFile(fileText({ allowlist: ['example.com'] }), NOW)).toEqual({ ok: true, settings: { allowlist: ['example.com'] } });
    expect(parseSettingsFile(fileText({ enabled: true, reportEndpoint: null }), NOW)).toEqual({ ok: true, settings: { enabled: true, reportEndpoint: null } });
    // exportedAt is informational and may be left out.
    expect(parseSettingsFile(JSON.stringify({ format: 'orgcheck-settings', version: 1, settings: { enabled: false } }), NOW).ok).toBe(true);
  });

  it('refuses what is not JSON, not a settings file, or too large', () => {
    expect(problem('{"format": "orgcheck-settings",')).toEqual({ kind: 'json' });
    expect(problem('')).toEqual({ kind: 'json' });
    expect(problem('[]')).toEqual({ kind: 'format' });
    expect(problem('null')).toEqual({ kind: 'format' });
    expect(problem(JSON.stringify({ format: 'orgcheck-report/1', version: 1, settings: {} }))).toEqual({ kind: 'format' });
    expect(problem(JSON.stringify({ version: 1, settings: { enabled: true } }))).toEqual({ kind: 'format' });
    expect(problem(' '.repeat(MAX_FILE_CHARS + 1))).toEqual({ kind: 'too-large' });
  });

  it('reads a file that starts with a byte order mark', () => {
    expect(parseSettingsFile(`\uFEFF${fileText({ enabled: true })}`, NOW).ok).toBe(true);
  });

  it('refuses a version it does not read, naming it', () => {
    expect(problem(fileText({ enabled: true }, { version: 2 }))).toEqual({ kind: 'version', version: '2' });
    expect(problem(fileText({ enabled: true }, { version: '1' }))).toEqual({ kind: 'version', version: '"1"' });
    expect(problem(JSON.stringify({ format: 'orgcheck-settings', settings: {} }))).toEqual({ kind: 'version', version: 'none' });
  });

  it('refuses an empty file, a broken envelope, and unknown keys anywhere', () => {
    expect(problem(fileText({}))).toEqual({ kind: 'empty' });
    expect(problem(fileText([]))).toEqual({ kind: 'fields', fields: [{ path: 'settings', reason: 'type' }] });
    expect(problem(JSON.stringify({ format: 'orgcheck-settings', version: 1 }))).toEqual({ kind: 'fields', fields: [{ path: 'settings', reason: 'missing' }] });
    expect(problem(fileText({ enabled: true }, { exportedAt: 'yesterday' }))).toEqual({ kind: 'fields', fields: [{ path: 'exportedAt', reason: 'type' }] });
    expect(problem(fileText({ enabled: true }, { extra: 1 }))).toEqual({ kind: 'fields', fields: [{ path: 'extra', reason: 'unknown' }] });
    expect(problem(fileText({ enabled: true, allowList: [] }))).toEqual({ kind: 'fields', fields: [{ path: 'settings.allowList', reason: 'unknown' }] });
    expect(problem(fileText({ feedSettings: { url: null, intervalHours: 24, key: 'x' } }))).toEqual({
      kind: 'fields',
      fields: [{ path: 'settings.feedSettings.key', reason: 'unknown' }],
    });
    expect(problem(fileText({ feedSettings: { url: null } }))).toEqual({ kind: 'fields', fields: [{ path: 'settings.feedSettings.intervalHours', reason: 'missing' }] });
  });

  it.each([
    ['enabled', { enabled: 'yes' }, 'settings.enabled', 'type'],
    ['allowlist not a list', { allowlist: 'example.com' }, 'settings.allowlist', 'type'],
    ['a subdomain (sites are registrable domains)', { allowlist: ['example.com', 'www.example.com'] }, 'settings.allowlist[1]', 'site'],
    ['a URL as site', { allowlist: ['https://example.com/'] }, 'settings.allowlist[0]', 'site'],
    ['upper case', { allowlist: ['Example.com'] }, 'settings.allowlist[0]', 'site'],
    ['a site with a path', { allowlist: ['example.com/x'] }, 'settings.allowlist[0]', 'site'],
    ['an empty site', { allowlist: [''] }, 'settings.allowlist[0]', 'site'],
    ['a number as site', { allowlist: [42] }, 'settings.allowlist[0]', 'type'],
    ['a bad site as suppression key', { suppressed: { 'not a site': ['x'] } }, 'settings.suppressed["not a site"]', 'site'],
    ['a bad organization id', { suppressed: { 'example.org': ['Not An Id'] } }, 'settings.suppressed["example.org"][0]', 'entry'],
    ['suppression not a list', { suppressed: { 'example.org': 'x' } }, 'settings.suppressed["example.org"]', 'type'],
    ['a snooze a week ahead', { snoozeUntil: NOW + 7 * 24 * HOUR }, 'settings.snoozeUntil', 'snooze'],
    ['a snooze that is not a whole number', { snoozeUntil: NOW + 0.5 }, 'settings.snoozeUntil', 'snooze'],
    ['a negative snooze', { snoozeUntil: -1 }, 'settings.snoozeUntil', 'snooze'],
    ['a snooze as text', { snoozeUntil: 'tomorrow' }, 'settings.snoozeUntil', 'type'],
    ['a feed URL over plain http', { feedSettings: { url: 'http://feed.example.org/list.json', intervalHours: 24 } }, 'settings.feedSettings.url', 'feed-url'],
    ['a feed URL with credentials', { feedSettings: { url: 'https://u:p@feed.example.org/l.json', intervalHours: 24 } }, 'settings.feedSettings.url', 'feed-url'],
    ['an empty feed URL', { feedSettings: { url: '', intervalHours: 24 } }, 'settings.feedSettings.url', 'feed-url'],
    ['an interval of 0', { feedSettings: { url: null, intervalHours: 0 } }, 'settings.feedSettings.intervalHours', 'interval'],
    ['an interval past a week', { feedSettings: { url: null, intervalHours: 169 } }, 'settings.feedSettings.intervalHours', 'interval'],
    ['a fractional interval', { feedSettings: { url: null, intervalHours: 1.5 } }, 'settings.feedSettings.intervalHours', 'interval'],
    ['an endpoint over plain http', { reportEndpoint: 'http://reports.example.org/' }, 'settings.reportEndpoint', 'endpoint'],
    ['an endpoint with a fragment', { reportEndpoint: 'https://reports.example.org/#x' }, 'settings.reportEndpoint', 'endpoint'],
    ['an endpoint on plain http to an IPv6 loopback the manifest does not offer', { reportEndpoint: 'http://[::1]:8080/' }, 'settings.reportEndpoint', 'endpoint'],
  ])('refuses %s, naming where and why', (_what, settings, path, reason) => {
    expect(problem(fileText({ ...SETTINGS, ...settings }))).toEqual({ kind: 'fields', fields: [{ path, reason }] });
  });

  it('names the first three problems when there are more', () => {
    const p = problem(fileText({ enabled: 1, allowlist: ['A', 'B'], snoozeUntil: -5, reportEndpoint: 'ftp://x' }));
    expect(p).toEqual({
      kind: 'fields',
      fields: [
        { path: 'settings.enabled', reason: 'type' },
        { path: 'settings.allowlist[0]', reason: 'site' },
        { path: 'settings.allowlist[1]', reason: 'site' },
      ],
    });
  });

  it('refuses lists longer than anyone keeps', () => {
    const sites = Array.from({ length: 10_001 }, (_, i) => `site${i}.example`);
    expect(problem(fileText({ allowlist: sites }))).toEqual({ kind: 'fields', fields: [{ path: 'settings.allowlist', reason: 'too-many' }] });
  });

  it('accepts the feed URLs and endpoints the options page accepts, trimmed', () => {
    const r = parseSettingsFile(
      fileText({ feedSettings: { url: ' http://127.0.0.1:8080/feed.json ', intervalHours: 168 }, reportEndpoint: 'http://127.0.0.1:9000/collect' }),
      NOW,
    );
    expect(r).toEqual({ ok: true, settings: { feedSettings: { url: 'http://127.0.0.1:8080/feed.json', intervalHours: 168 }, reportEndpoint: 'http://127.0.0.1:9000/collect' } });
  });

  it('validateSettings checks what the options page sends on, alone', () => {
    expect(validateSettings({ enabled: true }, NOW)).toEqual({ ok: true, settings: { enabled: true } });
    expect(validateSettings({ allowlist: ['www.example.com'] }, NOW).ok).toBe(false);
    expect(validateSettings(null, NOW).ok).toBe(false);
    expect(validateSettings({}, NOW)).toEqual({ ok: false, problem: { kind: 'empty' } });
  });
});

describe('site names', () => {
  it('are what core/site.ts makes of a page URL', () => {
    for (const ok of ['example.com', 'example.com.cn', 'example.github.io', '127.0.0.1', '127.0.0.1:8080', 'localhost', 'localhost:3000', '[::1]:8080', 'xn--fiqs8s.xn--fiqs8s']) {
      expect(isSiteName(ok), ok).toBe(true);
    }
    for (const bad of ['www.example.com', 'Example.com', 'example.com.', ' example.com', 'example.com/', 'user@example.com', 'example.com?x', '', 'a b.com']) {
      expect(isSiteName(bad), bad).toBe(false);
    }
  });
});

describe('imported values', () => {
  it('are normalized as the options page stores them', () => {
    expect(
      importedValues(
        { allowlist: ['b.example', 'a.example', 'b.example'], suppressed: { 'a.example': ['y', 'x', 'y'], 'b.example': [] }, snoozeUntil: NOW - 1 },
        NOW,
      ),
    ).toEqual({ allowlist: ['a.example', 'b.example'], suppressed: { 'a.example': ['x', 'y'] }, snoozeUntil: null });
    expect(importedValues({ snoozeUntil: NOW + HOUR, enabled: false, reportEndpoint: null }, NOW)).toEqual({ snoozeUntil: NOW + HOUR, enabled: false, reportEndpoint: null });
    expect(importedValues({}, NOW)).toEqual({});
  });
});

describe('what an import will change', () => {
  const CURRENT: UserSettings = {
    enabled: true,
    allowlist: ['kept.example', 'old.example'],
    suppressed: { 'example.org': ['china-robot-education-alliance'] },
    snoozeUntil: null,
    feedSettings: { url: null, intervalHours: 24 },
    reportEndpoint: 'https://reports.example.org/collect',
  };
  const CONTEXT = { builtInFeedUrl: 'https://feed.orgcheck.example/blocklist.json', queuedReports: 0 };
  const changes = (imported: Partial<UserSettings>, context = CONTEXT) => settingsChanges(CURRENT, imported, NOW, context);

  it('lists nothing for a file that holds the settings in use (the way they are stored)', () => {
    expect(changes(CURRENT)).toEqual([]);
    expect(changes({ allowlist: ['old.example', 'kept.example', 'old.example'] })).toEqual([]);
    // The built-in feed address named in a file is "the built-in one".
    expect(changes({ feedSettings: { url: CONTEXT.builtInFeedUrl, intervalHours: 24 } })).toEqual([]);
    // A snooze already over is none.
    expect(changes({ snoozeUntil: NOW - 1 })).toEqual([]);
    expect(changes({ suppressed: { 'example.org': ['china-robot-education-alliance'], 'example.net': [] } })).toEqual([]);
  });

  it('names each change, the ones that silence OrgCheck or send elsewhere first and marked risky', () => {
    const list = changes({
      enabled: false,
      allowlist: ['kept.example', 'listed-org.example'],
      suppressed: { 'example.net': ['china-positive-discipline-association'] },
      snoozeUntil: NOW + HOUR,
      feedSettings: { url: 'https://evil.example/feed.json', intervalHours: 168 },
      reportEndpoint: 'https://collector.evil.example/r',
    });
    expect(list).toEqual([
      { kind: 'warnings-off' },
      { kind: 'allowlist-added', sites: ['listed-org.example'] },
      { kind: 'suppressed-added', items: [{ site: 'example.net', id: 'china-positive-discipline-association' }] },
      { kind: 'snooze-set', until: NOW + HOUR },
      { kind: 'feed-url', from: null, to: 'https://evil.example/feed.json' },
      { kind: 'report-endpoint', from: 'https://reports.example.org/collect', to: 'https://collector.evil.example/r' },
      { kind: 'allowlist-removed', sites: ['old.example'] },
      { kind: 'suppressed-removed', items: [{ site: 'example.org', id: 'china-robot-education-alliance' }] },
      { kind: 'feed-interval', from: 24, to: 168 },
    ]);
    expect(list.map(isRiskyChange)).toEqual([true, true, true, true, true, true, false, false, false]);
  });

  it('does not call risky what turns warnings on, ends a snooze, or goes back to the built-in feed or to no endpoint', () => {
    const current: UserSettings = { ...CURRENT, enabled: false, snoozeUntil: NOW + HOUR, feedSettings: { url: 'https://mine.example/f.json', intervalHours: 24 } };
    const list = settingsChanges(current, { enabled: true, snoozeUntil: null, feedSettings: { url: null, intervalHours: 24 }, reportEndpoint: null }, NOW, CONTEXT);
    expect(list).toEqual([
      { kind: 'warnings-on' },
      { kind: 'snooze-ended' },
      { kind: 'feed-url', from: 'https://mine.example/f.json', to: null },
      { kind: 'report-endpoint', from: 'https://reports.example.org/collect', to: null },
    ]);
    expect(list.some(isRiskyChange)).toBe(false);
  });

  it('says that reports queued for the endpoint it replaces will stay unsent', () => {
    expect(changes({ reportEndpoint: 'https://new.example/r' }, { ...CONTEXT, queuedReports: 2 })).toEqual([
      { kind: 'report-endpoint', from: 'https://reports.example.org/collect', to: 'https://new.example/r' },
      { kind: 'queued-reports-kept', count: 2, endpoint: 'https://reports.example.org/collect' },
    ]);
    expect(changes({ reportEndpoint: 'https://reports.example.org/collect' }, { ...CONTEXT, queuedReports: 2 })).toEqual([]);
  });

  it('compares only what the file holds', () => {
    expect(changes({ enabled: true })).toEqual([]);
    expect(changes({ reportEndpoint: null })).toEqual([{ kind: 'report-endpoint', from: 'https://reports.example.org/collect', to: null }]);
  });
});
