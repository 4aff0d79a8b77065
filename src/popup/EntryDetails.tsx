/**
 * What the popup says about one organization under its names, in the tab's findings (Popup) and
 * in the lookup (LookupResults): its listings (src/ui/Listings.tsx, the banner's markup too), the
 * lawfully registered body it imitates where known, and, for an entry that never warns, why, in
 * the UI language. The entry's `note` is written for maintainers (research caveats, "DO NOT
 * BLOCK BY NAME…") and is never shown: the reason above is the users' sentence for it.
 */
import type { ListingLabel } from '../core/list-records';
import type { BlocklistEntry } from '../core/list-schema';
import { t } from '../shared/i18n';
import { Listings } from '../ui/Listings';

/** The reason an entry never warns: a generic name (exact), or the name of a lawful namesake. */
export function noWarnReason(entry: Pick<BlocklistEntry, 'exact'>): string {
  return entry.exact ? t('noWarnGeneric') : t('noWarnLawfulNamesake');
}

/** `labels`: the words for each listing, from the records in use (the background's, or the popup's list). */
export function EntryDetails({ entry, labels }: { entry: BlocklistEntry; labels: readonly ListingLabel[] }) {
  return (
    <>
      <Listings listings={entry.listings} labels={labels} />
      {entry.registeredLookalike ? <p class="note lookalike">{t('registeredLookalike', entry.registeredLookalike)}</p> : null}
      {!entry.warn ? (
        <div class="note no-warn">
          <p class="no-warn-reason">{noWarnReason(entry)}</p>
        </div>
      ) : null}
    </>
  );
}
