/**
 * The alarms that end snoozes: when one fires, open tabs show their banners again (index.ts).
 * They follow the stored snooze, whatever wrote it (the banner's choice confirmed, the popup, the
 * options page, a settings import), so that every snooze ends on time. One alarm per scope: a
 * private tab's snooze (storage.session) and a normal one (storage.local) end separately.
 */
import browser from 'webextension-polyfill';
import type { Scope } from '../core/warning-controls/private-windows';
import { onSnoozeChanged } from '../shared/storage/warning-controls';
import { localStore, sessionStore } from '../shared/storage/wrapper';

/** Prefix of the alarms' names (`snooze-end:normal`, `snooze-end:private`). */
export const SNOOZE_END_ALARM = 'snooze-end';

/**
 * A second after the end, so that the snooze has expired when tabs are recounted. A snooze
 * already over, or none, needs no alarm.
 */
async function scheduleEnd(scope: Scope, until: number | null, now = Date.now()): Promise<void> {
  const name = `${SNOOZE_END_ALARM}:${scope}`;
  if (until !== null && until > now) await browser.alarms.create(name, { when: until + 1_000 });
  else await browser.alarms.clear(name);
}

/** Follows every write of a snooze from now on; call at the worker's top level (the listener must be there to wake it). */
export function initSnoozeAlarms(): void {
  onSnoozeChanged((scope, until) => void scheduleEnd(scope, until));
}

/**
 * Sets both alarms from storage: after an install, an update or a browser start, when a write
 * may have happened while nothing listened (an older version's, or alarms lost with the browser).
 */
export async function resyncSnoozeAlarms(): Promise<void> {
  const [local, overlay] = await Promise.all([localStore.get('snoozeUntil'), sessionStore.get('privateControls')]);
  await Promise.all([scheduleEnd('normal', local), scheduleEnd('private', overlay.snoozeUntil)]);
}
