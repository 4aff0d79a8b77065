/**
 * The one line about the list in use, the same in the banner, the popup and the options page:
 * when it was last updated and how many organizations it holds, then "may be out of date" past
 * 30 days (the rule: core/feed/freshness.ts). No stylesheet of its own, for the banner's closed
 * shadow root (see Listings.tsx): each place styles `.list-freshness` and `.out-of-date`.
 */
import type { ListFreshness } from '../core/feed/freshness';
import { formatDate, t } from '../shared/i18n';

export function Freshness({ freshness }: { freshness: ListFreshness }) {
  const { updatedAt, organizations, mayBeOutOfDate } = freshness;
  return (
    <span class="list-freshness" data-testid="list-freshness" data-out-of-date={mayBeOutOfDate ? 'true' : 'false'}>
      {updatedAt !== null ? t('listFreshness', formatDate(updatedAt), organizations) : t('listFreshnessUndated', organizations)}
      {mayBeOutOfDate ? (
        <>
          {' · '}
          <strong class="out-of-date">{t('listMayBeOutOfDate')}</strong>
        </>
      ) : null}
    </span>
  );
}
