/**
 * The popup footer's line that says which list is in use (built in or from the feed, its date
 * and size), and whether a feed can replace it.
 */
import { formatVersion, versionDate } from '../core/feed/version';
import { t } from '../shared/i18n';
import type { ActiveList } from '../shared/list-store';
import { useSyncView } from '../ui/use-sync-view';

export function ListSource({ list }: { list: ActiveList }) {
  const [view] = useSyncView(false);
  const count = list.list.entries.length;
  const date = versionDate(list.list.version);
  let text: string;
  if (list.source === 'feed') text = t('listFromFeed', formatVersion(list.list.version), count);
  else if (view && !view.url) text = t('listBuiltInNoFeed', date, count);
  else if (view) text = t('listBuiltInWithFeed', date, count);
  else text = '';
  return (
    <span data-testid="list-source" data-source={list.source}>
      {text}
    </span>
  );
}
