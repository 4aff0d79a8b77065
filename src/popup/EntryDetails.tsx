/**
 * What the popup says about one organization under its names, in the tab's findings (Popup) and
 * in the lookup (LookupResults): its listings (src/ui/Listings.tsx, the banner's markup too), the
 * lawfully registered body it imitates where known, and, for an entry that never warns, why, in
 * the UI language. The research note behind that (English, written for maintainers) is offered
 * in a disclosure, as text.
 */
import type { BlocklistEntry } from '../core/list-schema';
import { t } from '../shared/i18n';
import { Listings } from '../ui/Listings';

/** The reason an entry never warns: a generic name (exact), or the name of a lawful namesake. */
export function noWarnReason(entry: Pick<BlocklistEntry, 'exact'>): string {
  return entry.exact ? t('noWarnGeneric') : t('noWarnLawfulNamesake');
}

export function EntryDetails({ entry }: { entry: BlocklistEntry }) {
  return (
    <>
      <Listings listings={entry.listings} />
      {entry.registeredLookalike ? <p class="note lookalike">{t('registeredLookalike', entry.registeredLookalike)}</p> : null}
      {!entry.warn ? (
        <div class="note no-warn">
          <p class="no-warn-reason">{noWarnReason(entry)}</p>
          {entry.note ? (
            <details class="research-note">
              <summary>{t('researchNote')}</summary>
              <p lang="en">{entry.note}</p>
            </details>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
