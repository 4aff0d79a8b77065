/**
 * Per-tab findings, `tab:<id>` in storage.session: a service worker stopped while idle picks up
 * where it left off, and a closed browser forgets them.
 */
import type { BannerHiddenBy } from '../../core/banner-gate';
import type { FrameReport } from '../findings';
import { rawSession } from './wrapper';

export interface TabState {
  /** The top frame's URL as the browser gave it (core/frame-url.ts), and its title. */
  url: string;
  title: string;
  /** The top frame and the subframes that found something, each within a budget (core/tab-limits.ts). */
  frames: Record<string, FrameReport>;
  /** The tab is in a private window (as its frames' messages said). */
  incognito?: boolean;
  /** The page (this document) hid the banner without a click: badge "!" (background/tab-findings.ts). */
  bannerHiddenBy?: BannerHiddenBy;
}

const tabKey = (tabId: number) => `tab:${tabId}`;

export const tabStateStore = {
  async get(tabId: number): Promise<TabState | null> {
    const key = tabKey(tabId);
    return ((await rawSession.get(key))[key] as TabState | undefined) ?? null;
  },
  set: (tabId: number, state: TabState): Promise<void> => rawSession.set({ [tabKey(tabId)]: state }),
  remove: (tabId: number): Promise<void> => rawSession.remove(tabKey(tabId)),
};
