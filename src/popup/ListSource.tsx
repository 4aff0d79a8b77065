/**
 * The popup footer's line about the list in use: the one freshness line (ui/Freshness.tsx) that
 * the banner and the options page show too, from the background's sync view, then which list it
 * is in plain words (the one built into OrgCheck, or the one from the update source the user set).
 * Feed settings are for the options page, so a person who never set a feed reads nothing about one.
 */
import { freshnessOfView } from '../core/feed/freshness';
import { t } from '../shared/i18n';
import type { ActiveList } from '../shared/list-store';
import { ServedBy } from '../ui/FeedHosts';
import { Freshness } from '../ui/Freshness';
import { useSyncView } from '../ui/use-sync-view';

export function ListSource({ list }: { list: ActiveList }) {
  const [view] = useSyncView(false);
  return (
    <span data-testid="list-source" data-source={list.source}>
      {view ? (
        <>
          <Freshness freshness={freshnessOfView(view, Date.now())} />
          <br />
        </>
      ) : null}
      {list.source === 'feed' ? t('listInUseFeed') : t('listInUseBuiltIn')}
      {view ? (
        <>
          {' '}
          <ServedBy view={view} />
        </>
      ) : null}
    </span>
  );
}
