/**
 * The popup's lookup results: each organization with its listings, look-alike and, for names that
 * never warn, why (EntryDetails). No result says what that means and links to the official registry search.
 * A query that is the whole name of a body in the partial copy of the national registry
 * (core/lawful-registry.ts) also says so, with the copy's date and the same link to confirm.
 */
import { useMemo } from 'preact/hooks';
import lawfulCopy from '../../data/lawful-national-partial.json';
import { findLawfulBody, type LawfulBody, type LawfulRegistryCopy } from '../core/lawful-registry';
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
  const lawful = useMemo(() => findLawfulBody(lawfulCopy as LawfulRegistryCopy, query), [query]);
  if (!answer) return null;
  if (!answer.results.length) {
    return (
      <div class="empty" role="status" data-testid="lookup-empty">
        {/* The registry link follows below: the note needs no second one. */}
        {lawful ? <LawfulRegistryNote body={lawful} withLink={false} /> : null}
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
      {lawful ? <LawfulRegistryNote body={lawful} withLink /> : null}
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

/** The query names a body of the partial registry copy: when, how sure, and where to confirm. */
function LawfulRegistryNote({ body, withLink }: { body: LawfulBody; withLink: boolean }) {
  return (
    <div class="lawful-registry" data-testid="lawful-registry">
      <p>
        {t('lawfulRegistryFound', body.name, (lawfulCopy as LawfulRegistryCopy).period)}
        {body.confidence === 'medium' ? ` ${t('lawfulRegistryMayHaveChanged')}` : null}
      </p>
      {withLink ? (
        <p>
          <a href={CHINANPO_URL} target="_blank" rel="noopener noreferrer" data-testid="lawful-registry-link">
            {t('officialRegistry')}
          </a>
        </p>
      ) : null}
    </div>
  );
}
