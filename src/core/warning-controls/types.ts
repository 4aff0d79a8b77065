/** The user's warning controls, as the banner and the popup send them to the background. */

export const SNOOZE_DURATIONS_MS = { hour: 3_600_000, day: 86_400_000 } as const;

export type WarningControl =
  | { action: 'allowSite'; site: string; on: boolean }
  | { action: 'snooze'; duration: keyof typeof SNOOZE_DURATIONS_MS | null }
  | { action: 'suppress'; site: string; entryId: string; on: boolean }
  /** The banner was closed showing these organizations. */
  | { action: 'dismiss'; site: string; entryIds: string[] }
  /** The popup's "show the warning again": banners closed on the site this session open again. */
  | { action: 'undismiss'; site: string }
  /** The global switch (options page). */
  | { action: 'enable'; on: boolean };

/**
 * The banner's choices that change settings beyond this page view: "Not this organization",
 * "Don't warn on this site", a snooze. The banner never applies them: it asks the background,
 * which asks the user again on the confirmation page (src/confirm/), out of the page's reach.
 */
export type ChoiceControl =
  | { action: 'allowSite'; site: string; on: true }
  | { action: 'suppress'; site: string; entryId: string; on: true }
  | { action: 'snooze'; duration: keyof typeof SNOOZE_DURATIONS_MS };

/** What the confirmation page shows about the choice waiting for a tab. */
export interface PendingChoiceView {
  control: ChoiceControl;
  /** The organization's name ("not this organization"), as the list has it. */
  name: string | null;
  /** The choice was made in a private window: it lasts until the browser closes. */
  incognito: boolean;
  /**
   * Issued with this view: Confirm sends it back, and the background applies the choice only if
   * it is still the one waiting (a page that asks again meanwhile swaps it; issue 18 item 8).
   */
  nonce: string;
  /** The page asked again, replacing the choice it asked about first: Confirm waits longer. */
  askedAgain: boolean;
}
