import { render } from 'preact';
import { t, uiLanguage } from '../shared/i18n';
import { ConfirmPage } from './ConfirmPage';
import { migrateStorageForPage } from '../shared/storage/migrations';

// Once, before anything reads storage (shared/storage/migrations.ts).
await migrateStorageForPage();
document.documentElement.lang = uiLanguage();
document.title = t('confirmTitle');
const tab = new URLSearchParams(location.search).get('tab');
render(<ConfirmPage tabId={tab && /^\d+$/.test(tab) ? Number(tab) : undefined} />, document.getElementById('app')!);
