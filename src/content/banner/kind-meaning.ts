/**
 * What each kind of listing means for the reader, in one plain sentence (issue 14 item 3). One
 * literal key each, so tests/unit/locales.test.ts sees every key the banner uses.
 */
import type { ListingKind } from '../../core/list-schema';
import { t } from '../../shared/i18n';

const MEANING: Record<ListingKind, () => string> = {
  banned: () => t('kindMeaning_banned'),
  'website-shutdown': () => t('kindMeaning_website_shutdown'),
  'suspected-illegal': () => t('kindMeaning_suspected_illegal'),
  counterfeit: () => t('kindMeaning_counterfeit'),
  dispersed: () => t('kindMeaning_dispersed'),
};

/** One sentence per distinct kind among `kinds`, in the order they first appear. */
export function kindMeanings(kinds: readonly ListingKind[]): string[] {
  return [...new Set(kinds)].map((kind) => MEANING[kind]());
}
