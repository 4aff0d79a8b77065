/**
 * The popup's lookup results: each organization with its listings, look-alike and, for names that
 * never warn, why (EntryDetails). No result says what that means and links to the official registry search.
 */
import { useMemo } from 'preact/hooks';
import type { BlocklistEntry } from '../core/list-schema';
import { OrganizationLookup, type LookupResult } from '../core/lookup';
import { CHINANPO_URL } from '../core/report-text';
import { t } from '../shared/i18n';
import { EntryDetails } from './EntryDetails';
import './lookup.css';

export const LOOKUP_LIMIT = 20;

export function LookupResults({ entries, query }: { entries: readonly BlocklistEntry[] | undefined; query: string }) {
  // Built once per list version (the entries array), then cached by OrganizationLookup.for.
  const lookup = useMemo(() => (entries ? OrganizationLookup.for(entries) : undefined), [entries]);
  const answer = useMemo(() => (lookup && query.trim() ? lookup.find(query, LOOKUP_LIMIT) : undefined), [lookup, query]);
  if (!answer) return null;
  if (!answer.results.length) {
    return (
      <div class="empty" role="status" data-testid="lookup-empty">
        <p>{t('searchNoResult')}</p>
        <p>
          <a href={CHINANPO_URL} target="_blank" rel="noopener noreferrer" data-testid="registry-link">
            {t('officialRegistry')}
          </a>
        </p>
      </div>
    );
  }
  return (
    <>
      <p class="count" role="status">
        {answer.total > answer.results.length
          ? t('resultCountOf', answer.results.length, answer.total)
          : t('resultCount', answer.results.length)}
      </p>
      <ul class="results" data-testid="lookup-results">
        {answer.results.map((r) => (
          <LookupCard key={r.entry.id} result={r} />
        ))}
      </ul>
    </>
  );
}

function LookupCard({ result }: { result: LookupResult }) {
  const { entry, matchedName, rank } = result;
  const english = entry.names.en ?? entry.enDisplay;
  const shownAs = matchedName !== entry.names.zh && matchedName !== english;
  return (
    <li class="entry" data-entry-id={entry.id} data-rank={rank} data-warn={String(entry.warn)}>
      <strong class="zh">{entry.names.zh}</strong>
      {rank === 3 ? <span class="similar"> · {t('lookupSimilar')}</span> : null}
      {english ? <span class="en">{english}</span> : null}
      {shownAs ? <span class="en matched">{t('matchedAs', matchedName)}</span> : null}
      <EntryDetails entry={entry} />
    </li>
  );
}
