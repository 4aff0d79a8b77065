import { describe, expect, it } from 'vitest';
import type { BlocklistEntry } from '../../../src/core/list-schema';
import { badgeWithHidden, bannerSignature, bannerState, mergeFrames, tabBadge, tabModel, type TabSnapshot } from '../../../src/core/tab-model';
import type { SiteControls } from '../../../src/core/warning-controls';
import type { FrameFinding, FrameReport } from '../../../src/shared/findings';

const entry = (id: string, over: Partial<BlocklistEntry> = {}): BlocklistEntry => ({
  id,
  names: { zh: `名-${id}` },
  aliases: [],
  listings: [{ list: 'x', kind: 'banned', published: null, sources: [] }],
  warn: true,
  exact: false,
  ...over,
});
const byId = new Map([entry('org-a'), entry('org-b'), entry('org-c', { warn: false }), entry('org-own', { domains: ['own.example'] })].map((e) => [e.id, e]));

const finding = (id: string, count: number, forms: string[] = [id], inText = count): FrameFinding => ({ id, count, inText, forms });
const frame = (url: string, findings: FrameFinding[], titleIds: string[] = []): FrameReport => ({
  url, title: '', listKey: 'k', findings, titleIds, stats: { longestTaskMs: 0, setupMs: 0 },
});
const controls = (over: Partial<SiteControls> = {}): SiteControls => ({
  enabled: true, allowlisted: false, snoozeUntil: null, suppressed: new Set(), dismissed: {}, relisted: {}, ...over,
});

describe('mergeFrames', () => {
  const frames = {
    0: frame('https://news.example/a', [finding('org-a', 2, ['甲', '乙']), finding('org-b', 1)]),
    7: frame('https://ads.example/f', [finding('org-a', 3, ['乙', '丙', '丁', '戊', '己', '庚'], 1), finding('org-c', 9)]),
  };

  it('adds counts across frames, keeps each frame\'s count in the text, and at most 5 distinct forms', () => {
    const { findings } = mergeFrames(frames, byId, controls());
    expect(findings.map((f) => [f.entry.id, f.count])).toEqual([['org-a', 5], ['org-b', 1]]);
    expect(findings[0]!.forms).toEqual(['甲', '乙', '丙', '丁', '戊']);
    expect(findings[0]!.frames).toEqual([{ frameId: 0, count: 2 }, { frameId: 7, count: 1 }]);
  });

  it('leaves out entries that never warn and those unknown to the list in use', () => {
    const { findings } = mergeFrames({ 0: frame('https://x.example/', [finding('org-c', 4), finding('gone', 4)]) }, byId, controls());
    expect(findings).toEqual([]);
  });

  it('sets aside the organizations suppressed on the site, with their names', () => {
    const { findings, suppressed } = mergeFrames(frames, byId, controls({ suppressed: new Set(['org-a']) }));
    expect(findings.map((f) => f.entry.id)).toEqual(['org-b']);
    expect(suppressed).toEqual([{ id: 'org-a', zh: '名-org-a' }]);
  });

  it('counts nothing while switched off', () => {
    expect(mergeFrames(frames, byId, controls({ enabled: false }))).toEqual({ findings: [], suppressed: [] });
  });

  it('orders by occurrences, then by id', () => {
    const { findings } = mergeFrames({ 0: frame('https://x.example/', [finding('org-b', 2), finding('org-a', 2), finding('org-own', 3)]) }, byId, controls());
    expect(findings.map((f) => f.entry.id)).toEqual(['org-own', 'org-a', 'org-b']);
  });
});

describe('bannerState', () => {
  const found = mergeFrames({ 0: frame('https://x.example/', [finding('org-a', 1)]) }, byId, controls()).findings;

  it('shows the banner unless a control says otherwise, in this order of reasons', () => {
    expect(bannerState([], controls({ allowlisted: true }))).toBe('none');
    expect(bannerState(found, controls())).toBe('shown');
    expect(bannerState(found, controls({ allowlisted: true, snoozeUntil: 5 }))).toBe('allowlisted');
    expect(bannerState(found, controls({ snoozeUntil: 5, dismissed: { 'org-a': 1 } }))).toBe('snoozed');
    expect(bannerState(found, controls({ dismissed: { 'org-a': 1 } }))).toBe('dismissed');
  });

  it('shows it again for an organization relisted after its banner was closed', () => {
    expect(bannerState(found, controls({ dismissed: { 'org-a': 1 }, relisted: { 'org-a': 2 } }))).toBe('shown');
  });
});

describe('tabModel', () => {
  const state: TabSnapshot = {
    url: 'https://www.own.example/about',
    title: '名-org-own',
    frames: { 0: frame('https://www.own.example/about', [finding('org-own', 1)], ['org-own']) },
  };
  const input = { tabId: 4, state, byId, listFreshness: { updatedAt: 1717113600000, organizations: 2, mayBeOutOfDate: false }, records: {}, recordLang: 'en' as const, controls: controls(), incognito: false };

  it('is what the popup and the banner are told', () => {
    const model = tabModel(input);
    expect(model).toMatchObject({
      tabId: 4, url: state.url, title: state.title, site: 'own.example', severity: 'alert', banner: 'shown',
      allowlisted: false, snoozeUntil: null, listFreshness: { updatedAt: 1717113600000, organizations: 2, mayBeOutOfDate: false }, incognito: false, pageHidBanner: null, suppressed: [],
    });
    expect(model.findings.map((f) => f.entry.id)).toEqual(['org-own']);
  });

  it('words the alert in the past on a site whose listed domain was seen 12 months ago or more (formerSite)', () => {
    const dated = { ...entry('org-dated'), domains: [{ domain: 'old.example', seen: '2025-09-25' }] };
    const ids = new Map([...byId, [dated.id, dated]]);
    const url = 'https://old.example/news';
    const onOld = { url, title: '通知', frames: { 0: frame(url, [finding('org-dated', 1), finding('org-b', 1)]) } };
    const recent = tabModel({ ...input, byId: ids, state: onOld, now: Date.parse('2026-01-01T00:00:00Z') });
    expect(recent).toMatchObject({ severity: 'alert', formerSite: null });
    const later = tabModel({ ...input, byId: ids, state: onOld, now: Date.parse('2026-12-03T00:00:00Z') });
    expect(later).toMatchObject({ severity: 'alert', formerSite: { id: 'org-dated', seen: '2025-09-25' } });
    expect(bannerSignature(later)).not.toBe(bannerSignature(recent));
  });

  it('says the page hid the banner only while there is something it hid', () => {
    expect(tabModel({ ...input, state: { ...state, bannerHiddenBy: 'covered' } }).pageHidBanner).toBe('covered');
    expect(tabModel({ ...input, state: { ...state, bannerHiddenBy: 'covered' }, controls: controls({ enabled: false }) }).pageHidBanner).toBeNull();
  });
});

describe('tabBadge', () => {
  const model = (n: number, pageHidBanner: 'removed' | null = null) => ({ findings: Array.from({ length: n }, (_, i) => ({ entry: entry(`o${i}`), count: 1, forms: [], frames: [] })), pageHidBanner });

  it('counts organizations, "!" after the count when the page hid the banner, nothing for none', () => {
    expect(tabBadge(model(0))).toBe('');
    expect(tabBadge(model(2))).toBe('2');
    expect(tabBadge(model(2, 'removed'))).toBe('2!');
    expect(tabBadge(model(120))).toBe('99+');
    expect(tabBadge(model(120, 'removed'))).toBe('99!');
    expect(tabBadge(model(0, 'removed'))).toBe('');
  });
});

describe('badgeWithHidden', () => {
  it('appends "!" to the count when the page hid the banner', () => {
    expect(badgeWithHidden('2', true)).toBe('2!');
    expect(badgeWithHidden('99+', true)).toBe('99!');
    expect(badgeWithHidden('2', false)).toBe('2');
  });
  it('shows nothing without a count', () => {
    expect(badgeWithHidden('', true)).toBe('');
  });
});

describe('bannerSignature', () => {
  it('changes with what the banner shows, not with what only the popup shows', () => {
    const base = tabModel({ tabId: 1, state: { url: 'https://x.example/', title: '', frames: { 0: frame('https://x.example/', [finding('org-a', 1)]) } }, byId, listFreshness: null, records: {}, recordLang: 'en', controls: controls(), incognito: false });
    expect(bannerSignature({ ...base, listFreshness: { updatedAt: 0, organizations: 1, mayBeOutOfDate: true }, suppressed: [{ id: 'z', zh: 'z' }] } as typeof base)).toBe(bannerSignature(base));
    expect(bannerSignature({ ...base, banner: 'snoozed' })).not.toBe(bannerSignature(base));
    expect(bannerSignature({ ...base, findings: [{ ...base.findings[0]!, count: 2 }] })).not.toBe(bannerSignature(base));
  });
});

describe('tabModel labels', () => {
  it('labels each finding’s listings from the records it is given, so the banner needs no records table', () => {
    const state: TabSnapshot = { url: 'https://x.example/', title: '', frames: { 0: frame('https://x.example/', [finding('org-a', 1)]) } };
    const entry = byId.get('org-a')!;
    const records = Object.fromEntries(
      entry.listings.map((l) => [l.list, { issuer: { zh_CN: '甲', zh_TW: '甲', en: 'Issuer' }, title: { zh_CN: '乙', zh_TW: '乙', en: 'Title' }, published: null, newsOnly: true }]),
    );
    const input = { tabId: 1, state, byId, listFreshness: null, controls: controls(), incognito: false };
    const labelled = tabModel({ ...input, records, recordLang: 'en' });
    expect(labelled.findings[0]!.labels).toEqual(entry.listings.map((l) => ({ issuer: 'Issuer', title: 'Title', published: l.published, newsOnly: true })));
    expect(tabModel({ ...input, records, recordLang: 'zh_TW' }).findings[0]!.labels[0]!.title).toBe('乙');
    const unlabelled = tabModel({ ...input, records: {}, recordLang: 'en' });
    expect(unlabelled.findings[0]!.labels[0]!.title).toBeNull();
    // New records (a sync) change what the banner shows: it is told again.
    expect(bannerSignature(labelled)).not.toBe(bannerSignature(unlabelled));
  });
});
