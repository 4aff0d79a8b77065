/**
 * The popup: what the current tab found, and a manual lookup of the list. Also opened as a page
 * with ?tab=<id> (whose findings to show) and ?q=<text> (a prefilled lookup).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { ListingLabel } from '../core/list-records';
import type { BlocklistEntry } from '../core/list-schema';
import type { TabFindings } from '../shared/findings';
import { t } from '../shared/i18n';
import { activeList, type ActiveList } from '../shared/list-store';
import { sendFromExtensionPage } from '../shared/messages';
import { EntryDetails } from './EntryDetails';
import { HostAccess } from './HostAccess';
import { ListSource } from './ListSource';
import { LookupResults } from './LookupResults';
import { PageHidBanner } from './PageHidBanner';
import { PopupLinks } from './PopupLinks';
import { ReportButton } from './ReportButton';
import { SiteControls } from './SiteControls';
import { SyncPanel } from './SyncPanel';

export function Popup({ initialQuery, tabId }: { initialQuery: string; tabId: number | undefined }) {
  const [list, setList] = useState<ActiveList>();
  const [query, setQuery] = useState(initialQuery);
  const [tab, setTab] = useState<TabFindings | null | 'loading' | 'failed'>('loading');
  const input = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    input.current?.focus();
    void activeList().then(setList);
    void (async () => {
      const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      setTab(id === undefined ? null : await sendFromExtensionPage('getTabFindings', { tabId: id }));
    })().catch((error: unknown) => {
      console.error('OrgCheck: could not read the tab’s findings', error);
      setTab('failed');
    });
  }, [tabId]);

  return (
    <main>
      <h1>{t('extName')}</h1>
      {typeof tab === 'object' && tab?.pageHidBanner ? <PageHidBanner /> : null}
      <HostAccess />
      <section aria-labelledby="lookup-title">
        <label id="lookup-title" for="q">
          {t('searchLabel')}
        </label>
        {/* A textarea, not an input: a pasted list keeps its line breaks, which separate names. */}
        <textarea
          id="q"
          ref={input}
          rows={Math.min(6, query.split('\n').length)}
          value={query}
          placeholder={t('searchPlaceholder')}
          autoComplete="off"
          spellcheck={false}
          onInput={(e) => setQuery((e.target as HTMLTextAreaElement).value)}
        />
        <p class="hint">{t('searchHint')}</p>
        <LookupResults entries={list?.list.entries} records={list?.records} query={query} />
      </section>
      <section aria-labelledby="tab-title" class="tab">
        <h2 id="tab-title">{t('onThisTab')}</h2>
        {tab === 'loading' ? null : tab === 'failed' ? (
          <p role="alert" data-testid="tab-failed">{t('onThisTabFailed')}</p>
        ) : tab === null ? (
          <p>{t('onThisTabUnavailable')}</p>
        ) : tab.findings.length ? (
          <ul class="results" data-testid="tab-findings">
            {tab.findings.map((f) => (
              <EntryCard key={f.entry.id} entry={f.entry} labels={f.labels} />
            ))}
          </ul>
        ) : (
          <p>{t('onThisTabNone')}</p>
        )}
        {typeof tab === 'object' && tab?.incognito ? (
          <p class="hint" data-testid="private-note">
            {t('popupPrivateNote')}
          </p>
        ) : null}
        {typeof tab === 'object' && tab && /^https?:/.test(tab.url) ? <ReportButton tabId={tab.tabId} closePopup={tabId === undefined} /> : null}
      </section>
      {typeof tab === 'object' && tab ? <SiteControls tab={tab} onChange={setTab} /> : null}
      <SyncPanel onListChanged={() => void activeList().then(setList)} />
      <footer>
        {list ? (
          <p>
            <ListSource list={list} />
          </p>
        ) : null}
        {/* The freshness line (when the list was last updated, how many organizations: a src/ui/
            component shared with the banner and the options page) goes here. */}
        <p>{t('listPartial')}</p>
        <PopupLinks />
      </footer>
    </main>
  );
}

function EntryCard({ entry, labels }: { entry: BlocklistEntry; labels: readonly ListingLabel[] }) {
  const english = entry.names.en ?? entry.enDisplay;
  return (
    <li class="entry" data-entry-id={entry.id}>
      <strong class="zh">{entry.names.zh}</strong>
      {english ? <span class="en">{english}</span> : null}
      <EntryDetails entry={entry} labels={labels} />
    </li>
  );
}
