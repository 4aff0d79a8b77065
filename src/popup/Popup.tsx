/**
 * The popup: what the current tab found, and a manual lookup of the list. Also opened as a page
 * with ?tab=<id> (whose findings to show) and ?q=<text> (a prefilled lookup).
 */
import { Fragment } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { OrganizationLookup } from '../core/lookup';
import type { BlocklistEntry } from '../core/list-schema';
import type { TabFindings } from '../shared/findings';
import { kindLabel, t } from '../shared/i18n';
import { activeList, type ActiveList } from '../shared/list-store';
import { sendToBackground } from '../shared/messages';

const REGISTRY_URL = 'https://chinanpo.mca.gov.cn/';

export function Popup({ initialQuery, tabId }: { initialQuery: string; tabId: number | undefined }) {
  const [list, setList] = useState<ActiveList>();
  const [query, setQuery] = useState(initialQuery);
  const [tab, setTab] = useState<TabFindings | null | 'loading'>('loading');
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
    void activeList().then(setList);
    void (async () => {
      const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      setTab(id === undefined ? null : await sendToBackground('getTabFindings', { tabId: id }));
    })();
  }, [tabId]);

  const lookup = useMemo(() => (list ? new OrganizationLookup(list.list.entries) : undefined), [list]);
  const results = useMemo(() => (lookup && query.trim() ? lookup.search(query) : undefined), [lookup, query]);

  return (
    <main>
      <h1>{t('extName')}</h1>
      <section aria-labelledby="lookup-title">
        <label id="lookup-title" for="q">
          {t('searchLabel')}
        </label>
        <input
          id="q"
          ref={input}
          type="search"
          value={query}
          placeholder={t('searchPlaceholder')}
          autoComplete="off"
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        />
        <p class="hint">{t('searchHint')}</p>
        {results ? (
          results.length ? (
            <>
              <p class="count" role="status">
                {t('resultCount', results.length)}
              </p>
              <ul class="results">
                {results.map((r) => (
                  <EntryCard key={r.entry.id} entry={r.entry} />
                ))}
              </ul>
            </>
          ) : (
            <p class="empty" role="status">
              {t('searchNoResult')}{' '}
              <a href={REGISTRY_URL} target="_blank" rel="noopener noreferrer">
                {t('officialRegistry')}
              </a>
            </p>
          )
        ) : null}
      </section>
      <section aria-labelledby="tab-title" class="tab">
        <h2 id="tab-title">{t('onThisTab')}</h2>
        {tab === 'loading' ? null : tab === null ? (
          <p>{t('onThisTabUnavailable')}</p>
        ) : tab.findings.length ? (
          <ul class="results" data-testid="tab-findings">
            {tab.findings.map((f) => (
              <EntryCard key={f.entry.id} entry={f.entry} />
            ))}
          </ul>
        ) : (
          <p>{t('onThisTabNone')}</p>
        )}
      </section>
      {list ? (
        <footer>
          {t('builtInList', list.newestListing ?? '—', list.list.entries.length)} · {t('listPartial')}
        </footer>
      ) : null}
    </main>
  );
}

function EntryCard({ entry }: { entry: BlocklistEntry }) {
  const english = entry.names.en ?? entry.enDisplay;
  return (
    <li class="entry" data-entry-id={entry.id}>
      <strong class="zh">{entry.names.zh}</strong>
      {english ? <span class="en">{english}</span> : null}
      <ul class="listings">
        {entry.listings.map((l, i) => (
          <li key={i}>
            <span class="kind">{kindLabel(l.kind)}</span> — {l.list}, {l.published ?? t('dateUnknown')}
            {l.sources.map((src, j) => (
              <Fragment key={j}>
                {' · '}
                <a href={src} target="_blank" rel="noopener noreferrer">
                  {t('source')} {l.sources.length > 1 ? j + 1 : ''}
                </a>
              </Fragment>
            ))}
          </li>
        ))}
      </ul>
      {entry.registeredLookalike ? <p class="note">{t('registeredLookalike', entry.registeredLookalike)}</p> : null}
      {!entry.warn ? <p class="note">{t('noWarnNote')}{entry.note ? `: ${entry.note}` : ''}</p> : null}
    </li>
  );
}
