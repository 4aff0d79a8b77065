/**
 * What a tab shows, from what its frames reported: the findings merged across frames, the
 * severity, whether the banner shows (and if not, why), and the toolbar badge. Pure: the
 * background (background/tab-findings.ts) reads the state, the list and the controls, and
 * publishes what this decides.
 */
import type { ListFreshness } from './feed/freshness';
import type { BannerHiddenBy } from './banner-gate';
import type { BlocklistEntry, ListRecords } from './list-schema';
import { listingLabels, type RecordLanguage } from './list-records';
import { formerSiteOf } from './own-site';
import { severityOf, type SeverityInput } from './severity';
import { siteOf } from './site';
import { allDismissed, type SiteControls } from './warning-controls';
import type { BannerState, FrameReport, TabFinding, TabFindings } from './findings';

/** Distinct forms kept per organization (as a frame reports them). */
const MAX_FORMS = 5;

/** What the background keeps of a tab (storage.session, `tab:<id>`). */
export interface TabSnapshot {
  url: string;
  title: string;
  /** frame id → what the frame reported. */
  frames: Record<string, FrameReport>;
  bannerHiddenBy?: BannerHiddenBy;
}

export interface TabModelInput {
  tabId: number;
  state: TabSnapshot;
  /** The list in use: entries by id, and how fresh it is (core/feed/freshness.ts). */
  byId: ReadonlyMap<string, BlocklistEntry>;
  listFreshness: ListFreshness | null;
  /** The list records in use, and the UI language to label the findings' listings in. */
  records: ListRecords;
  recordLang: RecordLanguage;
  /** The controls in force on the tab's site (core/warning-controls). */
  controls: SiteControls;
  incognito: boolean;
  /** Now (epoch ms): a listed domain seen 12 months ago or more is worded in the past (core/own-site.ts). Default: the clock. */
  now?: number;
}

/** A finding before its listings are labelled. */
export type MergedFinding = Omit<TabFinding, 'labels'>;

/** The organizations that warn on the tab, merged across its frames, most occurrences first, and those the user suppressed here. */
export function mergeFrames(
  frames: Record<string, FrameReport>,
  byId: ReadonlyMap<string, BlocklistEntry>,
  controls: Pick<SiteControls, 'enabled' | 'suppressed'>,
): { findings: MergedFinding[]; suppressed: Array<{ id: string; zh: string }> } {
  const merged = new Map<string, MergedFinding>();
  const suppressed = new Map<string, string>();
  // Switched off: nothing counts, whatever frames reported before.
  const frameIds = controls.enabled ? Object.keys(frames).map(Number).sort((a, b) => a - b) : [];
  for (const frameId of frameIds) {
    for (const f of frames[frameId]!.findings) {
      const entry = byId.get(f.id);
      if (!entry?.warn) continue;
      if (controls.suppressed.has(f.id)) {
        suppressed.set(f.id, entry.names.zh);
        continue;
      }
      const seen = merged.get(f.id);
      if (seen) {
        seen.count += f.count;
        seen.forms = [...new Set([...seen.forms, ...f.forms])].slice(0, MAX_FORMS);
        seen.frames.push({ frameId, count: f.inText ?? f.count });
      } else {
        merged.set(f.id, { entry, count: f.count, forms: f.forms.slice(0, MAX_FORMS), frames: [{ frameId, count: f.inText ?? f.count }] });
      }
    }
  }
  const findings = [...merged.values()].sort((a, b) => b.count - a.count || a.entry.id.localeCompare(b.entry.id));
  return { findings, suppressed: [...suppressed].map(([id, zh]) => ({ id, zh })) };
}

/** Whether the banner shows what the tab found, and if not, why (the first reason that holds). */
export function bannerState(findings: ReadonlyArray<Pick<TabFinding, 'entry'>>, controls: SiteControls): BannerState {
  if (!findings.length) return 'none';
  if (controls.allowlisted) return 'allowlisted';
  if (controls.snoozeUntil) return 'snoozed';
  if (allDismissed(findings.map((f) => f.entry.id), controls)) return 'dismissed';
  return 'shown';
}

/** Everything the popup and the banner are told about the tab. */
export function tabModel({ tabId, state, byId, listFreshness, records, recordLang, controls, incognito, now = Date.now() }: TabModelInput): TabFindings {
  const merged = mergeFrames(state.frames, byId, controls);
  const findings: TabFinding[] = merged.findings.map((f) => ({ ...f, labels: listingLabels(f.entry.listings, recordLang, records) }));
  const { suppressed } = merged;
  const severityInput: SeverityInput = {
    pageUrl: state.url,
    title: state.title,
    entries: findings.map((f) => ({ entry: f.entry, forms: f.forms })),
    titleIds: state.frames[0]?.titleIds ?? [],
  };
  const severity = severityOf(severityInput);
  return {
    tabId,
    url: state.url,
    title: state.title,
    site: siteOf(state.url),
    findings,
    suppressed,
    severity,
    formerSite: formerSiteOf(severityInput, now),
    banner: bannerState(findings, controls),
    allowlisted: controls.allowlisted,
    snoozeUntil: controls.snoozeUntil,
    listFreshness,
    incognito,
    // "The page hid the banner" only while there is something it hid.
    pageHidBanner: findings.length ? (state.bannerHiddenBy ?? null) : null,
  };
}

/** The toolbar badge for a number of organizations: empty for none, "99+" past 99. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}

/**
 * The toolbar badge of a tab whose page hid the banner: the count with "!" after it ("2!", "99!").
 * Appended rather than replacing the count: the badge is the one thing a page can't forge, and
 * the number still tells how many listed organizations the page names; "!" says the page hid the
 * banner that would have said so. Three characters at most, so it fits the badge. No findings (all
 * marked "not this organization" since, or switched off): no badge, "!" included.
 */
export function badgeWithHidden(countText: string, hidden: boolean): string {
  if (!hidden || !countText) return countText;
  return `${countText.replace(/\+$/, '')}!`;
}

/** The tab's toolbar badge: the count of organizations, "!" after it when the page hid the banner. */
export function tabBadge(model: { findings: readonly unknown[]; pageHidBanner?: TabFindings['pageHidBanner'] }): string {
  return badgeWithHidden(badgeText(model.findings.length), !!model.pageHidBanner);
}

/**
 * What the banner shows, as a string to compare: the top frame is told only when it changed
 * (the badge and the popup have their own reads).
 */
export function bannerSignature(model: Pick<TabFindings, 'banner' | 'severity' | 'findings' | 'formerSite'>): string {
  return JSON.stringify([model.banner, model.severity, model.formerSite ?? null, model.findings.map((f) => [f.entry.id, f.count, f.forms, f.frames, f.labels])]);
}
