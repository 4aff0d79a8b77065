import { render } from 'preact';
import browser from 'webextension-polyfill';
import { uiLanguage } from '../shared/i18n';
import { migrateStorageAtStart } from '../shared/storage/migrations';
import { sessionStore } from '../shared/storage/wrapper';
import { Popup } from './Popup';

// Once, before anything reads storage (shared/storage/migrations.ts).
await migrateStorageAtStart();
document.documentElement.lang = uiLanguage();
// In a tab (the context menu's lookup, ?q=, or the page opened by hand) the page is laid out as a
// centred column; in the toolbar popup, tabs.getCurrent() has no tab to return.
if (await browser.tabs.getCurrent()) document.documentElement.classList.add('in-tab');
const params = new URLSearchParams(location.search);
const tabParam = params.get('tab');
// ?pq=<key>: a lookup from a private tab, whose text waits in storage.session (background/context-menu.ts).
const privateKey = params.get('pq');
const query = privateKey ? ((await sessionStore.get('privateLookups'))[privateKey] ?? '') : (params.get('q') ?? '');
render(
  <Popup initialQuery={query} tabId={tabParam && /^\d+$/.test(tabParam) ? Number(tabParam) : undefined} />,
  document.getElementById('app')!,
);
