/**
 * The shape and sizes a warning control (types.ts) must have to be applied, from any
 * sender: a snooze lasts one of the offered durations, sites and ids are short strings, a closed
 * banner names a bounded number of organizations. Pure (valibot).
 */
import * as v from 'valibot';
import { SNOOZE_DURATIONS_MS, type WarningControl } from './types';

/** A site (core/site.ts) is a host name (at most 253 characters) with maybe a port. */
export const MAX_SITE_CHARS = 260;
export const MAX_ENTRY_ID_CHARS = 200;
/** Organizations one closed banner may name: a frame reports at most this many (content-script-payloads.ts). */
export const MAX_DISMISSED_IDS = 1000;

/** A list entry's id: a lower-case slug (core/list-schema.ts), of bounded length. */
export const EntryIdSchema = v.pipe(v.string(), v.maxLength(MAX_ENTRY_ID_CHARS), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'not an entry id'));

const SiteSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_SITE_CHARS));

const SNOOZE_DURATIONS = Object.keys(SNOOZE_DURATIONS_MS) as Array<keyof typeof SNOOZE_DURATIONS_MS>;

export const WarningControlSchema = v.variant('action', [
  v.object({ action: v.literal('allowSite'), site: SiteSchema, on: v.boolean() }),
  v.object({ action: v.literal('snooze'), duration: v.nullable(v.picklist(SNOOZE_DURATIONS, 'not an offered snooze duration')) }),
  v.object({ action: v.literal('suppress'), site: SiteSchema, entryId: EntryIdSchema, on: v.boolean() }),
  v.object({
    action: v.literal('dismiss'),
    site: SiteSchema,
    entryIds: v.pipe(v.array(EntryIdSchema), v.minLength(1), v.maxLength(MAX_DISMISSED_IDS)),
  }),
  v.object({ action: v.literal('undismiss'), site: SiteSchema }),
  v.object({ action: v.literal('enable'), on: v.boolean() }),
]) satisfies v.GenericSchema<unknown, WarningControl>;

/**
 * Whether a control that turns something on names organizations of `known` only (the list in
 * use, or for the banner the organizations its tab found). Turning a suppression off is always
 * allowed: the organization may have left the list since.
 */
export function namesKnownEntries(control: WarningControl, known: (id: string) => boolean): boolean {
  switch (control.action) {
    case 'suppress':
      return !control.on || known(control.entryId);
    case 'dismiss':
      return control.entryIds.every(known);
    default:
      return true;
  }
}
