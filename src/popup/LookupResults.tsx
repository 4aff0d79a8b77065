/**
 * The popup's lookup answer, name by name (a query may hold several, core/lookup-query.ts), each
 * verdict first (core/lookup-verdict.ts): "'…' is on the list" with its listing, or "'…' is not
 * on the list" with what that means and the official registry search; only then, collapsed, the
 * other names that contain it or look like it. Entries that never warn (lawful namesakes, generic
 * names) look neutral, with why (EntryDetails).
 * A name that is the whole name of a body in the partial copy of the national registry
 * (core/lawful-registry.ts) also says so, with the copy's date. A unified social credit code among
 * them is read and checked (CodeAnswer) instead of looked up as a name.
 */
import { useMemo } from 'preact/hooks';
import lawfulCopy from '../../data/lawful-national-partial.json';
import { readCreditCode } from '../core/credit-code';
import { findLawfulBody, type LawfulBody, type LawfulRegistryCopy } from '../core/lawful-registry';
import { listingLabels, recordLanguage } from '../core/list-records';
import type { BlocklistEntry, ListRecords } from '../core/list-schema';
import { OrganizationLookup, type LookupResult } from '../core/lookup';
import { MAX_LOOKUP_NAMES, splitLookupQuery } from '../core/lookup-query';
import { answerName, type NameAnswer } from '../core/lookup-verdict';
import { CHINANPO_URL } from '../core/report-text';
import { t, uiLanguage } from '../shared/i18n';
import { CodeAnswer, useDivisions } from './CodeAnswer';
import { EntryDetails } from './EntryDetails';
import './lookup.css';

export const LOOKUP_LIMIT = 20;
/** Answers kept between keystrokes: typing changes one name of a pasted list, not the others. */
const CACHED_ANSWERS = 64;

export function LookupResults({
  entries,
  records,
  query,
}: {
  entries: readonly BlocklistEntry[] | undefined;
  /** The list records in use (shared/list-store.ts: a synced feed's over the bundled ones). */
  records: ListRecords | undefined;
  query: string;
}) {
  // Built once per list version (the entries array), then cached by OrganizationLookup.for.
  const lookup = useMemo(() => (entries ? OrganizationLookup.for(entries) : undefined), [entries]);
  const cache = useMemo(() => new Map<string, NameAnswer>(), [lookup]);
  const split = useMemo(() => splitLookupQuery(query), [query]);
  const codes = useMemo(() => split.names.map((name) => readCreditCode(name)), [split]);
  const divisions = useDivisions(codes.some((c) => c !== undefined));
  const answers = useMemo(() => {
    if (!lookup) return [];
    return split.names.map((name, i): NameAnswer | { code: string } => {
      const code = codes[i];
      if (code) return { code };
      let answer = cache.get(name);
      if (!answer) {
        if (cache.size >= CACHED_ANSWERS) cache.clear();
        answer = answerName(lookup, name, LOOKUP_LIMIT);
        cache.set(name, answer);
      }
      return answer;
    });
  }, [lookup, cache, split, codes]);
  if (!answers.length) return null;
  const several = answers.length > 1;
  return (
    <div class="answers" data-testid="lookup-results">
      {several ? (
        <p class="count" role="status">
          {codes.some((c) => c !== undefined) ? t('lookupItemsCount', answers.length) : t('lookupNamesCount', answers.length)}
        </p>
      ) : null}
      {answers.map((a, i) =>
        'code' in a ? (
          <CodeAnswer key={`${i}:${a.code}`} code={a.code} divisions={divisions} several={several} />
        ) : (
          <NameVerdict key={`${i}:${a.name}`} answer={a} several={several} records={records ?? {}} />
        ),
      )}
      {split.omitted ? <p class="hint">{t('lookupNamesOmitted', MAX_LOOKUP_NAMES, split.omitted)}</p> : null}
    </div>
  );
}

function NameVerdict({ answer, several, records }: { answer: NameAnswer; several: boolean; records: ListRecords }) {
  const { name, verdict, exact, similar, similarTotal } = answer;
  const lawful = verdict === 'not-listed' ? findLawfulBody(lawfulCopy as LawfulRegistryCopy, name) : undefined;
  // Typing part of a name (one name, none exactly so): the names containing it are what is sought.
  const openSimilar = !several && verdict === 'not-listed' && similar.some((r) => r.rank === 1 || r.rank === 2);
  return (
    <section class={`verdict ${verdict}`} data-testid="lookup-verdict" data-verdict={verdict} data-name={name}>
      <p class="verdict-line" role={several ? undefined : 'status'}>
        <strong>
          {verdict === 'listed' ? t('lookupListed', name) : verdict === 'never-warns' ? t('lookupNeverWarns', name) : t('lookupNotListed', name)}
        </strong>
      </p>
      {exact.length ? (
        <ul class="results" data-testid="lookup-exact">
          {exact.map((r) => (
            <LookupCard key={r.entry.id} result={r} records={records} />
          ))}
        </ul>
      ) : (
        <div class="empty" data-testid="lookup-empty">
          {lawful ? <LawfulRegistryNote body={lawful} /> : null}
          <p>{t('lookupNotListedMeaning')}</p>
          <p>
            <a href={CHINANPO_URL} target="_blank" rel="noopener noreferrer" data-testid="registry-link">
              {t('officialRegistry')}
            </a>
          </p>
        </div>
      )}
      {similar.length ? (
        <details class="similar-names" data-testid="lookup-similar" open={openSimilar}>
          <summary>{similarTotal === 1 ? t('lookupSimilarOne') : t('lookupSimilarMany', similarTotal)}</summary>
          {similarTotal > similar.length ? <p class="count">{t('lookupSimilarFirst', similar.length)}</p> : null}
          <ul class="results">
            {similar.map((r) => (
              <LookupCard key={r.entry.id} result={r} records={records} />
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

function LookupCard({ result, records }: { result: LookupResult; records: ListRecords }) {
  const { entry, matchedName, rank } = result;
  const english = entry.names.en ?? entry.enDisplay;
  const shownAs = matchedName !== entry.names.zh && matchedName !== english;
  return (
    <li class={entry.warn ? 'entry' : 'entry neutral'} data-entry-id={entry.id} data-rank={rank} data-warn={String(entry.warn)}>
      <strong class="zh">{entry.names.zh}</strong>
      {english ? <span class="en">{english}</span> : null}
      {shownAs ? <span class="en matched">{t('matchedAs', matchedName)}</span> : null}
      <EntryDetails entry={entry} labels={listingLabels(entry.listings, recordLanguage(uiLanguage()), records)} />
    </li>
  );
}

/** The name is a body of the partial registry copy: when, and how sure (the registry link follows). */
function LawfulRegistryNote({ body }: { body: LawfulBody }) {
  return (
    <div class="lawful-registry" data-testid="lawful-registry">
      <p>
        {t('lawfulRegistryFound', body.name, (lawfulCopy as LawfulRegistryCopy).period)}
        {body.confidence === 'medium' ? ` ${t('lawfulRegistryMayHaveChanged')}` : null}
      </p>
    </div>
  );
}
