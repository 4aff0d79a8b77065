/**
 * The popup: what the current tab found, and a manual lookup of the list. Also opened as a page
 * with ?tab=<id> (whose findings to show) and ?q=<text> (a prefilled lookup).
 */
import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { BlocklistEntry } from '../core/list-schema';
import type { TabFindings } from '../shared/findings';
import { kindLabel, t } from '../shared/i18n';
import { activeList, type ActiveList } from '../shared/list-store';
import { sendToBackground } from '../shared/messages';
import { HostAccess } from './HostAccess';
import { LookupResults } from './LookupResults';
import { ReportButton } from './ReportButton';
import { SiteControls } from './SiteControls';
import { ListSource, SyncPanel } from './SyncPanel';

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

  return (
    <main>
      <h1>{t('extName')}</h1>
      <HostAccess />
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
        <LookupResults entries={list?.list.entries} query={query} />
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
        {tab && tab !== 'loading' && tab.incognito ? (
          <p class="hint" data-testid="private-note">
            {t('popupPrivateNote')}
          </p>
        ) : null}
        {tab && tab !== 'loading' && /^https?:/.test(tab.url) ? <ReportButton tabId={tab.tabId} closePopup={tabId === undefined} /> : null}
      </section>
      {tab && tab !== 'loading' ? <SiteControls tab={tab} onChange={setTab} /> : null}
      <SyncPanel onListChanged={() => void activeList().then(setList)} />
      {list ? (
        <footer>
          <ListSource list={list} /> · {t('listPartial')}
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
