/**
 * What the last list update changed (core/feed/diff.ts summary), collapsed under its date:
 * organizations added, removed, renamed, and new listings. For the popup and the options page.
 */
import { hasChanges, type ChangeGroup, type EntryRef, type ListChangesSummary } from '../core/feed/diff';
import { formatDateTime, listOf, t } from '../shared/i18n';
import './sync.css';

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

export function ListChanges({ at, changes }: { at: number; changes: ListChangesSummary }) {
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
