/**
 * The popup footer's line that says which list is in use, in plain words: the one built into
 * OrgCheck, or the one from the update source the user set. When it was updated and how many
 * organizations it holds is the freshness line's to say (src/ui/), not this one's; feed
 * settings are for the options page, so a person who never set a feed reads nothing about one.
 */
import { t } from '../shared/i18n';
import type { ActiveList } from '../shared/list-store';

export function ListSource({ list }: { list: ActiveList }) {
  return (
    <span data-testid="list-source" data-source={list.source}>
      {list.source === 'feed' ? t('listInUseFeed') : t('listInUseBuiltIn')}
    </span>
  );
}
