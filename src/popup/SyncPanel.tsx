/**
 * The popup's feed section: "Sync now" with progress and result, the last update's changes, and
 * the footer line that says which list is in use. The sync itself runs in the background
 * worker (the popup only asks for it and watches the status in storage), so closing the popup
 * mid-sync neither stops nor corrupts it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { hasChanges, type ChangeGroup, type EntryRef, type ListChangesSummary } from '../core/feed/diff';
import { listStaleness } from '../core/feed/staleness';
import type { FeedError } from '../core/feed/validate';
import { formatVersion, versionDate } from '../core/feed/version';
import { formatDateTime, listOf, t } from '../shared/i18n';
import type { ActiveList } from '../shared/list-store';
import { sendFromExtensionPage, type SyncView } from '../shared/messages';
import type { SyncStatus } from '../shared/storage/areas';
import { onSyncStatusChanged } from '../shared/storage/sync-status';
import './sync-panel.css';

/** The user-facing text of a sync error, by its code (the technical detail is shown apart, collapsed). */
export function errorText(error: FeedError): string {
  const key = `syncError_${error.code.replace(/-/g, '_')}`;
  return error.code === 'http-status' ? t(key, error.detail ?? '') : t(key);
}

/** The view from the worker, kept current while the page is open. */
export function useSyncView(watch = true): [SyncView | undefined, (v: SyncView) => void] {
  const [view, setView] = useState<SyncView>();
  useEffect(() => {
    let alive = true;
    let running = false;
    const refresh = () =>
      void sendFromExtensionPage('getSyncStatus', {})
        .then((v) => {
          running = v.running;
          if (alive) setView(v);
        })
        .catch(() => undefined);
    refresh();
    if (!watch) return () => (alive = false);
    const stop = onSyncStatusChanged(refresh);
    // While a sync runs, also ask now and then: should the worker have been stopped mid-sync,
    // asking starts it again and it records the sync as interrupted.
    const timer = setInterval(() => running && refresh(), 2000);
    return () => {
      alive = false;
      stop();
      clearInterval(timer);
    };
  }, [watch]);
  return [view, setView];
}

export function SyncPanel({ onListChanged }: { onListChanged?: () => void }) {
  const [view, setView] = useSyncView();
  const [asked, setAsked] = useState(false);
  const lastUpdateAt = useRef<number | null | undefined>(undefined);

  useEffect(() => {
    if (!view) return;
    const at = view.status.lastUpdate?.at ?? null;
    if (lastUpdateAt.current !== undefined && at !== lastUpdateAt.current) onListChanged?.();
    lastUpdateAt.current = at;
  }, [view, onListChanged]);

  if (!view) return null;
  if (!view.url) {
    // No feed: nothing to sync, but a list that old is still worth saying.
    return isStale(view) ? (
      <section class="sync" data-testid="sync-panel">
        <StaleListNotice view={view} />
      </section>
    ) : null;
  }
  const running = view.running || asked;

  const sync = async () => {
    setAsked(true);
    try {
      setView(await sendFromExtensionPage('syncNow', {}));
    } finally {
      setAsked(false);
    }
  };

  return (
    <section class="sync" aria-labelledby="sync-title" data-testid="sync-panel">
      <h2 id="sync-title" class="visually-hidden">
        {t('feedSectionTitle')}
      </h2>
      <StaleListNotice view={view} />
      <SyncNowButton class="sync-row" running={running} onClick={() => void sync()} />
      {running ? null : <SyncResult status={view.status} />}
      {view.status.lastUpdate ? <Changes at={view.status.lastUpdate.at} changes={view.status.lastUpdate.changes} /> : null}
    </section>
  );
}

function stalenessOf(view: SyncView, now = Date.now()) {
  return listStaleness({ hasFeed: view.url !== null, lastSuccessAt: view.status.lastSuccessAt, listVersion: view.list.version }, now);
}

function isStale(view: SyncView): boolean {
  return stalenessOf(view) !== null;
}

/**
 * "The list may be out of date" (rule: core/feed/staleness.ts), with since when and what to do;
 * nothing while the list is current. For the popup's sync panel and the options page.
 */
export function StaleListNotice({ view }: { view: SyncView }) {
  const stale = stalenessOf(view);
  if (!stale) return null;
  const text =
    stale.kind === 'checked'
      ? t('listStaleChecked', formatDateTime(stale.since))
      : t(stale.kind === 'dated' ? 'listStaleDated' : 'listStaleNoFeed', versionDate(view.list.version));
  return (
    <p class="stale-list" role="status" data-testid="list-stale" data-kind={stale.kind}>
      {text}
    </p>
  );
}

export function SyncResult({ status }: { status: SyncStatus }) {
  const last = status.last;
  if (!last) return null;
  if (last.kind === 'updated') {
    return (
      <p class="sync-result" role="status" data-testid="sync-result" data-kind="updated">
        {t('syncResultUpdated', formatVersion(last.version), last.count)}
      </p>
    );
  }
  if (last.kind === 'up-to-date') {
    return (
      <p class="sync-result" role="status" data-testid="sync-result" data-kind="up-to-date">
        {t('syncResultUpToDate', formatDateTime(last.at))}
      </p>
    );
  }
  return (
    <p class="sync-result error" role="alert" data-testid="sync-result" data-kind="error" data-code={last.error.code}>
      {t('syncResultError', errorText(last.error))}{' '}
      <span data-testid="sync-last-success" data-never={String(status.lastSuccessAt === null)}>
        {status.lastSuccessAt !== null ? t('syncLastSuccess', formatDateTime(status.lastSuccessAt)) : t('syncNeverSucceeded')}
      </span>
    </p>
  );
}

function Group({ label, group, render }: { label: string; group: ChangeGroup<unknown>; render: (item: never) => string }) {
  if (!group.count) return null;
  return (
    <li>
      <strong>{label}</strong>
      <ul>
        {group.items.map((item, i) => (
          <li key={i}>{render(item as never)}</li>
        ))}
        {group.count > group.items.length ? <li>{t('syncChangesMore', group.count - group.items.length)}</li> : null}
      </ul>
    </li>
  );
}

const name = (e: EntryRef) => (e.en ? t('syncChangesNameWithEnglish', e.zh, e.en) : e.zh);

export function Changes({ at, changes }: { at: number; changes: ListChangesSummary }) {
  const none = !hasChanges(changes);
  return (
    <details class="sync-changes" data-testid="sync-changes">
      <summary>{t('syncChangesTitle', formatDateTime(at))}</summary>
      {none ? (
        <p>{t('syncChangesNone')}</p>
      ) : (
        <ul>
          <Group label={t('syncChangesAdded', changes.added.count)} group={changes.added} render={(e: EntryRef) => name(e)} />
          <Group label={t('syncChangesRemoved', changes.removed.count)} group={changes.removed} render={(e: EntryRef) => name(e)} />
          <Group
            label={t('syncChangesRenamed', changes.renamed.count)}
            group={changes.renamed}
            render={(r: { from: EntryRef; to: EntryRef }) => t('syncChangesRenamedItem', name(r.from), name(r.to))}
          />
          <Group
            label={t('syncChangesListings', changes.listingsAdded.count)}
            group={changes.listingsAdded}
            render={(e: EntryRef & { lists: string[] }) => t('syncChangesListingsItem', name(e), listOf(e.lists))}
          />
        </ul>
      )}
    </details>
  );
}

/** The footer line: which list is in use, and whether a feed can replace it. */
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

/** "Sync now" with its progress, for the popup and the options page. */
export function SyncNowButton(props: { class: string; running: boolean; onClick: () => void }) {
  return (
    <div class={props.class}>
      <button type="button" onClick={props.onClick} disabled={props.running} aria-busy={props.running}>
        {t('syncNow')}
      </button>
      {props.running ? (
        <span class="sync-progress" role="status">
          <progress aria-label={t('syncRunning')} /> {t('syncRunning')}
        </span>
      ) : null}
    </div>
  );
}
