/**
 * The popup footer's line about the list in use: the one freshness line (ui/Freshness.tsx) that
 * the banner and the options page show too, from the background's sync view.
 */
import { freshnessOfView } from '../core/feed/freshness';
import type { ActiveList } from '../shared/list-store';
import { Freshness } from '../ui/Freshness';
import { useSyncView } from '../ui/use-sync-view';

export function ListSource({ list }: { list: ActiveList }) {
  const [view] = useSyncView(false);
  return (
    <span data-testid="list-source" data-source={list.source}>
      {view ? <Freshness freshness={freshnessOfView(view, Date.now())} /> : null}
    </span>
  );
}
