/**
 * What the popup says about one organization under its names, in the tab's findings (Popup) and
 * in the lookup (LookupResults): its listings (kind, list, date, source links), the lawfully
 * registered body it imitates where known, and, for an entry that never warns, why, in the UI
 * language. The research note behind that (English, written for maintainers) is offered in a
 * disclosure, as text.
 */
import { Fragment } from 'preact';
import type { BlocklistEntry } from '../core/list-schema';
import { kindLabel, t } from '../shared/i18n';

/** The reason an entry never warns: a generic name (exact), or the name of a lawful namesake. */
export function noWarnReason(entry: Pick<BlocklistEntry, 'exact'>): string {
  return entry.exact ? t('noWarnGeneric') : t('noWarnLawfulNamesake');
}

export function EntryDetails({ entry }: { entry: BlocklistEntry }) {
  return (
    <>
      <ul class="listings">
        {entry.listings.map((l, i) => (
          <li key={i} data-kind={l.kind}>
            <span class="kind">{kindLabel(l.kind)}</span> — {l.list}, {l.published ?? t('dateUnknown')}
            {l.sources.map((src, j) => (
              <Fragment key={j}>
                {' · '}
                <a href={src} target="_blank" rel="noopener noreferrer" class="source">
                  {t('source')}
                  {l.sources.length > 1 ? ` ${j + 1}` : ''}
                </a>
              </Fragment>
            ))}
          </li>
        ))}
      </ul>
      {entry.registeredLookalike ? <p class="note lookalike">{t('registeredLookalike', entry.registeredLookalike)}</p> : null}
      {!entry.warn ? (
        <div class="note no-warn">
          <p class="no-warn-reason">{noWarnReason(entry)}</p>
          {entry.note ? (
            <details class="research-note">
              <summary>{t('researchNote')}</summary>
              <p lang="en">{entry.note}</p>
            </details>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
