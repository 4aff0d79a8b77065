import { render } from 'preact';
import type { ReportSource } from '../core/report';
import { t, uiLanguage } from '../shared/i18n';
import { migrateStorageAtStart } from '../shared/storage/migrations';
import { ReportPage } from './ReportPage';

// Once, before anything reads storage (shared/storage/migrations.ts).
await migrateStorageAtStart();
document.documentElement.lang = uiLanguage();
document.title = t('reportTitle');
const params = new URLSearchParams(location.search);
const tab = params.get('tab');
const source = params.get('source');
render(
  <ReportPage
    tabId={tab && /^\d+$/.test(tab) ? Number(tab) : undefined}
    source={source === 'popup' || source === 'context-menu' ? source : ('banner' satisfies ReportSource)}
  />,
  document.getElementById('app')!,
);
