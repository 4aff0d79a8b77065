/** The user's warning controls, as the banner and the popup send them to the background. */

export const SNOOZE_DURATIONS_MS = { hour: 3_600_000, day: 86_400_000 } as const;

export type WarningControl =
  | { action: 'allowSite'; site: string; on: boolean }
  | { action: 'snooze'; duration: keyof typeof SNOOZE_DURATIONS_MS | null }
  | { action: 'suppress'; site: string; entryId: string; on: boolean }
  /** The banner was closed showing these organizations. */
  | { action: 'dismiss'; site: string; entryIds: string[] }
  /** The global switch (options page). */
  | { action: 'enable'; on: boolean };
